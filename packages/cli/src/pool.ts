import { Worker } from 'node:worker_threads'
import type { ConvertOptions, FileResult } from './convert.js'
import type { Job } from './worker.js'

const queueDepth = 2

export interface Conversion {
  /**
   * Hand each result to `onResult` in the files' order, whatever order they
   * finish in; resolves when the last is handed over. Call once.
   */
  results(onResult: (result: FileResult, index: number) => Promise<void>): Promise<void>
  /** Stop the workers; safe to call at any time, and more than once. */
  close(): Promise<void>
}

/**
 * Start converting `files` with `jobs` worker threads (or in this thread when
 * jobs is 1). Workers start at once: they load the parser and convert their
 * first files while the caller loads its exporter (ExcelJS alone takes about
 * 0.3 s to load), and their results wait until `results` is called.
 */
export function startConversion(files: readonly string[], options: ConvertOptions, jobs: number): Conversion {
  if (jobs <= 1 || files.length <= 1) return inThread(files, options)

  const workers = Array.from({ length: Math.min(jobs, files.length) }, () => new Worker(workerScript()))
  const finished = new Map<number, FileResult>()
  let nextToSend = 0
  let nextToReport = 0
  // Set by `results`; until then results only gather in `finished`.
  let report: (() => void) | undefined
  // A worker's error, before `results` is called or after: handled here, so that an early one is not unhandled.
  const failure = new Promise<never>((_, reject) => {
    for (const worker of workers) worker.on('error', reject)
  })
  failure.catch(() => {})

  const send = (worker: Worker) => {
    if (nextToSend < files.length) {
      const job: Job = { index: nextToSend, file: files[nextToSend]!, options }
      nextToSend++
      worker.postMessage(job)
    }
  }
  for (const worker of workers) {
    worker.on('message', ({ index, result }: { index: number; result: FileResult }) => {
      finished.set(index, result)
      // A worker gets its next file at once, before its result is reported.
      send(worker)
      report?.()
    })
    // Two files in hand: a worker starts its next file while the main thread
    // is still busy with the last result (or the other worker's).
    for (let n = 0; n < queueDepth; n++) send(worker)
  }

  let closed: Promise<void> | undefined
  const close = () => (closed ??= Promise.all(workers.map((worker) => worker.terminate())).then(() => undefined))

  return {
    async results(onResult) {
      try {
        const reported = new Promise<void>((resolve, reject) => {
          let reporting = Promise.resolve()
          // Results are reported one at a time and in order.
          report = () => {
            reporting = reporting.then(async () => {
              while (finished.has(nextToReport)) {
                const result = finished.get(nextToReport)!
                finished.delete(nextToReport)
                await onResult(result, nextToReport++)
              }
              if (nextToReport === files.length) resolve()
            })
            reporting.catch(reject)
          }
          report()
        })
        await Promise.race([reported, failure])
      } finally {
        await close()
      }
    },
    close,
  }
}

function inThread(files: readonly string[], options: ConvertOptions): Conversion {
  return {
    async results(onResult) {
      // Loaded here, not above: with workers, the main thread never parses and need not load the parser.
      const { convertFile } = await import('./convert.js')
      for (const [index, file] of files.entries()) await onResult(await convertFile(file, options), index)
    },
    close: async () => {},
  }
}

/** The compiled worker beside this module; from the TypeScript sources (tests), the built one. */
function workerScript(): URL {
  const here = new URL(import.meta.url)
  return here.pathname.endsWith('.ts') ? new URL('../dist/worker.js', here) : new URL('./worker.js', here)
}

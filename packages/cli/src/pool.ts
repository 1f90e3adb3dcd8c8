import { Worker } from 'node:worker_threads'
import type { ConvertOptions, FileResult } from './convert.js'
import type { Job } from './worker.js'

const queueDepth = 2

/**
 * Convert `files` with `jobs` worker threads (or in this thread when jobs is 1),
 * handing results to `onResult` in the files' order, whatever order they finish in.
 */
export async function convertAll(
  files: readonly string[],
  options: ConvertOptions,
  jobs: number,
  onResult: (result: FileResult, index: number) => Promise<void>,
): Promise<void> {
  if (jobs <= 1 || files.length <= 1) {
    // Loaded here, not above: with workers, the main thread never parses and need not load the parser.
    const { convertFile } = await import('./convert.js')
    for (const [index, file] of files.entries()) await onResult(await convertFile(file, options), index)
    return
  }
  const workers = Array.from({ length: Math.min(jobs, files.length) }, () => new Worker(workerScript()))
  const finished = new Map<number, FileResult>()
  let nextToSend = 0
  let nextToReport = 0
  try {
    await new Promise<void>((resolve, reject) => {
      let reporting = Promise.resolve()
      const send = (worker: Worker) => {
        if (nextToSend < files.length) {
          const job: Job = { index: nextToSend, file: files[nextToSend]!, options }
          nextToSend++
          worker.postMessage(job)
        }
      }
      // Results are reported one at a time and in order; a worker gets its next file at once.
      const report = () => {
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
      for (const worker of workers) {
        worker.on('message', ({ index, result }: { index: number; result: FileResult }) => {
          finished.set(index, result)
          send(worker)
          report()
        })
        worker.on('error', reject)
        // Two files in hand: a worker starts its next file while the main thread
        // is still busy with the last result (or the other worker's).
        for (let n = 0; n < queueDepth; n++) send(worker)
      }
    })
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}

/** The compiled worker beside this module; from the TypeScript sources (tests), the built one. */
function workerScript(): URL {
  const here = new URL(import.meta.url)
  return here.pathname.endsWith('.ts') ? new URL('../dist/worker.js', here) : new URL('./worker.js', here)
}

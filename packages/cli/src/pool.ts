import { Worker } from 'node:worker_threads'
import type { Failure } from '@jxmb/model'
import type { ConvertOptions, FileResult } from './convert.js'
import type { Job } from './worker.js'

const queueDepth = 2

export interface PoolOptions {
  /** Worker threads; at least 1 (every file converts in a worker, whatever `jobs` is). */
  jobs: number
  /** Time one file may take, in milliseconds, before its worker is stopped (`TIMEOUT`). */
  timeoutMs: number
  /** Heap of each worker, in MiB; a file that needs more costs only itself (`RESOURCE_LIMIT`). */
  maxMemoryMb: number
}

export const defaultPoolOptions: Omit<PoolOptions, 'jobs'> = { timeoutMs: 60_000, maxMemoryMb: 400 }

export interface Conversion {
  /**
   * Hand each result to `onResult` in the files' order, whatever order they
   * finish in; resolves when the last is handed over. Call once.
   */
  results(onResult: (result: FileResult, index: number) => Promise<void>): Promise<void>
  /** Stop the workers; safe to call at any time, and more than once. */
  close(): Promise<void>
}

/** One worker thread and the files it holds, the first of them in progress. */
interface Slot {
  worker: Worker
  held: number[]
  timer: ReturnType<typeof setTimeout> | undefined
  /** Loading the worker is not counted against its first file's time. */
  ready: boolean
  /** Failed and stopped: its later events (an 'exit' after an 'error') change nothing. */
  dead: boolean
}

/**
 * Start converting `files` in worker threads. Workers start at once: they load
 * the parser and convert their first files while the caller loads its exporter
 * (ExcelJS alone takes about 0.3 s to load), and results wait until `results`
 * is called. A worker that crashes, runs out of memory or overruns the time
 * budget is replaced; only the file it was converting fails.
 */
/** What was settled for a file before the pool: the .docx to read in its place (LibreOffice's), or its failure. */
export interface Prepared {
  source?: string
  failure?: Failure
}

export function startConversion(files: readonly string[], options: ConvertOptions, pool: PoolOptions, prepared: ReadonlyArray<Prepared | undefined> = []): Conversion {
  const finished = new Map<number, FileResult>()
  let nextToSend = 0
  let nextToReport = 0
  let closing = false
  // Set by `results`; until then results only gather in `finished`.
  let report: (() => void) | undefined
  // Files taken back from a replaced worker, sent again before new ones.
  const returned: number[] = []

  const spawn = (adopt = false): Slot => {
    const early = adopt ? takeEarlyWorker(pool.maxMemoryMb) : undefined
    const worker = early?.worker ?? startWorker(pool.maxMemoryMb)
    const slot: Slot = { worker, held: [], timer: undefined, ready: early?.ready ?? false, dead: false }
    worker.on('message', (message: { ready: true } | { index: number; result: FileResult }) => {
      if ('ready' in message) {
        slot.ready = true
        return startClock(slot)
      }
      const { index, result } = message
      if (slot.dead || slot.held[0] !== index) return
      slot.held.shift()
      finish(index, result)
      clearTimeout(slot.timer)
      slot.timer = undefined
      // A worker gets its next file at once, before its result is reported.
      fill(slot)
      startClock(slot)
    })
    worker.on('error', (error: Error & { code?: string }) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY'
      fail(slot, outOfMemory ? 'RESOURCE_LIMIT' : 'INTERNAL', outOfMemory ? outOfMemoryMessage() : `The converter stopped unexpectedly: ${error.message}`)
    })
    worker.on('exit', (code) => {
      if (!closing) fail(slot, 'INTERNAL', `The converter stopped unexpectedly (exit code ${code}).`)
    })
    return slot
  }

  const outOfMemoryMessage = () =>
    `Converting the file needed more than ${pool.maxMemoryMb} MiB of memory; it was stopped.`

  const finish = (index: number, result: FileResult) => {
    finished.set(index, result)
    report?.()
  }

  /** The slot's current file fails with `code`; the worker is replaced and its other files go to the new one. */
  const fail = (slot: Slot, code: string, message: string) => {
    if (slot.dead) return
    slot.dead = true
    clearTimeout(slot.timer)
    void slot.worker.terminate()
    const [current, ...rest] = slot.held
    slot.held = []
    if (current !== undefined) finish(current, { file: files[current]!, ok: false, failure: { file: files[current]!, code, message } })
    for (const index of rest.reverse()) returned.unshift(index)
    // No fresh worker when nothing is left for it (a worker that cannot even start would otherwise be restarted forever).
    if (closing || (returned.length === 0 && nextToSend >= files.length)) return
    const fresh = spawn()
    slots[slots.indexOf(slot)] = fresh
    fill(fresh)
    startClock(fresh)
  }

  const startClock = (slot: Slot) => {
    if (!slot.ready || slot.timer !== undefined || slot.held.length === 0) return
    const seconds = Math.round(pool.timeoutMs / 100) / 10
    slot.timer = setTimeout(() => fail(slot, 'TIMEOUT', `Converting the file took longer than ${seconds} s; it was stopped.`), pool.timeoutMs)
    // A pending clock must not keep the process alive on its own.
    slot.timer.unref?.()
  }

  const fill = (slot: Slot) => {
    while (slot.held.length < queueDepth) {
      // A file that failed before the pool (LibreOffice's conversion) is reported as it is, never sent.
      while (nextToSend < files.length && prepared[nextToSend]?.failure) nextToSend++
      const index = returned.length > 0 ? returned.shift()! : nextToSend < files.length ? nextToSend++ : undefined
      if (index === undefined) return
      slot.held.push(index)
      const source = prepared[index]?.source
      const job: Job = { index, file: files[index]!, options, ...(source ? { source } : {}) }
      slot.worker.postMessage(job)
    }
  }

  prepared.forEach((entry, index) => entry?.failure && finished.set(index, { file: files[index]!, ok: false, failure: entry.failure }))
  const slots: Slot[] = Array.from({ length: Math.max(1, Math.min(pool.jobs, files.length)) }, (_, index) => spawn(index === 0))
  for (const slot of slots) {
    // Two files in hand: a worker starts its next file while the main thread
    // is still busy with the last result (or the other worker's).
    fill(slot)
    startClock(slot)
  }

  let closed: Promise<void> | undefined
  const close = () => {
    closing = true
    for (const slot of slots) clearTimeout(slot.timer)
    return (closed ??= Promise.all(slots.map((slot) => slot.worker.terminate())).then(() => undefined))
  }

  return {
    async results(onResult) {
      try {
        await new Promise<void>((resolve, reject) => {
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
      } finally {
        await close()
      }
    },
    close,
  }
}

/** A worker with the pool's limits; the same stack for every worker, so that results never depend on --jobs. */
function startWorker(maxMemoryMb: number): Worker {
  return new Worker(workerScript(), { resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, stackSizeMb: 4 } })
}

/** A worker started before the command line is read, and what it has said so far. */
interface EarlyWorker {
  worker: Worker
  ready: boolean
  failed: boolean
  maxMemoryMb: number
  /** Its own listeners, taken off when a pool takes the worker. */
  detach(): void
}
let early: EarlyWorker | undefined

/**
 * Start the first worker at once, with the default limits, while the main thread loads the rest
 * of the command: starting a thread and loading the parser in it is most of a one-file run's time.
 * It keeps nothing alive: a run that converts nothing exits as if it had never started.
 */
export function startEarlyWorker(): void {
  if (early) return
  const worker = startWorker(defaultPoolOptions.maxMemoryMb)
  const onMessage = (message: { ready?: true }) => void (message.ready && (state.ready = true))
  // Until a pool takes it, a failure only means it will not be taken.
  const onFailure = () => void (state.failed = true)
  const state: EarlyWorker = {
    worker,
    ready: false,
    failed: false,
    maxMemoryMb: defaultPoolOptions.maxMemoryMb,
    detach() {
      worker.off('message', onMessage)
      worker.off('error', onFailure)
      worker.off('exit', onFailure)
    },
  }
  worker.on('message', onMessage)
  worker.on('error', onFailure)
  worker.on('exit', onFailure)
  worker.unref()
  early = state
}

/** The early worker, when it is fit for a pool of these limits; otherwise it is stopped. */
function takeEarlyWorker(maxMemoryMb: number): EarlyWorker | undefined {
  const taken = early
  early = undefined
  if (!taken) return undefined
  taken.detach()
  if (taken.failed || taken.maxMemoryMb !== maxMemoryMb) {
    void taken.worker.terminate()
    return undefined
  }
  taken.worker.ref()
  return taken
}

/** The compiled worker beside this module; from the TypeScript sources (tests), the built one. */
function workerScript(): URL {
  const here = new URL(import.meta.url)
  return here.pathname.endsWith('.ts') ? new URL('../dist/worker.js', here) : new URL('./worker.js', here)
}

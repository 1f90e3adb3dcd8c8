/** A worker thread of `jxmb convert --jobs n`: converts the files it is sent. */
import { parentPort } from 'node:worker_threads'
import { convertFile, type ConvertOptions } from './convert.js'

export interface Job {
  index: number
  /** The file as the clerk named it: in every message and in `source.file`. */
  file: string
  /** The file to read, when it is not `file` (the .docx LibreOffice made of it). */
  source?: string
  options: ConvertOptions
}

// Jobs are done one at a time, in the order they came: the pool sends the next
// before this one is done, so that the worker never waits on the main thread.
const queue: Job[] = []
let busy = false

async function drain(): Promise<void> {
  busy = true
  for (let job = queue.shift(); job; job = queue.shift()) {
    parentPort!.postMessage({ index: job.index, result: await convertFile(job.file, job.options, job.source) })
  }
  busy = false
}

parentPort!.on('message', (job: Job) => {
  queue.push(job)
  if (!busy) void drain()
})

// Loaded (the parser with it): from here on, the pool's clock runs for each file.
parentPort!.postMessage({ ready: true })

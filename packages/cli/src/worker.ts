/** A worker thread of `jxmb convert --jobs n`: converts the files it is sent. */
import { parentPort } from 'node:worker_threads'
import { convertFile, type ConvertOptions } from './convert.js'

export interface Job {
  index: number
  file: string
  options: ConvertOptions
}

parentPort!.on('message', async (job: Job) => {
  parentPort!.postMessage({ index: job.index, result: await convertFile(job.file, job.options) })
})

// A worker thread of `pnpm bench`: mammoth's convertToHtml alone, over and over.
// The benchmark runs one and then two of these at once: how much faster two
// threads convert than one is the most `--jobs 2` can gain over `--jobs 1`,
// since mammoth is most of a conversion's work.
import { parentPort, workerData } from 'node:worker_threads'
import mammoth from 'mammoth'

const { documents, count } = workerData
const convert = (n) => mammoth.convertToHtml({ buffer: Buffer.from(documents[n % documents.length]) })
// Warm up, then wait for the signal, so that every thread starts timing together.
for (let n = 0; n < 2 * documents.length; n++) await convert(n)
parentPort.postMessage('ready')
parentPort.once('message', async () => {
  for (let n = 0; n < count; n++) await convert(n)
  parentPort.postMessage('done')
})

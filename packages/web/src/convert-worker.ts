/**
 * The page's conversion thread: the parser runs here, so that the page answers while a
 * folder converts. Every failure comes back as a coded `Failure`, never a throw.
 */
import { isJxmbError } from '@jxmb/model'
import { parse } from '@jxmb/parser'
import type { ConvertRequest, ConvertResult } from './protocol.js'

const scope = self as unknown as { onmessage: ((event: MessageEvent<ConvertRequest>) => void) | null; postMessage(message: ConvertResult): void }

// One file at a time, in the order they came: the page sends them all at once.
const queue: ConvertRequest[] = []
let busy = false

async function drain(): Promise<void> {
  busy = true
  for (let job = queue.shift(); job; job = queue.shift()) scope.postMessage(await convert(job))
  busy = false
}

async function convert({ index, name, bytes }: ConvertRequest): Promise<ConvertResult> {
  try {
    return { index, ok: true, document: await parse(new Uint8Array(bytes), { file: name }) }
  } catch (error) {
    if (isJxmbError(error)) return { index, ok: false, failure: { file: name, code: error.code, message: error.message } }
    const message = error instanceof Error ? error.message : String(error)
    return { index, ok: false, failure: { file: name, code: 'INTERNAL', message: `Unexpected error (please report it): ${message}` } }
  }
}

scope.onmessage = (event) => {
  queue.push(event.data)
  if (!busy) void drain()
}

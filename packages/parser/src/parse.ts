import type { JxmbDocument, Source } from '@jxmb/model'
import { interpret } from './interpret/interpret.js'
import { decodeText } from './read/decode.js'
import { readTikaText } from './read/text.js'

export interface ParseOptions {
  /** The file name, for messages and `source.file`. */
  file?: string
  /** Force a text encoding instead of detecting it. */
  encoding?: string
}

/** Parse exported Word text (string, or bytes in any supported encoding). */
export function parseText(input: string | Uint8Array, options: ParseOptions = {}): JxmbDocument {
  const source: Source = { format: 'tika-text' }
  if (options.file !== undefined) source.file = options.file
  let text: string
  if (typeof input === 'string') {
    text = input
  } else {
    const decoded = decodeText(input, options.file, options.encoding)
    text = decoded.text
    source.encoding = decoded.encoding
  }
  return interpret(readTikaText(text), source)
}

/** Parse any supported input; the format is detected from the bytes. */
export async function parse(input: string | Uint8Array, options: ParseOptions = {}): Promise<JxmbDocument> {
  return parseText(input, options)
}

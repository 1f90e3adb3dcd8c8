import { JxmbError } from '@jxmb/model'

// The WHATWG TextDecoder of Node and browsers; typed here so the core needs neither DOM nor Node types.
const { TextDecoder } = globalThis as unknown as {
  TextDecoder: new (label: string, options?: { fatal?: boolean }) => { decode(input: Uint8Array): string }
}

export interface Decoded {
  text: string
  encoding: string
}

/**
 * Bytes to text: a BOM decides; otherwise strict UTF-8, then GB18030
 * (Chinese Windows' default). Binary data is refused rather than decoded to noise.
 */
export function decodeText(bytes: Uint8Array, file?: string, encoding?: string): Decoded {
  if (bytes.length === 0) throw new JxmbError('EMPTY', undefined, { file })
  if (encoding) return { text: decodeWith(encoding, bytes, file), encoding }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeWith('utf-8', bytes.subarray(3), file), encoding: 'utf-8' }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeWith('utf-16le', bytes.subarray(2), file), encoding: 'utf-16le' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeWith('utf-16be', bytes.subarray(2), file), encoding: 'utf-16be' }
  if (looksBinary(bytes)) throw new JxmbError('BINARY', undefined, { file })
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: decodeWith('gb18030', bytes, file), encoding: 'gb18030' }
  }
}

function decodeWith(encoding: string, bytes: Uint8Array, file?: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch (cause) {
    throw new JxmbError('ENCODING', `The text is not valid ${encoding}.`, { file, cause })
  }
}

/** NUL bytes or many control characters in the first 8 KiB: not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192)
  let control = 0
  for (const byte of sample) {
    if (byte === 0) return true
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++
  }
  return control > sample.length / 20
}

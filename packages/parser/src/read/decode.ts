import { JxmbError } from '@jxmb/model'
import { TextDecoder } from '../text-decoder.js'

// One decoder for every file: decode() without `stream` starts afresh each call, and making
// a decoder costs about as much as decoding a one-project file.
const utf8 = new TextDecoder('utf-8', { fatal: true })

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
  const sample = sampleBytes(bytes)
  const utf16 = utf16WithoutBom(bytes, sample)
  if (utf16) return { text: decodeWith(utf16, bytes, file), encoding: utf16 }
  if (looksBinary(sample)) throw new JxmbError('BINARY', undefined, { file })
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' }
  } catch {
    const text = decodeWith('gb18030', bytes, file)
    if (!plausibleGb(bytes)) {
      throw new JxmbError(
        'ENCODING',
        'The text is neither UTF-8 nor plausible GB18030/GBK Chinese; it decodes to nonsense.',
        { file },
      )
    }
    return { text, encoding: 'gb18030' }
  }
}

/**
 * Chinese prose in GBK draws almost all its characters from GB2312's level-1
 * block (lead bytes B0–D7) and its punctuation rows A1 and A3, each with a
 * trail byte A1–FE. Text in another encoding (Big5, Shift_JIS, UTF-16 without
 * BOM) read as GBK scatters over the rest.
 */
function plausibleGb(bytes: Uint8Array): boolean {
  let common = 0
  let total = 0
  for (let index = 0; index < bytes.length; index++) {
    const lead = bytes[index]!
    if (lead < 0x81) continue
    const trail = bytes[index + 1] ?? 0
    total++
    if (((lead >= 0xb0 && lead <= 0xd7) || lead === 0xa1 || lead === 0xa3) && trail >= 0xa1 && trail <= 0xfe) common++
    index++ // the trail byte (a four-byte GB18030 sequence counts as two pairs; rare in real text)
  }
  return total < 20 || common / total >= 0.6
}
function decodeWith(encoding: string, bytes: Uint8Array, file?: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch (cause) {
    throw new JxmbError('ENCODING', `The text is not valid ${encoding}.`, { file, cause })
  }
}

/** What the first 8 KiB hold that tells text from the rest, counted in one pass. */
interface Sample {
  length: number
  /** NUL bytes at even and at odd offsets. */
  evenNuls: number
  oddNuls: number
  /** Control characters other than NUL, TAB, LF, FF and CR. */
  controls: number
}

function sampleBytes(bytes: Uint8Array): Sample {
  const length = Math.min(bytes.length, 8192)
  let evenNuls = 0
  let oddNuls = 0
  let controls = 0
  for (let index = 0; index < length; index++) {
    const byte = bytes[index]!
    if (byte >= 0x20) continue
    if (byte === 0) index % 2 === 0 ? evenNuls++ : oddNuls++
    else if (byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++
  }
  return { length, evenNuls, oddNuls, controls }
}

/**
 * UTF-16 without a BOM: the high byte of ASCII (TABs, line breaks, digits) is
 * NUL, so NULs fall on one parity only: odd offsets for LE, even for BE.
 */
function utf16WithoutBom(bytes: Uint8Array, { length, evenNuls: even, oddNuls: odd }: Sample): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length % 2 !== 0) return undefined
  const pairs = length / 2
  // CJK characters such as 一 (U+4E00) put a few NULs on the other parity too.
  if (odd > pairs * 0.05 && even < odd * 0.1) return 'utf-16le'
  if (even > pairs * 0.05 && odd < even * 0.1) return 'utf-16be'
  return undefined
}

/** NUL bytes or many control characters in the first 8 KiB: not text. */
function looksBinary({ length, evenNuls, oddNuls, controls }: Sample): boolean {
  return evenNuls + oddNuls > 0 || controls > length / 20
}

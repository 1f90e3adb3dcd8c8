/** Exported Word text → the model: this module and what it imports are all a text-only reader needs. */
import { JxmbError, type JxmbDocument, type Source } from '@jxmb/model'
import { interpret } from './interpret/interpret.js'
import { decodeText } from './read/decode.js'
import type { ContainerLimits } from './read/docx-container.js'
import { isTabPerRow, readTabText } from './read/tab-text.js'
import { normalizeText, tikaBlocks } from './read/text.js'

export interface ParseOptions extends ContainerLimits {
  /** The file name, for messages and `source.file`. */
  file?: string
  /** Force a text encoding instead of detecting it. */
  encoding?: string
  /** Largest text input, in bytes (or characters, for a string), refused before decoding. Default 64 MiB. */
  maxTextBytes?: number
  /**
   * How a .docx is read: `ooxml` (the default: jxmb's own one-pass reader of the WordprocessingML)
   * or `mammoth` (the reference it is tested against: mammoth's HTML walked with cheerio).
   */
  reader?: DocxReader
}

export type DocxReader = 'mammoth' | 'ooxml'

const defaultMaxTextBytes = 64 * 2 ** 20

/**
 * Parse exported Word text (string, or bytes in any supported encoding):
 * Tika's layout or tab-per-row, told apart automatically.
 */
export function parseText(input: string | Uint8Array, options: ParseOptions = {}): JxmbDocument {
  return guarded(options.file, () => {
    const { maxTextBytes = defaultMaxTextBytes } = options
    if (input.length > maxTextBytes) {
      throw new JxmbError('TOO_LARGE', `The text is ${input.length} bytes, over the limit of ${maxTextBytes}; refused unread.`, { file: options.file })
    }
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
    // RTF is text too, but its tables are control words: read as text, it would give nothing and say little.
    if (/^\uFEFF?\{\\rtf/.test(text)) throw new JxmbError('RTF', undefined, { file: options.file })
    // Once here, so that the dialect test and the reader do not each copy CRLF text.
    text = normalizeText(text)
    if (isTabPerRow(text)) {
      source.format = 'tab-text'
      return interpret(readTabText(text), source)
    }
    return interpret(tikaBlocks(text), source)
  })
}

/**
 * Bad input ends in a coded `JxmbError`; anything else thrown on the way is a
 * bug in jxmb, and comes out as one too (`INTERNAL`, the file named, the
 * original error as `cause`), so that callers handle one kind of error.
 */
export function guarded<T>(file: string | undefined, run: () => T): T {
  const internal = (cause: unknown) => {
    if (cause instanceof JxmbError) return cause
    const detail = cause instanceof Error ? cause.message : String(cause)
    return new JxmbError('INTERNAL', `Unexpected error (a bug in jxmb; please report it with the file): ${detail}`, { file, cause })
  }
  try {
    const result = run()
    return (result instanceof Promise ? result.catch((cause) => Promise.reject(internal(cause))) : result) as T
  } catch (cause) {
    throw internal(cause)
  }
}

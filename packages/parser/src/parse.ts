import type { JxmbDocument, Source } from '@jxmb/model'
import { JxmbError } from '@jxmb/model'
import { interpret } from './interpret/interpret.js'
import { readOoxml } from './read/ooxml.js'
import { isOle, isZip } from './read/docx-container.js'
import { guarded, parseText, type ParseOptions } from './parse-text.js'

export { parseText, type DocxReader, type ParseOptions } from './parse-text.js'

/** Parse a .docx given as bytes. */
export async function parseDocx(input: Uint8Array, options: ParseOptions = {}): Promise<JxmbDocument> {
  return guarded(options.file, async () => {
    // mammoth and cheerio load only when asked for: they are most of the parser's start-up.
    const read = options.reader === 'mammoth' ? (await import('./read/docx.js')).readDocx : readOoxml
    const { blocks, diagnostics } = await read(input, options.file, options)
    const source: Source = { format: 'docx' }
    if (options.file !== undefined) source.file = options.file
    const document = interpret(blocks, source)
    document.diagnostics = [...diagnostics, ...document.diagnostics]
    return document
  })
}

/** Parse any supported input; the format is detected from the bytes, not the name. */
export async function parse(input: string | Uint8Array, options: ParseOptions = {}): Promise<JxmbDocument> {
  if (typeof input !== 'string' && (isZip(input) || isOle(input))) return parseDocx(input, options)
  if (typeof input !== 'string' && input.length > 0 && options.file && /\.docx?$/i.test(options.file)) {
    throw new JxmbError('NOT_ZIP', undefined, { file: options.file })
  }
  return parseText(input, options)
}

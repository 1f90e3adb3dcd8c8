/**
 * `@jxmb/parser/text`: exported Word text only (Tika's layout and tab-per-row), without the
 * .docx readers, so that a bundle that reads text pulls in neither the OOXML reader nor mammoth.
 */
export { parseText, type DocxReader, type ParseOptions } from './parse-text.js'
export { interpret } from './interpret/interpret.js'
export { parseIndicatorValue, parseAmount, parsePercent } from './interpret/value.js'
export { decodeText, type Decoded } from './read/decode.js'

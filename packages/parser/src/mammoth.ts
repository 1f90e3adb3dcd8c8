/**
 * The reference .docx reader: mammoth's HTML walked with cheerio. A subpath of its own
 * (`@jxmb/parser/mammoth`), so that the main entry loads neither mammoth nor cheerio.
 */
export { readDocx, htmlToBlocks, type DocxResult, type HtmlOptions } from './read/docx.js'

/**
 * Reader for the text Apache Tika writes from a .docx: paragraphs are lines;
 * in a table each cell is a line starting with TAB, a cell's further
 * paragraphs follow without TAB, and an empty line ends a row.
 */
import type { Block, Cell, ParagraphBlock, Row, TableBlock } from '../blocks.js'
import { lineSpan, span } from '../position.js'

const bookmarkMarker = /^\[bookmark: ([^\]]*)\]/
// Tika's inline markers that are not text: footnote/endnote references, images, comments.
// Bounded, so a very long line full of `[` stays linear.
const inlineMarker = /\[(?:footnoteRef|endnoteRef|image|comment|annotation)[^\]\n]{0,300}\]/g
// Word's hidden bookmarks: last edit position, hyperlink targets.
const hiddenBookmark = /^_(GoBack|Hlk|Ref)/

export function readTikaText(text: string): Block[] {
  const lines = splitLines(text.replace(/^\ufeff/, ''))
  const blocks: Block[] = []
  let table: TableBlock | undefined
  let row: Row | undefined
  let cell: Cell | undefined
  let pendingBookmarks: string[] = []

  const endRow = () => {
    if (row && table) {
      row.position = span(row.cells[0]!.position, row.cells.at(-1)!.position)
      table.rows.push(row)
    }
    row = undefined
    cell = undefined
  }
  const endTable = () => {
    endRow()
    if (table && table.rows.length > 0) {
      table.position = span(table.rows[0]!.position, table.rows.at(-1)!.position)
      blocks.push(table)
    }
    table = undefined
  }

  for (let index = 0; index < lines.length; index++) {
    const lineNumber = index + 1
    let line = lines[index]!
    if (line.includes('[bookmark: ')) {
      const taken = takeBookmarks(line)
      line = taken.text
      pendingBookmarks.push(...taken.bookmarks)
    }

    if (line.charCodeAt(0) === 9 /* TAB */) {
      if (!table) {
        table = { type: 'table', rows: [], bookmarks: pendingBookmarks, position: {} }
        pendingBookmarks = []
      }
      if (!row) row = { cells: [], position: {} }
      const content = cleanLine(line.slice(1))
      cell = {
        paragraphs: content === '' ? [] : [content],
        tables: noTables,
        rowSpan: 1,
        colSpan: 1,
        position: lineSpan(lineNumber, lineNumber, line.length),
      }
      row.cells.push(cell)
      continue
    }

    if (line === '') {
      if (row) endRow()
      else if (table) endTable() // a second empty line: the table is over
      continue
    }

    if (cell) {
      // A cell's further paragraph.
      const content = cleanLine(line)
      if (content !== '') cell.paragraphs.push(content)
      cell.position = span(cell.position, lineSpan(lineNumber, lineNumber, line.length))
      continue
    }

    endTable()
    const paragraph: ParagraphBlock = {
      type: 'paragraph',
      text: cleanLine(line),
      bookmarks: pendingBookmarks,
      position: lineSpan(lineNumber, lineNumber, line.length),
    }
    pendingBookmarks = []
    blocks.push(paragraph)
  }
  endTable()
  return blocks
}

const noBookmarks: string[] = []
// Text has no nested tables; one shared empty list spares an allocation per cell.
const noTables: TableBlock[] = []

export function takeBookmarks(line: string): { text: string; bookmarks: string[] } {
  // Fast path: most lines hold no marker at all.
  if (!line.includes('[bookmark: ')) return { text: line, bookmarks: noBookmarks }
  const bookmarks: string[] = []
  let text = line
  let match: RegExpExecArray | null
  while ((match = bookmarkMarker.exec(text))) {
    if (!hiddenBookmark.test(match[1]!)) bookmarks.push(match[1]!)
    text = text.slice(match[0].length)
  }
  // A bookmark inside a table cell line sits after the TAB.
  if (text.startsWith('\t') && bookmarkMarker.test(text.slice(1))) {
    const inner = takeBookmarks(text.slice(1))
    return { text: '\t' + inner.text, bookmarks: [...bookmarks, ...inner.bookmarks] }
  }
  return { text, bookmarks }
}

/** Lines of any ending; a plain split when there is no CR, which is much faster than the regex. */
export function splitLines(text: string): string[] {
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n')
}

/** A line's text without Tika's inline markers, trimmed. */
export function cleanLine(text: string): string {
  return (text.includes('[') ? text.replace(inlineMarker, '') : text).trim()
}

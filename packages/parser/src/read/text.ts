/**
 * Reader for the text Apache Tika writes from a .docx: paragraphs are lines;
 * in a table each cell is a line starting with TAB, a cell's further
 * paragraphs follow without TAB, and an empty line ends a row.
 */
import type { Position } from '@jxmb/model'
import type { Block, Cell, ParagraphBlock, Row, TableBlock } from '../blocks.js'
import { lineSpan, span } from '../position.js'
import { hiddenBookmark } from './hidden-bookmark.js'
import { indentOf, isIndentChar } from './indent.js'

const bookmarkMarker = /^\[bookmark: ([^\]]*)\]/
// Tika's inline markers that are not text: footnote/endnote references, images, comments.
// Bounded, so a very long line full of `[` stays linear.
const inlineMarker = /\[(?:footnoteRef|endnoteRef|image|comment|annotation)[^\]\n]{0,300}\]/g

const noBookmarks: string[] = []
// Text has no nested tables; one shared empty list spares an allocation per cell.
const noTables: TableBlock[] = []

/**
 * A cell of a text table, made from its row when the interpreter asks for the
 * row's cells (headers, goals): its text and lines, with the position and the
 * paragraph list made when asked for.
 */
export class TextCell implements Cell {
  constructor(
    /** The paragraphs joined by line breaks (a paragraph never holds one). */
    readonly text: string,
    readonly line: number,
    readonly endLine: number,
    readonly endColumn: number,
    readonly indent?: number,
  ) {}
  get paragraphs(): string[] {
    return this.text === '' ? [] : this.text.split('\n')
  }
  get tables(): TableBlock[] {
    return noTables
  }
  get rowSpan(): number {
    return 1
  }
  get colSpan(): number {
    return 1
  }
  get position(): Position {
    return lineSpan(this.line, this.endLine, this.endColumn)
  }
}

/**
 * A row of a text table: its cells' texts and lines. The interpreter reads
 * `texts`; the cells themselves are made only for the few rows that need them
 * (headers, goals), and positions only for what the model keeps. A document
 * has tens of thousands of cells: making an object and a position for each was
 * most of the reader's allocation and garbage-collection time.
 */
export class TextRow implements Row {
  #cells: TextCell[] | undefined

  constructor(
    readonly texts: string[],
    /** Per cell, three numbers: its first line, its last line, and that line's length. */
    readonly lines: number[],
    /** Per cell, its indent; absent when no cell of the row is indented. */
    readonly indents?: number[],
  ) {}

  get cells(): TextCell[] {
    const { texts, lines, indents } = this
    this.#cells ??= texts.map((text, index) => new TextCell(text, lines[3 * index]!, lines[3 * index + 1]!, lines[3 * index + 2]!, indents?.[index] || undefined))
    return this.#cells
  }

  spanCells(from: number, to: number): Position {
    return lineSpan(this.lines[3 * from]!, this.lines[3 * to + 1]!, this.lines[3 * to + 2]!)
  }

  get position(): Position {
    return this.spanCells(0, this.texts.length - 1)
  }
}

export function readTikaText(input: string): Block[] {
  return [...tikaBlocks(input)]
}

/**
 * The blocks of Tika's text, each handed out as soon as it ends. The
 * interpreter consumes them as they come, so a table's cells are garbage as
 * soon as it is read: young-generation collections then copy only the model,
 * not the whole document's cells.
 */
export function* tikaBlocks(input: string): Generator<Block, void, undefined> {
  const text = normalizeText(input)
  // The table being read: its rows, and the bookmarks before it. No closures over
  // this state, so that it stays in the generator's registers on the hot path.
  let rows: TextRow[] | undefined
  let tableBookmarks = noBookmarks
  let pendingBookmarks: string[] = []
  // The row being read, in arrays used again for every row: a row is made with
  // copies of just its length, where arrays grown by push would be two to six times that.
  const texts: string[] = []
  const lines: number[] = []
  let cells = 0
  // The row's indents, made only when a cell of it is indented (trees).
  let indents: number[] | undefined

  // One pass over the text: no array of lines, and a cell's text is sliced straight
  // from the source. A character loop, not indexOf: most lines are a short cell, where
  // a builtin call per line costs more than the scan, which also sees any `[` on the way.
  const size = text.length
  let lineNumber = 0
  for (let start = 0; start <= size; ) {
    let end = start
    let bracket = false
    for (let code; end < size && (code = text.charCodeAt(end)) !== 10; end++) if (code === 0x5b) bracket = true
    lineNumber++
    let line: string | undefined
    // A marker counts only at the line's start, or right after a cell's TAB.
    const first = text.charCodeAt(start)
    if (
      (first === 0x5b /* [ */ && text.startsWith('[bookmark: ', start)) ||
      (first === 9 && text.charCodeAt(start + 1) === 0x5b && text.startsWith('\t[bookmark: ', start))
    ) {
      const taken = takeBookmarks(text.slice(start, end))
      line = taken.text
      for (const bookmark of taken.bookmarks) pendingBookmarks.push(bookmark)
    }
    const lineStart = start
    start = end + 1
    const length = line === undefined ? end - lineStart : line.length

    if (line === undefined ? first === 9 /* TAB */ : line.charCodeAt(0) === 9) {
      if (!rows) {
        rows = []
        tableBookmarks = pendingBookmarks
        pendingBookmarks = []
      }
      texts[cells] = line === undefined ? cleanSlice(text, lineStart + 1, end, bracket) : cleanLine(line.slice(1))
      // Spaces after the TAB are trimmed from the text; in an indented tree they are the level.
      if (lineStart + 1 < end && isIndentChar(line === undefined ? text.charCodeAt(lineStart + 1) : line.charCodeAt(1)) && texts[cells] !== '') {
        ;(indents ??= [])[cells] = line === undefined ? indentOf(text, lineStart + 1) : indentOf(line, 1)
      }
      lines[3 * cells] = lineNumber
      lines[3 * cells + 1] = lineNumber
      lines[3 * cells + 2] = length
      cells++
      continue
    }

    if (length === 0) {
      if (cells > 0) {
        rows!.push(rowOf(texts, lines, cells, indents))
        cells = 0
        indents = undefined
      } else if (rows) {
        // A second empty line: the table is over.
        yield tableOf(rows, tableBookmarks)
        rows = undefined
      }
      continue
    }

    line ??= text.slice(lineStart, end)
    if (cells > 0) {
      // A further paragraph of the last cell.
      const content = cleanLine(line)
      const last = cells - 1
      if (content !== '') texts[last] = texts[last] === '' ? content : `${texts[last]}\n${content}`
      lines[3 * last + 1] = lineNumber
      lines[3 * last + 2] = length
      continue
    }

    if (rows) {
      yield tableOf(rows, tableBookmarks)
      rows = undefined
    }
    const paragraph: ParagraphBlock = {
      type: 'paragraph',
      text: cleanLine(line),
      bookmarks: pendingBookmarks,
      position: lineSpan(lineNumber, lineNumber, length),
    }
    if (isIndentChar(line.charCodeAt(0)) && paragraph.text !== '') paragraph.indent = indentOf(line)
    pendingBookmarks = []
    yield paragraph
  }
  if (cells > 0) rows!.push(rowOf(texts, lines, cells, indents))
  if (rows) yield tableOf(rows, tableBookmarks)
}

/** The row being read, from the arrays the reader uses again: copies of just its `cells` cells. */
function rowOf(texts: string[], lines: number[], cells: number, indents: number[] | undefined): TextRow {
  return new TextRow(texts.slice(0, cells), lines.slice(0, 3 * cells), indents)
}

/** A table of rows read: a table starts at a cell, so it has one row at least. */
function tableOf(rows: TextRow[], bookmarks: string[]): TableBlock {
  return { type: 'table', rows, bookmarks, position: span(rows[0]!.position, rows.at(-1)!.position) }
}

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

/**
 * The text without a BOM and with every line ending a plain LF. Text that
 * already is so comes back as it is, without a copy: `parseText` normalises
 * once, and the readers' own calls then cost only the scan for CR.
 */
export function normalizeText(input: string): string {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

/**
 * `cleanLine(text.slice(from, to))`, without cleanLine's work where a scan has
 * shown there is none: no `[` in the slice, nothing trim would take at either end.
 */
function cleanSlice(text: string, from: number, to: number, bracket: boolean): string {
  if (bracket) return cleanLine(text.slice(from, to))
  if (from === to) return ''
  const slice = text.slice(from, to)
  return isSpace(text.charCodeAt(from)) || isSpace(text.charCodeAt(to - 1)) ? slice.trim() : slice
}

/** JavaScript's whitespace and line terminators: what trim() takes and `\s` matches. */
export function isSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/** A line's text without Tika's inline markers, trimmed. */
export function cleanLine(text: string): string {
  return (text.includes('[') ? text.replace(inlineMarker, '') : text).trim()
}

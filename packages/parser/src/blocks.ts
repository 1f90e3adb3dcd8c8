/**
 * The neutral block stream every reader produces and the interpreter consumes:
 * paragraphs with their bookmarks, and tables as grids of cells.
 * Nothing below this line knows whether the input was text or .docx.
 */
import type { Position } from '@jxmb/model'

export interface ParagraphBlock {
  type: 'paragraph'
  text: string
  bookmarks: string[]
  position: Position
  /** How far the paragraph was indented, as `Cell.indent`; absent when not indented. */
  indent?: number
}

export interface Cell {
  /** The cell's paragraphs, each trimmed; empty for an empty cell. */
  paragraphs: string[]
  /** The paragraphs joined by line breaks, when the reader keeps the cell so (text readers). */
  readonly text?: string
  /** Tables nested inside the cell, kept whole. */
  tables: TableBlock[]
  rowSpan: number
  colSpan: number
  /**
   * How far the cell's first paragraph was indented (leading spaces, full-width spaces,
   * TABs, or a paragraph indent in .docx), in half-width spaces; absent when not indented.
   * An indented tree (levels shown only so) is read by it.
   */
  readonly indent?: number
  /**
   * Set on the placeholders a reader adds when it expands spans into a grid:
   * `vertical` below a cell with rowSpan > 1, `horizontal` right of one with colSpan > 1.
   */
  merged?: 'vertical' | 'horizontal'
  position: Position
}

export interface Row {
  cells: Cell[]
  position: Position
  /**
   * The cells' texts, when the reader holds the row so (text readers, whose
   * rows have no merged cells): the interpreter reads these, and most rows'
   * cells are never made.
   */
  readonly texts?: readonly string[]
  /** The position of cells `from` to `to`, when the reader can make it without the cells. */
  spanCells?(from: number, to: number): Position
}

export interface TableBlock {
  type: 'table'
  rows: Row[]
  bookmarks: string[]
  position: Position
}

export type Block = ParagraphBlock | TableBlock

/** A cell's text: its paragraphs joined by line breaks. */
export function cellText(cell: Cell): string {
  if (cell.text !== undefined) return cell.text
  const { paragraphs } = cell
  // Most cells hold one paragraph or none: no join, no new string.
  return paragraphs.length === 1 ? paragraphs[0]! : paragraphs.length === 0 ? '' : paragraphs.join('\n')
}

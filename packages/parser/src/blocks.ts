/**
 * The neutral block stream every reader produces and the interpreter consumes:
 * paragraphs with their bookmarks, and tables as grids of cells.
 * Nothing below this line knows whether the input was text or .docx.
 */
import type { Position } from '@jxmb/model'
import { lineSpan, span } from './position.js'

export interface ParagraphBlock {
  type: 'paragraph'
  text: string
  bookmarks: string[]
  position: Position
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
   * Set on the placeholders a reader adds when it expands spans into a grid:
   * `vertical` below a cell with rowSpan > 1, `horizontal` right of one with colSpan > 1.
   */
  merged?: 'vertical' | 'horizontal'
  position: Position
}

export interface Row {
  cells: Cell[]
  position: Position
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

/** A cell that knows its source lines, as text readers make them. */
export interface LineCell extends Cell {
  line: number
  endLine: number
  endColumn: number
}

/** The position covering cells `first` to `last` of one row. */
export function cellsSpan(first: Cell, last: Cell): Position {
  // Cells with lines give the span directly, without two positions made and dropped.
  if (typeof (first as LineCell).line === 'number' && typeof (last as LineCell).line === 'number') {
    return lineSpan((first as LineCell).line, (last as LineCell).endLine, (last as LineCell).endColumn)
  }
  return span(first.position, last.position)
}

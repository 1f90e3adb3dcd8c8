/**
 * What the .docx readers share when they lay a Word table out as a grid: the
 * widest row Word allows, the empty cells and placeholders spans expand into,
 * and spans cut at the row's width.
 */
import type { Diagnostic, Position } from '@jxmb/model'
import type { Cell } from '../blocks.js'

/** Word's own limit; a grid that says fewer still lets a row hold this many. */
export const minGridWidth = 63

/** An empty cell: a column a row skips (`w:gridBefore`), or, `merged`, a placeholder under or beside a spanning cell. */
export function emptyCell(position: Position, merged?: 'vertical' | 'horizontal'): Cell {
  return merged ? { paragraphs: [], tables: [], rowSpan: 1, colSpan: 1, merged, position } : { paragraphs: [], tables: [], rowSpan: 1, colSpan: 1, position }
}

/**
 * The columns a cell spans: what it claims, but leaving one column for each cell after it in a
 * row `width` wide, `used` columns of which are taken; a span cut short is said (`span-capped`).
 * A cell claiming 10^8 columns would otherwise become 10^8 cells.
 */
export function fitSpan(claimed: number, width: number, used: number, after: number, position: Position, diagnostics: Diagnostic[]): number {
  const colSpan = Math.max(1, Math.min(claimed, width - used - after))
  if (colSpan < claimed) {
    diagnostics.push({
      code: 'span-capped',
      severity: 'warning',
      message: `A cell spans ${claimed} columns, more than its table's ${width}; it is read as spanning ${colSpan}.`,
      position,
    })
  }
  return colSpan
}

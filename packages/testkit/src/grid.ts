/**
 * One table layout written in all three input forms: .docx (real gridSpan and
 * vMerge), Tika text (a TAB-led line per cell, a blank line after each row,
 * spans leave no trace) and Word's tab-per-row text. For tests of forms the
 * model emitters do not write.
 */
import { minimalDocx } from './zip.js'

/** A cell: its text, how many grid columns it spans, and whether it continues a vertical merge. */
export interface GridCell {
  text: string
  span?: number
  merged?: boolean
}
export type Grid = GridCell[][]

/** A cell of `text`, spanning `span` grid columns. */
export const gridCell = (text: string, span = 1): GridCell => ({ text, span })
/** The continuation of the cell above (vMerge). */
export const mergedBelow: GridCell = { text: '', merged: true }

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Paragraphs, then the grid as one table; a cell's `\n` separates its paragraphs. */
export function gridDocx(paragraphs: readonly string[], grid: Grid): Uint8Array {
  const width = grid.reduce((widest, row) => Math.max(widest, row.reduce((sum, cell) => sum + (cell.span ?? 1), 0)), 0)
  const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`
  const rows = grid.map((row, rowIndex) => {
    const cells = row.map((cell, index) => {
      const starts = !cell.merged && grid[rowIndex + 1]?.[index]?.merged
      const span = cell.span && cell.span > 1 ? `<w:gridSpan w:val="${cell.span}"/>` : ''
      const merge = cell.merged ? '<w:vMerge/>' : starts ? '<w:vMerge w:val="restart"/>' : ''
      return `<w:tc>${span || merge ? `<w:tcPr>${span}${merge}</w:tcPr>` : ''}${cell.text.split('\n').map(p).join('')}</w:tc>`
    })
    return `<w:tr>${cells.join('')}</w:tr>`
  })
  return minimalDocx(paragraphs.map(p).join('') + `<w:tbl><w:tblGrid>${'<w:gridCol/>'.repeat(width)}</w:tblGrid>${rows.join('')}</w:tbl>`)
}

export function gridTika(paragraphs: readonly string[], grid: Grid): string {
  const rows = grid.map((row) => row.map((cell) => `\t${cell.text}\n`).join('') + '\n')
  return paragraphs.join('\n') + '\n' + rows.join('')
}

/** A row per line, cells split by TAB; a cell's paragraphs joined by a space. */
export function gridTabText(paragraphs: readonly string[], grid: Grid): string {
  return paragraphs.join('\n') + '\n' + grid.map((row) => row.map((cell) => cell.text.replace(/\n/g, ' ')).join('\t')).join('\n') + '\n'
}

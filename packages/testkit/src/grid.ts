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
  /** How far the text is indented, in full-width characters (an indented tree's level). */
  indent?: number
}
export type Grid = GridCell[][]

/**
 * How a cell's indent is written: as leading ASCII spaces (two per character), as
 * full-width spaces, or as a paragraph indent (`w:ind`), which text exports lose.
 */
export type IndentStyle = 'spaces' | 'ideographic' | 'paragraph'

/** The cell's text with its indent written as `style` says; a paragraph indent leaves text as it is. */
function indented(cell: GridCell, style: IndentStyle): string {
  const indent = cell.indent ?? 0
  if (indent === 0 || style === 'paragraph') return cell.text
  return (style === 'spaces' ? '  ' : '\u3000').repeat(indent) + cell.text
}

/** A cell of `text`, spanning `span` grid columns. */
export const gridCell = (text: string, span = 1): GridCell => ({ text, span })
/** The continuation of the cell above (vMerge). */
export const mergedBelow: GridCell = { text: '', merged: true }

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Paragraphs, then the grid as one table; a cell's `\n` separates its paragraphs. */
export function gridDocx(paragraphs: readonly string[], grid: Grid, indents: IndentStyle = 'paragraph'): Uint8Array {
  const width = grid.reduce((widest, row) => Math.max(widest, row.reduce((sum, cell) => sum + (cell.span ?? 1), 0)), 0)
  // A full-width character of 10.5 pt is 210 twips.
  const p = (text: string, indent = 0) =>
    `<w:p>${indent > 0 ? `<w:pPr><w:ind w:left="${indent * 210}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`
  const rows = grid.map((row, rowIndex) => {
    const cells = row.map((cell, index) => {
      const starts = !cell.merged && grid[rowIndex + 1]?.[index]?.merged
      const span = cell.span && cell.span > 1 ? `<w:gridSpan w:val="${cell.span}"/>` : ''
      const merge = cell.merged ? '<w:vMerge/>' : starts ? '<w:vMerge w:val="restart"/>' : ''
      const ind = indents === 'paragraph' ? (cell.indent ?? 0) : 0
      const text = indented(cell, indents)
      return `<w:tc>${span || merge ? `<w:tcPr>${span}${merge}</w:tcPr>` : ''}${text.split('\n').map((line) => p(line, ind)).join('')}</w:tc>`
    })
    return `<w:tr>${cells.join('')}</w:tr>`
  })
  return minimalDocx(paragraphs.map((text) => p(text)).join('') + `<w:tbl><w:tblGrid>${'<w:gridCol/>'.repeat(width)}</w:tblGrid>${rows.join('')}</w:tbl>`)
}

/** Tika's text; a paragraph indent is lost, as Tika loses it. */
export function gridTika(paragraphs: readonly string[], grid: Grid, indents: IndentStyle = 'paragraph'): string {
  const rows = grid.map((row) => row.map((cell) => `\t${indented(cell, indents)}\n`).join('') + '\n')
  return paragraphs.join('\n') + '\n' + rows.join('')
}

/** A row per line, cells split by TAB; a cell's paragraphs joined by a space. */
export function gridTabText(paragraphs: readonly string[], grid: Grid, indents: IndentStyle = 'paragraph'): string {
  return paragraphs.join('\n') + '\n' + grid.map((row) => row.map((cell) => indented(cell, indents).replace(/\n/g, ' ')).join('\t')).join('\n') + '\n'
}

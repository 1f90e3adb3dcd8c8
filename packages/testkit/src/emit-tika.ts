/**
 * Write a model as Apache Tika writes a .docx as text (the inverse of the
 * text reader, with Tika's quirks as options), or as tab-per-row text.
 */
import type { JxmbDocument, Paragraph } from '@jxmb/model'
import { indicatorRows, projectTables, type GridRow, type LayoutOptions } from './layout.js'

export interface TikaQuirks extends LayoutOptions {
  /** End lines with CRLF. */
  crlf?: boolean
  /** Start with a UTF-8 byte order mark. */
  bom?: boolean
  /** Leave out the empty line before an indicator row whose 一级指标 is filled (as in the sample). */
  joinLevel1Rows?: boolean
  /** Stray TABs and spaces at the end of cell lines. */
  trailingWhitespace?: boolean
  /** Write a lone TAB and a space for empty cells, as Tika does for some. */
  spaceInEmptyCells?: boolean
}

const paragraphText = (p: Paragraph) => (p.marker ?? '') + p.text

/** The paragraphs before the projects, and the lines of each project, shared by both text layouts. */
function writeDocument(document: JxmbDocument, table: (rows: GridRow[]) => string[], options: LayoutOptions): string[] {
  const { department } = document
  const lines = [' 第一部分', department.heading ?? '部门整体绩效目标', ' ']
  for (const section of department.sections) {
    const mark = section.bookmark ? `[bookmark: ${section.bookmark}]` : ''
    lines.push(`${mark}${section.number ? `${section.number}、` : ''}${section.heading}`)
    for (const p of section.paragraphs) lines.push(paragraphText(p))
  }
  if (department.indicators) {
    lines.push('', '部门整体支出绩效目标表')
    for (const line of table(indicatorRows(department.indicatorColumns ?? [], department.indicators))) lines.push(line)
    lines.push(' ')
  }
  lines.push('', ' ', '第二部分', ' ', '预算项目绩效目标', ' ', '')
  for (const project of document.projects) {
    const mark = project.bookmark ? `[bookmark: ${project.bookmark}]` : ''
    lines.push(`${mark}${project.sequence === null ? '' : `${project.sequence}.`}${project.title}`)
    for (const rows of projectTables(project, options)) {
      for (const line of table(rows)) lines.push(line)
      lines.push(' ')
    }
  }
  return lines
}

export function emitTika(document: JxmbDocument, quirks: TikaQuirks = {}): string {
  const trail = quirks.trailingWhitespace ? '\t\t ' : ''
  const empty = quirks.spaceInEmptyCells ? '\t ' : '\t'
  const table = (rows: GridRow[]) => {
    const lines: string[] = []
    rows.forEach((row, index) => {
      // Tika sometimes runs an indicator row whose first cell is filled onto the indicator row before.
      if (quirks.joinLevel1Rows && row.indicator && rows[index - 1]?.indicator && row[0]!.text !== '') lines.pop()
      for (const cell of row) {
        if (cell.text === '') lines.push(empty)
        else {
          const [first, ...rest] = cell.text.split('\n')
          lines.push(`\t${first}${trail}`)
          for (const line of rest) lines.push(line)
        }
      }
      lines.push('')
    })
    lines.push('', '')
    return lines
  }
  const lines = writeDocument(document, table, quirks)
  return (quirks.bom ? '\ufeff' : '') + lines.join(quirks.crlf ? '\r\n' : '\n')
}

/**
 * Word's "Save as Plain Text": a row per line, cells joined by TABs; a cell's
 * further paragraphs break the line (only the last cell of a row has any here).
 */
export function emitTabText(document: JxmbDocument, options: LayoutOptions = {}): string {
  const table = (rows: GridRow[]) => [...rows.map((row) => row.map((cell) => cell.text).join('\t')), '']
  return writeDocument(document, table, options).join('\r\n')
}

/**
 * Write a model as a real .docx, laid out as Word templates have it:
 * vMerge for the merged 一级/二级 runs and label cells, gridSpan for wide
 * cells, `_Toc` bookmarks on headings.
 */
import {
  Bookmark,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  Header,
  ImageRun,
  InsertedTextRun,
  PageNumber,
  SimpleField,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx'
import type { JxmbDocument, Paragraph as ModelParagraph } from '@jxmb/model'
import { indicatorRows, projectTables, type GridRow, type LayoutOptions } from './layout.js'

export interface DocxOptions extends LayoutOptions {
  /**
   * Put Word artefacts that must neither break nor pollute the text into the
   * document: tracked changes, hyperlinks, footnote references, fields, images,
   * soft line breaks, empty paragraphs, a `_GoBack` bookmark, headers and footers.
   */
  artefacts?: boolean
}

// A 1×1 transparent PNG.
const png = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
)
const change = { id: 1, author: 'jxmb', date: '2026-01-01T00:00:00Z' }

export async function emitDocx(document: JxmbDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = []
  const { department } = document
  children.push(heading('第一部分', HeadingLevel.HEADING_1), heading(department.heading ?? '部门整体绩效目标', HeadingLevel.HEADING_1))
  const artefacts = options.artefacts ?? false
  for (const section of department.sections) {
    children.push(heading(`${section.number ? `${section.number}、` : ''}${section.heading}`, HeadingLevel.HEADING_2, section.bookmark))
    for (const p of section.paragraphs) {
      const run = new TextRun(paragraphText(p))
      children.push(new Paragraph({ children: artefacts ? [new Bookmark({ id: '_GoBack', children: [run] })] : [run] }))
      if (artefacts) children.push(new Paragraph({ children: [] }))
    }
  }
  if (department.indicators) {
    children.push(new Paragraph({ children: [new TextRun('部门整体支出绩效目标表')] }))
    children.push(gridTable(indicatorRows(department.indicatorColumns ?? [], department.indicators), false, 0))
  }
  children.push(heading('第二部分', HeadingLevel.HEADING_1), heading('预算项目绩效目标', HeadingLevel.HEADING_1))
  for (const project of document.projects) {
    const title = `${project.sequence === null ? '' : `${project.sequence}.`}${project.title}`
    children.push(heading(title, HeadingLevel.HEADING_2, project.bookmark))
    const tables = projectTables(project, options)
    tables.forEach((rows, index) => {
      // The indicator header is the first row of the last table; in a combined table it follows the 7 header rows.
      const indicatorStart = index === tables.length - 1 ? (tables.length === 1 ? 7 : 0) : rows.length
      children.push(gridTable(rows, artefacts, indicatorStart))
      children.push(new Paragraph({ children: [new TextRun(' ')] }))
    })
  }
  const file = new Document({
    sections: [
      {
        children,
        ...(artefacts
          ? {
              headers: { default: new Header({ children: [new Paragraph('页眉：内部资料 第一部分')] }) },
              footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun({ children: ['第', PageNumber.CURRENT, '页'] })] })] }) },
            }
          : {}),
      },
    ],
    ...(artefacts ? { footnotes: { 1: { children: [new Paragraph('脚注：本指标依据上年数据。')] } } } : {}),
  })
  return new Uint8Array(await Packer.toArrayBuffer(file))
}

function paragraphText(p: ModelParagraph): string {
  return (p.marker ?? '') + p.text
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], bookmark?: string): Paragraph {
  const run = new TextRun(text)
  const runs: ParagraphChild[] = bookmark ? [new Bookmark({ id: bookmark, children: [run] })] : [run]
  return new Paragraph({ heading: level, children: runs })
}

function cell(text: string | string[], options: { columnSpan?: number; rowSpan?: number } = {}): TableCell {
  const lines = typeof text === 'string' ? text.split('\n') : text
  return new TableCell({
    ...options,
    children: lines.map((line) => new Paragraph({ children: line === '' ? [] : [new TextRun(line)] })),
  })
}

/** A grid from the shared layout as a Word table: covered cells left out (docx writes vMerge), short rows widened by gridSpan. */
function gridTable(rows: GridRow[], artefacts: boolean, indicatorStart: number): Table {
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0)
  const tableRows = rows.map((row, rowIndex) => {
    const isIndicator = rowIndex > indicatorStart
    const cells = row.flatMap((gridCell, column): TableCell[] => {
      if (gridCell.covered) return []
      const columnSpan = column === row.length - 1 && row.length < width ? width - row.length + 1 : undefined
      const options = { ...(gridCell.rowSpan ? { rowSpan: gridCell.rowSpan } : {}), ...(columnSpan ? { columnSpan } : {}) }
      if (artefacts && isIndicator) return [artefactCell(gridCell.text, column, options)]
      if (artefacts && gridCell.text.includes('\n') && !isIndicator) {
        // One paragraph with soft line breaks: Tika and the docx reader both make a paragraph of each line.
        return [
          new TableCell({
            ...options,
            children: [new Paragraph({ children: gridCell.text.split('\n').map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0 })) })],
          }),
        ]
      }
      return [cell(gridCell.text, options)]
    })
    return new TableRow({ children: cells, ...(rowIndex === indicatorStart ? { tableHeader: true } : {}) })
  })
  return new Table({ rows: tableRows, width: { size: 100, type: WidthType.PERCENTAGE } })
}

/** Indicator cells full of artefacts: tracked changes (column 2), a hyperlink and footnote (3), an image and a field (5). */
function artefactCell(text: string, column: number, options: { rowSpan?: number; columnSpan?: number }): TableCell {
  const runs = (children: ParagraphChild[]) =>
    new TableCell({ ...options, children: [new Paragraph({ children }), new Paragraph({ children: [] })] })
  if (column === 2 && text.length > 1) {
    return runs([new TextRun(text.slice(0, 1)), new DeletedTextRun({ text: '已删除的字', ...change }), new InsertedTextRun({ text: text.slice(1), ...change })])
  }
  if (column === 3 && text) return runs([new ExternalHyperlink({ link: 'https://example.org/', children: [new TextRun(text)] }), new FootnoteReferenceRun(1)])
  if (column === 5 && text) {
    return runs([new TextRun(text), new ImageRun({ type: 'png', data: png, transformation: { width: 4, height: 4 } }), new SimpleField('PAGE', '7')])
  }
  return cell(text, options)
}

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
import type { Indicator, JxmbDocument, Paragraph as ModelParagraph, Project } from '@jxmb/model'

export interface DocxOptions {
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
  children.push(heading('第二部分', HeadingLevel.HEADING_1), heading('预算项目绩效目标', HeadingLevel.HEADING_1))
  for (const project of document.projects) {
    const title = `${project.sequence === null ? '' : `${project.sequence}.`}${project.title}`
    children.push(heading(title, HeadingLevel.HEADING_2, project.bookmark))
    children.push(headerTable(project, artefacts))
    children.push(new Paragraph({ children: [new TextRun(' ')] }))
    children.push(indicatorTable(project, artefacts))
    children.push(new Paragraph({ children: [] }))
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

function runsCell(children: ParagraphChild[]): TableCell {
  // The empty paragraph after the text is one more artefact.
  return new TableCell({ children: [new Paragraph({ children }), new Paragraph({ children: [] })] })
}

function headerTable(project: Project, artefacts: boolean): Table {
  const periods = project.schedule
  const width = Math.max(7, periods.length + 1)
  const spread = (count: number) => {
    // Give `count` cells the `width - 1` columns after the label, the last taking the rest.
    const base = Math.max(1, Math.floor((width - 1) / Math.max(count, 1)))
    return Array.from({ length: count }, (_, index) => (index === count - 1 ? width - 1 - base * (count - 1) : base))
  }
  const spans = spread(periods.length)
  const { total, fiscal, other } = project.budget
  const rows = [
    new TableRow({
      children: [cell(`${project.unit.code}${project.unit.name}`, { columnSpan: width - 2 }), cell(`单位：${project.moneyUnit}`, { columnSpan: 2 })],
    }),
    new TableRow({
      children: [cell('项目编码'), cell(project.code, { columnSpan: 2 }), cell('项目名称'), cell(project.name, { columnSpan: width - 4 })],
    }),
    new TableRow({
      children: [
        cell('预算规模及资金用途', { rowSpan: 2 }),
        cell('预算数'),
        cell(total.raw),
        cell('其中：财政    资金'),
        cell(fiscal.raw),
        cell('其他资金'),
        cell(other.raw, { columnSpan: width - 6 }),
      ],
    }),
    new TableRow({ children: [cell(project.usage, { columnSpan: width - 1 })] }),
    new TableRow({
      children: [cell('资金支出计划（%）', { rowSpan: 2 }), ...periods.map((entry, index) => cell(entry.period, { columnSpan: spans[index]! }))],
    }),
    new TableRow({ children: periods.map((entry, index) => cell(entry.raw, { columnSpan: spans[index]! })) }),
    new TableRow({
      children: [
        cell('绩效目标'),
        artefacts
          ? // One paragraph with soft line breaks: Tika and the docx reader both make a paragraph of each line.
            new TableCell({
              columnSpan: width - 1,
              children: [new Paragraph({ children: project.goals.map((goal, index) => new TextRun({ text: paragraphText(goal), break: index > 0 ? 1 : 0 })) })],
            })
          : cell(project.goals.map(paragraphText), { columnSpan: width - 1 }),
      ],
    }),
  ]
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } })
}

/** The length of the run of equal `key`s starting at `index`. */
function runLength(indicators: Indicator[], index: number, key: (indicator: Indicator) => string): number {
  let end = index + 1
  while (end < indicators.length && key(indicators[end]!) === key(indicators[index]!)) end++
  return end - index
}

function indicatorTable(project: Project, artefacts: boolean): Table {
  const { indicators } = project
  const rows = [new TableRow({ tableHeader: true, children: project.indicatorColumns.map((label) => cell(label)) })]
  indicators.forEach((indicator, index) => {
    const previous = indicators[index - 1]
    const children: TableCell[] = []
    const level1Key = (i: Indicator) => i.level1
    const level2Key = (i: Indicator) => `${i.level1}\u0000${i.level2}`
    if (!previous || previous.level1 !== indicator.level1) {
      children.push(cell(indicator.level1, { rowSpan: runLength(indicators, index, level1Key) }))
    }
    if (!previous || level2Key(previous) !== level2Key(indicator)) {
      children.push(cell(indicator.level2, { rowSpan: runLength(indicators, index, level2Key) }))
    }
    const [head, tail] = [indicator.level3.slice(0, 1), indicator.level3.slice(1)]
    children.push(
      artefacts && tail
        ? runsCell([new TextRun(head), new DeletedTextRun({ text: '已删除的字', ...change }), new InsertedTextRun({ text: tail, ...change })])
        : cell(indicator.level3),
      artefacts
        ? runsCell([new ExternalHyperlink({ link: 'https://example.org/', children: [new TextRun(indicator.description)] }), new FootnoteReferenceRun(1)])
        : cell(indicator.description),
      cell(indicator.value.raw),
      artefacts
        ? runsCell([
            new TextRun(indicator.basis),
            new ImageRun({ type: 'png', data: png, transformation: { width: 4, height: 4 } }),
            new SimpleField('PAGE', '7'),
          ])
        : cell(indicator.basis),
      ...Object.values(indicator.extra).map((text) => cell(text)),
    )
    rows.push(new TableRow({ children }))
  })
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } })
}

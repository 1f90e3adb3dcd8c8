/**
 * The jxmb model as Markdown: an mdast tree (never string concatenation),
 * serialised by unified + remark-stringify with remark-gfm's tables.
 * Escaping of `|`, `*`, `_`, `#` … is remark's; line breaks inside a table
 * cell become `<br>` so the row stays on one line.
 */
import { describePosition, type Department, type Diagnostic, type Failure, type Indicator, type JxmbDocument, type Paragraph as ModelParagraph, type Project } from '@jxmb/model'
import { codeText, commandTexts } from '@jxmb/messages'
import type { BlockContent, Heading, Html, List, PhrasingContent, Root, RootContent, Table, TableRow, Text } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import stringWidth from 'string-width'
import { unified } from 'unified'

/** Table and field labels of the Markdown output (the documents' own terms). */
export const labels = {
  field: '字段',
  content: '内容',
  unit: '单位',
  code: '项目编码',
  name: '项目名称',
  moneyUnit: '金额单位',
  total: '预算数',
  fiscal: '财政资金',
  other: '其他资金',
  usage: '资金用途',
  schedule: '资金支出计划',
  goals: '绩效目标',
  unplaced: '未识别内容',
  indicators: '绩效指标',
  projects: '预算项目绩效目标',
  departmentTable: '部门整体支出绩效目标表',
  checks: '校验',
  failures: '未能转换的文件',
  checkColumns: ['级别', '代码', '项目', '位置', '说明', '处理建议', '原始内容'],
  failureColumns: ['文件', '代码', '说明', '处理建议'],
  severity: commandTexts.zh.severity,
  indicatorColumns: ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
} as const

/** The mdast tree of one document. */
export function toMdast(document: JxmbDocument): Root {
  const children: RootContent[] = [...departmentNodes(document.department)]
  if (document.projects.length > 0) children.push(heading(1, labels.projects))
  for (const project of document.projects) for (const node of projectNodes(project)) children.push(node)
  // What needs a look, in the catalogue's words; informational notes stay in the JSON.
  const checks = document.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')
  if (checks.length > 0) children.push(heading(1, labels.checks), table(labels.checkColumns, checks.map(checkRow)))
  return { type: 'root', children }
}

function checkRow(diagnostic: Diagnostic): string[] {
  const { title, advice } = codeText(diagnostic.code, 'zh')
  return [labels.severity[diagnostic.severity], diagnostic.code, diagnostic.project ?? '', describePosition(diagnostic.position), title, advice, diagnostic.data?.join(' | ') ?? '']
}

/** One document as GFM Markdown; CJK columns line up (string-width). */
export function toMarkdown(document: JxmbDocument): string {
  return processor().stringify(toMdast(document))
}

/**
 * Several documents in one Markdown file: each under a heading with its file name, its own
 * headings one level down; then the files that could not be converted, and why.
 */
export function toMarkdownBatch(documents: readonly JxmbDocument[], failures: readonly Failure[] = []): string {
  const children: RootContent[] = []
  documents.forEach((document, index) => {
    if (index > 0) children.push({ type: 'thematicBreak' })
    children.push(heading(1, document.source.file ?? `#${index + 1}`))
    for (const node of toMdast(document).children) {
      children.push(node.type === 'heading' ? { ...node, depth: Math.min(6, node.depth + 1) as Heading['depth'] } : node)
    }
  })
  if (failures.length > 0) {
    const rows = failures.map((failure) => {
      const { title, advice } = codeText(failure.code, 'zh')
      return [failure.file, failure.code, title, advice]
    })
    children.push({ type: 'thematicBreak' }, heading(1, labels.failures), table(labels.failureColumns, rows))
  }
  return processor().stringify({ type: 'root', children })
}

function processor() {
  return unified()
    .use(remarkStringify, { bullet: '-', fences: true, rule: '-' })
    .use(remarkGfm, { stringLength: stringWidth })
}

function departmentNodes(department: Department): RootContent[] {
  const nodes: RootContent[] = []
  if (department.heading) nodes.push(heading(1, department.heading))
  for (const section of department.sections) {
    if (section.heading) nodes.push(heading(2, section.number ? `${section.number}、${section.heading}` : section.heading))
    for (const node of paragraphNodes(section.paragraphs)) nodes.push(node)
  }
  if (department.indicators) nodes.push(heading(2, labels.departmentTable), indicatorTable(department.indicators))
  return nodes
}

function indicatorTable(indicators: readonly Indicator[]): Table {
  const extraNames = [...new Set(indicators.flatMap((indicator) => Object.keys(indicator.extra)))]
  return table(
    [...labels.indicatorColumns, ...extraNames],
    indicators.map((indicator) => [
      indicator.level1,
      indicator.level2,
      indicator.level3,
      indicator.description,
      indicator.value.raw,
      indicator.basis,
      ...extraNames.map((name) => indicator.extra[name] ?? ''),
    ]),
  )
}

const arabicMarker = /^(\d+)[.、．]$/

/** Runs of `1.` `2.` items become ordered lists; other paragraphs keep their marker as text. */
function paragraphNodes(paragraphs: ModelParagraph[]): BlockContent[] {
  const nodes: BlockContent[] = []
  let list: List | undefined
  for (const paragraph of paragraphs) {
    const number = paragraph.marker ? arabicMarker.exec(paragraph.marker) : null
    if (number) {
      if (!list) {
        list = { type: 'list', ordered: true, start: Number(number[1]), spread: false, children: [] }
        nodes.push(list)
      }
      list.children.push({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: phrasing(paragraph.text) }] })
      continue
    }
    list = undefined
    nodes.push({ type: 'paragraph', children: phrasing((paragraph.marker ?? '') + paragraph.text) })
  }
  return nodes
}

function projectNodes(project: Project): RootContent[] {
  const title = `${project.sequence === null ? '' : `${project.sequence}.`}${project.title || project.name}`
  const { total, fiscal, other } = project.budget
  const fields: Array<[string, string]> = [
    [labels.unit, [project.unit.code, project.unit.name].filter(Boolean).join(' ')],
    [labels.code, project.code],
    [labels.name, project.name],
    [labels.moneyUnit, project.moneyUnit],
    [labels.total, total.raw],
    [labels.fiscal, fiscal.raw],
    [labels.other, other.raw],
    ...(project.budget.lines ?? []).map((line): [string, string] => [line.label, line.raw]),
    [labels.usage, project.usage],
    [labels.schedule, project.schedule.map((entry) => `${entry.period}：${entry.raw}`).join('\n')],
    ...Object.entries(project.fields ?? {}),
    // Rows of the header that were no label/value pair, verbatim: never dropped.
    ...(project.unplaced ?? []).map((entry): [string, string] => [labels.unplaced, entry.cells.join(' | ')]),
  ]
  return [
    heading(2, title),
    table([labels.field, labels.content], fields),
    heading(3, labels.goals),
    ...(project.goals.length > 0 ? paragraphNodes(project.goals) : []),
    heading(3, labels.indicators),
    indicatorTable(project.indicators),
  ]
}

function heading(depth: Heading['depth'], text: string): Heading {
  return { type: 'heading', depth, children: phrasing(text) }
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): Table {
  const row = (cells: readonly string[]): TableRow => ({
    type: 'tableRow',
    children: cells.map((cell) => ({ type: 'tableCell', children: phrasing(cell, true) })),
  })
  return { type: 'table', align: header.map(() => null), children: [row(header), ...rows.map(row)] }
}

/** Text as phrasing nodes; in a table cell a line break is `<br>`, elsewhere a hard break. */
function phrasing(text: string, inCell = false): PhrasingContent[] {
  const nodes: PhrasingContent[] = []
  text.split('\n').forEach((line, index) => {
    if (index > 0) nodes.push(inCell ? ({ type: 'html', value: '<br>' } satisfies Html) : { type: 'break' })
    if (line !== '') nodes.push({ type: 'text', value: line } satisfies Text)
  })
  return nodes
}

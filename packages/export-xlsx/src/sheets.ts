/**
 * The four sheets: their Chinese names and headers (the clerks' language),
 * keyed by stable English names in code, and how a document becomes rows.
 */
import { codeText, commandTexts } from '@jxmb/messages'
import { describePosition, type Failure, type Indicator, type JxmbDocument, type ParsedValue } from '@jxmb/model'

export type CellValue = string | number | null

export const sheetNames = {
  projects: '项目',
  indicators: '指标',
  department: '部门目标',
  checks: '校验',
} as const
export type SheetKey = keyof typeof sheetNames

export interface Column {
  key: string
  header: string
  /** Long free text: wrapped, with a capped width. */
  wrap?: boolean
  /** Excel number format for numeric columns. */
  numberFormat?: string
}

/** 级别 as the 校验 sheet writes it: the catalogue's Chinese names, as the terminal shows them. */
export const severityNames = commandTexts.zh.severity
/** 项目名称 of the rows that come from the 部门整体支出绩效目标表. */
export const departmentTableName = '部门整体支出绩效目标'
const valueKinds = { quantity: '定量', deadline: '时限', qualitative: '定性', empty: '空' } as const

/** Fixed columns; the schedule and extra-indicator columns are added per batch. */
export const columns = {
  projects: {
    file: { key: 'file', header: '来源文件' },
    sequence: { key: 'sequence', header: '序号' },
    unitCode: { key: 'unitCode', header: '单位编码' },
    unitName: { key: 'unitName', header: '单位名称' },
    code: { key: 'code', header: '项目编码' },
    name: { key: 'name', header: '项目名称' },
    moneyUnit: { key: 'moneyUnit', header: '金额单位' },
    total: { key: 'total', header: '预算数', numberFormat: '#,##0.00' },
    fiscal: { key: 'fiscal', header: '财政资金', numberFormat: '#,##0.00' },
    other: { key: 'other', header: '其他资金', numberFormat: '#,##0.00' },
    usage: { key: 'usage', header: '资金用途', wrap: true },
    goals: { key: 'goals', header: '绩效目标', wrap: true },
    /** Only when a project has any: header rows that were no label/value pair, verbatim. */
    unplaced: { key: 'unplaced', header: '未识别内容', wrap: true },
  },
  indicators: {
    file: { key: 'file', header: '来源文件' },
    code: { key: 'code', header: '项目编码' },
    name: { key: 'name', header: '项目名称' },
    level1: { key: 'level1', header: '一级指标' },
    level2: { key: 'level2', header: '二级指标' },
    level3: { key: 'level3', header: '三级指标' },
    description: { key: 'description', header: '绩效指标描述', wrap: true },
    value: { key: 'value', header: '指标值' },
    kind: { key: 'kind', header: '指标值类型' },
    comparator: { key: 'comparator', header: '比较' },
    number: { key: 'number', header: '数值' },
    unit: { key: 'unit', header: '单位' },
    basis: { key: 'basis', header: '指标值确定依据', wrap: true },
  },
  department: {
    file: { key: 'file', header: '来源文件' },
    unitName: { key: 'unitName', header: '单位名称' },
    section: { key: 'section', header: '部分' },
    marker: { key: 'marker', header: '序号' },
    text: { key: 'text', header: '内容', wrap: true },
  },
  checks: {
    file: { key: 'file', header: '来源文件' },
    severity: { key: 'severity', header: '级别' },
    code: { key: 'code', header: '代码' },
    project: { key: 'project', header: '项目' },
    place: { key: 'place', header: '位置' },
    title: { key: 'title', header: '说明', wrap: true },
    hint: { key: 'hint', header: '处理建议', wrap: true },
    data: { key: 'data', header: '原始内容', wrap: true },
    message: { key: 'message', header: '英文说明', wrap: true },
  },
} satisfies Record<SheetKey, Record<string, Column>>

export type Row = Record<string, CellValue>

/** Rows of one document, keyed by column key; schedule and extras use `schedule:<period>` / `extra:<name>` keys. */
export interface DocumentRows {
  projects: Row[]
  indicators: Row[]
  department: Row[]
  checks: Row[]
  /** Money units seen, for the budget headers. */
  moneyUnits: Set<string>
  periods: string[]
  extras: string[]
  /** Labels of other header fields (主管部门 …), as `field:<label>` columns. */
  fields: string[]
  /** Labels of further budget lines (上级资金 …), as `budget:<label>` columns. */
  budgetLines: string[]
  /** Some project kept header cells it could not place (the 未识别内容 column). */
  unplaced: boolean
}

export function documentRows(document: JxmbDocument, file: string): DocumentRows {
  const rows: DocumentRows = { projects: [], indicators: [], department: [], checks: [], moneyUnits: new Set(), periods: [], extras: [], fields: [], budgetLines: [], unplaced: false }
  const unitName = document.projects.find((project) => project.unit.name)?.unit.name ?? ''
  for (const project of document.projects) {
    rows.moneyUnits.add(project.moneyUnit)
    const row: Row = {
      file,
      sequence: project.sequence,
      unitCode: project.unit.code,
      unitName: project.unit.name,
      code: project.code,
      name: project.name || project.title,
      moneyUnit: project.moneyUnit,
      total: project.budget.total.value ?? emptyToNull(project.budget.total.raw),
      fiscal: project.budget.fiscal.value ?? emptyToNull(project.budget.fiscal.raw),
      // An empty 其他资金 counts as 0 in the budget check, but the workbook shows what the document has: nothing.
      other: project.budget.other.raw === '' ? null : (project.budget.other.value ?? project.budget.other.raw),
      usage: project.usage,
      goals: project.goals.map((goal) => (goal.marker ?? '') + goal.text).join('\n'),
    }
    for (const entry of project.schedule) {
      appendNew(rows.periods, [entry.period])
      row[`schedule:${entry.period}`] = entry.percent ?? emptyToNull(entry.raw)
    }
    for (const line of project.budget.lines ?? []) {
      appendNew(rows.budgetLines, [line.label])
      row[`budget:${line.label}`] = line.value ?? emptyToNull(line.raw)
    }
    for (const [label, value] of Object.entries(project.fields ?? {})) {
      appendNew(rows.fields, [label])
      row[`field:${label}`] = value
    }
    if (project.unplaced && project.unplaced.length > 0) {
      rows.unplaced = true
      row.unplaced = project.unplaced.map((entry) => entry.cells.join(' | ')).join('\n')
    }
    rows.projects.push(row)
    addIndicators(project.indicators, project.code, project.name || project.title)
  }
  addIndicators(document.department.indicators ?? [], '', departmentTableName)

  function addIndicators(indicators: readonly Indicator[], code: string, name: string) {
    for (const indicator of indicators) {
      const parsed = splitValue(indicator.value.parsed)
      const indicatorRow: Row = {
        file,
        code,
        name,
        level1: indicator.level1,
        level2: indicator.level2,
        level3: indicator.level3,
        description: indicator.description,
        value: indicator.value.raw,
        kind: valueKinds[indicator.value.parsed.kind],
        ...parsed,
        basis: indicator.basis,
      }
      for (const [name, text] of Object.entries(indicator.extra)) {
        appendNew(rows.extras, [name])
        indicatorRow[`extra:${name}`] = text
      }
      rows.indicators.push(indicatorRow)
    }
  }
  for (const section of document.department.sections) {
    const title = section.number ? `${section.number}、${section.heading}` : section.heading
    for (const paragraph of section.paragraphs) {
      rows.department.push({ file, unitName, section: title, marker: paragraph.marker ?? '', text: paragraph.text })
    }
  }
  // The department table's own header rows: its goals, budget and other labelled rows.
  const { department } = document
  const departmentUnit = department.unit?.name || unitName
  for (const goal of department.goals ?? []) {
    rows.department.push({ file, unitName: departmentUnit, section: '总体绩效目标', marker: goal.marker ?? '', text: goal.text })
  }
  if (department.budget) {
    const { total, fiscal, other } = department.budget
    const text = [['预算数', total.raw], ['财政资金', fiscal.raw], ['其他资金', other.raw]].filter(([, raw]) => raw !== '').map(([label, raw]) => `${label}：${raw}`).join('；')
    rows.department.push({ file, unitName: departmentUnit, section: '预算', marker: '', text })
  }
  for (const [label, value] of Object.entries(department.fields ?? {})) {
    rows.department.push({ file, unitName: departmentUnit, section: label, marker: '', text: value })
  }
  for (const entry of department.unplaced ?? []) {
    rows.department.push({ file, unitName: departmentUnit, section: '未识别内容', marker: '', text: entry.cells.join(' | ') })
  }
  // A wide table's subtotal rows: the department's, by column label.
  for (const subtotal of document.department.subtotals ?? []) {
    const text = Object.entries(subtotal.values).map(([label, value]) => `${label}：${value}`).join('；')
    rows.department.push({ file, unitName, section: '小计', marker: '', text })
  }
  for (const diagnostic of document.diagnostics) {
    const { title, advice } = codeText(diagnostic.code, 'zh')
    rows.checks.push({
      file,
      severity: severityNames[diagnostic.severity],
      code: diagnostic.code,
      project: diagnostic.project ?? '',
      place: describePosition(diagnostic.position),
      title,
      hint: advice,
      message: diagnostic.message,
      data: diagnostic.data?.join(' | ') ?? '',
    })
  }
  return rows
}

/** Add the items `list` lacks, keeping first-seen order: the dynamic columns of a sheet. */
export function appendNew(list: string[], items: Iterable<string>): void {
  for (const item of items) if (!list.includes(item)) list.push(item)
}

export function failureRow(failure: Failure): Row {
  const { title, advice } = codeText(failure.code, 'zh')
  return {
    file: failure.file,
    severity: severityNames.error,
    code: failure.code,
    project: '',
    place: '',
    title,
    hint: advice,
    message: failure.message,
    data: '',
  }
}

function splitValue(parsed: ParsedValue): Row {
  if (parsed.kind === 'quantity') return { comparator: parsed.comparator ?? '', number: parsed.number, unit: parsed.unit }
  return { comparator: '', number: null, unit: '' }
}

/** A text that is not a number stays text (kept verbatim); an empty one is an empty cell. */
function emptyToNull(raw: string): string | null {
  return raw.trim() === '' ? null : raw
}

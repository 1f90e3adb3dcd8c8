/**
 * The table layout every emitter shares: which rows a project's tables hold
 * and what each cell says, so Tika text, tab-per-row text and .docx differ
 * only in how they write the same grid.
 */
import { normalizeLabel, vocabulary, type Indicator, type Project } from '@jxmb/model'

export interface LayoutOptions {
  /** One table for the project header and its indicators. */
  combinedTable?: boolean
  /** Repeat the indicator header row before every n-th indicator, as Word does after a page break. */
  repeatHeaderEvery?: number
}

/** A cell of the emitted grid; `merged` cells are the continuation of the cell above (written empty). */
export interface GridCell {
  text: string
  /** Rows the cell covers (docx rowSpan); 1 when absent. */
  rowSpan?: number
  /** Set on a cell hidden under a rowSpan above it: Tika writes it empty, docx leaves it out. */
  covered?: boolean
}

/** A row of cells; `indicator` marks a data row of an indicator table. */
export type GridRow = GridCell[] & { indicator?: boolean }

export function headerRows(project: Project): GridRow[] {
  const { total, fiscal, other } = project.budget
  const c = (text: string, rowSpan?: number): GridCell => (rowSpan ? { text, rowSpan } : { text })
  // Other labelled fields (主管部门, 实施单位 …), two label/value pairs a row.
  const fields = Object.entries(project.fields ?? {})
  const fieldRows: GridRow[] = []
  for (let index = 0; index < fields.length; index += 2) {
    fieldRows.push(fields.slice(index, index + 2).flatMap(([label, value]) => [c(label), c(value)]))
  }
  return [
    [c(`${project.unit.code}${project.unit.name}`), c(`单位：${project.moneyUnit}`)],
    ...fieldRows,
    [c('项目编码'), c(project.code), c('项目名称'), c(project.name)],
    [c('预算规模及资金用途', 2), c('预算数'), c(total.raw), c('其中：财政    资金'), c(fiscal.raw), c('其他资金'), c(other.raw)],
    [{ text: '', covered: true }, c(project.usage)],
    [c('资金支出计划（%）', 2), ...project.schedule.map((entry) => c(entry.period))],
    [{ text: '', covered: true }, ...project.schedule.map((entry) => c(entry.raw))],
    [c('绩效目标'), c(project.goals.map((goal) => (goal.marker ?? '') + goal.text).join('\n'))],
  ]
}

type Field = vocabulary.IndicatorColumnKey

/** Which model field each header label shows, as the parser will read it (first match wins). */
export function columnFields(labels: readonly string[]): Array<Field | { extra: string }> {
  const taken = new Set<string>()
  return labels.map((label) => {
    const name = normalizeLabel(label)
    const entry = vocabulary.indicatorColumns.find(([, pattern]) => pattern.test(name))
    if (entry && !taken.has(entry[0])) {
      taken.add(entry[0])
      return entry[0]
    }
    return { extra: name }
  })
}

function fieldText(indicator: Indicator, field: Field | { extra: string }): string {
  if (typeof field !== 'string') return indicator.extra[field.extra] ?? ''
  return field === 'value' ? indicator.value.raw : indicator[field]
}

/** The header row and one row per indicator, level cells merged down over their runs. */
export function indicatorRows(labels: readonly string[], indicators: readonly Indicator[], options: LayoutOptions = {}): GridRow[] {
  const fields = columnFields(labels)
  const header: GridRow = labels.map((text) => ({ text }))
  const rows: GridRow[] = [header]
  const runKey = (field: Field | { extra: string }, indicator: Indicator) =>
    field === 'level1' ? indicator.level1 : `${indicator.level1}\u0000${indicator.level2}`
  indicators.forEach((indicator, index) => {
    const repeat = options.repeatHeaderEvery && index > 0 && index % options.repeatHeaderEvery === 0
    if (repeat) rows.push(header.map((cell) => ({ ...cell })))
    const runStart = index === 0 || repeat
    const row: GridRow = fields.map((field) => {
        const text = fieldText(indicator, field)
        if (field !== 'level1' && field !== 'level2') return { text }
        const previous = indicators[index - 1]
        if (!runStart && previous && runKey(field, previous) === runKey(field, indicator)) return { text: '', covered: true }
        // The run goes on to the next repeated header at most.
        let span = 1
        while (
          index + span < indicators.length &&
          !(options.repeatHeaderEvery && (index + span) % options.repeatHeaderEvery === 0) &&
          runKey(field, indicators[index + span]!) === runKey(field, indicator)
        ) {
          span++
        }
        return span > 1 ? { text, rowSpan: span } : { text }
      })
    row.indicator = true
    rows.push(row)
  })
  return rows
}

/** A project's tables: the header table and the indicator table, or one of both. */
export function projectTables(project: Project, options: LayoutOptions = {}): GridRow[][] {
  const header = headerRows(project)
  const indicators = indicatorRows(project.indicatorColumns, project.indicators, options)
  return options.combinedTable ? [[...header, ...indicators]] : [header, indicators]
}

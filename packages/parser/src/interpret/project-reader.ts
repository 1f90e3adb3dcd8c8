/**
 * Reads the tables of the project part: the header table (项目编码, 预算数 …)
 * and the indicator table, which may be one table or two, found by label.
 */
import {
  normalizeLabel,
  vocabulary,
  type Diagnostic,
  type Indicator,
  type Position,
  type Project,
} from '@jxmb/model'
import { cellText, type Cell, type Row, type TableBlock } from '../blocks.js'
import { span } from '../position.js'
import { toParagraph } from './paragraph.js'
import { parseAmount, parseIndicatorValue, parsePercent } from './value.js'

export interface ProjectTitle {
  sequence: number | null
  title: string
  bookmark?: string
  position: Position
}

type HeaderKey = keyof typeof vocabulary.headerLabels
type ColumnKey = vocabulary.IndicatorColumnKey | 'extra'

interface Column {
  key: ColumnKey
  /** The header label as written. */
  label: string
  /** The label normalised: the key of an extra column. */
  name: string
}

interface Draft {
  project: Project
  columns?: Column[]
  headerSignature?: string
  carry: { level1: string; level2: string }
  expect?: { kind: 'usage'; column: number } | { kind: 'schedule'; column: number; periods: string[] }
}

export interface ProjectReader {
  /** A title paragraph (`1.…绩效目标表`): the next table starts that project. */
  title(title: ProjectTitle): void
  table(table: TableBlock): void
  projects(): Project[]
}

export function createProjectReader(report: (diagnostic: Diagnostic) => void): ProjectReader {
  const projects: Project[] = []
  let draft: Draft | undefined
  let pendingTitle: ProjectTitle | undefined

  const diagnose = (code: string, severity: Diagnostic['severity'], message: string, position?: Position, data?: string[]) => {
    const diagnostic: Diagnostic = { code, severity, message }
    const project = draft?.project
    if (project) diagnostic.project = project.code || project.title || `#${projects.length}`
    if (position) diagnostic.position = position
    if (data) diagnostic.data = data
    report(diagnostic)
  }

  const start = (position: Position): Draft => {
    const title = pendingTitle
    pendingTitle = undefined
    const project: Project = {
      type: 'project',
      sequence: title?.sequence ?? null,
      title: title?.title ?? '',
      ...(title?.bookmark ? { bookmark: title.bookmark } : {}),
      unit: { code: '', name: '' },
      moneyUnit: '',
      code: '',
      name: '',
      budget: { total: parseAmount(''), fiscal: parseAmount(''), other: parseAmount('', true) },
      usage: '',
      schedule: [],
      goals: [],
      indicatorColumns: [],
      indicators: [],
      position: title ? span(title.position, position) : position,
    }
    projects.push(project)
    draft = { project, carry: { level1: '', level2: '' } }
    return draft
  }

  const readTable = (table: TableBlock) => {
    if (pendingTitle) start(table.position)
    for (const row of table.rows) {
      const cells = row.cells.filter((cell) => cell.merged !== 'horizontal')
      const texts = cells.map(cellText)
      if (texts.every((text) => text === '')) continue
      const columns = indicatorHeader(row.cells, texts)
      if (columns) {
        readIndicatorHeader(columns, signature(row.cells), row)
      } else if (draft?.columns && !startsProject(texts)) {
        readIndicatorRow(draft, row, texts)
      } else {
        const current =
          !draft || (startsProject(texts) && (draft.project.code !== '' || draft.columns)) ? start(row.position) : draft
        readHeaderRow(current, cells, row)
      }
      if (draft?.project.position) draft.project.position = span(draft.project.position, row.position)
      for (const cell of row.cells) for (const nested of cell.tables) readTable(nested)
    }
  }

  const readIndicatorHeader = (columns: Column[], headerSignature: string, row: Row) => {
    const current = draft ?? start(row.position)
    // The header repeated after a page break: nothing new.
    if (current.columns && current.headerSignature === headerSignature) return
    if (current.columns && current.project.indicators.length > 0) {
      diagnose('indicator-header-changed', 'warning', 'A second, different indicator header row in one project.', row.position)
    }
    current.columns = columns
    current.headerSignature = headerSignature
    current.project.indicatorColumns = dedupe(columns.map((column) => column.label))
    current.carry = { level1: '', level2: '' }
  }

  const readHeaderRow = (current: Draft, cells: Cell[], row: Row) => {
    const project = current.project
    const texts = cells.map(cellText)
    const keys = texts.map((text) => headerKey(text))
    const expect = current.expect
    current.expect = undefined
    let understood = false

    // The row under 资金支出计划 or 预算规模及资金用途, whose label cell is merged down.
    if (expect && keys.every((key) => key === undefined) && (texts[expect.column] ?? '') === '') {
      const values = texts.slice(expect.column + 1)
      if (expect.kind === 'schedule') {
        project.schedule = expect.periods.map((period, index) => {
          const raw = values[index] ?? ''
          return { period, raw, percent: parsePercent(raw) }
        })
        const extra = values.slice(expect.periods.length).filter((value) => value !== '')
        if (extra.length > 0) diagnose('schedule-extra-values', 'warning', 'More 资金支出计划 values than periods.', row.position, extra)
      } else {
        project.usage = values.filter((value) => value !== '').join('\n')
      }
      return
    }

    for (let index = 0; index < cells.length; index++) {
      const key = keys[index]
      if (key === undefined) continue
      understood = true
      const labelColumn = index
      const valueCell = keys[index + 1] === undefined ? cells[index + 1] : undefined
      const value = valueCell ? cellText(valueCell) : ''
      if (valueCell) index++
      switch (key) {
        case 'code':
          project.code = value
          break
        case 'name':
          project.name = value
          break
        case 'unitName':
          project.unit = readUnit(value)
          break
        case 'total':
          project.budget.total = parseAmount(value)
          break
        case 'fiscal':
          project.budget.fiscal = parseAmount(value)
          break
        case 'other':
          project.budget.other = parseAmount(value, true)
          break
        case 'usage':
          project.usage = value
          break
        case 'field':
          project.fields = { ...project.fields, [normalizeLabel(texts[labelColumn]!)]: value }
          break
        case 'goals':
          project.goals = (valueCell?.paragraphs ?? []).map((paragraph, number) =>
            toParagraph(paragraph, { ...valueCell!.position, paragraph: number }),
          )
          break
        case 'budgetBlock':
          // Usually followed by the 预算数 labels, with the usage in the row below;
          // some templates put the usage text right after the label.
          if (value !== '') project.usage = value
          else current.expect = { kind: 'usage', column: labelColumn }
          break
        case 'schedule': {
          // The rest of the row is the periods; their values are in the row below.
          const periods = texts.slice(labelColumn + 1).filter((period) => period !== '')
          current.expect = { kind: 'schedule', column: labelColumn, periods }
          index = cells.length
          break
        }
      }
    }

    if (!understood) {
      // No labels: the unit line (`655001某单位`) and `单位：万元`.
      const unknown: string[] = []
      for (const text of texts) {
        if (text === '') continue
        const money = vocabulary.moneyUnit.exec(normalizeLabel(text))
        if (money) project.moneyUnit = money[2]!
        else if (project.unit.name === '' && project.code === '') project.unit = readUnit(text)
        else unknown.push(text)
      }
      understood = unknown.length === 0
    }
    if (!understood) {
      diagnose('row-unrecognized', 'warning', 'A row of the project table was not understood; its cells are kept here.', row.position, texts)
    }
  }

  const readIndicatorRow = (current: Draft, row: Row, logicalTexts: string[]) => {
    const columns = current.columns!
    const grid = row.cells.length === columns.length
    const cells = grid ? row.cells : row.cells.filter((cell) => cell.merged !== 'horizontal')
    const texts = grid ? cells.map(cellText) : logicalTexts
    if (cells.length < columns.length) {
      diagnose('indicator-row-short', 'warning', `An indicator row has ${cells.length} cells where the header has ${columns.length}; kept raw.`, row.position, texts)
      return
    }
    // Tika sometimes omits the empty line between rows: a row holding whole multiples of the header.
    for (let offset = 0; offset < cells.length; offset += columns.length) {
      const chunk = cells.slice(offset, offset + columns.length)
      const position = span(chunk[0]!.position, chunk.at(-1)!.position)
      if (chunk.length < columns.length) {
        diagnose('indicator-row-long', 'warning', `An indicator row has ${cells.length} cells, not a multiple of the header's ${columns.length}; the rest is kept raw.`, position, chunk.map(cellText))
        break
      }
      if (chunk.every((cell) => cellText(cell) === '')) continue
      readIndicator(current, columns, chunk, position)
    }
  }

  const readIndicator = (current: Draft, columns: Column[], cells: Cell[], position: Position) => {
    const fields: Record<vocabulary.IndicatorColumnKey, string> = { level1: '', level2: '', level3: '', description: '', value: '', basis: '' }
    const extra: Record<string, string> = {}
    columns.forEach((column, index) => {
      const text = cellText(cells[index]!)
      if (column.key === 'extra') extra[column.name] = join(extra[column.name], text)
      else fields[column.key] = join(fields[column.key], text)
    })
    const carry = current.carry
    // Merged level cells come out empty below their first row: carry them down.
    if (fields.level1 !== '') {
      if (fields.level1 !== carry.level1) carry.level2 = ''
      carry.level1 = fields.level1
    }
    if (fields.level2 !== '') carry.level2 = fields.level2
    const indicator: Indicator = {
      type: 'indicator',
      level1: carry.level1,
      level2: carry.level2,
      level3: fields.level3,
      description: fields.description,
      value: { raw: fields.value, parsed: parseIndicatorValue(fields.value) },
      basis: fields.basis,
      extra,
      position,
    }
    current.project.indicators.push(indicator)
    const where = current.project.indicators.length
    if (indicator.level1 === '' || indicator.level2 === '') {
      diagnose('missing-level', 'warning', `The 一级/二级指标 of indicator ${where} is empty and nothing above it can be carried down.`, position)
    } else if (!(indicator.level1 in vocabulary.taxonomy)) {
      diagnose('unknown-level1', 'info', `一级指标 “${indicator.level1}” is not in the standard taxonomy.`, position)
    } else if (!vocabulary.taxonomy[indicator.level1]!.includes(indicator.level2)) {
      diagnose('unknown-level2', 'info', `二级指标 “${indicator.level2}” is not a standard one under ${indicator.level1}.`, position)
    }
    if (indicator.level3 === '') diagnose('missing-level3', 'warning', `The 三级指标 of indicator ${where} is empty.`, position)
    if (indicator.value.raw === '') diagnose('missing-value', 'warning', `The 指标值 of indicator ${where} is empty.`, position)
  }

  return {
    title(title) {
      pendingTitle = title
    },
    table: readTable,
    projects: () => projects,
  }
}

function headerKey(text: string): HeaderKey | undefined {
  if (text === '' || text.length > 30) return undefined
  const label = normalizeLabel(text)
  if (!vocabulary.headerLabelStart.test(label)) return undefined
  for (const [key, pattern] of Object.entries(vocabulary.headerLabels)) {
    if (pattern.test(label)) return key as HeaderKey
  }
  return undefined
}

/** The indicator header row, as columns; undefined when the row is not one. */
function indicatorHeader(cells: Cell[], texts: string[]): Column[] | undefined {
  // Cheap test first: this runs on every row, and a header names 一级/二级/三级.
  let levels = 0
  for (const text of texts) if (text.length <= 20 && text.includes('级')) levels++
  if (levels < 2) return undefined
  let found = 0
  const columns: Column[] = []
  const taken = new Set<string>()
  for (const cell of cells) {
    const label = normalizeLabel(cellText(cell))
    if (cell.merged === 'horizontal' && columns.length > 0) {
      columns.push(columns.at(-1)!)
      continue
    }
    const entry = label.length <= 20 ? vocabulary.indicatorColumns.find(([, pattern]) => pattern.test(label)) : undefined
    // A second column for a field already taken (年度指标值 beside 指标值) is kept as an extra.
    const key = entry && !taken.has(entry[0]) ? entry[0] : 'extra'
    taken.add(key)
    if (key === 'level1' || key === 'level2' || key === 'level3') found++
    const written = cellText(cell).replace(/\s+/g, ' ').trim() || `列${columns.length + 1}`
    columns.push({ key, label: written, name: label || written })
  }
  return found >= 2 ? columns : undefined
}

function signature(cells: Cell[]): string {
  return cells.map((cell) => normalizeLabel(cellText(cell))).join('\t')
}

/** A row that can only begin a project's header: the unit line, 单位：, or 项目编码. */
function startsProject(texts: string[]): boolean {
  return texts.some((text) => {
    if (text.length > 40 || !(text.includes('单位') || text.includes('项目'))) return false
    const label = normalizeLabel(text)
    return vocabulary.headerLabels.code.test(label) || vocabulary.moneyUnit.test(label)
  })
}

function readUnit(text: string): { code: string; name: string } {
  const match = vocabulary.unitLine.exec(text.trim())
  return match ? { code: match[1]!, name: match[2]!.trim() } : { code: '', name: text.trim() }
}

function join(a: string | undefined, b: string): string {
  return a ? (b ? `${a}\n${b}` : a) : b
}

function dedupe(labels: string[]): string[] {
  return labels.filter((label, index) => labels[index - 1] !== label)
}

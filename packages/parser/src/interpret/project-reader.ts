/**
 * Reads the tables of the project part: the header table (项目编码, 预算数 …)
 * and the indicator table, which may be one table or two, found by label.
 */
import {
  normalizeLabel,
  vocabulary,
  type Diagnostic,
  type Indicator,
  type Paragraph,
  type Position,
  type Project,
} from '@jxmb/model'
import { cellText, type Cell, type Row, type TableBlock } from '../blocks.js'
import { atParagraph, span } from '../position.js'
import { indicatorHeader, withSubLabels, type Column, type IndicatorHeader } from './indicator-header.js'
import { isAmountRole, labelRole, looksLikeLabel, type HeaderKey, type LabelRole } from './label-role.js'
import { toParagraph } from './paragraph.js'
import { remember } from './remember.js'
import { parseAmount, parseIndicatorValue, parsePercent } from './value.js'

export interface ProjectTitle {
  sequence: number | null
  title: string
  bookmark?: string
  position: Position
}


interface Draft {
  project: Project
  columns?: Column[]
  headerSignature?: string
  carry: { level1: string; level2: string }
  /** The last level pair checked against the taxonomy, and what was found. */
  levels: { level1?: string; level2?: string; verdict?: 'missing-level' | 'unknown-level1' | 'unknown-level2' }
  /** The project's last row so far: its position is the project's end, made once the project is complete. */
  lastRow?: Row
  /** Roles already given a value: a second label for one (两个 amounts) becomes a field. */
  taken: Set<HeaderKey>
  expect?: { kind: 'usage'; column: number } | { kind: 'schedule'; column: number; periods: string[] }
}

/** A wide table's subtotal row: a unit and an amount, no project, no indicator. */
export interface Subtotal {
  values: Record<string, string>
  position: Position
}

export interface ProjectReader {
  /** A title paragraph (`1.…绩效目标表`): the next table starts that project. */
  title(title: ProjectTitle): void
  /**
   * A form's title or period paragraph (`…申报表`, `(2023年度)`) above the next table:
   * its title when it has none, else kept on it as unplaced.
   */
  titleLine(text: string, position: Position): void
  table(table: TableBlock): void
  projects(): Project[]
  /** Subtotal rows of wide tables, for the department. */
  subtotals(): Subtotal[]
}

export function createProjectReader(report: (diagnostic: Diagnostic) => void): ProjectReader {
  const drafts: Draft[] = []
  let draft: Draft | undefined
  const subtotals: Subtotal[] = []
  let pendingTitle: ProjectTitle | undefined
  // Title and period lines since the last table, for the next project.
  let pendingLines: Array<{ text: string; position: Position }> = []

  const diagnose = (code: string, severity: Diagnostic['severity'], message: string, position?: Position, data?: string[]) => {
    const diagnostic: Diagnostic = { code, severity, message }
    const project = draft?.project
    if (project) diagnostic.project = project.code || project.title || `#${drafts.length}`
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
    draft = { project, carry: { level1: '', level2: '' }, levels: {}, taken: new Set() }
    drafts.push(draft)
    for (const line of pendingLines) {
      if (project.title === '') project.title = line.text
      else (project.unplaced ??= []).push({ cells: [line.text], position: line.position })
    }
    pendingLines = []
    return draft
  }

  const readTable = (table: TableBlock) => {
    if (pendingTitle || pendingLines.length > 0) start(table.position)
    const rows = table.rows
    for (let rowIndex = 0; rowIndex < rows.length; rowIndex++) {
      const row = rows[rowIndex]!
      // This runs for every row of every table: plain loops, no copies unless spans are merged,
      // and a text row's own texts, so that its cells need not be made.
      const cells = row.texts ? undefined : logicalCells(row.cells)
      const texts = row.texts ?? cellTexts(cells!)
      const seen = scanRow(texts)
      if (seen === 0) continue // an empty row
      let header = seen & mayBeHeader ? indicatorHeader(row, texts) : undefined
      if (header) {
        // A row of sub-labels below (指标值 split into 上年实际完成值 / 本年目标值) belongs to the header.
        const next = rows[rowIndex + 1]
        if (next) {
          const nextTexts = next.texts ?? cellTexts(next.cells)
          const combined = withSubLabels(row, row.texts ?? cellTexts(row.cells), next, nextTexts)
          if (combined) {
            header = combined
            rowIndex++
          }
        }
        readIndicatorHeader(header, row)
      } else {
        const startsNew = (seen & mayStartProject) !== 0 && startsProject(texts)
        if (draft?.columns && !startsNew) {
          readIndicatorRow(draft, row, cells, texts)
        } else {
          const current = !draft || (startsNew && (draft.project.code !== '' || draft.columns)) ? start(row.position) : draft
          readHeaderRow(current, cells, texts, row)
        }
      }
      if (draft) draft.lastRow = row
      // Text rows hold no nested tables.
      if (!row.texts) for (const cell of row.cells) for (const nested of cell.tables) readTable(nested)
    }
  }

  const readIndicatorHeader = ({ columns, signature: headerSignature }: IndicatorHeader, row: Row) => {
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

  /** `cells` are the logical cells of a grid row; a text row's cells are made only for its goals. */
  const readHeaderRow = (current: Draft, cells: Cell[] | undefined, texts: readonly string[], row: Row) => {
    const project = current.project
    const roles = texts.map((text) => headerRole(text))
    const expect = current.expect
    current.expect = undefined

    // The row under 资金支出计划 or 预算规模及资金用途, whose label cell is merged down.
    if (expect && roles.every((role) => role === undefined) && (texts[expect.column] ?? '') === '') {
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

    // 单位：万元 may stand in any cell; the rest of the row is read without it.
    const rest: number[] = []
    for (let index = 0; index < texts.length; index++) {
      const text = texts[index]!
      if (text === '') continue
      const money = roles[index] ? null : vocabulary.moneyUnit.exec(normalizeLabel(text))
      if (money) project.moneyUnit = money[2]!
      else rest.push(index)
    }
    if (rest.length === 0) return

    // One cell and no label: the table's title, a period, or the unit line (`655001某单位`).
    if (rest.length === 1 && !roles[rest[0]!]) {
      const text = texts[rest[0]!]!
      const label = normalizeLabel(text)
      if (vocabulary.tableTitle.test(label) || vocabulary.periodLine.test(label)) {
        if (project.title === '') project.title = text.trim()
        else unplaced(project, texts, row)
        return
      }
      if (project.unit.name === '' && project.code === '') {
        project.unit = readUnit(text)
        return
      }
    }

    // Label/value pairs, left to right: a label takes the next cell as its value unless that is a known label.
    const left: string[] = []
    for (let at = 0; at < rest.length; at++) {
      const index = rest[at]!
      const text = texts[index]!
      const next = index + 1 < texts.length && !roles[index + 1]?.known ? index + 1 : undefined
      const value = next === undefined ? '' : texts[next]!
      // The column labels of an amount block (资金来源 | 金额(万元)): its rows below are label/amount pairs.
      if (next !== undefined && isAmountBlockHeader(roles[index], text, roles[next], value)) {
        const unit = vocabulary.moneyUnitInLabel.exec(normalizeLabel(value))
        if (unit && project.moneyUnit === '') project.moneyUnit = unit[1]!
        if (rest[at + 1] === next) at++
        continue
      }
      const role = labelAt(roles[index], text, value, next !== undefined)
      if (!role) {
        left.push(text)
        continue
      }
      if (next !== undefined && rest[at + 1] === next) at++
      if (role === 'schedule') {
        // The rest of the row is the periods; their values are in the row below.
        const periods = texts.slice(index + 1).filter((period) => period !== '')
        current.expect = { kind: 'schedule', column: index, periods }
        break
      }
      if (role === 'budgetBlock') {
        // Usually followed by the 预算数 labels, with the usage in the row below;
        // some templates put the usage text right after the label.
        if (value !== '') project.usage = value
        else current.expect = { kind: 'usage', column: index }
        continue
      }
      if (role !== 'field' && role !== 'budgetLine' && current.taken.has(role)) {
        diagnose('label-competes', 'info', `“${text.trim()}” names a field already read from an earlier label; it is kept under fields.`, row.position, [text, value])
        setField(project, text, value)
        continue
      }
      if (role !== 'field' && role !== 'budgetLine' && value !== '') current.taken.add(role)
      // An amount label may say its unit: 项目总预算(元), 金额（万元）.
      if (isAmountRole(role) && project.moneyUnit === '') {
        const unit = vocabulary.moneyUnitInLabel.exec(normalizeLabel(text))
        if (unit) project.moneyUnit = unit[1]!
      }
      switch (role) {
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
        case 'goals':
          project.goals = next !== undefined ? readGoals((cells ?? row.cells)[next]!) : []
          break
        case 'budgetLine': {
          const amount = parseAmount(value)
          ;(project.budget.lines ??= []).push({ label: normalizeLabel(text), raw: amount.raw, value: amount.value })
          break
        }
        case 'field':
          setField(project, text, value)
          break
      }
    }
    if (left.length > 0) {
      unplaced(project, left, row)
      diagnose('row-unrecognized', 'warning', 'A row of the project table was not understood; its cells are kept here and under unplaced.', row.position, left)
    }
  }

  const readIndicatorRow = (current: Draft, row: Row, logicalCells: Cell[] | undefined, logicalTexts: readonly string[]) => {
    const columns = current.columns!
    let cells = logicalCells
    let texts = logicalTexts
    // A header read from a grid row (placeholders included) matches the grid row.
    if (!row.texts && row.cells.length === columns.length && row.cells !== logicalCells) {
      cells = row.cells
      texts = cells.map(cellText)
    }
    const count = texts.length
    const width = columns.length
    if (count < width) {
      diagnose('indicator-row-short', 'warning', `An indicator row has ${count} cells where the header has ${width}; kept raw.`, row.position, [...texts])
      return
    }
    // Tika sometimes omits the empty line between rows: a row holding whole multiples of the header.
    for (let offset = 0; offset < count; offset += width) {
      const end = Math.min(offset + width, count)
      const position = row.spanCells ? row.spanCells(offset, end - 1) : span((cells ??= row.cells)[offset]!.position, cells[end - 1]!.position)
      if (end - offset < width) {
        diagnose('indicator-row-long', 'warning', `An indicator row has ${count} cells, not a multiple of the header's ${width}; the rest is kept raw.`, position, texts.slice(offset))
        break
      }
      let empty = true
      for (let index = offset; index < end; index++) if (texts[index] !== '') empty = false
      if (empty) continue
      // A wide table: the row's project columns say which project it belongs to, or that it is a subtotal.
      const owner = columns.some((column) => column.key === 'project') ? wideRow(current, columns, texts, offset, position) : current
      if (owner) readIndicator(owner, columns, texts, offset, position)
    }
  }

  /**
   * The project a wide table's row belongs to: a new project name or code starts one (with the
   * table's columns); cells merged down (empty below their first row) keep the current one. A row
   * with a unit or an amount but no project and no indicator is a subtotal: kept, no indicator.
   */
  const wideRow = (current: Draft, columns: Column[], texts: readonly string[], offset: number, position: Position): Draft | undefined => {
    const own = new Map<HeaderKey, string>()
    let indicatorText = false
    const values: Record<string, string> = {}
    for (let index = 0; index < columns.length; index++) {
      const column = columns[index]!
      const text = texts[offset + index]!
      if (column.key === 'project') {
        if (text !== '') own.set(column.role!, text)
        if (text !== '') values[column.label] = text
      } else if (text !== '' && column.key !== 'lead') indicatorText = true
    }
    const name = own.get('name') ?? ''
    const code = own.get('code') ?? ''
    if (name === '' && code === '' && !indicatorText) {
      if (own.size > 0) subtotals.push({ values, position })
      return undefined
    }
    let owner = current
    const project = current.project
    const other = (mine: string, theirs: string) => mine !== '' && theirs !== '' && mine !== theirs
    if (other(name, project.name) || other(code, project.code) || ((name !== '' || code !== '') && project.name === '' && project.code === '' && project.indicators.length > 0)) {
      owner = start(position)
      owner.columns = current.columns
      owner.headerSignature = current.headerSignature
      owner.project.indicatorColumns = project.indicatorColumns
      owner.project.moneyUnit = project.moneyUnit
      // A unit cell merged down over several projects is empty below its first row: it carries.
      if (!own.has('unitName')) owner.project.unit = { ...project.unit }
    }
    const target = owner.project
    for (const [role, text] of own) {
      switch (role) {
        case 'name':
          if (target.name === '') target.name = text
          break
        case 'code':
          if (target.code === '') target.code = text
          break
        case 'unitName':
          if (target.unit.name === '') target.unit = readUnit(text)
          break
        case 'total':
          if (target.budget.total.raw === '') target.budget.total = parseAmount(text)
          break
        case 'fiscal':
          if (target.budget.fiscal.raw === '') target.budget.fiscal = parseAmount(text)
          break
        case 'other':
          if (target.budget.other.raw === '') target.budget.other = parseAmount(text, true)
          break
        case 'usage':
          if (target.usage === '') target.usage = text
          break
        case 'goals':
          if (target.goals.length === 0) target.goals = text.split('\n').map((line, number) => toParagraph(line, atParagraph(position, number)))
          break
      }
    }
    return indicatorText ? owner : undefined
  }

  const readIndicator = (current: Draft, columns: Column[], texts: readonly string[], offset: number, position: Position) => {
    // Locals, not a record per row: a column's key names one of them.
    let level1 = ''
    let level2 = ''
    let level3 = ''
    let description = ''
    let value = ''
    let basis = ''
    const extra: Record<string, string> = {}
    for (let index = 0; index < columns.length; index++) {
      const column = columns[index]!
      const text = texts[offset + index]!
      // prettier-ignore
      switch (column.key) {
        case 'level1': level1 = join(level1, text); break
        case 'level2': level2 = join(level2, text); break
        case 'level3': level3 = join(level3, text); break
        case 'description': description = join(description, text); break
        case 'value': value = join(value, text); break
        case 'basis': basis = join(basis, text); break
        // The block's lead cell is merged down, empty below; text there is kept all the same.
        case 'lead': if (text !== '') extra[column.name] = join(extra[column.name], text); break
        // A wide table's project columns were read by wideRow.
        case 'project': break
        default: extra[column.name] = join(extra[column.name], text)
      }
    }
    const carry = current.carry
    // Merged level cells come out empty below their first row: carry them down.
    if (level1 !== '') {
      if (level1 !== carry.level1) carry.level2 = ''
      carry.level1 = level1
    }
    if (level2 !== '') carry.level2 = level2
    const indicator: Indicator = {
      type: 'indicator',
      level1: carry.level1,
      level2: carry.level2,
      level3,
      description,
      value: { raw: value, parsed: parseIndicatorValue(value) },
      basis,
      extra,
      position,
    }
    current.project.indicators.push(indicator)
    const where = current.project.indicators.length
    // Carried levels repeat row after row: look the pair up in the taxonomy only when it changes.
    const levels = current.levels
    if (indicator.level1 !== levels.level1 || indicator.level2 !== levels.level2) {
      levels.level1 = indicator.level1
      levels.level2 = indicator.level2
      levels.verdict =
        indicator.level1 === '' || indicator.level2 === ''
          ? 'missing-level'
          : !Object.hasOwn(vocabulary.taxonomy, indicator.level1)
            ? 'unknown-level1'
            : !vocabulary.taxonomy[indicator.level1]!.includes(indicator.level2)
              ? 'unknown-level2'
              : undefined
    }
    if (levels.verdict === 'missing-level') {
      diagnose('missing-level', 'warning', `The 一级/二级指标 of indicator ${where} is empty and nothing above it can be carried down.`, position)
    } else if (levels.verdict === 'unknown-level1') {
      diagnose('unknown-level1', 'info', `一级指标 “${indicator.level1}” is not in the standard taxonomy.`, position)
    } else if (levels.verdict === 'unknown-level2') {
      diagnose('unknown-level2', 'info', `二级指标 “${indicator.level2}” is not a standard one under ${indicator.level1}.`, position)
    }
    if (indicator.level3 === '') diagnose('missing-level3', 'warning', `The 三级指标 of indicator ${where} is empty.`, position)
    if (indicator.value.raw === '') diagnose('missing-value', 'warning', `The 指标值 of indicator ${where} is empty.`, position)
  }

  return {
    title(title) {
      pendingTitle = title
      pendingLines = []
    },
    titleLine(text, position) {
      pendingLines.push({ text, position })
    },
    table: readTable,
    subtotals: () => subtotals,
    projects: () =>
      drafts.map(({ project, lastRow }) => {
        if (lastRow && project.position) project.position = span(project.position, lastRow.position)
        return project
      }),
  }
}

// Labels repeat in every project of a document, and across documents: each is normalised
// and read once. Bounded, as values that are not labels land here too.
const headerRoles = new Map<string, LabelRole | null>()
const headerRolesLimit = 4096

function headerRole(text: string): LabelRole | undefined {
  if (text === '' || text.length > 30) return undefined
  // Values (amounts, codes, the unit line) often start with printable ASCII, which
  // normalising keeps, and no label starts so: no need to normalise them.
  const first = text.charCodeAt(0)
  if (first > 0x20 && first < 0x7f) return undefined
  return remember(headerRoles, headerRolesLimit, text, () => labelRole(text) ?? null) ?? undefined
}

/**
 * The role a cell plays where a label may stand: a known label always; a
 * worded one when its value fits (an amount's reads as a number); any other
 * label-like text followed by a value is a field of its own.
 */
function labelAt(role: LabelRole | undefined, text: string, value: string, hasValue: boolean): HeaderKey | undefined {
  if (role?.known) return role.key
  if (role && (!isAmountRole(role.key) || value === '' || parseAmount(value).value !== null)) return role.key
  return hasValue && looksLikeLabel(text) ? 'field' : undefined
}

/**
 * The column labels of an amount block: a sources label (资金来源, 资金类别 …) over an amount
 * label (金额（万元）), or any such pair whose amount label names its unit. Never a field's value.
 */
function isAmountBlockHeader(role: LabelRole | undefined, label: string, valueRole: LabelRole | undefined, value: string): boolean {
  if ((role?.key ?? 'field') !== 'field' || valueRole === undefined || !isAmountRole(valueRole.key)) return false
  if (parseAmount(value).value !== null) return false
  return vocabulary.amountSources.test(normalizeLabel(label)) || vocabulary.moneyUnitInLabel.test(normalizeLabel(value))
}

function setField(project: Project, label: string, value: string): void {
  project.fields = { ...project.fields, [normalizeLabel(label)]: value }
}

/** Cells that are no label, value or title: kept on the project, not only in a diagnostic. */
function unplaced(project: Project, cells: readonly string[], row: Row): void {
  ;(project.unplaced ??= []).push({ cells: [...cells], position: row.position })
}

// What scanRow found in a row; 0 when the row holds no text at all.
const holdsText = 1
const mayBeHeader = 2
const mayStartProject = 4

const levelMark = vocabulary.levelMark
// A cheap test before normalising: NFKC leaves these ideographs as they are.
const projectInitials = Array.from(vocabulary.projectStartInitials, (char) => char.charCodeAt(0))

function isProjectInitial(code: number): boolean {
  for (let index = 0; index < projectInitials.length; index++) if (code === projectInitials[index]) return true
  return false
}

/**
 * One pass over a row's texts for the tests every row needs: whether it holds
 * any text, whether it may be an indicator header (two cells naming 一级/二级/三级),
 * and whether it may begin a project (a short cell starting as 项目编码, 单位： do).
 */
function scanRow(texts: readonly string[]): number {
  let seen = 0
  let levels = 0
  for (let index = 0; index < texts.length; index++) {
    const text = texts[index]!
    const length = text.length
    if (length === 0) continue
    seen |= holdsText
    if (length > 40) continue
    if (length <= 20 && text.includes(levelMark)) levels++
    if (isProjectInitial(text.charCodeAt(0))) seen |= mayStartProject
  }
  return levels >= 2 ? seen | mayBeHeader : seen
}

/** A row that can only begin a project's header: the unit line, 单位：, or 项目编码. */
function startsProject(texts: readonly string[]): boolean {
  for (const text of texts) {
    if (text.length > 40 || !isProjectInitial(text.charCodeAt(0))) continue
    const label = normalizeLabel(text)
    if (vocabulary.headerLabels.code.test(label) || vocabulary.moneyUnit.test(label)) return true
  }
  return false
}

/** The row's cells without the placeholders right of a wide cell; the same array when there are none. */
function logicalCells(cells: Cell[]): Cell[] {
  for (const cell of cells) if (cell.merged === 'horizontal') return cells.filter((c) => c.merged !== 'horizontal')
  return cells
}

/** The cells' texts. */
function cellTexts(cells: Cell[]): string[] {
  const texts = new Array<string>(cells.length)
  for (let index = 0; index < cells.length; index++) texts[index] = cellText(cells[index]!)
  return texts
}

/** The goals cell's paragraphs, each with the cell's position and its number there. */
function readGoals(cell: Cell): Paragraph[] {
  const paragraphs = cell.paragraphs
  // Once: a text cell makes its position when asked.
  const position = cell.position
  const goals = new Array<Paragraph>(paragraphs.length)
  for (let number = 0; number < paragraphs.length; number++) {
    goals[number] = toParagraph(paragraphs[number]!, atParagraph(position, number))
  }
  return goals
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

/**
 * The project's header table (项目编码, 项目名称, 预算数 …): label/value pairs
 * read by what their labels mean (`label-role.ts`), amount blocks, title and
 * period rows, and the rows under 资金支出计划 / 预算规模及资金用途. Every
 * labelled value lands in the model; cells that are no pair stay in `unplaced`.
 */
import { normalizeLabel, vocabulary, type Diagnostic, type Paragraph, type Position, type Project } from '@jxmb/model'
import type { Cell, Row } from '../blocks.js'
import { atParagraph } from '../position.js'
import { isAmountRole, labelRole, looksLikeLabel, type HeaderKey, type LabelRole } from './label-role.js'
import { toParagraph } from './paragraph.js'
import { remember } from './remember.js'
import { parseAmount, parsePercent } from './value.js'

/** What the header table of one project has read so far. */
export interface HeaderState {
  project: Project
  /** Roles already given a value, and the label each was read from: a second label for one (两个 amounts) becomes a field. */
  taken: Map<HeaderKey, string>
  /** Inside an amount block of several amount columns: the labels of the columns after the first. */
  amountColumns?: string[]
  /** The row below 预算规模及资金用途 or 资金支出计划 holds their values. */
  expect?: { kind: 'usage'; column: number } | { kind: 'schedule'; column: number; periods: string[] }
}

export type Diagnose = (code: string, severity: Diagnostic['severity'], message: string, position?: Position, data?: string[]) => void

/** `cells` are the logical cells of a grid row; a text row's cells are made only for its goals. */
export function readHeaderRow(current: HeaderState, cells: Cell[] | undefined, texts: readonly string[], row: Row, diagnose: Diagnose): void {
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
    // `includes` first: normalising every value (goals, usage) only to test it is costly.
    const money = roles[index] || !text.includes('单位') ? null : vocabulary.moneyUnit.exec(normalizeLabel(text))
    if (money) project.moneyUnit = money[2]!
    else rest.push(index)
  }
  if (rest.length === 0) return

  // One cell and no label: the table's title, a period, or the coded unit line (`655001某单位`).
  if (rest.length === 1 && !roles[rest[0]!]) {
    const text = texts[rest[0]!]!
    const label = normalizeLabel(text)
    if (vocabulary.tableTitle.test(label) || vocabulary.periodLine.test(label)) {
      if (project.title === '') project.title = text.trim()
      else unplaced(project, texts, row)
      return
    }
    // Only a coded line is a unit without a label: any other lone text may be anything.
    if (project.unit.name === '' && project.code === '' && vocabulary.unitLine.test(text.trim())) {
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
      // More amount columns (年初预算数 | 调整预算数): the first is the budget, the others lines of it.
      const more: string[] = []
      while (rest[at + 1] !== undefined && isAmountLabel(roles[rest[at + 1]!]) && parseAmount(texts[rest[at + 1]!]!).value === null) {
        more.push(normalizeLabel(texts[rest[++at]!]!))
      }
      current.amountColumns = more.length > 0 ? more : undefined
      continue
    }
    const role = labelAt(roles[index], text, value, next !== undefined)
    if (!role) {
      left.push(text)
      continue
    }
    if (next !== undefined && rest[at + 1] === next) at++
    // A row of an amount block with several amount columns: the cells after the first amount.
    if (current.amountColumns && isAmountRole(role)) {
      const columns = current.amountColumns
      for (let column = 0; column < columns.length && rest[at + 1] !== undefined && parseAmount(texts[rest[at + 1]!]!).value !== null; column++) {
        const amount = parseAmount(texts[rest[++at]!]!)
        ;(project.budget.lines ??= []).push({ label: `${normalizeLabel(text)}/${columns[column]}`, raw: amount.raw, value: amount.value })
      }
    } else if (!isAmountRole(role)) {
      current.amountColumns = undefined
    }
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
      const chosen = current.taken.get(role)!
      ;(project.choices ??= []).push({ role, chosen, kept: text.trim() })
      diagnose('label-competes', 'info', `“${text.trim()}” names what “${chosen}” named already (${role}); that one is read, this one is kept under fields.`, row.position, [text, value])
      setField(project, text, value)
      continue
    }
    if (role !== 'field' && role !== 'budgetLine' && value !== '') current.taken.set(role, text.trim())
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

/** A label whose role is an amount (预算数, 调整预算数（万元）…). */
function isAmountLabel(role: LabelRole | undefined): boolean {
  return role !== undefined && isAmountRole(role.key)
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

/**
 * A field under its label as written (trimmed, runs of spaces as one), in document order.
 * The same label twice keeps both values, one per line: nothing labelled is lost.
 */
function setField(project: Project, label: string, value: string): void {
  const key = label.trim().replace(/\s+/g, ' ')
  const fields = (project.fields ??= {})
  const kept = Object.hasOwn(fields, key) && fields[key] !== value ? `${fields[key]}\n${value}` : value
  // Defined, not assigned: a label `__proto__` is a field like any other.
  Object.defineProperty(fields, key, { value: kept, enumerable: true, writable: true, configurable: true })
}

/** Cells that are no label, value or title: kept on the project, not only in a diagnostic. */
function unplaced(project: Project, cells: readonly string[], row: Row): void {
  ;(project.unplaced ??= []).push({ cells: [...cells], position: row.position })
}

/** The goals cell's paragraphs, each with the cell's position and its number there. */
export function readGoals(cell: Cell): Paragraph[] {
  const paragraphs = cell.paragraphs
  // Once: a text cell makes its position when asked.
  const position = cell.position
  const goals = new Array<Paragraph>(paragraphs.length)
  for (let number = 0; number < paragraphs.length; number++) {
    goals[number] = toParagraph(paragraphs[number]!, atParagraph(position, number))
  }
  return goals
}

export function readUnit(text: string): { code: string; name: string } {
  const match = vocabulary.unitLine.exec(text.trim())
  return match ? { code: match[1]!, name: match[2]!.trim() } : { code: '', name: text.trim() }
}

/**
 * The indicator table's header: which column holds 一级 / 二级 / 三级, the
 * description, the value and its basis, read from the labels; a header of two
 * rows (a spanning label over sub-labels) is one header, its columns named by
 * both (`指标值/本年目标值`).
 */
import { normalizeLabel, vocabulary } from '@jxmb/model'
import { cellText, type Cell, type Row } from '../blocks.js'
import { labelRole, type HeaderKey } from './label-role.js'
import { remember } from './remember.js'

/**
 * `lead`: a cell spanning the whole indicator block (绩效指标), not a column of values.
 * `project`: a project's own column in a wide table (单位名称, 项目名称, 预算数, 年度目标 …), its `role` saying which.
 */
export type ColumnKey = vocabulary.IndicatorColumnKey | 'extra' | 'lead' | 'project'

/** The roles a wide table's project columns may play. */
const projectRoles = new Set<HeaderKey>(['code', 'name', 'unitName', 'total', 'fiscal', 'other', 'goals', 'usage'])

export interface Column {
  key: ColumnKey
  role?: HeaderKey
  /** The header label as written (both rows' labels, for a two-row header). */
  label: string
  /** The label normalised: the key of an extra column. */
  name: string
}

export interface IndicatorHeader {
  columns: Column[]
  /** The labels normalised: the same header repeated after a page break has the same signature. */
  signature: string
}

const levelKeys = new Set<ColumnKey>(['level1', 'level2', 'level3'])

// Text rows hold no merged cells, so their header is a function of the texts alone:
// each distinct header is read once per process. Bounded, like the label memo.
const textHeaders = new Map<string, IndicatorHeader | null>()
const textHeadersLimit = 256

/** The indicator header row, as columns; undefined when the row is not one. */
export function indicatorHeader(row: Row, texts: readonly string[]): IndicatorHeader | undefined {
  if (!row.texts) return readHeader(row.cells.map(headerCell))
  return remember(textHeaders, textHeadersLimit, texts.join('\t'), () => readHeader(texts.map((text) => ({ text, joined: false }))) ?? null) ?? undefined
}

interface HeaderCell {
  text: string
  /** The placeholder right of a wide cell: the same column as the one before. */
  joined: boolean
}

function headerCell(cell: Cell): HeaderCell {
  return { text: cellText(cell), joined: cell.merged === 'horizontal' }
}

function readHeader(cells: readonly HeaderCell[], subLabels?: readonly string[]): IndicatorHeader | undefined {
  let found = 0
  const columns: Column[] = []
  const taken = new Set<string>()
  // A placeholder right of a wide cell (a grid's) has no text of its own: the wide cell's is its top label.
  let spanning = ''
  cells.forEach((cell, index) => {
    if (!cell.joined) spanning = cell.text
    const top = written(spanning)
    const sub = written(subLabels?.[index] ?? '')
    if (cell.joined && columns.length > 0 && sub === '') {
      columns.push(columns.at(-1)!)
      return
    }
    const label = normalizeLabel(sub === '' ? top : sub)
    const both = sub === '' ? top : top === '' ? sub : `${top}/${sub}`
    let key = indicatorColumnKey(label, taken)
    if (key === 'extra' && index === 0 && vocabulary.indicatorLead.test(normalizeLabel(top))) key = 'lead'
    const role = key === 'extra' ? labelRole(both || top) : undefined
    if (role && projectRoles.has(role.key) && !taken.has(`project:${role.key}`)) {
      taken.add(`project:${role.key}`)
      columns.push({ key: 'project', role: role.key, label: both || top, name: normalizeLabel(both || top) })
      return
    }
    // A second column for a field already taken (年度指标值 beside 指标值) is kept as an extra.
    taken.add(key)
    if (levelKeys.has(key)) found++
    const shown = both || `列${columns.length + 1}`
    columns.push({ key, label: shown, name: normalizeLabel(both) || shown })
  })
  if (found < 2) return undefined
  // Sub-labels that name no target (2022年 / 2023年 under 指标值): the last of the 指标值 group is this year's.
  if (subLabels && !columns.some((column) => column.key === 'value')) {
    for (let index = columns.length - 1; index >= 0; index--) {
      const column = columns[index]!
      if (column.key === 'extra' && valueTop(cells[index]?.text ?? '') && !vocabulary.notTarget.test(column.name)) {
        columns[index] = { ...column, key: 'value' }
        break
      }
    }
  }
  const signature = cells.map((cell) => normalizeLabel(cell.text)).join('\t') + (subLabels ? '\n' + subLabels.map(normalizeLabel).join('\t') : '')
  return { columns, signature }
}

/** A column label's key (normalised text): `extra` when it names no indicator column, or one already taken. */
export function indicatorColumnKey(label: string, taken: ReadonlySet<string>): ColumnKey {
  const entry = label.length <= 20 ? vocabulary.indicatorColumns.find(([, pattern]) => pattern.test(label)) : undefined
  const key: ColumnKey = entry && !taken.has(entry[0]) ? entry[0] : 'extra'
  // An earlier year's value under 指标值 (上年实际完成值) is kept by its name, never taken for the target.
  return key === 'value' && vocabulary.notTarget.test(label) ? 'extra' : key
}

function valueTop(text: string): boolean {
  const pattern = vocabulary.indicatorColumns.find(([key]) => key === 'value')![1]
  return pattern.test(normalizeLabel(text))
}

function written(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * The header with the row below it, when that row holds sub-labels: it is
 * empty under the level columns (merged down from the header), its other cells
 * are short labels, and it is wider than the header (text, which keeps no
 * spans) or sits under a spanning header cell (a grid). Undefined otherwise.
 */
export function withSubLabels(headerRow: Row, headerTexts: readonly string[], next: Row, nextTexts: readonly string[]): IndicatorHeader | undefined {
  const labelLike = (text: string) => text === '' || (text.length <= 16 && /\p{Script=Han}/u.test(text) && !vocabulary.notSubLabel.test(text))
  if (!nextTexts.some((text) => text !== '') || !nextTexts.every(labelLike)) return undefined
  if (headerRow.texts || !headerRow.cells.some((cell) => cell.merged === 'horizontal')) {
    // Text (Tika's, or tab-per-row), which keeps no spans: walk both rows; an empty cell below is a column merged down, a run of sub-labels sits under one header cell.
    if (nextTexts.length <= headerTexts.length) return undefined
    const cells: HeaderCell[] = []
    const subs: string[] = []
    let below = 0
    for (const text of headerTexts) {
      if (below >= nextTexts.length) return undefined
      if (nextTexts[below] === '') {
        cells.push({ text, joined: false })
        subs.push('')
        below++
        continue
      }
      // The run under this cell ends where an empty cell (a column merged down) begins.
      let end = below
      while (end < nextTexts.length && nextTexts[end] !== '') end++
      for (let at = below; at < end; at++) {
        cells.push({ text, joined: at > below })
        subs.push(nextTexts[at]!)
      }
      below = end
    }
    if (below !== nextTexts.length) return undefined
    const combined = readHeader(cells, subs)
    return combined && levelsEmpty(combined, subs) ? combined : undefined
  }
  // A grid: the rows are as wide as the table; sub-labels only under a spanning header cell.
  const cells = headerRow.cells.map(headerCell)
  if (next.cells.length !== cells.length) return undefined
  const subs = next.cells.map(cellText)
  const spanning = (index: number) => cells[index]!.joined || cells[index + 1]?.joined === true
  if (!subs.every((text, index) => text === '' || spanning(index))) return undefined
  const combined = readHeader(cells, subs)
  return combined && levelsEmpty(combined, subs) ? combined : undefined
}

function levelsEmpty(header: IndicatorHeader, subs: readonly string[]): boolean {
  return header.columns.every((column, index) => !levelKeys.has(column.key) || subs[index] === '')
}

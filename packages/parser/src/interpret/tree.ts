/**
 * An indented tree: one column holds unit → project → 一级 → 二级 → 三级, the
 * levels shown only by indentation; the columns right of it, named by a header
 * row when there is one, hold the indicators' values. Where a reader lost the
 * indentation (Tika drops paragraph indents), the taxonomy's words and the
 * order of the rows say the levels.
 */
import { normalizeLabel, vocabulary, type Position } from '@jxmb/model'
import { cellText, type Cell, type Row, type TableBlock } from '../blocks.js'
import { indicatorColumnKey, type Column } from './indicator-header.js'

export type TreeRowKind = 'header' | 'unit' | 'project' | 'level1' | 'level2' | 'indicator' | 'other'

export interface TreeRow {
  kind: TreeRowKind
  /** The tree cell's text; a level's without its numbering (`一、`). */
  text: string
  /** The cells right of the tree column. */
  values: string[]
  /** All the row's cells' texts, for a row kept raw. */
  cells: string[]
  position: Position
  row: Row
}

export interface Tree {
  /** The columns right of the tree column. */
  columns: Column[]
  rows: TreeRow[]
}

/** What a node's words say: a standard 一级 (1), 二级 (2), either (成本指标: 3), a level by its name only (4), or none (0). */
type Word = 0 | 1 | 2 | 3 | 4

const level1Names = new Set(Object.keys(vocabulary.taxonomy))
const level2Names = new Set(Object.values(vocabulary.taxonomy).flat())

function wordOf(text: string): Word {
  if (text.length > 30 || !text.includes('指标')) return 0
  const name = nodeName(text)
  const one = level1Names.has(name)
  const two = level2Names.has(name)
  return one && two ? 3 : one ? 1 : two ? 2 : vocabulary.levelName.test(name) ? 4 : 0
}

/** A node's name without its numbering and a bracketed note (`(必填)`, `(30分)`), normalised. */
function nodeName(text: string): string {
  return normalizeLabel(withoutNumber(text)).replace(/\(.*\)$/, '')
}

/** The text without the tree's numbering (`一、产出指标`): the level's name, as the grid forms write it. */
export function withoutNumber(text: string): string {
  const match = vocabulary.nodeNumber.exec(text)
  return match ? text.slice(match[0].length).trim() : text
}

/**
 * Whether a table is a tree: one column holds both 一级 and 二级 names, in rows
 * of their own, and no row is an indicator header (which a grid has). A grid puts
 * 一级 and 二级 in columns side by side, so this never takes one.
 */
export function isTree(table: TableBlock): boolean {
  let column = -1
  let seen = 0
  for (const row of table.rows) {
    const texts = row.texts ?? row.cells.map(cellText)
    let levels = 0
    let first = -1
    for (let index = 0; index < texts.length; index++) {
      const text = texts[index]!
      if (text === '') continue
      if (first < 0) first = index
      if (text.length <= 20 && text.includes(vocabulary.levelMark)) levels++
    }
    if (levels >= 2) return false
    if (first < 0) continue
    const word = wordOf(texts[first]!)
    if (word === 0 || word === 4) continue
    if (column >= 0 && first !== column) return false
    column = first
    // 成本指标 is both: under a 一级 already seen, a 二级.
    seen |= word === 1 ? 1 : word === 2 ? 2 : seen & 1 ? 2 : 1
  }
  return seen === 3
}

/** The tree's rows, each given its kind. */
export function readTree(table: TableBlock): Tree {
  const rows = table.rows.filter((row) => (row.texts ?? row.cells.map(cellText)).some((text) => text !== ''))
  const column = treeColumn(rows)
  const nodes = rows.map((row) => {
    const cells = row.cells
    const texts = row.texts ? [...row.texts] : cells.map(cellText)
    return { row, texts, cell: cells[column], text: texts[column] ?? '' }
  })
  // The header: rows before the first node naming a level, with a cell naming an indicator column.
  const firstLevel = nodes.findIndex((node) => wordOf(node.text) !== 0)
  let headerAt = -1
  for (let index = 0; index < firstLevel; index++) {
    if (nodes[index]!.texts.some((text, at) => at !== column && indicatorColumnKey(normalizeLabel(text), new Set()) !== 'extra')) headerAt = index
  }
  let width = 0
  for (const node of nodes) width = Math.max(width, node.texts.length - column - 1)
  const columns = valueColumns(headerAt >= 0 ? nodes[headerAt]!.texts.slice(column + 1) : [], width)
  const body = nodes.slice(headerAt + 1)
  const kinds =
    byIndent(body.map((node) => node.cell), body.map((node) => node.text)) ??
    byWords(
      body.map((node) => node.text),
      body.map((node) => node.texts.some((text, at) => at > column && text !== '') || splitNameValue(node.text) !== undefined),
    )
  const tree: Tree = { columns, rows: [] }
  nodes.forEach((node, index) => {
    const kind: TreeRowKind = index <= headerAt ? (index === headerAt ? 'header' : 'other') : node.text === '' ? 'other' : kinds[index - headerAt - 1]!
    const text = kind === 'level1' || kind === 'level2' ? withoutNumber(node.text) : node.text
    tree.rows.push({ kind, text, values: node.texts.slice(column + 1), cells: node.texts, position: node.row.position, row: node.row })
  })
  return tree
}

/** The column whose cells name the levels. */
function treeColumn(rows: readonly Row[]): number {
  for (const row of rows) {
    const texts = row.texts ?? row.cells.map(cellText)
    const first = texts.findIndex((text) => text !== '')
    if (first >= 0 && (wordOf(texts[first]!) & 3) !== 0) return first
  }
  return 0
}

/** The value columns, from the header's labels; without a header the first is the value. */
function valueColumns(labels: readonly string[], width: number): Column[] {
  const taken = new Set<string>()
  const columns: Column[] = []
  // A one-column tree still has a value: written after the name (`splitNameValue`).
  for (let index = 0; index < Math.max(width, 1); index++) {
    const label = (labels[index] ?? '').trim()
    const name = normalizeLabel(label)
    const key = label === '' ? (taken.has('value') ? 'extra' : 'value') : indicatorColumnKey(name, taken)
    taken.add(key)
    const shown = label || (key === 'value' ? vocabulary.impliedColumns.value : `列${index + 2}`)
    columns.push({ key, label: shown, name: name || shown })
  }
  return columns
}

/**
 * Kinds by indentation, anchored where the standard 一级 names stand: that depth
 * is 一级, the next 二级, deeper ones indicators; the depth above 一级 is the
 * project, any above that the unit. Undefined when the rows show fewer than three depths.
 */
function byIndent(cells: ReadonlyArray<Cell | undefined>, texts: readonly string[]): TreeRowKind[] | undefined {
  const indents = cells.map((cell) => cell?.indent ?? 0)
  // Rows with an empty tree cell are no nodes: their depth says nothing.
  const depths = [...new Set(indents.filter((_, index) => texts[index] !== ''))].sort((a, b) => a - b)
  if (depths.length < 3) return undefined
  const rank = indents.map((indent) => depths.indexOf(indent))
  const votes = new Map<number, number>()
  texts.forEach((text, index) => {
    const word = wordOf(text)
    if (word === 1) votes.set(rank[index]!, (votes.get(rank[index]!) ?? 0) + 1)
  })
  if (votes.size === 0) return undefined
  const anchor = [...votes].sort((a, b) => b[1] - a[1])[0]![0]
  return rank.map((depth) =>
    depth === anchor ? 'level1' : depth === anchor + 1 ? 'level2' : depth > anchor + 1 ? 'indicator' : depth === anchor - 1 ? 'project' : 'unit',
  )
}

/**
 * Kinds by words and order, where no indentation survives: standard names say
 * their level (成本指标, which is both, by the row after it); another name ending
 * in 指标 is 一级 over a standard 二级, else 二级; of the rows before a 一级 that
 * name no level and hold no value, the last is the project and the one before it the unit;
 * the rest are indicators.
 */
function byWords(texts: readonly string[], valued: readonly boolean[]): TreeRowKind[] {
  const words = texts.map(wordOf)
  const kinds: TreeRowKind[] = words.map((word, index) => {
    const next = words[index + 1] ?? 0
    if (word === 1) return 'level1'
    if (word === 2) return 'level2'
    if (word === 3 || word === 4) return next === 2 || next === 3 ? 'level1' : 'level2'
    return 'indicator'
  })
  let levelSeen = false
  for (let index = 0; index < kinds.length; index++) {
    if (kinds[index] !== 'level1') continue
    // The row naming no level right above a 一级 is its project; before the first 一级, one above that is the unit.
    const above = index - 1
    if (above >= 0 && kinds[above] === 'indicator' && words[above] === 0 && texts[above] !== '' && !valued[above]) {
      kinds[above] = 'project'
      if (!levelSeen && above >= 1 && kinds[above - 1] === 'indicator' && texts[above - 1] !== '' && !valued[above - 1]) kinds[above - 1] = 'unit'
    }
    levelSeen = true
  }
  // Before the first level, a row that is neither unit nor project is no indicator.
  for (let index = 0; index < kinds.length && kinds[index] !== 'level1' && kinds[index] !== 'level2'; index++) {
    if (kinds[index] === 'indicator') kinds[index] = 'other'
  }
  return kinds
}

/** A one-column tree's indicator written as `name：value`. */
export function splitNameValue(text: string): { name: string; value: string } | undefined {
  const match = vocabulary.treeValueSeparator.exec(text)
  if (!match || match.index === 0) return undefined
  return { name: text.slice(0, match.index).trim(), value: text.slice(match.index + 1).trim() }
}

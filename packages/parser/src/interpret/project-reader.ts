/**
 * Reads the tables of the project part, row by row: which project a row
 * belongs to, and whether it is the header table's (`header-table.ts`), the
 * indicator header (`indicator-header.ts`) or an indicator row
 * (`indicator-rows.ts`; in a wide table, `wide-table.ts` says whose).
 */
import {
  normalizeLabel,
  vocabulary,
  type Diagnostic,
  type Position,
  type Project,
} from '@jxmb/model'
import { cellText, type Cell, type Row, type TableBlock } from '../blocks.js'
import { span } from '../position.js'
import { indicatorHeader, withSubLabels, type Column, type IndicatorHeader } from './indicator-header.js'
import { readHeaderRow, readUnit, type HeaderState } from './header-table.js'
import { readIndicator, type IndicatorState } from './indicator-rows.js'
import { readTree, splitNameValue } from './tree.js'
import { wideRow, type Subtotal } from './wide-table.js'
import { parseAmount } from './value.js'

export interface ProjectTitle {
  sequence: number | null
  title: string
  bookmark?: string
  position: Position
}

/** A project being read: its header table's state, its indicator rows' state, and its indicator header. */
interface Draft extends HeaderState, IndicatorState {
  columns?: Column[]
  headerSignature?: string
  /** The project's last row so far: its position is the project's end, made once the project is complete. */
  lastRow?: Row
  /** The last indicator row's texts in this table: a cell merged down from it takes its text. */
  above?: readonly string[]
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
  /** A table holding an indented tree (`tree.ts`): its unit and project rows start projects. */
  tree(table: TableBlock): void
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
    if (project) diagnostic.project = project.code || project.title || project.name || `#${drafts.length}`
    if (position) diagnostic.position = position
    if (data) diagnostic.data = data
    report(diagnostic)
  }

  const start = (position: Position): Draft => {
    const title = pendingTitle
    pendingTitle = undefined
    const project = emptyProject(title, title ? span(title.position, position) : position)
    draft = { project, carry: { level1: '', level2: '' }, levels: {}, taken: new Map() }
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
    // Merges never reach across tables.
    if (draft) draft.above = undefined
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
          readHeaderRow(current, cells, texts, row, diagnose)
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

  const readIndicatorRow = (current: Draft, row: Row, logicalCells: Cell[] | undefined, logicalTexts: readonly string[]) => {
    const columns = current.columns!
    let cells = logicalCells
    let texts = logicalTexts
    // A header read from a grid row (placeholders included) matches the grid row.
    if (!row.texts && row.cells.length === columns.length && row.cells !== logicalCells) {
      cells = row.cells
      texts = cells.map(cellText)
    }
    // A cell merged down (w:vMerge) is the cell above it, whatever its column: every row gets its text.
    if (cells && current.above && cells.some((cell) => cell.merged === 'vertical')) {
      const above = current.above
      texts = texts.map((text, index) => (text === '' && cells![index]?.merged === 'vertical' ? (above[index] ?? '') : text))
    }
    current.above = cells ? texts : undefined
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
      const owner = columns.some((column) => column.key === 'project') ? wideRow(current, columns, texts, offset, position, start, subtotals) : current
      if (owner) readIndicator(owner, columns, texts, offset, position, diagnose)
    }
  }

  const readTreeTable = (table: TableBlock) => {
    const { columns: valueColumns, rows } = readTree(table)
    const columns: Column[] = [
      ...(['level1', 'level2', 'level3'] as const).map((key) => ({ key, label: vocabulary.impliedColumns[key], name: vocabulary.impliedColumns[key] })),
      ...valueColumns,
    ]
    const labels = dedupe(columns.map((column) => column.label))
    // A title above the table starts the first project; its name comes from the tree's project row.
    let current = pendingTitle || pendingLines.length > 0 ? start(table.position) : undefined
    let fresh = current !== undefined
    let unit: { code: string; name: string } | undefined
    const begin = (position: Position): Draft => {
      const next = fresh && current ? current : start(position)
      fresh = false
      next.columns = columns
      next.project.indicatorColumns = labels
      if (unit) next.project.unit = unit
      return (current = next)
    }
    // The project a level or indicator row belongs to: the tree's current one, or one begun for it.
    const owner = (position: Position): Draft => (current && !fresh ? current : begin(position))
    for (const row of rows) {
      switch (row.kind) {
        case 'header':
          break
        case 'unit':
          unit = readUnit(row.text)
          if (current && !fresh && current.project.unit.name === '' && current.project.indicators.length === 0) current.project.unit = unit
          break
        case 'project':
          begin(row.position).project.name = row.text
          break
        case 'level1':
          owner(row.position).carry = { level1: row.text, level2: '' }
          break
        case 'level2':
          owner(row.position).carry.level2 = row.text
          break
        case 'indicator': {
          const project = owner(row.position)
          let values = row.values
          let name = row.text
          // A one-column tree writes the value after the name: 培训人数：≥100人.
          const split = values.every((value) => value === '') ? splitNameValue(name) : undefined
          if (split) {
            name = split.name
            values = [split.value, ...values.slice(1)]
          }
          // A row shorter than the tree's columns has empty cells there.
          const texts = ['', '', name, ...values]
          while (texts.length < columns.length) texts.push('')
          readIndicator(project, columns, texts, 0, row.position, diagnose)
          break
        }
        default:
          ;((current ?? begin(row.position)).project.unplaced ??= []).push({ cells: row.cells, position: row.position })
          diagnose('row-unrecognized', 'warning', 'A row of an indented tree that names no unit, project, level or indicator; kept raw.', row.position, row.cells)
      }
      if (current) current.lastRow = row.row
    }
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
    tree: readTreeTable,
    subtotals: () => subtotals,
    projects: () =>
      drafts.map(({ project, lastRow }) => {
        if (lastRow && project.position) project.position = span(project.position, lastRow.position)
        return project
      }),
  }
}

/** A project with nothing read yet: its title's, if any, and where it starts. */
export function emptyProject(title?: Omit<ProjectTitle, 'position'>, position?: Position): Project {
  return {
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
    ...(position ? { position } : {}),
  }
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

function dedupe(labels: string[]): string[] {
  return labels.filter((label, index) => labels[index - 1] !== label)
}

/** Blocks → the document model plus diagnostics. Never throws for content. */
import {
  normalizeLabel,
  vocabulary,
  type Department,
  type Diagnostic,
  type JxmbDocument,
  type Project,
  type Section,
  type Source,
} from '@jxmb/model'
import { cellText, type Block, type Cell, type ParagraphBlock, type TableBlock } from '../blocks.js'
import { span } from '../position.js'
import { checkProjects } from './checks.js'
import { toParagraph } from './paragraph.js'
import { createProjectReader } from './project-reader.js'
import { isTree } from './tree.js'

type Part = 'none' | 'department' | 'projects'

/** `blocks` may be any iterable: a reader's generator is consumed as it goes, and nothing keeps a block once read. */
export function interpret(blocks: Iterable<Block>, source: Source): JxmbDocument {
  const diagnostics: Diagnostic[] = []
  const sections: Section[] = []
  let departmentHeading: ParagraphBlock | undefined
  const report = (diagnostic: Diagnostic) => diagnostics.push(diagnostic)
  const reader = createProjectReader(report)
  // The 部门整体支出绩效目标表 is read like a project's tables; its indicators go to the department.
  const departmentReader = createProjectReader(report)
  let departmentTable = false
  let part = 'none' as Part
  let awaitingPartTitle = false
  let section: Section | undefined

  /** Switch part on a part title; false when `label` is none. */
  const enterPart = (label: string, block: ParagraphBlock): boolean => {
    if (vocabulary.departmentPart.test(label)) {
      part = 'department'
      departmentHeading ??= block
      return true
    }
    if (vocabulary.projectPart.test(label)) {
      part = 'projects'
      return true
    }
    return false
  }

  const skipped = (block: ParagraphBlock) =>
    diagnostics.push({
      code: 'paragraph-skipped',
      severity: 'info',
      message: 'A paragraph outside the department sections and project tables; its text is kept here.',
      position: block.position,
      data: [block.text],
    })

  // Paragraphs of the project part that no rule took: an indented tree written as paragraphs, or skipped.
  let loose: ParagraphBlock[] = []
  const flushLoose = () => {
    if (loose.length === 0) return
    const table = paragraphTable(loose)
    if (isTree(table)) reader.tree(table)
    else for (const paragraph of loose) skipped(paragraph)
    loose = []
  }

  for (const block of blocks) {
    if (block.type === 'paragraph' && part === 'projects' && !awaitingPartTitle && looseParagraph(block)) {
      loose.push(block)
      continue
    }
    flushLoose()
    if (block.type === 'table') {
      // A table without 项目编码 / 项目名称 is the department's in its part, under its title, or when it names the department.
      const tree = isTree(block)
      if ((departmentTable || part === 'department' || namesDepartment(block)) && !hasProjectLabels(block)) {
        if (tree) departmentReader.tree(block)
        else departmentReader.table(block)
      } else {
        if (part === 'department') part = 'projects'
        if (tree) reader.tree(block)
        else reader.table(block)
      }
      continue
    }
    const text = block.text
    if (text === '') continue
    const label = normalizeLabel(text)
    if (vocabulary.partHeading.test(label)) {
      const rest = label.replace(vocabulary.partHeading, '')
      awaitingPartTitle = rest === '' || !enterPart(rest, block)
      section = undefined
      continue
    }
    if (awaitingPartTitle) {
      awaitingPartTitle = false
      if (enterPart(label, block)) continue
    } else if (label.length <= 30 && enterPart(label, block)) {
      section = undefined
      continue
    }

    if (vocabulary.departmentTableTitle.test(label)) {
      departmentTable = true
      continue
    }
    const title = vocabulary.projectTitle.exec(text)
    if (title) {
      departmentTable = false
      part = 'projects'
      const [, sequence, name] = title
      reader.title({
        sequence: sequence ? Number(sequence.normalize('NFKC')) : null,
        title: name!.trim(),
        ...(block.bookmarks[0] ? { bookmark: block.bookmarks[0] } : {}),
        position: block.position,
      })
      continue
    }

    // A form's own title or period standing above its table (`…申报表`, `(2023年度)`): the next project's, never skipped.
    if (part === 'projects' && (vocabulary.tableTitle.test(label) || vocabulary.periodLine.test(label))) {
      reader.titleLine(text.trim(), block.position)
      continue
    }

    if (part === 'department') {
      const heading = vocabulary.sectionHeading.exec(text)
      if (heading) {
        section = {
          type: 'section',
          number: heading[1]!,
          heading: heading[2]!.trim(),
          ...(block.bookmarks[0] ? { bookmark: block.bookmarks[0] } : {}),
          paragraphs: [],
          position: block.position,
        }
        sections.push(section)
        continue
      }
      if (!section) {
        section = { type: 'section', heading: '', paragraphs: [], position: block.position }
        sections.push(section)
      }
      section.paragraphs.push(toParagraph(text, block.position))
      continue
    }
    skipped(block)
  }
  flushLoose()

  const department: Department = departmentHeading
    ? { type: 'department', heading: departmentHeading.text, sections, position: departmentHeading.position }
    : { type: 'department', sections }
  const departmentTables = departmentReader.projects()
  if (departmentTables.length > 0) {
    department.indicatorColumns = departmentTables[0]!.indicatorColumns
    department.indicators = departmentTables.flatMap((table) => table.indicators)
    // The table's own header rows (部门名称, 部门职能, 总体目标, 预算 …) are the department's.
    for (const table of departmentTables) {
      if (table.unit.name !== '' && !department.unit) department.unit = table.unit
      const { total, fiscal, other } = table.budget
      if ((total.raw !== '' || fiscal.raw !== '' || other.raw !== '') && !department.budget) department.budget = table.budget
      if (table.goals.length > 0 && !department.goals) department.goals = table.goals
      if (table.fields) department.fields = { ...department.fields, ...table.fields }
      if (table.unplaced) department.unplaced = [...(department.unplaced ?? []), ...table.unplaced]
    }
  }
  const projects = reader.projects()
  const subtotals = reader.subtotals()
  if (subtotals.length > 0) department.subtotals = subtotals
  for (const diagnostic of checkProjects(projects)) diagnostics.push(diagnostic)
  const document: JxmbDocument = { type: 'document', source, department, projects, diagnostics }
  // A 自评表 reads as the same tables, but its values are results: the document says so, and why.
  const evidence = selfEvaluationEvidence(department, projects)
  if (evidence) {
    document.kind = 'self-evaluation'
    diagnostics.unshift({
      code: 'self-evaluation',
      severity: 'warning',
      message: `This is a 自评表 (self-evaluation), not targets: “${evidence}” names results. Its rows are kept as read; 指标值 holds the year's target where the table has one.`,
    })
  }
  return document
}

/** A paragraph of the project part that is no heading, title or period: text a tree may be made of. */
function looseParagraph(block: ParagraphBlock): boolean {
  const text = block.text
  if (text === '') return false
  const label = normalizeLabel(text)
  return !(
    vocabulary.partHeading.test(label) ||
    (label.length <= 30 && (vocabulary.departmentPart.test(label) || vocabulary.projectPart.test(label))) ||
    vocabulary.departmentTableTitle.test(label) ||
    vocabulary.projectTitle.test(text) ||
    vocabulary.tableTitle.test(label) ||
    vocabulary.periodLine.test(label)
  )
}

/** Paragraphs as a one-column table, each a row, so that a tree of paragraphs reads as one of cells. */
function paragraphTable(paragraphs: readonly ParagraphBlock[]): TableBlock {
  const rows = paragraphs.map((paragraph) => {
    const cell: Cell = { paragraphs: [paragraph.text], tables: [], rowSpan: 1, colSpan: 1, position: paragraph.position }
    return { cells: [paragraph.indent ? { ...cell, indent: paragraph.indent } : cell], position: paragraph.position }
  })
  return { type: 'table', rows, bookmarks: [], position: span(paragraphs[0]!.position, paragraphs.at(-1)!.position) }
}

/** The column label or title that makes the document a 自评表, if any. */
function selfEvaluationEvidence(department: Department, projects: readonly Project[]): string | undefined {
  const labels = [...(department.indicatorColumns ?? []), ...projects.flatMap((project) => [project.title, ...project.indicatorColumns])]
  // 上年实际完成值 beside this year's target is a target table's reference, not a self-evaluation.
  return labels.find((label) => vocabulary.selfEvaluation.test(normalizeLabel(label)) && !vocabulary.earlierYear.test(normalizeLabel(label)))
}

/** A table whose header names a department (部门名称, 预算部门 …) and holds indicators is the department's own. */
function namesDepartment(table: TableBlock): boolean {
  let department = false
  let levels = 0
  for (const row of table.rows) {
    // A text row's own texts: its cells are made only when asked for, and this runs for every table.
    const texts = row.texts ?? row.cells.map(cellText)
    for (const text of texts) {
      if (text.length > 12) continue
      if (!department && text.includes('部门') && vocabulary.departmentLabel.test(normalizeLabel(text))) department = true
      if (text.includes(vocabulary.levelMark)) levels++
    }
    if (department && levels >= 2) return true
  }
  return false
}

/** A table with 项目编码 or 项目名称 belongs to a project, wherever it stands. */
function hasProjectLabels(table: TableBlock): boolean {
  return table.rows.some((row) =>
    row.cells.some((cell) => {
      const label = normalizeLabel(cellText(cell))
      return vocabulary.headerLabels.code.test(label) || vocabulary.headerLabels.name.test(label)
    }),
  )
}

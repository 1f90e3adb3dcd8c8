/**
 * Write a model as Apache Tika writes a .docx as text: the inverse of the
 * text reader, with Tika's quirks available as options.
 */
import type { JxmbDocument, Paragraph, Project } from '@jxmb/model'

export interface TikaQuirks {
  /** End lines with CRLF. */
  crlf?: boolean
  /** Start with a UTF-8 byte order mark. */
  bom?: boolean
  /** Leave out the empty line before an indicator row whose 一级指标 is filled (as in the sample). */
  joinLevel1Rows?: boolean
  /** Stray TABs and spaces at the end of cell lines. */
  trailingWhitespace?: boolean
  /** Write a lone TAB and a space for empty cells, as Tika does for some. */
  spaceInEmptyCells?: boolean
}

export function emitTika(document: JxmbDocument, quirks: TikaQuirks = {}): string {
  const lines: string[] = []
  const trail = quirks.trailingWhitespace ? '\t\t ' : ''
  const empty = quirks.spaceInEmptyCells ? '\t ' : '\t'
  const cell = (text: string) => {
    if (text === '') return lines.push(empty)
    const [first, ...rest] = text.split('\n')
    lines.push(`\t${first}${trail}`, ...rest)
  }
  const row = (...cells: string[]) => {
    cells.forEach(cell)
    lines.push('')
  }
  const paragraph = (p: Paragraph) => (p.marker ?? '') + p.text

  const { department } = document
  lines.push(' 第一部分', department.heading ?? '部门整体绩效目标', ' ')
  for (const section of department.sections) {
    const mark = section.bookmark ? `[bookmark: ${section.bookmark}]` : ''
    lines.push(`${mark}${section.number ? `${section.number}、` : ''}${section.heading}`)
    for (const p of section.paragraphs) lines.push(paragraph(p))
  }
  lines.push('', ' ', '第二部分', ' ', '预算项目绩效目标', ' ', '')

  for (const project of document.projects) emitProject(project)
  return (quirks.bom ? '\ufeff' : '') + lines.join(quirks.crlf ? '\r\n' : '\n')

  function emitProject(project: Project) {
    const mark = project.bookmark ? `[bookmark: ${project.bookmark}]` : ''
    lines.push(`${mark}${project.sequence === null ? '' : `${project.sequence}.`}${project.title}`)
    row(`${project.unit.code}${project.unit.name}`, `单位：${project.moneyUnit}`)
    row('项目编码', project.code, '项目名称', project.name)
    const { total, fiscal, other } = project.budget
    row('预算规模及资金用途', '预算数', total.raw, '其中：财政    资金', fiscal.raw, '其他资金', other.raw)
    row('', project.usage)
    row('资金支出计划（%）', ...project.schedule.map((entry) => entry.period))
    row('', ...project.schedule.map((entry) => entry.raw))
    row('绩效目标', project.goals.map(paragraph).join('\n'))
    lines.push('', '', ' ')

    row(...project.indicatorColumns)
    let level1 = ''
    let level2 = ''
    project.indicators.forEach((indicator, index) => {
      const newLevel1 = indicator.level1 !== level1
      const newLevel2 = newLevel1 || indicator.level2 !== level2
      if (quirks.joinLevel1Rows && newLevel1 && index > 0) lines.pop()
      row(
        newLevel1 ? indicator.level1 : '',
        newLevel2 ? indicator.level2 : '',
        indicator.level3,
        indicator.description,
        indicator.value.raw,
        indicator.basis,
        ...Object.values(indicator.extra),
      )
      level1 = indicator.level1
      level2 = indicator.level2
    })
    lines.push('', '', ' ')
  }
}

/** Consistency checks a reader can make once a project is complete (see domain.md). */
import type { Diagnostic, Project } from '@jxmb/model'

const tolerance = 0.005

export function checkProjects(projects: Project[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  if (projects.length === 0) {
    diagnostics.push({ code: 'no-projects', severity: 'warning', message: 'No 预算项目绩效目标表 was found: the file holds no project table.' })
  }
  const seen = new Map<string, Project>()
  for (const project of projects) {
    const name = project.code || project.title || project.name
    // `data`: the texts the check is about, so that a message in any language can show them.
    const add = (code: string, severity: Diagnostic['severity'], message: string, data?: string[]) => {
      const diagnostic: Diagnostic = { code, severity, message, project: name }
      if (project.position) diagnostic.position = project.position
      if (data) diagnostic.data = data
      diagnostics.push(diagnostic)
    }
    if (project.code === '') add('missing-code', 'warning', `Project “${project.title || project.name}” has no 项目编码.`)
    else if (seen.has(project.code)) add('duplicate-code', 'warning', `项目编码 ${project.code} is used by more than one project.`, [project.code])
    else seen.set(project.code, project)

    const { total, fiscal, other } = project.budget
    if (total.value === null) add('missing-budget', 'warning', `预算数 “${total.raw}” is missing or not a number.`, ['预算数', total.raw])
    if (fiscal.value === null) add('missing-budget', 'warning', `财政资金 “${fiscal.raw}” is missing or not a number.`, ['财政资金', fiscal.raw])
    if (other.value === null) add('missing-budget', 'warning', `其他资金 “${other.raw}” is not a number.`, ['其他资金', other.raw])
    if (total.value !== null && fiscal.value !== null && other.value !== null) {
      // Further lines (上级资金, 自有资金 …) are shares too: the total may be their sum with the two.
      const lines = (project.budget.lines ?? []).reduce((sum, line) => sum + (line.value ?? 0), 0)
      const rest = total.value - fiscal.value - other.value
      if (Math.abs(rest) > tolerance && Math.abs(rest - lines) > tolerance) {
        add('budget-mismatch', 'warning', `预算数 ${total.raw} ≠ 财政资金 ${fiscal.raw} + 其他资金 ${other.raw || '0'}.`, [total.raw, fiscal.raw, other.raw])
      }
    }

    const percents = project.schedule.map((entry) => entry.percent)
    if (project.schedule.some((entry) => entry.percent === null && entry.raw !== '')) {
      add('schedule-unreadable', 'warning', 'A 资金支出计划 value is not a percentage.', project.schedule.map((entry) => entry.raw))
    }
    const known = percents.filter((percent): percent is number => percent !== null)
    if (known.some((percent, index) => index > 0 && percent < known[index - 1]!)) {
      add('schedule-decreasing', 'warning', `资金支出计划 decreases: ${project.schedule.map((entry) => entry.raw).join(', ')}.`, project.schedule.map((entry) => entry.raw))
    }
    if (known.length > 0 && Math.abs(known.at(-1)! - 100) > tolerance) {
      add('schedule-incomplete', 'warning', `资金支出计划 ends at ${known.at(-1)}%, not 100%.`, project.schedule.map((entry) => entry.raw))
    }
    if (project.indicators.length === 0) add('no-indicators', 'warning', 'The project has no indicator table.')
  }
  return diagnostics
}

/**
 * A document as the clerk reads it: its line in the list (file, counts), and, when opened, each
 * project's fields and its indicator table (all three levels filled, 指标值 with its parsed form),
 * then the 校验 list with places in the file. Built only when opened: 200 documents' tables at once
 * would hold the page up.
 */
import { codeText, type PageTexts } from '@jxmb/messages'
import { describePosition, type Failure, type Indicator, type JxmbDocument, type Project } from '@jxmb/model'

type Child = Node | string

export function element(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value)
  node.append(...children)
  return node
}

// Old formats: the catalogue's advice names LibreOffice, which only the command can run.
const oldFormats = new Set(['OLE', 'RTF', 'ODT'])

export function renderFailure(failure: Failure, t: PageTexts): HTMLElement {
  const text = codeText(failure.code, 'zh')
  const advice = oldFormats.has(failure.code) ? t.oldFormat : text.advice
  return element(
    'div',
    { class: 'failure' },
    element('span', { class: 'name' }, failure.file ?? ''),
    element('span', { class: 'message' }, `${t.failed}：${text.title}`),
    element('span', { class: 'advice' }, advice),
    element('code', { class: 'code' }, failure.code),
  )
}

export function renderDocument(document: JxmbDocument, name: string, t: PageTexts): HTMLElement {
  const indicators = document.projects.reduce((sum, project) => sum + project.indicators.length, 0)
  const details = element(
    'details',
    { class: 'document' },
    element('summary', {}, element('span', { class: 'name' }, name), element('span', { class: 'counts' }, t.converted(document.projects.length, indicators, document.diagnostics.length))),
  ) as HTMLDetailsElement
  details.addEventListener(
    'toggle',
    () => {
      if (details.open && details.childElementCount === 1) details.append(...document.projects.map((project) => renderProject(project, t)), renderChecks(document, t))
    },
  )
  return details
}

function renderProject(project: Project, t: PageTexts): HTMLElement {
  const f = t.fields
  const money = (amount: { raw: string }) => (amount.raw ? `${amount.raw}${project.moneyUnit ? ` ${project.moneyUnit}` : ''}` : '')
  const fields: Array<[string, string]> = [
    [f.code, project.code],
    [f.name, project.name],
    [f.unit, [project.unit.code, project.unit.name].filter(Boolean).join(' ')],
    [f.total, money(project.budget.total)],
    [f.fiscal, money(project.budget.fiscal)],
    [f.other, money(project.budget.other)],
    [f.usage, project.usage],
    ...Object.entries(project.fields ?? {}),
  ]
  const c = t.indicatorColumns
  const header = [c.level1, c.level2, c.level3, c.description, c.value, c.parsed, c.basis]
  return element(
    'section',
    { class: 'project' },
    element('h3', {}, project.title || `${t.project} ${project.code}`),
    element('table', { class: 'fields' }, element('tbody', {}, ...fields.filter(([, value]) => value !== '').map(([label, value]) => element('tr', {}, element('th', {}, label), element('td', {}, value))))),
    element(
      'table',
      { class: 'indicators' },
      element('thead', {}, element('tr', {}, ...header.map((label) => element('th', {}, label)))),
      element('tbody', {}, ...project.indicators.map((indicator) => indicatorRow(indicator, t))),
    ),
  )
}

function indicatorRow(indicator: Indicator, t: PageTexts): HTMLElement {
  const cells = [indicator.level1, indicator.level2, indicator.level3, indicator.description, indicator.value.raw, parsedText(indicator, t), indicator.basis]
  return element('tr', {}, ...cells.map((cell) => element('td', {}, cell)))
}

/** 指标值 as read: `≥ 95 %` for a quantity, `2024-12` for a deadline. */
function parsedText(indicator: Indicator, t: PageTexts): string {
  const parsed = indicator.value.parsed
  switch (parsed.kind) {
    case 'quantity':
      return [parsed.comparator ?? '', String(parsed.number), parsed.unit].filter(Boolean).join(' ')
    case 'deadline':
      return [parsed.year, parsed.month, parsed.day].filter((part) => part !== undefined).join('-') || t.parsed.deadline
    case 'qualitative':
      return t.parsed.qualitative
    default:
      return t.parsed.empty
  }
}

function renderChecks(document: JxmbDocument, t: PageTexts): HTMLElement {
  const checks = element('section', { class: 'checks' }, element('h3', {}, t.checks))
  if (document.diagnostics.length === 0) {
    checks.append(element('p', {}, t.noChecks))
    return checks
  }
  checks.append(
    element(
      'ul',
      {},
      ...document.diagnostics.map((diagnostic) => {
        const { title, advice } = codeText(diagnostic.code, 'zh')
        const place = describePosition(diagnostic.position, 'zh')
        return element('li', { class: diagnostic.severity }, element('span', { class: 'message' }, title), place ? element('span', { class: 'place' }, `${t.place}：${place}`) : '', element('span', { class: 'advice' }, advice))
      }),
    ),
  )
  return checks
}

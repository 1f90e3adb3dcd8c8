/**
 * Wide tables, as budget systems export them: every indicator row also
 * carries its project's own columns (单位名称, 项目名称, 预算数, 年度目标 …),
 * merged down over the project's rows, with subtotal rows between projects.
 */
import { vocabulary, type Position, type Project } from '@jxmb/model'
import { atParagraph } from '../position.js'
import { readUnit } from './header-table.js'
import type { Column } from './indicator-header.js'
import { isAmountRole, type HeaderKey } from './label-role.js'
import { toParagraph } from './paragraph.js'
import { parseAmount } from './value.js'

/** A wide table's subtotal row: a unit and an amount, no project, no indicator. */
export interface Subtotal {
  values: Record<string, string>
  position: Position
}

/** What a project being read holds that a wide table's rows need. */
export interface WideState {
  project: Project
  columns?: Column[]
  headerSignature?: string
}

/**
 * The project a wide table's row belongs to: a new project name or code starts one (with the
 * table's columns); cells merged down (empty below their first row) keep the current one. A row
 * with a unit or an amount but no project and no indicator is a subtotal: kept, no indicator.
 */
export function wideRow<D extends WideState>(current: D, columns: Column[], texts: readonly string[], offset: number, position: Position, start: (position: Position) => D, subtotals: Subtotal[]): D | undefined {
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
  // An amount column may say its unit: 项目金额（万元）.
  if (target.moneyUnit === '') {
    for (const column of columns) {
      const unit = column.key === 'project' && isAmountRole(column.role!) ? vocabulary.moneyUnitInLabel.exec(column.name) : null
      if (unit) target.moneyUnit = unit[1]!
    }
  }
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

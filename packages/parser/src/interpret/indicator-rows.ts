/** Indicator rows: a row's cells under the header's columns become an indicator, with the levels carried down. */
import { vocabulary, type Indicator, type Position, type Project } from '@jxmb/model'
import type { Diagnose } from './header-table.js'
import type { Column } from './indicator-header.js'
import { parseIndicatorValue } from './value.js'

/** What the indicator rows of one project carry from row to row. */
export interface IndicatorState {
  project: Project
  carry: { level1: string; level2: string }
  /** The last level pair checked against the taxonomy, and what was found. */
  levels: { level1?: string; level2?: string; verdict?: 'missing-level' | 'unknown-level1' | 'unknown-level2' }
}

/**
 * One indicator from the cells under the header's columns: levels merged down
 * (empty below their first row) are carried, and the level pair is checked
 * against the standard taxonomy only when it changes.
 */
export function readIndicator(current: IndicatorState, columns: Column[], texts: readonly string[], offset: number, position: Position, diagnose: Diagnose): void {
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
    diagnose('unknown-level1', 'info', `一级指标 “${indicator.level1}” is not in the standard taxonomy.`, position, [indicator.level1])
  } else if (levels.verdict === 'unknown-level2') {
    diagnose('unknown-level2', 'info', `二级指标 “${indicator.level2}” is not a standard one under ${indicator.level1}.`, position, [indicator.level1, indicator.level2])
  }
  if (indicator.level3 === '') diagnose('missing-level3', 'warning', `The 三级指标 of indicator ${where} is empty.`, position, [indicator.level1, indicator.level2])
  if (indicator.value.raw === '') diagnose('missing-value', 'warning', `The 指标值 of indicator ${where} is empty.`, position, [indicator.level1, indicator.level2, indicator.level3])
}

function join(a: string | undefined, b: string): string {
  return a ? (b ? `${a}\n${b}` : a) : b
}

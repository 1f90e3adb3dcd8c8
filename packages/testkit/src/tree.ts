/**
 * A model's projects written as an indented tree (unit → project → 一级 → 二级 →
 * 三级 in one column, the description, value and basis in columns beside it),
 * for tests that a tree reads into the same model as a grid.
 */
import type { Indicator } from '@jxmb/model'
import type { Grid, GridCell } from './grid.js'

export interface TreeProject {
  unit: { code: string; name: string }
  name: string
  indicators: readonly Indicator[]
}

const node = (indent: number, text: string, ...values: string[]): GridCell[] => [{ text, indent }, ...values.map((value) => ({ text: value }))]

/** The tree's grid: a header row, then each unit once and its projects below it. */
export function treeGrid(projects: readonly TreeProject[]): Grid {
  const grid: Grid = [[{ text: '项目及指标名称' }, { text: '绩效指标描述' }, { text: '指标值' }, { text: '指标值确定依据' }]]
  let unit = ''
  for (const project of projects) {
    const unitText = project.unit.code ? `(${project.unit.code})${project.unit.name}` : project.unit.name
    if (unitText !== unit) grid.push(node(0, unitText, '', '', ''))
    unit = unitText
    grid.push(node(1, project.name, '', '', ''))
    let level1 = ''
    let level2 = ''
    for (const indicator of project.indicators) {
      if (indicator.level1 !== level1) {
        grid.push(node(2, indicator.level1, '', '', ''))
        level2 = ''
      }
      if (indicator.level2 !== level2) grid.push(node(3, indicator.level2, '', '', ''))
      level1 = indicator.level1
      level2 = indicator.level2
      grid.push(node(4, indicator.level3, indicator.description, indicator.value.raw, indicator.basis))
    }
  }
  return grid
}

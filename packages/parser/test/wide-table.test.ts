/** `interpret/wide-table.ts`: wide rows in, whose project each is (or a subtotal) out. */
import type { Position } from '@jxmb/model'
import { describe, expect, it } from 'vitest'
import { indicatorHeader } from '../src/interpret/indicator-header.js'
import { readIndicator, type IndicatorState } from '../src/interpret/indicator-rows.js'
import { wideRow, type Subtotal, type WideState } from '../src/interpret/wide-table.js'
import { diagnostics, emptyProject, rowsOf } from './rows.js'

type Draft = WideState & IndicatorState

function read(header: string, ...lines: string[]) {
  const [headerRow] = rowsOf(header)
  const columns = indicatorHeader(headerRow!, headerRow!.texts!)!.columns
  const drafts: Draft[] = []
  const start = (_position: Position): Draft => {
    const draft: Draft = { project: emptyProject(), carry: { level1: '', level2: '' }, levels: {}, columns }
    drafts.push(draft)
    return draft
  }
  const subtotals: Subtotal[] = []
  const { diagnose } = diagnostics()
  let current = start({})
  for (const row of rowsOf(...lines)) {
    const owner = wideRow(current, columns, row.texts!, 0, row.position, start, subtotals)
    if (owner) {
      readIndicator(owner, columns, row.texts!, 0, row.position, diagnose)
      current = owner
    }
  }
  return { drafts, subtotals }
}

describe('wideRow', () => {
  const header = '单位名称|项目名称|项目金额（万元）|年度目标|一级指标|二级指标|三级指标|指标值'

  it('each new project name starts a project; cells merged down carry the current one', () => {
    const { drafts } = read(
      header,
      '某局|甲项目|100|完成甲。|产出指标|数量指标|甲一|1个',
      '||||||甲二|2个',
      '|乙项目|50|完成乙。|产出指标|数量指标|乙一|3个',
    )
    expect(drafts.map(({ project }) => [project.unit.name, project.name, project.budget.total.value, project.moneyUnit, project.goals.map((g) => g.text), project.indicators.map((i) => i.level3)])).toEqual([
      ['某局', '甲项目', 100, '万元', ['完成甲。'], ['甲一', '甲二']],
      ['某局', '乙项目', 50, '万元', ['完成乙。'], ['乙一']],
    ])
  })

  it('a row with only a unit and an amount is a subtotal, never an indicator', () => {
    const { drafts, subtotals } = read(header, '某局|甲项目|100|完成甲。|产出指标|数量指标|甲一|1个', '某局小计||100|||||')
    expect(drafts.flatMap(({ project }) => project.indicators).map((i) => i.level3)).toEqual(['甲一'])
    expect(subtotals.map((s) => s.values)).toEqual([{ 单位名称: '某局小计', '项目金额（万元）': '100' }])
  })
})

/** `interpret/indicator-rows.ts`: cells under a header in, indicators out, levels carried down. */
import { describe, expect, it } from 'vitest'
import { indicatorHeader } from '../src/interpret/indicator-header.js'
import { readIndicator, type IndicatorState } from '../src/interpret/indicator-rows.js'
import { diagnostics, emptyProject, rowsOf } from './rows.js'

function read(header: string, ...lines: string[]) {
  const [headerRow] = rowsOf(header)
  const columns = indicatorHeader(headerRow!, headerRow!.texts!)!.columns
  const state: IndicatorState = { project: emptyProject(), carry: { level1: '', level2: '' }, levels: {} }
  const { told, diagnose } = diagnostics()
  for (const row of rowsOf(...lines)) readIndicator(state, columns, row.texts!, 0, row.position, diagnose)
  return { indicators: state.project.indicators, codes: told.map((d) => d.code) }
}

describe('readIndicator', () => {
  it('carries merged level cells down; a new 一级 clears the 二级', () => {
    const { indicators, codes } = read('一级指标|二级指标|三级指标|指标值', '产出指标|数量指标|培训人数|≥100人', '||培训场次|≥4场', '|质量指标|合格率|100%', '满意度指标|服务对象满意度指标|满意度|≥90%')
    expect(indicators.map((i) => [i.level1, i.level2, i.level3, i.value.raw])).toEqual([
      ['产出指标', '数量指标', '培训人数', '≥100人'],
      ['产出指标', '数量指标', '培训场次', '≥4场'],
      ['产出指标', '质量指标', '合格率', '100%'],
      ['满意度指标', '服务对象满意度指标', '满意度', '≥90%'],
    ])
    expect(codes).toEqual([])
  })

  it('keeps other columns under extra by name, and parses the value', () => {
    const { indicators } = read('一级指标|二级指标|三级指标|计量单位|指标值', '产出指标|时效指标|完成时间|—|2024年12月底前')
    expect(indicators[0]!.extra).toEqual({ 计量单位: '—' })
    expect(indicators[0]!.value.parsed).toEqual({ kind: 'deadline', year: 2024, month: 12 })
  })

  it('checks the level pair against the taxonomy: each indicator under a pair outside it is said', () => {
    const { codes } = read('一级指标|二级指标|三级指标|指标值', '项目完成指标|数量指标|甲|1', '||乙|2', '产出指标|效益指标|丙|3')
    expect(codes).toEqual(['unknown-level1', 'unknown-level1', 'unknown-level2'])
  })
})

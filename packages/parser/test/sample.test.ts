import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { toJson } from '@jxmb/export-json'
import { parseText } from '@jxmb/parser'
import { expectGolden } from './golden.js'

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url))
const sampleName = '000_191d77da26007e67.txt'
const sample = parseText(readFileSync(fixtures + sampleName), { file: sampleName })

describe('the real sample (Tika text)', () => {
  it('matches the hand-checked golden JSON', () => {
    expectGolden(fixtures + '000_191d77da26007e67.txt.expected.json', toJson(sample))
  })

  it('holds 4 projects, 29 indicators, and 3 department sections of 1, 4 and 7 paragraphs', () => {
    expect(sample.projects.map((project) => project.indicators.length)).toEqual([7, 7, 8, 7])
    expect(sample.department.sections.map((section) => section.paragraphs.length)).toEqual([1, 4, 7])
    expect(sample.department.sections.map((section) => section.heading)).toEqual(['总体绩效目标', '分项绩效目标', '工作保障措施'])
    expect(sample.diagnostics).toEqual([])
  })

  it('reads every header field of a project', () => {
    const project = sample.projects[1]!
    expect(project).toMatchObject({
      sequence: 2,
      title: '房屋租赁费用绩效目标表',
      bookmark: '_Toc_4_4_0000000005',
      unit: { code: '655001', name: '河北遵化经济开发区管理委员会本级' },
      moneyUnit: '万元',
      code: '13028123P00031910001T',
      name: '房屋租赁费用',
      budget: { total: { raw: '29.00', value: 29 }, fiscal: { raw: '29.00', value: 29 }, other: { raw: '', value: 0 } },
      usage: '预算数29万元。其中：财政资金29万元，其他资金0万元。主要用于：支付办公用房租赁费',
      goals: [{ marker: '1.', text: '保证开发区机关正常运转，及时拨付该项资金' }],
    })
    expect(project.schedule.map((entry) => [entry.period, entry.percent])).toEqual([
      ['3月底', 25],
      ['6月底', 50],
      ['10月底', 75],
      ['12月底', 100],
    ])
  })

  it('carries merged level cells down, also across rows Tika ran together', () => {
    const indicators = sample.projects[2]!.indicators
    expect(indicators.map((i) => `${i.level1}/${i.level2}`)).toEqual([
      '产出指标/数量指标',
      '产出指标/质量指标',
      '产出指标/时效指标',
      '产出指标/成本指标',
      '效益指标/可持续影响指标',
      '效益指标/经济效益指标',
      '效益指标/社会效益指标',
      '满意度指标/服务对象满意度指标',
    ])
    expect(indicators[7]).toMatchObject({
      level3: '服务对象满意度',
      value: { raw: '≥90%', parsed: { kind: 'quantity', comparator: '≥', number: 90, unit: '%' } },
      basis: '年初预算安排',
      position: { start: { line: 316 }, end: { line: 321 } },
    })
  })
})

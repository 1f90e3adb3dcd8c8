/** `interpret/header-table.ts`: a project's header rows, each case rows in and the project's fields out. */
import { describe, expect, it } from 'vitest'
import { readHeaderRow, type HeaderState } from '../src/interpret/header-table.js'
import { diagnostics, emptyProject, rowsOf } from './rows.js'

function read(...lines: string[]) {
  const state: HeaderState = { project: emptyProject(), taken: new Map() }
  const { told, diagnose } = diagnostics()
  for (const row of rowsOf(...lines)) readHeaderRow(state, undefined, row.texts!, row, diagnose)
  return { project: state.project, codes: told.map((d) => d.code) }
}

describe('readHeaderRow', () => {
  it('pairs labels and values, two to a row, known or worded', () => {
    const { project, codes } = read('项目名称|乡村振兴|项目编码|P01', '本年预算金额（万元）|120|其中:省级财政资金|100', '当年绩效目标|完成建设。')
    expect([project.name, project.code, project.budget.total.value, project.budget.fiscal.value, project.moneyUnit]).toEqual(['乡村振兴', 'P01', 120, 100, '万元'])
    expect(project.goals.map((goal) => goal.text)).toEqual(['完成建设。'])
    expect(codes).toEqual([])
  })

  it('a label it cannot place is a field under its label as written, not a warning', () => {
    const { project, codes } = read('审批文号 |某发〔2024〕1号|绩效目标设定依据|《规划》')
    expect(project.fields).toEqual({ 审批文号: '某发〔2024〕1号', 绩效目标设定依据: '《规划》' })
    expect(codes).toEqual([])
  })

  it('a title row and a period row are never the unit; a coded unit line is', () => {
    const { project } = read('某县项目支出绩效目标申报表', '(2024年度)', '(433001)某县水利局')
    expect(project.title).toBe('某县项目支出绩效目标申报表')
    expect(project.unplaced?.map((row) => row.cells)).toEqual([['(2024年度)']])
    expect(project.unit).toEqual({ code: '433001', name: '某县水利局' })
  })

  it('an amount block: sources as rows, the amount column labelled with its unit', () => {
    const { project } = read('资金来源|金额（元）', '合计|1,200,000', '其中：财政拨款|1,000,000', '自有资金|200,000')
    expect(project.moneyUnit).toBe('元')
    expect([project.budget.total.value, project.budget.fiscal.value]).toEqual([1200000, 1000000])
    expect(project.budget.lines).toEqual([{ label: '自有资金', raw: '200,000', value: 200000 }])
  })

  it('two labels for one role: the first is read, the other kept as a field and said', () => {
    const { project, codes } = read('项目总预算|500|本年预算金额|200')
    expect(project.budget.total.value).toBe(500)
    expect(project.choices).toEqual([{ role: 'total', chosen: '项目总预算', kept: '本年预算金额' }])
    expect(project.fields).toEqual({ 本年预算金额: '200' })
    expect(codes).toEqual(['label-competes'])
  })

  it('a row that is no label/value pair is kept unplaced, with row-unrecognized', () => {
    const { project, codes } = read('项目名称|某项目', '|≥90%|')
    expect(project.unplaced?.map((row) => row.cells)).toEqual([['≥90%']])
    expect(codes).toEqual(['row-unrecognized'])
  })
})

describe('a lone cell', () => {
  it('is the unit only when coded; a year is no code', () => {
    expect(read('2024年度预算项目').project.unit).toEqual({ code: '', name: '' })
    expect(read('820001-某镇人民政府').project.unit).toEqual({ code: '820001', name: '某镇人民政府' })
    expect(read('某某单位').project.unit).toEqual({ code: '', name: '' })
  })
})

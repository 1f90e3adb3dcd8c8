import { describe, expect, it } from 'vitest'
import { parseText } from '@jxmb/parser'
import { emitTika, sampleDocument } from '@jxmb/testkit'
import type { JxmbDocument } from '@jxmb/model'

/** A generated document, changed by `edit`, emitted and parsed again. */
function parseEdited(edit: (document: JxmbDocument) => void) {
  const document = sampleDocument(7, { minProjects: 2, maxProjects: 2, maxIndicators: 8 })
  edit(document)
  return parseText(emitTika(document))
}
const codes = (document: JxmbDocument) => document.diagnostics.map((diagnostic) => diagnostic.code)

describe('diagnostics', () => {
  it('none for a consistent document', () => {
    expect(parseEdited(() => {}).diagnostics).toEqual([])
  })

  it('budget total ≠ fiscal + other', () => {
    const parsed = parseEdited((d) => {
      d.projects[0]!.budget.total = { raw: '999.00', value: 999 }
    })
    expect(codes(parsed)).toEqual(['budget-mismatch'])
    expect(parsed.diagnostics[0]).toMatchObject({ severity: 'warning', project: parsed.projects[0]!.code, position: { start: {} } })
  })

  it('schedule decreasing or not ending at 100%', () => {
    const parsed = parseEdited((d) => {
      d.projects[0]!.schedule = [
        { period: '6月底', raw: '60%', percent: 60 },
        { period: '12月底', raw: '50%', percent: 50 },
      ]
    })
    expect(codes(parsed)).toEqual(['schedule-decreasing', 'schedule-incomplete'])
  })

  it('levels outside the taxonomy, even ones named like Object’s own properties, once per indicator', () => {
    const parsed = parseEdited((d) => {
      for (const indicator of d.projects[0]!.indicators) indicator.level1 = 'constructor'
      d.projects[1]!.indicators[0]!.level2 = 'toString'
    })
    const first = parsed.projects[0]!.indicators.length
    expect(codes(parsed)).toEqual([...Array(first).fill('unknown-level1'), 'unknown-level2'])
    expect(parsed.diagnostics.map((d) => d.position)).toEqual([
      ...parsed.projects[0]!.indicators.map((i) => i.position),
      parsed.projects[1]!.indicators[0]!.position,
    ])
  })

  it('duplicate 项目编码', () => {
    const parsed = parseEdited((d) => {
      d.projects[1]!.code = d.projects[0]!.code
    })
    expect(codes(parsed)).toEqual(['duplicate-code'])
  })

  it('level names outside the taxonomy, missing level 3 and value', () => {
    const parsed = parseEdited((d) => {
      const [first, second] = d.projects[0]!.indicators
      first!.level1 = '其他指标'
      first!.level3 = ''
      if (second) second.level1 = '其他指标'
      first!.value = { raw: '', parsed: { kind: 'empty' } }
    })
    expect(codes(parsed)).toEqual(expect.arrayContaining(['unknown-level1', 'missing-level3', 'missing-value']))
    // The indicator is still there, with what it has.
    expect(parsed.projects[0]!.indicators[0]).toMatchObject({ level1: '其他指标', level3: '', value: { raw: '' } })
  })

  it('keeps a label it has no list for as a field, not a warning', () => {
    const text = emitTika(sampleDocument(3, { maxProjects: 1, maxIndicators: 3 })).replace(
      '\t项目编码',
      '\t备注说明\n\t另行安排\n\n\t项目编码',
    )
    const parsed = parseText(text)
    expect(parsed.projects[0]!.fields).toMatchObject({ 备注说明: '另行安排' })
    expect(parsed.diagnostics.filter((d) => d.code === 'row-unrecognized')).toEqual([])
    expect(parsed.projects[0]!.code).not.toBe('')
  })

  it('keeps a row that is no label/value pair, with its cells and lines, in the model and as a diagnostic', () => {
    const text = emitTika(sampleDocument(3, { maxProjects: 1, maxIndicators: 3 })).replace(
      '\t项目编码',
      '\t2023年另行安排，详见附件。\n\t100\n\n\t项目编码',
    )
    const parsed = parseText(text)
    const diagnostic = parsed.diagnostics.find((d) => d.code === 'row-unrecognized')
    expect(diagnostic).toMatchObject({ data: ['2023年另行安排，详见附件。', '100'], position: { start: { line: expect.any(Number) } } })
    expect(parsed.projects[0]!.unplaced).toEqual([{ cells: ['2023年另行安排，详见附件。', '100'], position: diagnostic!.position }])
    expect(parsed.projects[0]!.code).not.toBe('')
  })

  it('keeps a short indicator row raw', () => {
    const document = sampleDocument(3, { maxProjects: 1, maxIndicators: 3 })
    const text = emitTika(document).replace(/\n+ $/, '\n\n\t注：以上指标为年度指标\n\n\n ')
    const parsed = parseText(text)
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({ code: 'indicator-row-short', data: ['注：以上指标为年度指标'] }),
    ])
    expect(parsed.projects[0]!.indicators).toHaveLength(document.projects[0]!.indicators.length)
  })

  it('reads the 申报表 layout: 年度资金总额 / 其中：财政拨款 rows, 年度绩效目标, other labelled fields', () => {
    const rows = [
      ['655001某单位', '单位：万元'],
      ['主管部门及代码', '[101]某局', '实施单位', '某中心'],
      ['项目名称', '某项目', '项目编码', 'P001'],
      ['项目资金（万元）', '年度资金总额：', '10.00'],
      ['', '其中：财政拨款', '8.00'],
      ['', '其他资金', '2.00'],
      ['年度绩效目标', '1.完成某事'],
    ]
    const indicator = [['一级指标', '二级指标', '三级指标', '指标值'], ['产出指标', '数量指标', '完成数量', '≥3个']]
    const table = (list: string[][]) => list.map((row) => row.map((cell) => `\t${cell}`).join('\n') + '\n').join('\n')
    const parsed = parseText(`1.某项目绩效目标表\n${table(rows)}\n \n${table(indicator)}`)
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.projects[0]).toMatchObject({
      code: 'P001',
      name: '某项目',
      budget: { total: { value: 10 }, fiscal: { value: 8 }, other: { value: 2 } },
      goals: [{ marker: '1.', text: '完成某事' }],
      fields: { 主管部门及代码: '[101]某局', 实施单位: '某中心' },
      indicators: [{ level3: '完成数量', value: { raw: '≥3个' } }],
    })
  })

  it('reads every goals label its pattern accepts, 总体目标 and 总体绩效目标 among them', () => {
    for (const label of ['绩效目标', '年度绩效目标', '项目绩效目标', '总体目标', '总体绩效目标', '年度目标', '目标']) {
      const rows = [['项目编码', 'P001', '项目名称', '某项目'], [label, '1.完成某事']]
      const text = rows.map((row) => row.map((cell) => `\t${cell}`).join('\n') + '\n').join('\n')
      const parsed = parseText(`1.某项目绩效目标表\n${text}`)
      expect(parsed.projects[0]!.goals, label).toMatchObject([{ marker: '1.', text: '完成某事' }])
      expect(parsed.diagnostics.filter((d) => d.code === 'row-unrecognized'), label).toEqual([])
    }
  })

  it('reports prose outside the known parts instead of dropping it', () => {
    const parsed = parseText('某某单位2023年预算绩效目标\n')
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({ code: 'paragraph-skipped', data: ['某某单位2023年预算绩效目标'] }),
      expect.objectContaining({ code: 'no-projects' }),
    ])
  })
})

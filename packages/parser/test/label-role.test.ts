/**
 * Header labels are read by the words they are made of: labels built here from
 * word parts (prefixes, 其中 placements, brackets, colons, spacing) must get
 * their role, alone and inside a project's header table, in any layout.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse, parseText } from '@jxmb/parser'
import { gridCell, gridDocx, gridTabText, gridTika, type Grid } from '@jxmb/testkit'
import { labelRole } from '../src/interpret/label-role.js'

const oneOf = (...items: string[]) => fc.constantFrom(...items)
const decoration = oneOf('', '(万元)', '（万元）', '（元）', '：', ':', '[万元]', '（必填）')
/** Spaces and full-width spaces at random places, as templates pad labels. */
const spaced = (label: fc.Arbitrary<string>) =>
  fc.tuple(label, fc.array(fc.tuple(fc.nat(), oneOf(' ', '  ', '\u3000')), { maxLength: 2 })).map(([text, spaces]) => {
    let out = text
    for (const [at, space] of spaces) {
      const cut = at % (out.length + 1)
      out = out.slice(0, cut) + space + out.slice(cut)
    }
    return out
  })
const built = (...parts: Array<fc.Arbitrary<string>>) => spaced(fc.tuple(...parts).map((chosen) => chosen.join('')))

const labels = {
  total: built(oneOf('', '项目', '本年', '当年', '年度', '项目当年', '本年度'), oneOf('预算', '预算数', '预算金额', '总预算', '资金总额', '预算总额'), decoration),
  fiscal: built(oneOf('', '其中', '其中：', '其中:'), oneOf('', '本级', '省级', '市级', '县级', '中央'), oneOf('财政资金', '财政拨款', '财政拨款资金'), decoration),
  other: built(oneOf('', '其中', '其中：'), oneOf('其他资金', '其他经费'), decoration),
  goals: built(oneOf('', '项目', '当年', '年度', '本年度', '项目年度'), oneOf('绩效目标', '目标', '总体目标'), oneOf('', '(文字描述)', '：')),
  budgetLine: built(oneOf('其中：', ''), oneOf('上级', '自有', '自筹'), oneOf('资金', '补助资金'), decoration),
} as const
type Role = keyof typeof labels

describe('labelRole', () => {
  for (const role of Object.keys(labels) as Role[]) {
    it(`labels built from the words of ${role} get that role (1,000 runs)`, () => {
      fc.assert(
        fc.property(labels[role], (label) => {
          expect(labelRole(label)?.key, label).toBe(role)
        }),
        { numRuns: 1000 },
      )
    })
  }

  it('keeps out what is not a label of these roles', () => {
    for (const text of ['指标值', '三级指标', '长期目标', '目标值', '实施期资金总额', '资金来源', '单位：万元', '金额单位', '主要用于购置设备，提高效率。', '2023年']) {
      expect(['goals', 'total', 'fiscal', 'other'], text).not.toContain(labelRole(text)?.key)
    }
  })
})

describe('a header table of generated labels reads into the same model from .docx, Tika and tab text, in any layout (1,000 runs)', () => {
  const names = oneOf('农村环境整治专项资金', '办公设备购置', '道路养护经费', '人才引进补助资金')
  const amount = fc.integer({ min: 1, max: 9_999_999 }).map((cents) => cents / 100)
  const layout = fc.record({
    total: labels.total,
    fiscal: labels.fiscal,
    goals: labels.goals,
    extra: oneOf('审批文号', '绩效目标设定依据', '项目负责人', '备案编号'),
    name: names,
    totalValue: amount,
    fiscalValue: amount,
    yuan: fc.boolean(),
    order: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
    pairsPerRow: fc.constantFrom(1, 2),
  })

  it('name, budget, goals and unforeseen fields land where they belong', async () => {
    await fc.assert(
      fc.asyncProperty(layout, async (l) => {
        const money = (value: number) => (l.yuan ? (value * 10000).toLocaleString('en-US', { maximumFractionDigits: 0 }) : value.toFixed(2))
        const pairs: Array<[string, string]> = [
          ['项目名称', l.name],
          [l.total, money(l.totalValue)],
          [l.fiscal, money(l.fiscalValue)],
          [l.extra, '某某文件'],
        ]
        const ordered = l.order.map((index) => pairs[index]!)
        // Four grid columns: a row of one pair has its value span three.
        const row = (cells: Array<[string, string]>): Grid[number] =>
          cells.length === 2 ? cells.flat().map((text) => gridCell(text)) : [gridCell(cells[0]![0]), gridCell(cells[0]![1], 3)]
        const grid: Grid = [row([['项目编码', 'P0001']])]
        for (let at = 0; at < ordered.length; at += l.pairsPerRow) grid.push(row(ordered.slice(at, at + l.pairsPerRow)))
        grid.push(row([[l.goals, '1.完成年度任务。']]))
        grid.push(['一级指标', '二级指标', '三级指标', '指标值'].map((text) => gridCell(text)))
        grid.push(['产出指标', '数量指标', '次数', '≥1次'].map((text) => gridCell(text)))
        const paragraphs = ['第二部分 预算项目绩效目标', '1.测试项目绩效目标表']
        const documents = {
          docx: await parse(gridDocx(paragraphs, grid), { file: 'layout.docx' }),
          tika: parseText(gridTika(paragraphs, grid)),
          tab: parseText(gridTabText(paragraphs, grid)),
        }
        const expected = (value: number) => (l.yuan ? Math.round(value * 10000) : Number(value.toFixed(2)))
        for (const [form, document] of Object.entries(documents)) {
          const project = document.projects[0]!
          expect(project.name, form).toBe(l.name)
          expect(project.budget.total.value, form).toBe(expected(l.totalValue))
          expect(project.budget.fiscal.value, form).toBe(expected(l.fiscalValue))
          expect(project.goals.map((goal) => goal.text), form).toEqual(['完成年度任务。'])
          expect(Object.values(project.fields ?? {}), form).toEqual(['某某文件'])
          expect(project.unplaced, form).toBeUndefined()
        }
      }),
      { numRuns: 1000 },
    )
  })
})

/**
 * Indented trees (`interpret/tree.ts`): which tables are trees, what each row
 * is, and, for generated projects written as a tree in every input and indent
 * style, that the tree reads into the same model as the grid they came from.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse, parseText } from '@jxmb/parser'
import { arbitrary, gridDocx, gridTabText, gridTika, treeGrid, type Grid, type IndentStyle, type TreeProject } from '@jxmb/testkit'
import { readTabText } from '../src/read/tab-text.js'
import { readTikaText } from '../src/read/text.js'
import { isTree, readTree } from '../src/interpret/tree.js'
import type { TableBlock } from '../src/blocks.js'

const tableOf = (text: string) => readTikaText(text).find((block): block is TableBlock => block.type === 'table')!
const rows = (...lines: string[]) => lines.map((line) => line.split('|').map((cell) => `\t${cell}\n`).join('') + '\n').join('')

describe('isTree', () => {
  it('takes one column holding 一级 and 二级 names in rows of their own', () => {
    expect(isTree(tableOf(rows('某项目', '  产出指标', '    数量指标', '      培训人数|≥100人')))).toBe(true)
  })
  it('never takes a grid: its levels stand side by side, under a header naming them', () => {
    expect(isTree(tableOf(rows('一级指标|二级指标|三级指标|指标值', '产出指标|数量指标|培训人数|≥100人', '|质量指标|合格率|100%')))).toBe(false)
    // Merged 一级 cells, no header: 一级 and 二级 still in columns of their own.
    expect(isTree(tableOf(rows('产出指标|数量指标|培训人数|≥100人', '|质量指标|合格率|100%')))).toBe(false)
  })
  it('never takes a header table, nor a tree without both levels', () => {
    expect(isTree(tableOf(rows('项目名称|某项目', '绩效目标|完成培训。')))).toBe(false)
    expect(isTree(tableOf(rows('某项目', '  产出指标', '      培训人数|≥100人')))).toBe(false)
  })
})

describe('readTree', () => {
  const kinds = (text: string) => readTree(tableOf(text)).rows.map((row) => [row.kind, row.text])

  it('by indentation: 一级 where the standard names stand, the depths above it project and unit', () => {
    expect(kinds(rows('名称|指标值', '某局', '  某项目', '    项目完成指标', '      数量指标', '        培训人数|≥100人', '    满意度指标', '      服务对象满意度指标', '        满意度|≥90%'))).toEqual([
      ['header', '名称'],
      ['unit', '某局'],
      ['project', '某项目'],
      ['level1', '项目完成指标'],
      ['level2', '数量指标'],
      ['indicator', '培训人数'],
      ['level1', '满意度指标'],
      ['level2', '服务对象满意度指标'],
      ['indicator', '满意度'],
    ])
  })

  it('without indentation: words and order; a row with a value is an indicator even right above a 一级', () => {
    expect(kinds(rows('某局|', '某项目|', '产出指标|', '成本指标|', '设备购置成本|≤5万元', '效益指标|', '社会效益指标|', '受益人数|≥100人', '成本指标|', '经济成本指标|', '单位成本|≤1万元', '另一项目|', '满意度指标|', '服务对象满意度指标|', '满意度|≥90%'))).toEqual([
      ['unit', '某局'],
      ['project', '某项目'],
      ['level1', '产出指标'],
      // 成本指标 is both: over a leaf it is 二级, over a standard 二级 it is 一级.
      ['level2', '成本指标'],
      ['indicator', '设备购置成本'],
      ['level1', '效益指标'],
      ['level2', '社会效益指标'],
      ['indicator', '受益人数'],
      ['level1', '成本指标'],
      ['level2', '经济成本指标'],
      ['indicator', '单位成本'],
      ['project', '另一项目'],
      ['level1', '满意度指标'],
      ['level2', '服务对象满意度指标'],
      ['indicator', '满意度'],
    ])
  })

  it('a level loses its numbering; rows it cannot place are other, and the reader keeps them', () => {
    const text = rows('说明：本表由系统导出', '某项目', '一、产出指标', '（一）数量指标', '培训人数：≥100人')
    expect(kinds(text)).toEqual([
      ['other', '说明：本表由系统导出'],
      ['project', '某项目'],
      ['level1', '产出指标'],
      ['level2', '数量指标'],
      ['indicator', '培训人数：≥100人'],
    ])
    const document = parseText('第二部分 预算项目绩效目标\n' + text)
    expect(document.projects[0]!.unplaced).toEqual([{ cells: ['说明：本表由系统导出'], position: expect.anything() }])
    expect(document.diagnostics.filter((d) => d.code === 'row-unrecognized').map((d) => d.data)).toEqual([['说明：本表由系统导出']])
  })
})

describe('a generated tree reads into the same model as the grid it came from', () => {
  const unit = fc.record({ code: fc.option(fc.integer({ min: 100000, max: 999999 }).map(String), { nil: '' }), name: arbitrary.words(3, 10) })
  const projects = fc.tuple(unit, fc.array(fc.record({ name: arbitrary.words(3, 10), indicators: arbitrary.indicators(12) }), { minLength: 1, maxLength: 3 })).map(
    ([unit, list]): TreeProject[] => list.map((project) => ({ unit, ...project })),
  )
  const style = fc.constantFrom<IndentStyle>('paragraph', 'spaces', 'ideographic')
  const expected = (list: TreeProject[]) =>
    list.map((project) => ({
      unit: project.unit,
      name: project.name,
      indicators: project.indicators.map((i) => [i.level1, i.level2, i.level3, i.description, i.value.raw, i.basis]),
    }))
  const actual = (document: ReturnType<typeof parseText>) =>
    document.projects.map((project) => ({
      unit: project.unit,
      name: project.name,
      indicators: project.indicators.map((i) => [i.level1, i.level2, i.level3, i.description, i.value.raw, i.basis]),
    }))
  const paragraphs = ['第二部分 预算项目绩效目标']

  it('in Tika text and tab-per-row text, indented by spaces, full-width spaces, or not at all (1,000 runs)', () => {
    fc.assert(
      fc.property(projects, style, (list, indents) => {
        const grid: Grid = treeGrid(list)
        expect(actual(parseText(gridTika(paragraphs, grid, indents)))).toEqual(expected(list))
        expect(actual(parseText(gridTabText(paragraphs, grid, indents)))).toEqual(expected(list))
      }),
      { numRuns: 1000 },
    )
  })

  it('in .docx, by paragraph indents or leading spaces (100 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(projects, style, async (list, indents) => {
        expect(actual(await parse(gridDocx(paragraphs, treeGrid(list), indents), { file: 'tree.docx' }))).toEqual(expected(list))
      }),
      { numRuns: 100 },
    )
  })
})

describe('a tree row shorter than the tree’s columns', () => {
  it('reads as an indicator with empty cells there, every field present', () => {
    const document = parseText('第二部分 预算项目绩效目标\n' + rows('名称|指标值|指标值确定依据', '某项目', '  产出指标', '    数量指标', '      培训人数|≥100人', '      培训场次'))
    expect(document.projects[0]!.indicators.map((i) => [i.level3, i.value.raw, i.basis])).toEqual([
      ['培训人数', '≥100人', ''],
      ['培训场次', '', ''],
    ])
  })
})

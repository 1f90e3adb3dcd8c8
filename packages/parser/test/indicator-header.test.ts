/** `interpret/indicator-header.ts`: header rows in, columns out. */
import { describe, expect, it } from 'vitest'
import { indicatorHeader, withSubLabels } from '../src/interpret/indicator-header.js'
import { rowsOf } from './rows.js'

const columns = (...lines: string[]) => {
  const [row, next] = rowsOf(...lines)
  const header = next ? withSubLabels(row!, row!.texts!, next, next.texts!) : indicatorHeader(row!, row!.texts!)
  return header?.columns.map((column) => [column.key, column.label])
}

describe('indicatorHeader', () => {
  it('names the six columns by their labels, spaced or not, and keeps any other as an extra', () => {
    expect(columns('一级 指标|二级指标|三级指标|指标性质|绩效指标描述|指标值|指标值确定依据')).toEqual([
      ['level1', '一级 指标'],
      ['level2', '二级指标'],
      ['level3', '三级指标'],
      ['extra', '指标性质'],
      ['description', '绩效指标描述'],
      ['value', '指标值'],
      ['basis', '指标值确定依据'],
    ])
  })

  it('finds the value column by the names forms give it; an earlier year’s is an extra', () => {
    expect(columns('一级指标|二级指标|三级指标|上年实际完成值|本年目标值')).toEqual([
      ['level1', '一级指标'],
      ['level2', '二级指标'],
      ['level3', '三级指标'],
      ['extra', '上年实际完成值'],
      ['value', '本年目标值'],
    ])
    expect(columns('一级指标|二级指标|三级指标|预期完成值')?.at(-1)).toEqual(['value', '预期完成值'])
  })

  it('a lead cell 绩效指标 is no column of values; a wide table’s project columns are project columns', () => {
    expect(columns('绩效指标（权重）|一级指标|二级指标|三级指标|指标值')?.[0]).toEqual(['lead', '绩效指标（权重）'])
    expect(columns('单位名称|项目名称|项目金额（万元）|一级指标|二级指标|三级指标|指标值')?.slice(0, 3)).toEqual([
      ['project', '单位名称'],
      ['project', '项目名称'],
      ['project', '项目金额（万元）'],
    ])
  })

  it('is no header without two level columns', () => {
    expect(columns('项目名称|某项目|项目编码|P01')).toBeUndefined()
  })
})

describe('withSubLabels', () => {
  it('a row of sub-labels under 指标值 is part of the header: columns named by both rows', () => {
    expect(columns('一级指标|二级指标|三级指标|指标值|指标值确定依据', '|||上年实际完成值|本年目标值|')).toEqual([
      ['level1', '一级指标'],
      ['level2', '二级指标'],
      ['level3', '三级指标'],
      ['extra', '指标值/上年实际完成值'],
      ['value', '指标值/本年目标值'],
      ['basis', '指标值确定依据'],
    ])
  })

  it('a row of values is no row of sub-labels', () => {
    expect(columns('一级指标|二级指标|三级指标|指标值', '产出指标|数量指标|培训人数|≥100人')).toBeUndefined()
  })
})

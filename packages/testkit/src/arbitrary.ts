/**
 * fast-check arbitraries for whole documents. Each generated document is the
 * model a parser must return for the emitted input (positions aside).
 */
import fc from 'fast-check'
import { columnFields } from './layout.js'
import { vocabulary, type Department, type Indicator, type JxmbDocument, type ParsedValue, type Project, type QuantityValue, type Section } from '@jxmb/model'

const hanzi = [...'开发区管理委员会财政资金项目建设服务保障办公设备采购维护运行经费宣传培训调研安全生产环境治理绿化道路桥梁水利教育卫生文化体育科技信息化数据平台系统']
const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/**
 * Strings made of the given pieces, `minLength` to `maxLength` of them: random
 * text that still meets every case the pieces stand for (a space, a marker, a digit).
 */
export const textOf = (pieces: readonly string[], { minLength = 0, maxLength }: { minLength?: number; maxLength: number }) =>
  fc.array(fc.constantFrom(...pieces), { minLength, maxLength }).map((chosen) => chosen.join(''))

/** A run of Chinese text that starts with a character (never a digit or marker). */
export const words = (min = 2, max = 12) => textOf(hanzi, { minLength: min, maxLength: max })

/** Prose: words joined by Chinese punctuation, ending with 。 */
export const prose = (maxClauses = 4) =>
  fc.array(words(2, 10), { minLength: 1, maxLength: maxClauses }).map((parts) => parts.join('，') + '。')

const amount = fc.integer({ min: 0, max: 99_999_999 }).map((cents) => cents / 100)

const units = ['%', '台', '次', '个', '平方米', '亩', '万元/亩', '天', '人', '']
const comparators: Array<[string, QuantityValue['comparator']]> = [
  ['≥', '≥'],
  ['≤', '≤'],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
  ['', null],
]

/** A 指标值 and what it must be read as. */
export const indicatorValue: fc.Arbitrary<{ raw: string; parsed: ParsedValue }> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...comparators), fc.integer({ min: 0, max: 100000 }), fc.boolean(), fc.constantFrom(...units))
    .map(([[symbol, comparator], whole, decimal, unit]) => {
      const number = decimal ? whole / 10 : whole
      return { raw: `${symbol}${number}${unit}`, parsed: { kind: 'quantity' as const, comparator, number, unit } }
    }),
  fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 })).map(([year, month]) => ({
    raw: `${year}年${month}月底前`,
    parsed: { kind: 'deadline' as const, year, month },
  })),
  fc.constantFrom('优', '明显提升', '有效改善', '良好').map((raw) => ({ raw, parsed: { kind: 'qualitative' as const } })),
)

const levelPairs = Object.entries(vocabulary.taxonomy).flatMap(([level1, level2s]) =>
  level2s.map((level2) => [level1, level2] as const),
)

/** 1–`max` indicators, grouped in runs by level as a real table is. */
export const indicators = (max = 60, min = 1): fc.Arbitrary<Indicator[]> =>
  fc
    .array(
      fc.record({
        pair: fc.integer({ min: 0, max: levelPairs.length - 1 }),
        level3: words(2, 10),
        description: words(2, 16),
        value: indicatorValue,
        basis: words(2, 12),
      }),
      { minLength: min, maxLength: max },
    )
    .map((rows) =>
      rows
        .sort((a, b) => a.pair - b.pair)
        .map(({ pair, level3, description, value, basis }) => ({
          type: 'indicator' as const,
          level1: levelPairs[pair]![0],
          level2: levelPairs[pair]![1],
          level3,
          description,
          value,
          basis,
          extra: {},
        })),
    )

const periodSets = [
  ['3月底', '6月底', '10月底', '12月底'],
  ['3月底', '6月底', '9月底', '12月底'],
  ['一季度', '二季度', '三季度', '四季度'],
  ['6月底', '12月底'],
]

const schedule = fc
  .tuple(fc.constantFrom(...periodSets), fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }))
  .map(([periods, raw]) => {
    const percents = raw.slice(0, periods.length - 1).sort((a, b) => a - b)
    percents.push(100)
    return periods.map((period, index) => ({ period, raw: `${percents[index]}%`, percent: percents[index]! }))
  })

/** Indicator-table headers seen in templates: extra columns, dropped columns, spaced and variant labels. */
export const columnTemplates: readonly (readonly string[])[] = [
  ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
  ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位', '分值', '绩效指标描述', '指标值确定依据'],
  ['一级 指标', '二级 指标', '三级 指标', '指标方向', '年度指标值', '计量单位', '分值'],
  ['一级指标', '二级指标', '三级指标', '指标值（数值）', '指标值确定依据'],
  ['一级指标', '二级指标', '三级指标', '绩效指标描述', '年度指标值', '指标值', '指标值确定依据'],
]

/** Labels of other header fields some templates carry. */
export const fieldLabels = ['主管部门及代码', '实施单位', '项目属性', '项目期', '项目负责人', '联系电话', '长期目标']

/** Fit indicators to a header: dropped columns empty, extra columns filled. */
export function fitToColumns(list: Indicator[], labels: readonly string[], extraTexts: readonly string[]): Indicator[] {
  const fields = columnFields(labels)
  return list.map((indicator, index) => {
    const fitted = { ...indicator, extra: {} as Record<string, string> }
    if (!fields.includes('description')) fitted.description = ''
    if (!fields.includes('basis')) fitted.basis = ''
    fields.forEach((field, column) => {
      if (typeof field !== 'string') fitted.extra[field.extra] = extraTexts[(index + column) % extraTexts.length]!
    })
    return fitted
  })
}

export const project = (sequence: number, maxIndicators = 60, minIndicators = 1, variants = false): fc.Arbitrary<Project> =>
  fc
    .record({
      unitCode: fc.integer({ min: 100, max: 99_999_999 }).map(String),
      unitName: words(4, 14),
      moneyUnit: fc.constantFrom('万元', '元'),
      code: fc.tuple(fc.integer({ min: 10_000_000, max: 99_999_999 }), fc.integer({ min: 0, max: 99_999_999 })).map(
        ([a, b]) => `${a}P${String(b).padStart(11, '0')}`,
      ),
      name: words(2, 12),
      fiscal: amount,
      other: fc.option(amount, { nil: undefined }),
      usage: prose(3),
      schedule,
      goals: fc.array(words(4, 20), { minLength: 1, maxLength: 4 }),
      indicators: indicators(maxIndicators, minIndicators),
      template: variants ? fc.integer({ min: 0, max: columnTemplates.length - 1 }) : fc.constant(0),
      fields: variants
        ? fc.option(fc.dictionary(fc.constantFrom(...fieldLabels), words(2, 10), { minKeys: 1, maxKeys: 4 }), { nil: undefined })
        : fc.constant(undefined),
      extraTexts: fc.array(fc.oneof(words(1, 4), fc.integer({ min: 0, max: 100 }).map(String)), { minLength: 1, maxLength: 5 }),
    })
    .map((r) => {
      const labels = columnTemplates[r.template]!
      const other = r.other ?? 0
      const total = Math.round((r.fiscal + other) * 100) / 100
      return {
        type: 'project' as const,
        sequence,
        title: `${r.name}绩效目标表`,
        bookmark: `_Toc_4_4_${String(sequence).padStart(10, '0')}`,
        unit: { code: r.unitCode, name: r.unitName },
        moneyUnit: r.moneyUnit,
        code: r.code,
        name: r.name,
        budget: {
          total: { raw: total.toFixed(2), value: total },
          fiscal: { raw: r.fiscal.toFixed(2), value: r.fiscal },
          other: r.other === undefined ? { raw: '', value: 0 } : { raw: other.toFixed(2), value: other },
        },
        usage: r.usage,
        schedule: r.schedule,
        goals: r.goals.map((text, index) => ({ type: 'paragraph' as const, marker: `${index + 1}.`, text })),
        indicatorColumns: [...labels],
        indicators: r.template === 0 ? r.indicators : fitToColumns(r.indicators, labels, r.extraTexts),
        ...(r.fields ? { fields: r.fields } : {}),
      }
    })

const section = (index: number): fc.Arbitrary<Section> =>
  fc
    .record({
      heading: words(4, 10),
      style: fc.constantFrom('plain', 'arabic', 'chinese'),
      paragraphs: fc.array(prose(5), { minLength: 1, maxLength: 7 }),
    })
    .map(({ heading, style, paragraphs }) => ({
      type: 'section' as const,
      number: numerals[index]!,
      heading,
      bookmark: `_Toc_2_2_${String(index + 1).padStart(10, '0')}`,
      paragraphs: paragraphs.map((text, n) =>
        style === 'plain'
          ? { type: 'paragraph' as const, text }
          : { type: 'paragraph' as const, marker: style === 'arabic' ? `${n + 1}.` : `（${numerals[n]}）`, text },
      ),
    }))

export const department: fc.Arbitrary<Department> = fc
  .integer({ min: 1, max: 4 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => section(index))))
  .map((sections) => ({ type: 'department' as const, heading: '部门整体绩效目标', sections }))

export interface DocumentShape {
  /** Vary the indicator columns by template, and sometimes add a 部门整体支出绩效目标表. */
  variants?: boolean
  minProjects?: number
  maxProjects?: number
  minIndicators?: number
  maxIndicators?: number
}

/** A whole document; its `projects` have unique 项目编码 and no diagnostics are expected. */
export const document = ({ minProjects = 1, maxProjects = 4, minIndicators = 1, maxIndicators = 60, variants = false }: DocumentShape = {}): fc.Arbitrary<JxmbDocument> =>
  fc
    .integer({ min: minProjects, max: maxProjects })
    .chain((count) =>
      fc.tuple(
        department,
        fc.tuple(...Array.from({ length: count }, (_, index) => project(index + 1, maxIndicators, minIndicators, variants))),
        variants ? fc.option(indicators(8), { nil: undefined }) : fc.constant(undefined),
      ),
    )
    .filter(([, projects]) => new Set(projects.map((p) => p.code)).size === projects.length)
    .map(([base, projects, departmentIndicators]) => {
      const department: Department = departmentIndicators
        ? { ...base, indicatorColumns: [...columnTemplates[0]!], indicators: departmentIndicators }
        : base
      return [department, projects] as const
    })
    .map(([department, projects]) => ({
      type: 'document' as const,
      source: { format: 'tika-text' as const },
      department,
      projects,
      diagnostics: [],
    }))

/** A reproducible document of a given size (benchmarks, fixtures). */
export function sampleDocument(seed: number, shape: DocumentShape): JxmbDocument {
  return fc.sample(document(shape), { seed, numRuns: 1 })[0]!
}

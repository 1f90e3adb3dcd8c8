/**
 * Every Chinese label jxmb recognises lives here, and nowhere else.
 * Patterns match *normalised* text (see `normalizeLabel`): NFKC, so
 * full-width brackets, colons, digits and `％` become ASCII, and no whitespace,
 * so `其中：财政    资金` and `一级 指标` match as written in the template.
 */

/** NFKC and no whitespace: the form labels are compared in. */
export function normalizeLabel(text: string): string {
  // Most labels are plain CJK ideographs already: nothing to fold, nothing to strip.
  if (plainHan.test(text)) return text
  if (text.length > foldedLimit) return fold(text)
  // The rest (单位：元, 其中：财政    资金) repeat in every project: each is folded once.
  let label = folded.get(text)
  if (label === undefined) {
    label = fold(text)
    if (folded.size >= foldedEntries) folded.clear()
    folded.set(text, label)
  }
  return label
}
const plainHan = /^[\u4e00-\u9fff]*$/
const fold = (text: string) => text.normalize('NFKC').replace(/[\s\u200b\u3000]+/g, '')
// Labels are short; longer texts are folded each time rather than kept.
const folded = new Map<string, string>()
const foldedLimit = 60
const foldedEntries = 4096

/** Part headings: 第一部分 部门整体绩效目标 / 第二部分 预算项目绩效目标. */
export const partHeading = /^第[一二三四五六七八九十\d]+部分/
export const departmentPart = /^(.{0,30}部门)?整体(支出)?绩效目标$/
export const projectPart = /^(预算)?项目(支出)?绩效目标$/

// The next three match the paragraph as written (trimmed, not normalised),
// so the text they capture is kept verbatim; they accept full-width forms.

/** The title of a department-level indicator table: 部门整体支出绩效目标表 (normalised text). */
export const departmentTableTitle = /部门整体(支出)?绩效目标表$/

/** Department section headings: 一、总体绩效目标. */
export const sectionHeading = /^([一二三四五六七八九十]+)\s*[、.．]\s*(\S.{0,40})$/

/** Item markers at the start of a paragraph: `1.`, `1、`, `（一）`, `(1)`. */
export const itemMarker = /^([0-9０-９]{1,3}\s*[.．、](?![0-9０-９])|[（(]\s*[一二三四五六七八九十0-9０-９]{1,3}\s*[)）]、?)\s*/

/** A project's title paragraph: `1.安可计算机购置绩效目标表`. */
export const projectTitle = /^(?:([0-9０-９]{1,4})\s*[.．、]?)?\s*(\S.{0,100}绩效目标表)\s*$/

/** Header-table labels of a project (table A). */
export const headerLabels = {
  code: /^项目(编码|代码|编号)$/,
  name: /^项目名称$/,
  budgetBlock: /^(预算规模及资金用途|预算规模|资金规模及用途|项目资金(\(.*\))?)$/,
  total: /^(预算数|预算金额|预算总额|资金总额|年度资金总额|年度预算数|项目总金额)(\(.*\))?[:]?$/,
  fiscal: /^(其中:?)?财政(资金|拨款)(\(.*\))?$/,
  other: /^(其中:?)?其他资金(\(.*\))?$/,
  usage: /^(资金用途|主要用途|资金主要用途|资金使用用途)$/,
  schedule: /^资金支出计划/,
  goals: /^(项目)?(年度)?(总体)?(绩效)?目标$/,
  unitName: /^(预算)?单位名称$|^(主管)?部门(名称)?$/,
  /** Other header fields templates carry; kept under `fields` by their label. */
  field: /^(主管部门(及代码)?|实施单位|项目属性|项目类型|项目类别|项目期|实施期限?|项目实施期|项目起止时间|项目负责人|联系人|联系电话|实施期资金总额|资金来源|长期目标|实施期目标)$/,
} as const

/**
 * The words header labels are made of, for labels outside the lists above
 * (项目总预算, 本年预算金额, 其中:本级财政拨款, 当年绩效目标, 年度目标(文字描述) …).
 * A label's role is read from its last word (its head), once brackets,
 * colons and numbering are gone; see `labelRole` in the parser.
 */
export const labelWords = {
  /** A label ends in one of these when it names an amount. */
  amount: ['预算数', '预算额', '预算', '金额', '总额', '资金', '拨款', '合计', '小计', '总计', '经费', '投资'],
  /** Words that make an amount a share of the total rather than the total. */
  share: ['其中', '财政', '本级', '市级', '省级', '县级', '区级', '上级', '中央', '自有', '自筹', '其他', '单位', '事业', '基金', '债券', '社会'],
  /** The fiscal share: an amount label holding one of these. */
  fiscal: ['财政'],
  /** The other share: an amount label holding one of these. */
  other: ['其他'],
  /** Amount labels that are not the year's budget: kept as fields. */
  notBudget: ['实施期', '累计', '上年', '以前年度', '历年', '来源'],
  /** A label ends in 目标 when it names the goals, but not these. */
  goal: '目标',
  notGoal: ['指标', '长期', '实施期', '中期', '总体目标值', '目标值'],
  /** A unit label: a unit word, optionally named, after at most one qualifier of these. */
  unit: /^((预算|申报|项目|主管|填报)(单位|部门)(名称)?|(单位|部门)名称|部门)$/,
  /** Sentence punctuation: a cell holding it is text, not a label. */
  sentence: /[,，。；;、！？!?]/,
  /** Brackets, their content, and a trailing colon: not part of a label's head. */
  decoration: /\([^)]*\)|\[[^\]]*\]|【[^】]*】|:$/g,
  /** Numbering before a label: `1.`, `一、`, `(一)`. */
  numbering: /^([0-9]{1,2}[.、]|[一二三四五六七八九十]{1,3}、)/,
} as const

/** Every header label starts so: a cheap test before the patterns above (normalised text). */
export const headerLabelStarts = ['其中', '项目', '预算', '资金', '财政', '其他', '绩效', '年度', '总体', '目标', '主要', '部门', '主管', '单位', '实施', '联系', '长期'] as const
export const headerLabelStart = new RegExp(`^(${headerLabelStarts.join('|')})`)

/** The first characters of the labels that can only begin a project's header: 项目编码, 单位：, 金额单位：. */
export const projectStartInitials = '项单金'

/** A table's title standing in a row of its own: `…绩效目标申报表` (normalised text). Never the unit. */
export const tableTitle = /^\S{2,60}表$/

/** A period standing in a row of its own: `(2022年度)`, `2023年`. Never the unit. */
export const periodLine = /^[(]?\d{4}年度?[)]?$/

/** `单位：万元` in the header table. */
export const moneyUnit = /^(金额)?单位:(.+)$/

/** The label over the sources column of an amount block inside the header (资金来源 | 金额). */
export const amountSources = /^(资金|经费|预算)?(来源|类别|科目|构成|渠道)$/

/** The money unit in an amount label's brackets: `项目总预算(元)`, `金额(万元)` (normalised text). */
export const moneyUnitInLabel = /\((?:单位:)?((?:亿|万|千)?元)\)/

/**
 * A unit with its code (text as written): `655001河北遵化经济开发区管理委员会本级`,
 * `(433001)某单位`, `820001-某镇人民政府`; never a date (`2023年…`).
 */
export const unitLine = /^[(（]?(\d{3,})(?:[)）]|\s*[-－—]\s*)?([^\d年月日].*)$/

/** The mark of the level columns (一级/二级/三级): a header row holds it at least twice. */
export const levelMark = '级'

/** Indicator-table columns (table B). Order matters: basis before value. */
export const indicatorColumns = [
  ['level1', /^一级(指标)?$/],
  ['level2', /^二级(指标)?$/],
  ['level3', /^三级(指标)?$/],
  ['basis', /^(指标值)?(确定|设定|设置|取值)依据$/],
  ['description', /^(绩效)?指标(描述|内容|解释|说明)$/],
  ['value', /^((本|当)?年度?|\d{4}年度?|预期|计划)?(指标值|目标值)(\(.*\))?$|^预期.{0,6}值$/],
] as const

/** A value column that is not this year's target: an earlier year's, or what was achieved (完成值, but not 预期完成值). */
export const notTarget = /(上年|去年|前年|以前|历史|实际|完成情况|基期)|^(?!.*(预期|计划|目标)).*完成值/

/** An earlier year's column (上年实际完成值): a reference in a target table. */
export const earlierYear = /(上年|去年|前年|以前|历史|基期)/

/** Text that is a value, never a sub-label of a two-row indicator header. */
export const notSubLabel = /[≥≤<>=%％]|^[\d.,]+$/

/** Columns (or a title) that make a table a 自评表, the year-end self-evaluation, not targets (normalised text). */
export const selfEvaluation = /实际完成值|完成情况|得分|偏差原因|自评/

/** A label naming the department itself (a department-wide table's header), not a project's unit. */
export const departmentLabel = /^(预算)?部门(名称)?$|^(主管)?部门名称$/

/** A cell spanning the whole indicator block, left of the levels: not a column of values. */
export const indicatorLead = /^绩效指标(\(.*\))?$/
/** The names of columns a table implies without a header naming them (an indented tree). */
export const impliedColumns = { level1: '一级指标', level2: '二级指标', level3: '三级指标', value: '指标值' } as const

/** A tree node's numbering, before its text as written: `一、`, `1.`, `(一)`, `（1）`. */
export const nodeNumber = /^\s*(?:[一二三四五六七八九十]+[、，,.．]|[\d０-９]+[.、．]|[(（][一二三四五六七八九十\d０-９]+[)）])\s*/

/** The end of a level's name (产出指标, 项目完成指标): in a tree, a node so named is 一级 or 二级, never an indicator. */
export const levelName = /指标$/

/** The name-value separator of an indicator written on one line of a tree: `培训人数：≥100人`. */
export const treeValueSeparator = /[:：]/

export type IndicatorColumnKey = (typeof indicatorColumns)[number][0]

/**
 * The standard indicator taxonomy (财预〔2020〕10号, 财预〔2021〕101号):
 * level-1 name → the level-2 names under it.
 */
export const taxonomy: Readonly<Record<string, readonly string[]>> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
}

/** Comparison words of 指标值, before or after the number. */
export const comparatorWords = {
  prefix: [
    ['不低于', '≥'],
    ['不少于', '≥'],
    ['大于等于', '≥'],
    ['不高于', '≤'],
    ['不超过', '≤'],
    ['不多于', '≤'],
    ['小于等于', '≤'],
    ['大于', '>'],
    ['高于', '>'],
    ['小于', '<'],
    ['低于', '<'],
    ['等于', '='],
  ],
  // Longer words first: `及以上` before the `以上` it ends with.
  suffix: [
    ['及以上', '≥'],
    ['以上', '≥'],
    ['以内', '≤'],
    ['及以下', '≤'],
    ['以下', '≤'],
  ],
} as const

/** The marks of a date in a 指标值: 2023年12月31日. */
export const dateMarks = { year: '年', month: '月', day: '日' } as const

/** Words that make a 指标值 a deadline: 2023年完成, 12月底前. */
export const deadlineWords = /(前|之前|以前|完成|底|截止)/

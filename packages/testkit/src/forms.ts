/**
 * Forms of other templates, as grids (`grid.ts` writes each as .docx, Tika
 * text and tab-per-row text). Built from the descriptions in domain.md and the
 * real-forms issue, not from the sample's wording; the parser's forms tests
 * and `scripts/make-fixtures.js` (fixtures/forms/) both use them.
 */
import { gridCell as c, mergedBelow as below, type Grid, type GridCell } from './grid.js'

/** A tree node: its text indented `indent` characters. */
const at = (indent: number, text: string): GridCell => ({ text, indent })

export interface Form {
  paragraphs: string[]
  grid: Grid
}

export const forms = {
  /** 某某县项目支出绩效目标申报表: title and period rows, 预算单位, labels of its own, amounts in 元. */
  countyApplication: {
    paragraphs: ['第二部分 预算项目绩效目标'],
    grid: [
      [c('某某县2023年度项目支出绩效目标申报表', 4)],
      [c('(2023年度)', 4)],
      [c('预算单位'), c('某某县农业农村局'), c('项目名称'), c('高标准农田建设')],
      [c('项目编码'), c('520100P0001'), c('审批文号'), c('县发改〔2023〕12号')],
      [c('项目总预算(元)'), c('1,250,000'), c('其中：本级财政拨款'), c('1,000,000')],
      [c('其中：其他资金'), c('250,000'), c('绩效目标设定依据'), c('《某某规划》')],
      [c('当年绩效目标'), c('1.建成高标准农田500亩。', 3)],
      [c('一级指标'), c('二级指标'), c('三级指标'), c('指标值')],
      [c('产出指标'), c('数量指标'), c('新建面积'), c('≥500亩')],
      [below, c('质量指标'), c('验收合格率'), c('100%')],
    ],
  },
  /** A 批复表 whose 指标值 takes two rows: 上年实际完成值 and 本年目标值. */
  twoRowValueHeader: {
    paragraphs: ['第二部分 预算项目绩效目标', '1.道路养护绩效目标表'],
    grid: [
      [c('项目名称'), c('道路养护', 5)],
      [c('项目编码'), c('P0002', 5)],
      [c('一级指标'), c('二级指标'), c('三级指标'), c('指标值', 2), c('指标值确定依据')],
      [below, below, below, c('上年实际完成值'), c('本年目标值'), below],
      [c('产出指标'), c('数量指标'), c('养护里程'), c('100公里'), c('≥120公里'), c('养护计划')],
      [below, c('时效指标'), c('完成时间'), c('2022年12月'), c('2023年12月底前'), c('合同')],
    ],
  },
  /** A lead cell 绩效指标 spanning the indicator block; the value column named 预期目标值. */
  leadCell: {
    paragraphs: ['第二部分 预算项目绩效目标', '1.培训绩效目标表'],
    grid: [
      [c('项目名称'), c('干部培训', 4)],
      [c('绩效指标'), c('一级指标'), c('二级指标'), c('三级指标'), c('预期目标值')],
      [below, c('产出指标'), c('数量指标'), c('培训人次'), c('≥300人次')],
      [below, c('满意度指标'), c('服务对象满意度指标'), c('学员满意度'), c('≥90%')],
    ],
  },
  /** A wide table from a budget system: project columns merged down, a subtotal row. */
  wideTable: {
    paragraphs: ['第二部分 预算项目绩效目标'],
    grid: [
      [c('单位名称'), c('项目名称'), c('项目金额（万元）'), c('年度目标'), c('一级指标'), c('二级指标'), c('三级指标'), c('指标值')],
      [c('某某局'), c('项目甲'), c('100'), c('完成甲任务'), c('产出指标'), c('数量指标'), c('甲数量'), c('≥1个')],
      [below, below, below, below, below, c('质量指标'), c('甲质量'), c('100%')],
      [below, c('项目乙'), c('50'), c('完成乙任务'), c('效益指标'), c('社会效益指标'), c('乙效益'), c('明显提升')],
      [c('某某局小计'), c(''), c('150'), c(''), c(''), c(''), c(''), c('')],
    ],
  },
  /** A 自评表: 实际完成值, 分值, 得分. */
  selfEvaluation: {
    paragraphs: ['第二部分 预算项目绩效目标', '1.道路养护绩效自评表'],
    grid: [
      [c('项目名称'), c('道路养护', 6)],
      [c('一级指标'), c('二级指标'), c('三级指标'), c('年度指标值'), c('实际完成值'), c('分值'), c('得分')],
      [c('产出指标'), c('数量指标'), c('养护里程'), c('≥120公里'), c('125公里'), c('20'), c('20')],
    ],
  },
  /** A department-wide table with header rows of its own (under its title). */
  departmentTable: {
    paragraphs: ['某某县教育局2023年度部门整体支出绩效目标表'],
    grid: [
      [c('部门名称'), c('某某县教育局', 3)],
      [c('部门职能'), c('负责全县教育事业管理。', 3)],
      [c('预算总额（万元）'), c('1,200.00'), c('其中：财政拨款'), c('1,000.00')],
      [c('年度总体目标'), c('1.办好人民满意的教育。', 3)],
      [c('一级指标'), c('二级指标'), c('三级指标'), c('指标值')],
      [c('产出指标'), c('数量指标'), c('在校学生数'), c('≥5000人')],
      [c('满意度指标'), c('服务对象满意度指标'), c('家长满意度'), c('≥90%')],
    ],
  },
  /** An amount block inside the header (资金来源 | 金额（万元）) with further budget lines. */
  amountBlock: {
    paragraphs: ['第二部分 预算项目绩效目标', '1.乡村振兴绩效目标表'],
    grid: [
      [c('项目名称'), c('乡村振兴', 3)],
      [c('项目编码'), c('P0003', 3)],
      [c('资金来源'), c('金额（万元）', 3)],
      [c('合计'), c('300', 3)],
      [c('其中：财政拨款'), c('200', 3)],
      [c('上级补助资金'), c('60', 3)],
      [c('自有资金'), c('40', 3)],
      [c('绩效目标'), c('1.完成五个村的建设。', 3)],
      [c('一级指标'), c('二级指标'), c('三级指标'), c('指标值')],
      [c('产出指标'), c('数量指标'), c('建设村数'), c('≥5个')],
    ],
  },
  /** An amount block with two amount columns (年初 and 调整后): the first is the budget, the second its lines. */
  amountColumns: {
    paragraphs: ['第二部分 预算项目绩效目标', '1.文化惠民绩效目标表'],
    grid: [
      [c('项目名称'), c('文化惠民', 3)],
      [c('项目编码'), c('441900-24-007', 3)],
      [c('资金来源'), c('年初预算数（万元）'), c('调整预算数（万元）', 2)],
      [c('合计'), c('300'), c('320', 2)],
      [c('其中：财政拨款'), c('200'), c('220', 2)],
      [c('其他资金'), c('100'), c('100', 2)],
      [c('绩效目标'), c('1.开展文化惠民活动。', 3)],
      [c('一级指标'), c('二级指标'), c('三级指标'), c('指标值')],
      [c('产出指标'), c('数量指标'), c('演出场次'), c('≥20场')],
    ],
  },
  /**
   * An indented tree exported from a budget system: one column holds unit → project →
   * 一级 → 二级 → 三级, levels shown only by indentation (a non-standard 一级 among them);
   * the value and its basis stand in columns of their own, named by a header row.
   */
  indentedTree: {
    paragraphs: ['第二部分 预算项目绩效目标'],
    grid: [
      [c('项目及指标名称'), c('指标值'), c('指标值确定依据')],
      [at(0, '(301001)某市图书馆'), c(''), c('')],
      [at(1, '数字阅读推广'), c(''), c('')],
      [at(2, '产出指标'), c(''), c('')],
      [at(3, '数量指标'), c(''), c('')],
      [at(4, '推广活动场次'), c('≥12场'), c('年度计划')],
      [at(4, '新增电子书'), c('≥5000册'), c('采购计划')],
      [at(3, '时效指标'), c(''), c('')],
      [at(4, '完成时间'), c('2024年12月底前'), c('')],
      [at(2, '效益指标'), c(''), c('')],
      [at(3, '社会效益指标'), c(''), c('')],
      [at(4, '读者覆盖人次'), c('≥10万人次'), c('上年实绩')],
      [at(1, '古籍保护修复'), c(''), c('')],
      [at(2, '项目完成指标'), c(''), c('')],
      [at(3, '数量指标'), c(''), c('')],
      [at(4, '修复古籍'), c('≥200册'), c('')],
      [at(2, '满意度指标'), c(''), c('')],
      [at(3, '服务对象满意度指标'), c(''), c('')],
      [at(4, '读者满意度'), c('≥90%'), c('问卷调查')],
    ],
  },
  /** A one-column tree: each indicator carries its value after a colon; no header, no unit row. */
  oneColumnTree: {
    paragraphs: ['第二部分 预算项目绩效目标', '1.乡村道路养护绩效目标表'],
    grid: [
      [at(0, '乡村道路养护')],
      [at(1, '一、产出指标')],
      [at(2, '数量指标')],
      [at(3, '养护里程：≥120公里')],
      [at(2, '质量指标')],
      [at(3, '路面完好率：≥95%')],
      [at(1, '二、满意度指标')],
      [at(2, '服务对象满意度指标')],
      [at(3, '群众满意度：≥90%')],
    ],
  },
} satisfies Record<string, Form>

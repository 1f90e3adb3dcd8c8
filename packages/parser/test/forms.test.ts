/**
 * Forms of other templates, each written here in all three inputs (.docx with
 * real gridSpan / vMerge, Tika text, tab-per-row text) from one grid, and read
 * back to the same, hand-checked model.
 */
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { toWorkbook } from '@jxmb/export-xlsx'
import { toMarkdown } from '@jxmb/export-markdown'
import { parse, parseText } from '@jxmb/parser'
import { forms, gridCell as docxCell, gridDocx as docx, gridTabText as tabText, gridTika as tika, type Form, type Grid, type IndentStyle } from '@jxmb/testkit'

const strip = (value: unknown) => JSON.parse(JSON.stringify(value, (key, item) => (key === 'position' ? undefined : item))) as ReturnType<typeof parseText>

async function allForms(paragraphs: string[], grid: Grid) {
  return {
    docx: strip(await parse(docx(paragraphs, grid), { file: 'form.docx' })) as ReturnType<typeof parseText>,
    tika: strip(parseText(tika(paragraphs, grid))) as ReturnType<typeof parseText>,
    tab: strip(parseText(tabText(paragraphs, grid))) as ReturnType<typeof parseText>,
  }
}

describe('a county 申报表: title and period rows, a unit label, labels of its own, amounts in 元', () => {
  const { paragraphs, grid } = forms.countyApplication

  it('reads in full, the same from .docx, Tika text and tab-per-row text', async () => {
    const forms = await allForms(paragraphs, grid)
    for (const [form, document] of Object.entries(forms)) {
      const project = document.projects[0]!
      expect(document.projects, form).toHaveLength(1)
      expect(project, form).toMatchObject({
        title: '某某县2023年度项目支出绩效目标申报表',
        unit: { code: '', name: '某某县农业农村局' },
        moneyUnit: '元',
        code: '520100P0001',
        name: '高标准农田建设',
        budget: { total: { raw: '1,250,000', value: 1250000 }, fiscal: { raw: '1,000,000', value: 1000000 }, other: { raw: '250,000', value: 250000 } },
        fields: { 审批文号: '县发改〔2023〕12号', 绩效目标设定依据: '《某某规划》' },
        unplaced: [{ cells: ['(2023年度)'] }],
      })
      expect(project.goals.map((goal) => [goal.marker, goal.text]), form).toEqual([['1.', '建成高标准农田500亩。']])
      expect(project.indicators.map((i) => [i.level1, i.level2, i.level3, i.value.raw]), form).toEqual([
        ['产出指标', '数量指标', '新建面积', '≥500亩'],
        ['产出指标', '质量指标', '验收合格率', '100%'],
      ])
      expect(document.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code), form).toEqual([])
    }
  })

  it('the workbook and the Markdown show every field, the amounts as numbers, and what was kept unplaced', async () => {
    const document = parseText(tika(paragraphs, grid), { file: 'form.txt' })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await toWorkbook([document])) as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('项目')!
    const headers = (sheet.getRow(1).values as unknown[]).slice(1)
    const values = (sheet.getRow(2).values as unknown[]).slice(1)
    const cell = (header: string) => values[headers.indexOf(header)]
    expect(cell('项目名称')).toBe('高标准农田建设')
    expect(cell('预算数（元）')).toBe(1250000)
    expect(cell('财政资金（元）')).toBe(1000000)
    expect(cell('其他资金（元）')).toBe(250000)
    expect(cell('审批文号')).toBe('县发改〔2023〕12号')
    expect(cell('绩效目标设定依据')).toBe('《某某规划》')
    expect(cell('未识别内容')).toBe('(2023年度)')
    expect(toMarkdown(document)).toMatch(/\| 未识别内容 +\| \(2023年度\) +\|/)
  })
})

describe('a 批复表 whose 指标值 takes two rows: 上年实际完成值 and 本年目标值 under one spanning label', () => {
  const { paragraphs, grid } = forms.twoRowValueHeader

  it('is one header: this year’s target is the value, last year’s is kept by its full name', async () => {
    const forms = await allForms(paragraphs, grid)
    for (const [form, document] of Object.entries(forms)) {
      const project = document.projects[0]!
      expect(project.indicatorColumns, form).toEqual(['一级指标', '二级指标', '三级指标', '指标值/上年实际完成值', '指标值/本年目标值', '指标值确定依据'])
      expect(project.indicators.map((i) => [i.level1, i.level2, i.level3, i.value.raw, i.basis, i.extra]), form).toEqual([
        ['产出指标', '数量指标', '养护里程', '≥120公里', '养护计划', { '指标值/上年实际完成值': '100公里' }],
        ['产出指标', '时效指标', '完成时间', '2023年12月底前', '合同', { '指标值/上年实际完成值': '2022年12月' }],
      ])
      expect(document.kind, form).toBeUndefined()
      // No budget in this form, which is said; nothing of its tables is lost.
      expect(document.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code), form).toEqual(['missing-budget', 'missing-budget'])
    }
  })
})

describe('a lead cell 绩效指标 spanning the whole indicator block, and a value column named 预期目标值', () => {
  const { paragraphs, grid } = forms.leadCell

  it('the lead is no column of values, and the value column is found by its name', async () => {
    const forms = await allForms(paragraphs, grid)
    for (const [form, document] of Object.entries(forms)) {
      const project = document.projects[0]!
      expect(project.indicators.map((i) => [i.level1, i.level2, i.level3, i.value.raw, i.extra]), form).toEqual([
        ['产出指标', '数量指标', '培训人次', '≥300人次', {}],
        ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%', {}],
      ])
      // This form has no code and no budget, which is said; nothing of its tables is lost.
      expect(document.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code), form).toEqual(['missing-code', 'missing-budget', 'missing-budget'])
    }
  })
})

describe('a wide table from a budget system: project columns beside the indicators, merged down, with a subtotal row', () => {
  const { paragraphs, grid } = forms.wideTable

  it('each project name starts a project; merged cells carry; the subtotal is the department’s, not an indicator', async () => {
    const forms = await allForms(paragraphs, grid)
    for (const [form, document] of Object.entries(forms)) {
      expect(
        document.projects.map((p) => [p.unit.name, p.name, p.budget.total.value, p.goals.map((g) => g.text), p.indicators.map((i) => [i.level1, i.level2, i.level3, i.value.raw, i.extra])]),
        form,
      ).toEqual([
        ['某某局', '项目甲', 100, ['完成甲任务'], [['产出指标', '数量指标', '甲数量', '≥1个', {}], ['产出指标', '质量指标', '甲质量', '100%', {}]]],
        ['某某局', '项目乙', 50, ['完成乙任务'], [['效益指标', '社会效益指标', '乙效益', '明显提升', {}]]],
      ])
      expect(document.department.subtotals, form).toEqual([{ values: { 单位名称: '某某局小计', '项目金额（万元）': '150' } }])
      expect(document.projects.map((p) => p.moneyUnit), form).toEqual(['万元', '万元'])
    }
  })

  it('the workbook lists the subtotal on 部门目标, and two projects on 项目', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await toWorkbook([parseText(tika(paragraphs, grid), { file: 'wide.txt' })])) as unknown as ArrayBuffer)
    const rows = (name: string) => {
      const found: unknown[][] = []
      workbook.getWorksheet(name)!.eachRow((row) => void found.push((row.values as unknown[]).slice(1)))
      return found
    }
    expect(rows('部门目标').slice(1)).toEqual([['wide.txt', '某某局', '小计', undefined, '单位名称：某某局小计；项目金额（万元）：150']])
    expect(rows('项目').slice(1).map((row) => row[5])).toEqual(['项目甲', '项目乙'])
  })
})

describe('a 自评表 (self-evaluation) is recognised, not taken for targets', () => {
  const { paragraphs, grid } = forms.selfEvaluation

  it('says what kind the document is and why; its rows are kept, the year’s target as 指标值', async () => {
    const forms = await allForms(paragraphs, grid)
    for (const [form, document] of Object.entries(forms)) {
      expect(document.kind, form).toBe('self-evaluation')
      expect(document.diagnostics[0], form).toMatchObject({ code: 'self-evaluation', severity: 'warning' })
      expect(document.diagnostics[0]!.message, form).toContain('“1.道路养护绩效自评表”')
      expect(document.projects[0]!.indicators.map((i) => [i.level3, i.value.raw, i.extra]), form).toEqual([
        ['养护里程', '≥120公里', { 实际完成值: '125公里', 分值: '20', 得分: '20' }],
      ])
    }
  })
})

describe('a department-wide table with header rows of its own', () => {
  const { grid } = forms.departmentTable
  const expectDepartment = (document: { department: unknown; projects: unknown[] }, form: string) => {
    expect(document.projects, form).toEqual([])
    expect(document.department, form).toMatchObject({
      unit: { code: '', name: '某某县教育局' },
      budget: { total: { value: 1200 }, fiscal: { value: 1000 } },
      goals: [{ marker: '1.', text: '办好人民满意的教育。' }],
      fields: { 部门职能: '负责全县教育事业管理。' },
      indicators: [
        { level1: '产出指标', level2: '数量指标', level3: '在校学生数', value: { raw: '≥5000人' } },
        { level1: '满意度指标', level2: '服务对象满意度指标', level3: '家长满意度', value: { raw: '≥90%' } },
      ],
    })
  }

  it('under its title: fills department, never a project', async () => {
    const forms = await allForms(['某某县教育局2023年度部门整体支出绩效目标表'], grid)
    for (const [form, document] of Object.entries(forms)) expectDepartment(document, form)
  })

  it('the workbook shows the department’s header rows on 部门目标', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await toWorkbook([parseText(tika(['某某县教育局2023年度部门整体支出绩效目标表'], grid), { file: 'd.txt' })])) as unknown as ArrayBuffer)
    const found: unknown[][] = []
    workbook.getWorksheet('部门目标')!.eachRow((row) => void found.push((row.values as unknown[]).slice(1)))
    expect(found.slice(1)).toEqual([
      ['d.txt', '某某县教育局', '总体绩效目标', '1.', '办好人民满意的教育。'],
      ['d.txt', '某某县教育局', '预算', undefined, '预算数：1,200.00；财政资金：1,000.00'],
      ['d.txt', '某某县教育局', '部门职能', undefined, '负责全县教育事业管理。'],
    ])
  })

  it('without a title, in the project part: its 部门名称 says whose it is', async () => {
    const forms = await allForms(['第二部分 预算项目绩效目标'], grid)
    for (const [form, document] of Object.entries(forms)) expectDepartment(document, form)
  })
})

describe('amounts laid out as a small table of their own inside the header, with further budget lines', () => {
  const { paragraphs, grid } = forms.amountBlock

  it('the block is the budget: its unit, total, fiscal share and every further line', async () => {
    const forms = await allForms(paragraphs, grid)
    for (const [form, document] of Object.entries(forms)) {
      const project = document.projects[0]!
      expect(project, form).toMatchObject({
        moneyUnit: '万元',
        budget: {
          total: { raw: '300', value: 300 },
          fiscal: { raw: '200', value: 200 },
          other: { raw: '', value: 0 },
          lines: [
            { label: '上级补助资金', raw: '60', value: 60 },
            { label: '自有资金', raw: '40', value: 40 },
          ],
        },
      })
      expect(project.fields, form).toBeUndefined()
      expect(project.unplaced, form).toBeUndefined()
      expect(document.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code), form).toEqual([])
    }
  })
})

describe('an amount block with two amount columns', () => {
  const { paragraphs, grid } = forms.amountColumns

  it('the first column is the budget; each amount of the second is a line named by its row and column', async () => {
    const forms = await allForms(paragraphs, grid)
    for (const [form, document] of Object.entries(forms)) {
      const project = document.projects[0]!
      expect(project.moneyUnit, form).toBe('万元')
      expect(project.budget, form).toEqual({
        total: { raw: '300', value: 300 },
        fiscal: { raw: '200', value: 200 },
        other: { raw: '100', value: 100 },
        lines: [
          { label: '合计/调整预算数(万元)', raw: '320', value: 320 },
          { label: '其中:财政拨款/调整预算数(万元)', raw: '220', value: 220 },
          { label: '其他资金/调整预算数(万元)', raw: '100', value: 100 },
        ],
      })
      expect(project.goals.map((goal) => goal.text), form).toEqual(['开展文化惠民活动。'])
      expect(project.unplaced, form).toBeUndefined()
      expect(document.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code), form).toEqual([])
    }
  })
})

describe('an indented tree: unit → project → 一级 → 二级 → 三级 in one column, levels by indentation only', () => {
  const styles = ['paragraph', 'spaces', 'ideographic'] as const
  const read = async (form: Form, style: IndentStyle) => ({
    [`docx/${style}`]: strip(await parse(docx(form.paragraphs, form.grid, style), { file: 'tree.docx' })),
    // Tika and Word's plain text lose a paragraph indent: the words and the rows' order say the levels.
    [`tika/${style}`]: strip(parseText(tika(form.paragraphs, form.grid, style))),
    [`tab/${style}`]: strip(parseText(tabText(form.paragraphs, form.grid, style))),
  })

  it('reads each project of the tree, with its unit, levels, values and bases, in every input and indent style', async () => {
    for (const style of styles) {
      for (const [form, document] of Object.entries(await read(forms.indentedTree, style))) {
        expect(document.projects.map((p) => [p.unit.code, p.unit.name, p.name]), form).toEqual([
          ['301001', '某市图书馆', '数字阅读推广'],
          ['301001', '某市图书馆', '古籍保护修复'],
        ])
        expect(document.projects.map((p) => p.indicators.map((i) => [i.level1, i.level2, i.level3, i.value.raw, i.basis])), form).toEqual([
          [
            ['产出指标', '数量指标', '推广活动场次', '≥12场', '年度计划'],
            ['产出指标', '数量指标', '新增电子书', '≥5000册', '采购计划'],
            ['产出指标', '时效指标', '完成时间', '2024年12月底前', ''],
            ['效益指标', '社会效益指标', '读者覆盖人次', '≥10万人次', '上年实绩'],
          ],
          [
            ['项目完成指标', '数量指标', '修复古籍', '≥200册', ''],
            ['满意度指标', '服务对象满意度指标', '读者满意度', '≥90%', '问卷调查'],
          ],
        ])
        expect(document.projects[0]!.indicatorColumns, form).toEqual(['一级指标', '二级指标', '三级指标', '指标值', '指标值确定依据'])
        // The non-standard 一级 is read and said; the tree has no codes or budgets, and says so.
        expect(new Set(document.diagnostics.map((d) => d.code)), form).toEqual(new Set(['unknown-level1', 'missing-code', 'missing-budget']))
        expect(document.diagnostics.filter((d) => d.code === 'row-unrecognized'), form).toEqual([])
      }
    }
  })

  it('a one-column tree under a title: the value after the colon, the 一级 without its numbering', async () => {
    for (const style of styles) {
      for (const [form, document] of Object.entries(await read(forms.oneColumnTree, style))) {
        expect(document.projects.map((p) => [p.title, p.name]), form).toEqual([['乡村道路养护绩效目标表', '乡村道路养护']])
        expect(document.projects[0]!.indicators.map((i) => [i.level1, i.level2, i.level3, i.value.raw]), form).toEqual([
          ['产出指标', '数量指标', '养护里程', '≥120公里'],
          ['产出指标', '质量指标', '路面完好率', '≥95%'],
          ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'],
        ])
        expect(document.diagnostics.filter((d) => d.code === 'row-unrecognized'), form).toEqual([])
      }
    }
  })

  it('a grid is never taken for a tree', async () => {
    for (const [name, form] of Object.entries(forms)) {
      if (name.endsWith('Tree')) continue
      const document = parseText(tika(form.paragraphs, form.grid))
      expect(document.projects.every((project) => project.indicatorColumns.includes('一级指标') || project.indicators.length === 0), name).toBe(true)
    }
  })
})

describe('two labels for one role (两个 amounts)', () => {
  const grid: Grid = [
    [docxCell('项目名称'), docxCell('污水管网改造'), docxCell('项目编码'), docxCell('P2024-01')],
    [docxCell('项目总预算（万元）'), docxCell('500'), docxCell('本年预算金额（万元）'), docxCell('200')],
    [docxCell('审批文号'), docxCell('某发改〔2024〕3号'), docxCell('审批文号'), docxCell('某财〔2024〕9号')],
    [docxCell('一级指标'), docxCell('二级指标'), docxCell('三级指标'), docxCell('指标值')],
    [docxCell('产出指标'), docxCell('数量指标'), docxCell('改造管网'), docxCell('≥3公里')],
  ]

  it('the first is read, the model says so, and the other is a field under its label as written; a label met twice keeps both values', async () => {
    for (const [form, document] of Object.entries(await allForms(['第二部分 预算项目绩效目标'], grid))) {
      const project = document.projects[0]!
      expect(project.budget.total, form).toEqual({ raw: '500', value: 500 })
      expect(project.choices, form).toEqual([{ role: 'total', chosen: '项目总预算（万元）', kept: '本年预算金额（万元）' }])
      expect(project.fields, form).toEqual({ '本年预算金额（万元）': '200', 审批文号: '某发改〔2024〕3号\n某财〔2024〕9号' })
      expect(document.diagnostics.filter((d) => d.code === 'label-competes').map((d) => d.data), form).toEqual([['本年预算金额（万元）', '200']])
    }
  })
})

describe('a cell merged down in any column of the indicator table (.docx)', () => {
  const grid: Grid = [
    [docxCell('项目名称'), docxCell('乡村道路养护', 4)],
    [docxCell('项目编码'), docxCell('P2024-02', 4)],
    [docxCell('一级指标'), docxCell('二级指标'), docxCell('三级指标'), docxCell('指标值'), docxCell('指标值确定依据')],
    [docxCell('产出指标'), docxCell('数量指标'), docxCell('养护里程'), docxCell('≥120公里'), docxCell('年度养护计划')],
    [{ text: '', merged: true }, docxCell('质量指标'), { text: '', merged: true }, docxCell('≥95%'), { text: '', merged: true }],
  ]

  it('gives every row of the merge its text, with both .docx readers', async () => {
    for (const reader of ['mammoth', 'ooxml'] as const) {
      const document = await parse(docx(['第二部分 预算项目绩效目标'], grid), { file: 'merged.docx', reader })
      expect(document.projects[0]!.indicators.map((i) => [i.level1, i.level2, i.level3, i.value.raw, i.basis]), reader).toEqual([
        ['产出指标', '数量指标', '养护里程', '≥120公里', '年度养护计划'],
        ['产出指标', '质量指标', '养护里程', '≥95%', '年度养护计划'],
      ])
    }
  })
})

import { readFileSync } from 'node:fs'
import { PassThrough } from 'node:stream'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createWorkbook, hints, toWorkbook, type WorkbookOptions } from '@jxmb/export-xlsx'
import { parseText } from '@jxmb/parser'
import { errorCodes, type Failure, type JxmbDocument } from '@jxmb/model'
import { arbitrary, emitTika, sampleDocument } from '@jxmb/testkit'

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url))
const sample = parseText(readFileSync(fixtures + '000_191d77da26007e67.txt'), { file: 'sample.txt' })

async function load(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(bytes) as never)
  return workbook
}

/** A sheet's values row by row, without ExcelJS's empty first column. */
const sheetValues = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().map((row) => (row as unknown[] | undefined)?.slice(1))
const values = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1)

describe('the sample as a workbook', async () => {
  const workbook = await load(await toWorkbook([sample], { failures: [{ file: 'bad.docx', code: 'NOT_ZIP', message: '不是 docx' }] }))
  const sheet = (name: string) => workbook.getWorksheet(name)!

  it('has the four sheets, each with a bold, frozen, filtered header', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['项目', '指标', '部门目标', '校验'])
    for (const s of workbook.worksheets) {
      expect(s.getRow(1).getCell(1).font?.bold).toBe(true)
      expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
      expect(s.autoFilter).toBeTruthy()
    }
  })

  it('项目: one row per project, amounts as numbers in the header’s unit', () => {
    const s = sheet('项目')
    expect(s.rowCount).toBe(5)
    expect(values(s, 1)).toEqual([
      '来源文件', '序号', '单位编码', '单位名称', '项目编码', '项目名称', '预算数（万元）', '财政资金（万元）', '其他资金（万元）', '金额单位', '资金用途',
      '资金支出计划 3月底（%）', '资金支出计划 6月底（%）', '资金支出计划 10月底（%）', '资金支出计划 12月底（%）', '绩效目标',
    ])
    expect(values(s, 2)).toEqual([
      // 其他资金 is empty in the document: empty here too (the budget check counts it as 0).
      'sample.txt', 1, '655001', '河北遵化经济开发区管理委员会本级', '13028123P00032410001M', '安可计算机购置', 2.55, 2.55, undefined, '万元',
      '预算数2.55万元。其中：财政资金2.55万元，其他资金0万元。主要用于：购置非涉密计算机三台.', 25, 50, 75, 100,
      '1.做好国产化应用替代工作，保障单位业务开展\n2.及时拨付资金',
    ])
    expect(s.getRow(3).getCell(7).type).toBe(ExcelJS.ValueType.Number)
    expect(s.getRow(2).getCell(16).alignment?.wrapText).toBe(true)
  })

  it('指标: one complete row per indicator, levels carried down, value parsed into its own columns', () => {
    const s = sheet('指标')
    expect(s.rowCount).toBe(30)
    expect(values(s, 1)).toEqual([
      '来源文件', '项目编码', '项目名称', '一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值类型', '比较', '数值', '单位', '指标值确定依据',
    ])
    expect(values(s, 3)).toEqual([
      'sample.txt', '13028123P00032410001M', '安可计算机购置', '产出指标', '质量指标', '设备验收合格率', '设备验收合格率', '≥98%', '定量', '≥', 98, '%',
      '关于做好2023年度安可应用替代工作的通知',
    ])
    // 2023年完成 is a deadline: no number.
    expect(values(s, 4).slice(7, 12)).toEqual(['2023年完成', '时限', undefined, undefined, undefined])
    for (let row = 2; row <= 30; row++) for (const column of [4, 5, 6]) expect(s.getRow(row).getCell(column).text).not.toBe('')
    expect(s.getRow(3).getCell(11).type).toBe(ExcelJS.ValueType.Number)
  })

  it('部门目标 and 校验', () => {
    const d = sheet('部门目标')
    expect(d.rowCount).toBe(13)
    expect(values(d, 3).slice(0, 4)).toEqual(['sample.txt', '河北遵化经济开发区管理委员会本级', '二、分项绩效目标', '1.'])
    const c = sheet('校验')
    expect(values(c, 1)).toEqual(['来源文件', '级别', '代码', '项目', '位置', '说明', '处理建议', '原始内容', '英文说明'])
    expect(values(c, 2)).toEqual(['bad.docx', '错误', 'NOT_ZIP', undefined, undefined, '文件不是有效的 .docx', hints.NOT_ZIP, undefined, '不是 docx'])
  })

  it('sizes columns for CJK text', () => {
    const s = sheet('指标')
    // 指标值确定依据: 关于做好2023年度安可应用替代工作的通知 is 17 CJK (34) + 4 digits, + 2 padding.
    expect(s.getColumn(13).width).toBe(40)
    expect(sheet('项目').getColumn(4).width).toBe(34) // 河北遵化经济开发区管理委员会本级: 16 CJK
  })
})

describe('diagnostics on 校验', () => {
  it('every diagnostic code the parser writes has a hint for the clerk', () => {
    const parserSource = ['interpret/checks.ts', 'interpret/project-reader.ts', 'interpret/interpret.ts', 'read/docx.ts']
      .map((name) => readFileSync(fileURLToPath(new URL(`../../parser/src/${name}`, import.meta.url)), 'utf8'))
      .join('\n')
    const codes = [...parserSource.matchAll(/(?:diagnose|add)\('([a-z0-9-]+)'|code: '([a-z0-9-]+)'(?!\s*\+)/g)].map((m) => m[1] ?? m[2])
    expect(codes.length).toBeGreaterThan(15)
    for (const code of codes) expect(hints, code).toHaveProperty(code!)
  })

  it('every failure code has a hint for the clerk', () => {
    for (const code of Object.keys(errorCodes)) expect(hints, code).toHaveProperty(code)
  })

  it('gives the file, project, place, hint and kept cells of a diagnostic', async () => {
    const text = emitTika(sampleDocument(3, { maxProjects: 1, maxIndicators: 3 })).replace('\t项目编码', '\t另行安排，详见附件。\n\t100\n\n\t项目编码')
    const document = parseText(text, { file: 'r.txt' })
    const c = (await load(await toWorkbook([document]))).getWorksheet('校验')!
    const row = values(c, 2)
    expect(row[0]).toBe('r.txt')
    expect(row[1]).toBe('警告')
    expect(row[2]).toBe('row-unrecognized')
    expect(row[4]).toMatch(/^第\d+–\d+行$/)
    expect(row[5]).toBe('表格中有一行未能识别')
    expect(row[6]).toBe(hints['row-unrecognized'])
    expect(row[7]).toBe('另行安排，详见附件。 | 100')
    expect(row[8]).toMatch(/^A row of the project table was not understood/)
  })
})

describe('generated documents as a workbook', () => {
  it('gives other header fields (主管部门 …) columns of their own on 项目', async () => {
    const document = parseText(readFileSync(fixtures + 'variants/header-fields.txt'), { file: 'f.txt' })
    const s = (await load(await toWorkbook([document]))).getWorksheet('项目')!
    const header = values(s, 1)
    const column = header.indexOf('实施单位') + 1
    expect(header.slice(-3)).toEqual(['主管部门及代码', '实施单位', '项目属性'])
    expect(s.getRow(2).getCell(column).value).toBe(document.projects[0]!.fields!['实施单位'])
    expect(s.getRow(3).getCell(column + 1).value).toBe('新增项目')
  })

  it('lists the 部门整体支出绩效目标表 on 指标 too', async () => {
    const document = parseText(readFileSync(fixtures + 'variants/department-indicator-table.txt'), { file: 'd.txt' })
    const s = (await load(await toWorkbook([document]))).getWorksheet('指标')!
    const all = document.projects.reduce((sum, p) => sum + p.indicators.length, 0) + document.department.indicators!.length
    expect(s.rowCount).toBe(1 + all)
    const last = s.getRow(s.rowCount)
    const lastIndicator = document.department.indicators!.at(-1)!
    expect([last.getCell(2).text, last.getCell(3).text, last.getCell(6).text]).toEqual(['', '部门整体支出绩效目标', lastIndicator.level3])
  })

  it('every indicator of the model appears, complete, on 指标 in order', async () => {
    await fc.assert(
      fc.asyncProperty(arbitrary.document({ maxProjects: 3, maxIndicators: 25 }), async (document) => {
        const parsed = parseText(emitTika(document), { file: 'g.txt' })
        const s = (await load(await toWorkbook([parsed]))).getWorksheet('指标')!
        const expected = document.projects.flatMap((p) => p.indicators.map((i) => [p.code, i.level1, i.level2, i.level3, i.value.raw, i.basis]))
        const actual = Array.from({ length: s.rowCount - 1 }, (_, n) => {
          const row = s.getRow(n + 2)
          return [2, 4, 5, 6, 8, 13].map((column) => row.getCell(column).text)
        })
        expect(actual).toEqual(expected)
      }),
      { numRuns: 10 },
    )
  })

  it('keeps extra indicator columns by their header, and leaves the unit out of mixed-unit headers', async () => {
    const a = sampleDocument(11, { minProjects: 1, maxProjects: 1, maxIndicators: 3 })
    const project = a.projects[0]!
    project.moneyUnit = '元'
    project.indicatorColumns = [...project.indicatorColumns, '分值']
    project.indicators.forEach((indicator, n) => (indicator.extra = { 分值: String(10 + n) }))
    const b = sampleDocument(12, { minProjects: 1, maxProjects: 1, maxIndicators: 3 })
    b.projects[0]!.moneyUnit = '万元'
    const workbook = await load(await toWorkbook([parseText(emitTika(a), { file: 'a.txt' }), parseText(emitTika(b), { file: 'b.txt' })]))
    const indicators = workbook.getWorksheet('指标')!
    expect(indicators.getRow(1).getCell(14).value).toBe('分值')
    expect(indicators.getRow(2).getCell(14).value).toBe('10')
    expect(workbook.getWorksheet('项目')!.getRow(1).getCell(7).value).toBe('预算数')
    expect(workbook.getWorksheet('项目')!.getRow(3).getCell(10).value).toBe('万元')
  })
})

describe('compression', () => {
  /** The compression method of every local file header: 0 stored, 8 deflated. */
  const methods = (bytes: Uint8Array) => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const found = new Set<number>()
    for (let offset = 0; offset + 30 <= bytes.length; offset++) {
      if (view.getUint32(offset, true) === 0x04034b50) found.add(view.getUint16(offset + 8, true))
    }
    return [...found]
  }
  const cells = async (bytes: Uint8Array) =>
    (await load(bytes)).worksheets.map(sheetValues)

  it('stores a small workbook by default, deflates on request, and both read back the same', async () => {
    const auto = await toWorkbook([sample])
    const deflated = await toWorkbook([sample], { compression: 'deflate' })
    expect(methods(auto)).toEqual([0])
    expect(methods(deflated)).toContain(8)
    expect(deflated.length).toBeLessThan(auto.length)
    expect(await cells(auto)).toEqual(await cells(deflated))
  })

  it('deflates a workbook of more than smallWorkbookRows rows', async () => {
    const { smallWorkbookRows } = await import('@jxmb/export-xlsx')
    const copies = Math.ceil(smallWorkbookRows / sample.projects.flatMap((p) => p.indicators).length) + 1
    expect(methods(await toWorkbook(Array.from({ length: copies }, () => sample)))).toContain(8)
  })
})

describe('writers', () => {
  /** What a clerk sees of a workbook: per sheet, the cells, their wrap and number format, the widths, the frozen and filtered header. */
  const seen = async (bytes: Uint8Array) =>
    (await load(bytes)).worksheets.map((sheet) => ({
      name: sheet.name,
      views: sheet.views.map((view) => ({ state: view.state, ySplit: (view as { ySplit?: number }).ySplit })),
      autoFilter: sheet.autoFilter,
      widths: sheet.columns.map((column) => column.width),
      rows: sheetValues(sheet),
      styles: sheet.getRows(1, sheet.rowCount)?.map((row) =>
        (row.values as unknown[]).slice(1).map((_, index) => {
          const cell = row.getCell(index + 1)
          return [cell.font?.bold ?? false, cell.alignment?.wrapText ?? false, cell.alignment?.vertical, cell.numFmt]
        }),
      ),
    }))

  /** The workbook as `write(stream)` writes it (the command's way), collected from the stream. */
  async function written(documents: JxmbDocument[], options: WorkbookOptions & { failures?: Failure[] } = {}): Promise<Uint8Array> {
    const builder = createWorkbook(options)
    for (const document of documents) builder.add(document)
    for (const failure of options.failures ?? []) builder.addFailure(failure)
    const sink = new PassThrough()
    const chunks: Buffer[] = []
    sink.on('data', (chunk: Buffer) => chunks.push(chunk))
    const ended = new Promise((resolve) => sink.on('end', resolve))
    await builder.write(sink)
    await ended
    return new Uint8Array(Buffer.concat(chunks))
  }

  it('auto builds a workbook of up to memoryWorkbookRows rows in memory, and streams a larger one', async () => {
    const { memoryWorkbookRows } = await import('@jxmb/export-xlsx')
    // The in-memory writer keeps strings in xl/sharedStrings.xml; the streaming one writes them inline.
    const shared = (bytes: Uint8Array) => Buffer.from(bytes).includes('xl/sharedStrings.xml')
    const rows = sample.projects.flatMap((p) => p.indicators).length
    expect(rows).toBeLessThan(memoryWorkbookRows)
    expect(shared(await written([sample]))).toBe(true)
    const copies = Math.ceil(memoryWorkbookRows / rows) + 1
    expect(shared(await written(Array.from({ length: copies }, () => sample)))).toBe(false)
    // toBuffer has no stream to hand rows to: it builds in memory whatever the size.
    expect(shared(await toWorkbook(Array.from({ length: copies }, () => sample)))).toBe(true)
  })

  it('the in-memory and the streaming writer write the same workbook', async () => {
    const generated = parseText(emitTika(sampleDocument(41, { minProjects: 3, maxProjects: 3 })), { file: 'generated.txt' })
    const documents = [sample, generated]
    const failures = [{ file: 'bad.docx', code: 'NOT_ZIP', message: '不是 docx' }]
    const memory = await toWorkbook(documents, { writer: 'memory', failures })
    const streamed = await written(documents, { writer: 'stream', failures })
    const [a, b] = [await seen(memory), await seen(streamed)]
    expect(a.map((sheet) => sheet.rows.length)).toEqual(b.map((sheet) => sheet.rows.length))
    expect(a[1]!.rows.length).toBeGreaterThan(30)
    expect(a).toEqual(b)
  })
})

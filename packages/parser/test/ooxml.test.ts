/**
 * jxmb's own .docx reader (`read/ooxml.ts`) against mammoth, the reference:
 * every .docx fixture and generated documents give the same model, positions
 * included; where they differ, a document of its own shows what the own
 * reader keeps that mammoth loses.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { JxmbDocument } from '@jxmb/model'
import { documentBlocks, parse, readOoxml } from '@jxmb/parser'
import { formatNumber } from '../src/read/numbering.js'
import { arbitrary, emitDocx, writeZip, minimalDocxEntries } from '@jxmb/testkit'

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url))

/** The main part's XML of a .docx file. */
function unzipped(file: string): string {
  return strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']!)
}

function docxFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? docxFiles(join(folder, entry.name)) : entry.name.endsWith('.docx') ? [join(folder, entry.name)] : [],
  )
}

/** The model without mammoth's own messages (`docx-*`), which the other reader has no cause to give. */
const comparable = (document: JxmbDocument) => ({ ...document, diagnostics: document.diagnostics.filter((d) => !d.code.startsWith('docx-')) })

const both = async (bytes: Uint8Array) => ({
  mammoth: comparable(await parse(bytes, { file: 'x.docx', reader: 'mammoth' })),
  ooxml: comparable(await parse(bytes, { file: 'x.docx', reader: 'ooxml' })),
})

describe('the own reader gives the model mammoth gives', () => {
  it('for every .docx fixture (the artefacts fixture: but for the w:fldSimple result mammoth drops)', async () => {
    const files = docxFiles(fixtures)
    expect(files.length).toBeGreaterThan(20)
    for (const file of files) {
      const { mammoth, ooxml } = await both(new Uint8Array(readFileSync(file)))
      if (file.endsWith('artefacts.docx')) {
        // The emitter's field, `<w:fldSimple w:instr="PAGE">` around a run of `7` at the end of a cell:
        // mammoth drops it (with a warning); the own reader keeps the field's result, and differs by nothing else.
        const results = [...unzipped(file).matchAll(/<w:fldSimple[^>]*>.*?<w:t[^>]*>([^<]*)<\/w:t>/g)].map((match) => match[1])
        expect(new Set(results), file).toEqual(new Set(['7']))
        const withoutField = JSON.parse(JSON.stringify(ooxml).replace(/7"/g, '"'))
        expect(JSON.stringify(ooxml), file).not.toBe(JSON.stringify(mammoth))
        expect(withoutField, file).toEqual(JSON.parse(JSON.stringify(mammoth).replace(/7"/g, '"')))
        continue
      }
      expect(ooxml, file).toEqual(mammoth)
    }
  })

  it('for generated documents of every template, positions included (300 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(arbitrary.document({ maxProjects: 3, maxIndicators: 20, variants: true }), fc.boolean(), fc.constantFrom(undefined, 3, 7), async (document, combinedTable, repeatHeaderEvery) => {
        const { mammoth, ooxml } = await both(await emitDocx(document, { combinedTable, ...(repeatHeaderEvery ? { repeatHeaderEvery } : {}) }))
        expect(ooxml).toEqual(mammoth)
      }),
      { numRuns: 300 },
    )
  })
})

/** A .docx of `body`, with every namespace the shapes below use declared. */
function docx(body: string): Uint8Array {
  const entries = minimalDocxEntries('')
  const namespaces = {
    w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
    mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
    w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
    v: 'urn:schemas-microsoft-com:vml',
    wps: 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape',
  }
  const declared = Object.entries(namespaces).map(([prefix, uri]) => `xmlns:${prefix}="${uri}"`).join(' ')
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${declared}><w:body>${body}</w:body></w:document>`
  return writeZip(entries.map((entry) => (entry.name === 'word/document.xml' ? { ...entry, data: xml } : entry)))
}

const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`
const tc = (text: string, properties = '') => `<w:tc>${properties ? `<w:tcPr>${properties}</w:tcPr>` : ''}${p(text)}</w:tc>`
const header = `<w:tr>${tc('一级指标')}${tc('二级指标')}${tc('三级指标')}${tc('指标值')}</w:tr>`
const project = (rows: string, grid = 4) =>
  p('1.某项目绩效目标表') +
  `<w:tbl><w:tblGrid>${'<w:gridCol/>'.repeat(grid)}</w:tblGrid><w:tr>${tc('项目名称')}${tc('某项目', '<w:gridSpan w:val="3"/>')}</w:tr><w:tr>${tc('项目编码')}${tc('P01', '<w:gridSpan w:val="3"/>')}</w:tr>${header}${rows}</w:tbl>`
const levels = (document: JxmbDocument) => document.projects.flatMap((project) => project.indicators.map((i) => [i.level1, i.level2, i.level3, i.value.raw]))

describe('what the own reader keeps that mammoth loses', () => {
  it('w:gridBefore: a row that skips grid columns keeps its cells in their columns', async () => {
    // The second indicator row skips the 一级 column (merged in spirit): its cells belong one column right.
    const rows = `<w:tr>${tc('产出指标')}${tc('数量指标')}${tc('培训人数')}${tc('≥100人')}</w:tr><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('质量指标')}${tc('合格率')}${tc('100%')}</w:tr>`
    const { mammoth, ooxml } = await both(docx('<w:p><w:r><w:t>第二部分 预算项目绩效目标</w:t></w:r></w:p>' + project(rows)))
    expect(levels(ooxml)).toEqual([
      ['产出指标', '数量指标', '培训人数', '≥100人'],
      ['产出指标', '质量指标', '合格率', '100%'],
    ])
    expect(levels(mammoth)).not.toEqual(levels(ooxml))
  })

  it('a bookmark between merged rows: the vertical merge still holds', async () => {
    const rows =
      `<w:tr>${tc('产出指标', '<w:vMerge w:val="restart"/>')}${tc('数量指标')}${tc('培训人数')}${tc('≥100人')}</w:tr>` +
      `<w:bookmarkStart w:id="7" w:name="指标"/>` +
      `<w:tr>${tc('', '<w:vMerge/>')}${tc('质量指标')}${tc('合格率')}${tc('100%')}</w:tr><w:bookmarkEnd w:id="7"/>`
    const { mammoth, ooxml } = await both(docx(p('第二部分 预算项目绩效目标') + project(rows)))
    expect(levels(ooxml)).toEqual([
      ['产出指标', '数量指标', '培训人数', '≥100人'],
      ['产出指标', '质量指标', '合格率', '100%'],
    ])
    // mammoth drops every vertical merge of such a table, and says so.
    const blocks = documentBlocks(`<w:document><w:body>${project(rows)}</w:body></w:document>`)
    const table = blocks.find((block) => block.type === 'table')!
    expect(table.type === 'table' && table.rows[3]!.cells[0]!.rowSpan).toBe(2)
    expect(table.type === 'table' && table.bookmarks).toEqual(['指标'])
    expect(mammoth).toBeDefined()
  })

  it('checkbox glyphs: w:sym from Wingdings and a w14:checkbox content control, as the characters shown', async () => {
    const body =
      '<w:p><w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r><w:r><w:t xml:space="preserve">新增项目 </w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F0A8"/></w:r><w:r><w:t>延续项目</w:t></w:r></w:p>' +
      '<w:p><w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☒</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t>已完成</w:t></w:r></w:p>'
    const texts = documentBlocks(`<w:document><w:body>${body}</w:body></w:document>`).map((block) => block.type === 'paragraph' && block.text)
    expect(texts).toEqual(['☑新增项目 □延续项目', '☒已完成'])
    // mammoth: the Wingdings glyphs as their exact code points; the content control's box dropped.
    const mammoth = await parse(docx(p('第二部分 预算项目绩效目标') + body), { reader: 'mammoth' })
    expect(mammoth.diagnostics.find((d) => d.code === 'paragraph-skipped' && d.data?.[0]?.includes('已完成'))?.data).toEqual(['已完成'])
  })

  it('tracked changes: the document as accepted (w:ins kept, w:del and w:moveFrom dropped, w:moveTo kept)', () => {
    const body =
      '<w:p><w:r><w:t>预算</w:t></w:r><w:ins><w:r><w:t>120</w:t></w:r></w:ins><w:del><w:r><w:delText>100</w:delText></w:r></w:del><w:r><w:t>万元</w:t></w:r></w:p>' +
      '<w:p><w:moveFrom><w:r><w:t>旧位置</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>新位置</w:t></w:r></w:moveTo></w:p>'
    expect(documentBlocks(`<w:document><w:body>${body}</w:body></w:document>`).map((block) => block.type === 'paragraph' && block.text)).toEqual(['预算120万元', '新位置'])
  })

  it('fields: a simple field’s result and a complex field’s result are kept, instructions dropped', () => {
    const body =
      '<w:p><w:r><w:t xml:space="preserve">第</w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple><w:r><w:t>页</w:t></w:r></w:p>' +
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "yyyy" </w:instrText></w:r><w:r><w:t>忽略</w:t></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2024</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>年</w:t></w:r></w:p>'
    expect(documentBlocks(`<w:document><w:body>${body}</w:body></w:document>`).map((block) => block.type === 'paragraph' && block.text)).toEqual(['第3页', '2024年'])
  })

  it('a text box is read once (its Fallback), as paragraphs where it sits', () => {
    const box = (text: string) => `<w:txbxContent>${p(text)}</w:txbxContent>`
    const body = `<w:p><w:r><w:t>前文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box('框内文字')}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box('框内文字')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>后文</w:t></w:r></w:p>`
    expect(documentBlocks(`<w:document><w:body>${body}</w:body></w:document>`).map((block) => block.type === 'paragraph' && block.text)).toEqual(['前文', '框内文字', '后文'])
  })
})

describe('automatic list numbers, as Word shows them', () => {
  const lvl = (ilvl: number, format: string, text: string, start = 1) =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`
  const numbering =
    '<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}${lvl(1, 'chineseCounting', '（%2）')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1">${lvl(0, 'chineseCounting', '%1、')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="2">${lvl(0, 'decimalEnclosedCircle', '%1')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="3">${lvl(0, 'decimal', '%1.')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="4">${lvl(0, 'bullet', '●')}</w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>' +
    '<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
    '<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="4"/></w:num>' +
    '</w:numbering>'
  const styles =
    '<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    '<w:style w:type="paragraph" w:styleId="GoalBase"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Goal"><w:basedOn w:val="GoalBase"/></w:style></w:styles>'
  const rels =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'
  const numbered = (numId: number | undefined, ilvl: number, text: string, style = '') =>
    `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${numId === undefined ? '' : `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`
  const withNumbering = (body: string) => {
    const base = docx(body)
    const entries = unzipSync(base)
    return writeZip([
      ...Object.entries(entries).map(([name, data]) => ({ name, data })),
      { name: 'word/_rels/document.xml.rels', data: rels },
      { name: 'word/numbering.xml', data: numbering },
      { name: 'word/styles.xml', data: styles },
    ])
  }

  it('decimal, Chinese counting, circled numbers, levels that restart, instances that count on or start again, styles, bullets', async () => {
    const body = [
      numbered(2, 0, '总体目标'),
      numbered(1, 0, '完成培训'),
      numbered(1, 1, '细项'),
      numbered(1, 1, '细项二'),
      numbered(1, 0, '完成验收'),
      numbered(1, 1, '再细项'),
      numbered(3, 0, '甲'),
      numbered(3, 0, '乙'),
      numbered(4, 0, '重新开始'),
      numbered(undefined, 0, '第二项', 'Goal'),
      numbered(6, 0, '要点'),
    ].join('')
    const { blocks } = await readOoxml(withNumbering(body))
    expect(blocks.map((block) => block.type === 'paragraph' && block.text)).toEqual([
      '一、总体目标',
      '1.完成培训',
      '（一）细项',
      '（二）细项二',
      '2.完成验收',
      '（一）再细项',
      '①甲',
      '②乙',
      '1.重新开始',
      '二、第二项',
      '要点',
    ])
  })

  it('a goals cell keeps its numbers, as the Tika text does; mammoth loses them', async () => {
    const goals = `<w:tr>${tc('绩效目标')}<w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr>${numbered(5, 0, '完成道路养护。')}${numbered(5, 0, '群众满意。')}</w:tc></w:tr>`
    const table =
      '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
      `<w:tr>${tc('项目名称')}${tc('乡村道路养护', '<w:gridSpan w:val="3"/>')}</w:tr><w:tr>${tc('项目编码')}${tc('P01', '<w:gridSpan w:val="3"/>')}</w:tr>${goals}` +
      `${header}<w:tr>${tc('产出指标')}${tc('数量指标')}${tc('养护里程')}${tc('≥120公里')}</w:tr></w:tbl>`
    const bytes = withNumbering(p('第二部分 预算项目绩效目标') + p('1.乡村道路养护绩效目标表') + table)
    const own = await parse(bytes, { reader: 'ooxml' })
    expect(own.projects[0]!.goals.map((goal) => [goal.marker, goal.text])).toEqual([
      ['1.', '完成道路养护。'],
      ['2.', '群众满意。'],
    ])
    const mammoth = await parse(bytes, { reader: 'mammoth' })
    expect(mammoth.projects[0]!.goals.map((goal) => goal.marker ?? '')).toEqual(['', ''])
  })
})

describe('formatNumber', () => {
  it('writes the numbers of Word’s formats', () => {
    const cases: Array<[number, string, string]> = [
      [1, 'chineseCounting', '一'],
      [10, 'chineseCounting', '十'],
      [11, 'chineseCounting', '十一'],
      [20, 'chineseCounting', '二十'],
      [105, 'chineseCounting', '一百零五'],
      [3, 'ideographTraditional', '丙'],
      [12, 'decimalEnclosedCircle', '⑫'],
      [7, 'decimalZero', '07'],
      [9, 'decimalFullWidth', '９'],
      [2, 'chineseLegalSimplified', '贰'],
      [14, 'upperRoman', 'XIV'],
      [28, 'lowerLetter', 'bb'],
      [5, 'someFormatOfTheFuture', '5'],
    ]
    for (const [value, format, shown] of cases) expect(formatNumber(value, format), `${value} ${format}`).toBe(shown)
  })
})

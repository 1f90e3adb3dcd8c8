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
import { documentBlocks, parse } from '@jxmb/parser'
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

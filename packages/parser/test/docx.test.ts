import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { JxmbError } from '@jxmb/model'
import { cellText, parse, parseDocx, type TableBlock } from '@jxmb/parser'
import { htmlToBlocks } from '@jxmb/parser/mammoth'
import { arbitrary, emitDocx, sampleDocument, stripPositions } from '@jxmb/testkit'

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url))
const sampleDocx = new Uint8Array(readFileSync(fixtures + '000_191d77da26007e67.docx'))

describe('htmlToBlocks', () => {
  it('expands rowspan and colspan into a grid with placeholders', () => {
    const [table] = htmlToBlocks(
      '<table><tr><td rowspan="2"><p>A</p></td><td colspan="2"><p>B</p></td></tr><tr><td><p>C</p></td><td><p>D</p></td></tr></table>',
    ) as TableBlock[]
    expect(table!.rows.map((row) => row.cells.map((cell) => [cellText(cell), cell.merged ?? '']))).toEqual([
      [['A', ''], ['B', ''], ['', 'horizontal']],
      [['', 'vertical'], ['C', ''], ['D', '']],
    ])
    expect(table!.rows[1]!.cells[2]!.position).toEqual({ block: 0, table: 0, row: 1, cell: 2 })
  })

  it('keeps paragraphs of a cell apart, splits soft breaks, and keeps nested tables whole', () => {
    const [table] = htmlToBlocks(
      '<table><tr><td><p>one<br />two</p><p>three</p><table><tr><td><p>inner</p></td></tr></table></td></tr></table>',
    ) as TableBlock[]
    const cell = table!.rows[0]!.cells[0]!
    expect(cell.paragraphs).toEqual(['one', 'two', 'three'])
    expect(cellText(cell.tables[0]!.rows[0]!.cells[0]!)).toBe('inner')
  })

  it('takes bookmarks from anchors, not from notes, hidden bookmarks or links', () => {
    const blocks = htmlToBlocks(
      '<h2><a id="_Toc1"></a><a id="_GoBack"></a>一、总体</h2><p><a href="https://x">链接</a>正文<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p><ol><li id="footnote-1"><p>脚注</p></li></ol>',
    )
    expect(blocks).toEqual([
      { type: 'paragraph', text: '一、总体', bookmarks: ['_Toc1'], position: { block: 0 } },
      { type: 'paragraph', text: '链接正文', bookmarks: [], position: { block: 1 } },
    ])
  })
})

describe('parse(emitDocx(model)) returns the model', () => {
  it('for generated documents', async () => {
    await fc.assert(
      fc.asyncProperty(arbitrary.document({ maxProjects: 3, maxIndicators: 30 }), async (document) => {
        const parsed = await parse(await emitDocx(document))
        expect(stripPositions(parsed)).toEqual({ ...document, source: { format: 'docx' } })
      }),
      { numRuns: 15 },
    )
  })

  it('with Word artefacts in the cells, which neither break nor pollute them (mammoth, the reference)', async () => {
    const document = sampleDocument(404, { minProjects: 2, maxProjects: 2, maxIndicators: 10 })
    const parsed = await parseDocx(await emitDocx(document, { artefacts: true }), { reader: 'mammoth' })
    expect(stripPositions(parsed.projects)).toEqual(document.projects)
    expect(stripPositions(parsed.department)).toEqual(document.department)
    // mammoth's message about the field it dropped is kept as a diagnostic.
    expect(parsed.diagnostics).toEqual([
      { code: 'docx-warning', severity: 'warning', message: 'Word conversion: An unrecognised element was ignored: w:fldSimple' },
    ])
    const text = JSON.stringify(parsed)
    for (const artefact of ['[1]', '已删除', '页眉', '脚注', 'example.org', '_GoBack']) expect(text).not.toContain(artefact)
  })

  it('with Word artefacts in the cells (the own reader): the same, and the PAGE field’s result kept, as Word shows it', async () => {
    const document = sampleDocument(404, { minProjects: 2, maxProjects: 2, maxIndicators: 10 })
    const parsed = await parseDocx(await emitDocx(document, { artefacts: true }))
    // The emitter puts `<w:fldSimple w:instr="PAGE">7</w:fldSimple>` after every 指标值确定依据.
    const expected = document.projects.map((project) => ({
      ...project,
      indicators: project.indicators.map((indicator) => ({ ...indicator, basis: indicator.basis ? `${indicator.basis}7` : '' })),
    }))
    expect(stripPositions(parsed.projects)).toEqual(expected)
    expect(stripPositions(parsed.department)).toEqual(document.department)
    expect(parsed.diagnostics).toEqual([])
    const text = JSON.stringify(parsed)
    for (const artefact of ['[1]', '已删除', '页眉', '脚注', 'example.org', '_GoBack', 'PAGE']) expect(text).not.toContain(artefact)
  })
})

describe('bad .docx input gets a coded error naming the file', () => {
  const failure = async (bytes: Uint8Array, file = 'bad.docx') => {
    try {
      await parse(bytes, { file })
    } catch (error) {
      expect(error).toBeInstanceOf(JxmbError)
      expect((error as JxmbError).file).toBe(file)
      return (error as JxmbError).code
    }
    return 'no error'
  }

  it('not a zip', async () => {
    expect(await failure(strToU8('just some text, named .docx'))).toBe('NOT_ZIP')
  })
  it('empty', async () => {
    expect(await failure(new Uint8Array())).toBe('EMPTY')
  })
  it('a truncated zip', async () => {
    expect(await failure(sampleDocx.subarray(0, Math.floor(sampleDocx.length / 2)))).toBe('TRUNCATED')
  })
  it('a zip without word/document.xml', async () => {
    expect(await failure(zipSync({ 'hello.txt': strToU8('hi') }))).toBe('NO_DOCUMENT_XML')
  })
  it('an old .doc or an encrypted document (OLE containers)', async () => {
    const ole = new Uint8Array(4096)
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    expect(await failure(ole, 'old.doc')).toBe('OLE')
    await expect(parse(ole, { file: 'old.doc' })).rejects.toThrow(/old Word \.doc file or an encrypted/)
  })
  it('a zip bomb, refused from its declared size before inflating', async () => {
    const bomb = zipSync({ 'word/document.xml': strToU8('<w:document/>'), 'word/media/big.bin': new Uint8Array(16) }, { level: 0 })
    // Patch the central directory: declare 4 GB uncompressed for every entry.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength)
    for (let offset = 0; offset < bomb.length - 4; offset++) {
      if (view.getUint32(offset, true) === 0x02014b50) view.setUint32(offset + 24, 0xfffffff0, true)
    }
    const started = performance.now()
    expect(await failure(bomb)).toBe('ZIP_BOMB')
    expect(performance.now() - started).toBeLessThan(500)
  })
  it('a damaged document.xml', async () => {
    const broken = zipSync({
      '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'word/document.xml': strToU8('<w:document><w:body><w:p>'),
    })
    expect(await failure(broken)).toBe('DOCX')
  })
})

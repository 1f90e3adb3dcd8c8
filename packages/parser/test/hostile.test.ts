/**
 * The reproducers of the batch-safety issue, crafted here at a smaller scale:
 * each must end in a coded JxmbError (or a document) quickly, never in a
 * RangeError, an out-of-memory abort or minutes of work.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { JxmbError } from '@jxmb/model'
import { openDocxContainer, parse, parseText, type ParseOptions } from '@jxmb/parser'
import { unzipSync } from 'fflate'
import { createWorkbook } from '@jxmb/export-xlsx'
import { minimalDocx, minimalDocxEntries, packageRels, writeZip, type ZipEntry } from '@jxmb/testkit'

/** The outcome as a clerk would see its kind: the error code, or 'document'. */
async function outcome(bytes: Uint8Array | string, options: ParseOptions = {}): Promise<string> {
  try {
    await parse(bytes, { file: 'hostile.docx', ...options })
    return 'document'
  } catch (error) {
    expect(error).toBeInstanceOf(JxmbError)
    expect((error as JxmbError).file).toBe(options.file ?? 'hostile.docx')
    return `${(error as JxmbError).code}: ${(error as JxmbError).message}`
  }
}

// 32 MiB of zeros deflate to 32 KB; declared as 1,000 bytes.
const zeros = deflateRawSync(new Uint8Array(32 * 2 ** 20))
const bomb = (name: string) => ({ name, deflated: zeros, size: 1000 })
const [types, rels, document] = minimalDocxEntries('<w:p><w:r><w:t>hello</w:t></w:r></w:p>') as [ZipEntry, ZipEntry, ZipEntry]
const styles =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'

describe('zip container: sizes are counted, never trusted', () => {
  it('a part that inflates past the size it declares is refused after one step', async () => {
    const started = performance.now()
    expect(await outcome(writeZip([types, rels, bomb('word/document.xml')]))).toBe(
      'ZIP_BOMB: The part word/document.xml inflates to more than the 1000 bytes it declares; refused.',
    )
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('a lying styles.xml or numbering.xml, and a main part that _rels points elsewhere, are caught the same way', async () => {
    const lyingStyles = writeZip([types, rels, document, { name: 'word/_rels/document.xml.rels', data: styles }, bomb('word/styles.xml')])
    // mammoth reads styles.xml always; the own reader only for list numbers, so it never inflates this one.
    expect(await outcome(lyingStyles, { reader: 'mammoth' })).toMatch(/^ZIP_BOMB: The part word\/styles\.xml inflates/)
    expect(await outcome(lyingStyles)).toBe('document')
    const numberingRels = styles.replace('relationships/styles" Target="styles.xml"', 'relationships/numbering" Target="numbering.xml"')
    const numbered = { ...document, data: String(document.data).replace('<w:p>', '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>') }
    expect(await outcome(writeZip([types, rels, numbered, { name: 'word/_rels/document.xml.rels', data: numberingRels }, bomb('word/numbering.xml')]))).toMatch(
      /^ZIP_BOMB: The part word\/numbering\.xml inflates/,
    )
    expect(await outcome(writeZip([types, { ...rels, data: packageRels('word/main.xml') }, document, bomb('word/main.xml')]))).toMatch(
      /^ZIP_BOMB: The part word\/main\.xml inflates/,
    )
  })

  it('honest sizes still count against the budget of all parts together', async () => {
    const big = minimalDocx(`<w:p><w:r><w:t>${'x'.repeat(2 ** 20)}</w:t></w:r></w:p>`)
    expect(await outcome(big, { maxXmlBytes: 2 ** 20 })).toMatch(/^ZIP_BOMB: The part word\/document\.xml declares \d+ bytes uncompressed, over the limit of 1048576/)
    expect(await outcome(big)).toBe('document')
  })

  it('an entry count that hides later records, and duplicate names, are refused', async () => {
    expect(await outcome(writeZip([types, rels, document, bomb('word/document.xml')], { count: 3 }))).toMatch(
      /^ZIP_INVALID: .*states 3 entries, but its records take/,
    )
    expect(await outcome(writeZip([types, rels, document, document]))).toMatch(/^ZIP_INVALID: .*the entry word\/document\.xml occurs twice/)
  })

  it('a directory that points an entry at another entry’s data is refused', async () => {
    const zip = writeZip([types, rels, document])
    // Rename the local header of word/document.xml: the directory still names it.
    const at = Buffer.from(zip).indexOf('word/document.xml')
    zip[at] = 'x'.charCodeAt(0)
    expect(await outcome(zip)).toMatch(/^ZIP_INVALID: .*the entry word\/document\.xml points at xord\/document\.xml/)
  })
})

describe('the container mammoth reads', () => {
  it('gives mammoth’s browser build (arrayBuffer only) a stored zip of the checked XML parts, without media', async () => {
    const media = { name: 'word/media/image1.png', data: new Uint8Array(64) }
    const container = openDocxContainer(writeZip([types, rels, document, media]), 'c.docx')
    expect(container.mainPart).toBe('word/document.xml')
    const stored = unzipSync(container.arrayBuffer)
    expect(Object.keys(stored).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml'])
    expect(new TextDecoder().decode(stored['word/document.xml'])).toBe(await container.read('word/document.xml', 'utf-8'))
  })
})

describe('document shape: refused before mammoth parses it', () => {
  const table = '<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>'

  it('100,000 one-cell tables (a 26 KB file that took 2.2 GB)', async () => {
    const started = performance.now()
    // Refused by the own reader as it tokenises, by mammoth's path before mammoth parses: the same words.
    expect(await outcome(minimalDocx(table.repeat(100_000)))).toMatch(/^TOO_COMPLEX: The part word\/document\.xml holds more than 10000 tables; refused/)
    expect(await outcome(minimalDocx(table.repeat(100_000)), { reader: 'mammoth' })).toBe('TOO_COMPLEX: The part word/document.xml holds more than 10000 tables; refused unread.')
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('100,000 nested elements; nesting within the limit still reads, on the main thread’s stack', async () => {
    const deep = (n: number) => minimalDocx('<w:sdt><w:sdtContent>'.repeat(n) + '<w:p><w:r><w:t>内容</w:t></w:r></w:p>' + '</w:sdtContent></w:sdt>'.repeat(n))
    expect(await outcome(deep(100_000))).toMatch(/^TOO_COMPLEX: The part word\/document\.xml nests elements more than 200 deep; refused/)
    expect(await outcome(deep(100_000), { reader: 'mammoth' })).toBe('TOO_COMPLEX: The part word/document.xml nests elements more than 200 deep; refused unread.')
    expect(await outcome(deep(95))).toBe('document')
    const nested = (n: number) => '<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>'.repeat(n) + '<w:p/>' + '</w:tc></w:tr></w:tbl>'.repeat(n)
    expect(await outcome(minimalDocx(nested(60)))).toBe('document')
  })

  it('a DOCTYPE (entity expansion) is refused', async () => {
    const entities = '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    const zip = writeZip([types, rels, { name: 'word/document.xml', data: entities + '<w:document><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>' }])
    expect(await outcome(zip)).toBe('DOCX: The part word/document.xml declares a DOCTYPE, which Word never writes; refused unread.')
  })

  it('a cell spanning 10^8 columns is read as spanning to its grid’s edge, with a diagnostic', async () => {
    const started = performance.now()
    const span = (grid: number, value: number) =>
      minimalDocx(
        `<w:tbl><w:tblGrid>${'<w:gridCol/>'.repeat(grid)}</w:tblGrid>` +
          `<w:tr><w:tc><w:tcPr><w:gridSpan w:val="${value}"/></w:tcPr><w:p><w:r><w:t>项目名称</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>名称</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
      )
    const parsed = await parse(span(100, 100_000_000), { file: 'span.docx' })
    expect(performance.now() - started).toBeLessThan(2000)
    expect(parsed.diagnostics.filter((d) => d.code === 'span-capped')).toEqual([
      {
        code: 'span-capped',
        severity: 'warning',
        message: "A cell spans 100000000 columns, more than its table's 100; it is read as spanning 99.",
        position: { block: 0, table: 0, row: 0, cell: 0 },
      },
    ])
    // A span within the grid is no news.
    const honest = await parse(span(100, 99), { file: 'span.docx' })
    expect(honest.diagnostics.filter((d) => d.code === 'span-capped')).toEqual([])
  })
})

describe('no stack-size failures on long inputs', () => {
  it('130,000 bookmarks before one paragraph (Tika text)', () => {
    const parsed = parseText('[bookmark: b]'.repeat(130_000) + '\nhello\n', { file: 'b.txt' })
    expect(parsed.diagnostics.map((d) => d.code)).toContain('no-projects')
  })

  it('130,000 bookmark lines in tab-per-row text', () => {
    const text = '[bookmark: b]\n'.repeat(130_000) + '项目名称\t名称\n项目编码\tP1\n'
    expect(() => parseText(text, { file: 'b.txt' })).not.toThrow()
  })

  it('40,000 projects with three warnings each, and 130,000 indicators into one workbook', () => {
    const project = (n: number) => `${n}.项目${n}绩效目标表\n\t项目名称\n\t项目${n}\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n\t产出指标\n\t数量指标\n\t次数\n\t\n\n`
    let text = ''
    for (let n = 1; n <= 40_000; n++) text += project(n)
    const many = parseText(text, { file: 'many.txt' })
    expect(many.projects).toHaveLength(40_000)
    expect(many.diagnostics.length).toBeGreaterThan(120_000)

    const rows = '\t产出指标\n\t数量指标\n\t次数\n\t≥1次\n\n'.repeat(130_000)
    const long = parseText(`1.项目绩效目标表\n\t项目名称\n\t项目\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n${rows}`, { file: 'long.txt' })
    expect(long.projects[0]!.indicators).toHaveLength(130_000)
    const workbook = createWorkbook()
    workbook.add(long, 'long.txt')
    workbook.add(many, 'many.txt')
    expect(workbook.counts).toMatchObject({ documents: 2, projects: 40_001, indicators: 170_000 })
  }, 60_000)

  it('text over the size limit is refused before decoding', async () => {
    expect(await outcome(new Uint8Array(2048).fill(0x41), { file: 'big.txt', maxTextBytes: 1024 })).toBe(
      'TOO_LARGE: The text is 2048 bytes, over the limit of 1024; refused unread.',
    )
  })

  it('no source spreads an array into a call (push(...rows) overflows the stack past ~120,000 items)', () => {
    const packages = fileURLToPath(new URL('../../', import.meta.url))
    const offenders: string[] = []
    const visit = (folder: string) => {
      for (const name of readdirSync(folder)) {
        const path = folder + '/' + name
        if (statSync(path).isDirectory()) visit(path)
        else if (path.endsWith('.ts')) {
          readFileSync(path, 'utf8')
            .split('\n')
            .forEach((line, index) => {
              if (/\.(push|unshift|splice|concat)\((?:[^(){}]*,)?\s*\.\.\.|Math\.(max|min)\(\.\.\.|fromCharCode\(\.\.\.|\.apply\(/.test(line)) offenders.push(`${path}:${index + 1}`)
            })
        }
      }
    }
    for (const name of readdirSync(packages)) visit(packages + name + '/src')
    expect(offenders).toEqual([])
  })
})

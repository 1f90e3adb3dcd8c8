import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readTikaText, cellText, isTabPerRow, type TableBlock, parseText } from '@jxmb/parser'
import { JxmbError } from '@jxmb/model'
import { arbitrary } from '@jxmb/testkit'

const texts = (table: TableBlock) => table.rows.map((row) => row.cells.map(cellText))

describe('readTikaText', () => {
  it('reads paragraphs, bookmarks and a table with continuation paragraphs', () => {
    const blocks = readTikaText(
      ['[bookmark: _Toc1][bookmark: _GoBack]一、总体', '\ta', '\tb[footnoteRef:1]', 'b2', '', '\t ', '\tc\t\t ', '', '', 'after'].join('\n'),
    )
    expect(blocks.map((block) => block.type)).toEqual(['paragraph', 'table', 'paragraph'])
    expect(blocks[0]).toMatchObject({ text: '一、总体', bookmarks: ['_Toc1'], position: { start: { line: 1 } } })
    const table = blocks[1] as TableBlock
    expect(texts(table)).toEqual([
      ['a', 'b\nb2'],
      ['', 'c'],
    ])
    expect(table.rows[0]!.cells[1]!.paragraphs).toEqual(['b', 'b2'])
    expect(table.rows[1]!.position).toEqual({ start: { line: 6, column: 1 }, end: { line: 7, column: 6 } })
    // A row's texts and spans, which the interpreter reads, agree with the cells made on demand.
    const row = table.rows[0]!
    expect(row.texts).toEqual(row.cells.map(cellText))
    expect(row.spanCells!(0, 1)).toEqual({ start: row.cells[0]!.position.start, end: row.cells[1]!.position.end })
    expect(row.spanCells!(1, 1)).toEqual({ start: { line: 3, column: 1 }, end: { line: 4, column: 3 } })
  })

  it('cleans every cell as trim() and the marker removal would, whatever its spaces and brackets', () => {
    // The reader skips trim() and the marker pattern when a scan finds nothing for them to do:
    // cells made of every kind of space, brackets and markers must come out as trim() makes them.
    const cell = arbitrary.textOf(
      ['a', '指标', ' ', '\u3000', '\u00a0', '\ufeff', '\u2003', '\u2028', '\u200b', '\v', '\f', '[', ']', '[image: x.png]', '[footnoteRef:1]', '[bookmark'],
      { maxLength: 6 },
    )
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 4 }), (cells) => {
        const [table] = readTikaText(cells.map((text) => `\t${text}`).join('\n') + '\n\n') as TableBlock[]
        const expected = cells.map((text) => text.replace(/\[(?:footnoteRef|endnoteRef|image|comment|annotation)[^\]\n]{0,300}\]/g, '').trim())
        expect(table!.rows[0]!.texts).toEqual(expected)
      }),
      { numRuns: 2000 },
    )
  })

  it('handles CRLF and a BOM alike', () => {
    const plain = readTikaText('p\n\tx\n\ty\n\nq')
    const windows = readTikaText('\ufeffp\r\n\tx\r\n\ty\r\n\r\nq')
    expect(windows).toEqual(plain)
  })

  it('keeps two tables apart when a paragraph or two empty lines separate them', () => {
    const blocks = readTikaText('\ta\n\n \n\tb\n\n\n\tc\n\n')
    expect(blocks.filter((block) => block.type === 'table')).toHaveLength(3)
  })
})

describe('parseText input errors', () => {
  const code = (input: Uint8Array) => {
    try {
      parseText(input, { file: 'x.txt' })
    } catch (error) {
      expect(error).toBeInstanceOf(JxmbError)
      expect((error as JxmbError).file).toBe('x.txt')
      return (error as JxmbError).code
    }
    return 'no error'
  }
  it('refuses empty and binary input with codes', () => {
    expect(code(new Uint8Array())).toBe('EMPTY')
    expect(code(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]))).toBe('BINARY')
  })
  it('decodes GB18030 and UTF-16 input', () => {
    const text = '第二部分\n预算项目绩效目标\n'
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)])
    expect(parseText(utf16).source.encoding).toBe('utf-16le')
    // 第二部分 in GB18030
    const gb = new Uint8Array([0xb5, 0xda, 0xb6, 0xfe, 0xb2, 0xbf, 0xb7, 0xd6, 0x0a])
    expect(parseText(gb).source.encoding).toBe('gb18030')
  })
})

describe('isTabPerRow against the reference', () => {
  /** isTabPerRow as it was written with a pattern per line, before it became a scan. */
  function reference(input: string): boolean {
    const text = input.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n')
    let rows = 0
    let tikaCells = 0
    let seen = 0
    for (const line of text.split('\n')) {
      if (!line.includes('\t')) continue
      if (seen++ >= 1000) break
      if (/\S\t+\S/.test(line)) rows++
      else if (line.charCodeAt(0) === 9 && line.trim() !== '') tikaCells++
    }
    return rows >= 2 && rows >= tikaCells
  }
  it('tells the dialects apart as the pattern did, whatever the spaces and TABs', () => {
    const lines = arbitrary.textOf(['a', '指标', '\t', '\t\t', ' ', '\u3000', '\u00a0', '\v', '\u0001', '\n', '\r\n'], { maxLength: 40 })
    fc.assert(
      fc.property(lines, (text) => {
        expect(isTabPerRow(text)).toBe(reference(text))
      }),
      { numRuns: 3000 },
    )
  })
})

describe('isTabPerRow', () => {
  it('tells tab-per-row text from Tika’s one cell per line, whatever the line ends', () => {
    const tabRows = 'title\n项目编码\t001\t项目名称\tX\n一级指标\t二级指标\t三级指标\n'
    const tika = 'title\n\t项目编码\n\t001\n\n\t一级指标\n\t二级指标\n\n'
    expect(isTabPerRow(tabRows)).toBe(true)
    expect(isTabPerRow(tabRows.replace(/\n/g, '\r\n'))).toBe(true)
    expect(isTabPerRow(tabRows.replace(/\n/g, '\r'))).toBe(true)
    expect(isTabPerRow(tika)).toBe(false)
    expect(isTabPerRow(tika.replace(/\n/g, '\r\n'))).toBe(false)
    // One row is not enough; nor are rows outnumbered by Tika's cells.
    expect(isTabPerRow('a\tb\n')).toBe(false)
    expect(isTabPerRow('a\tb\nc\td\n' + '\tx\n'.repeat(3))).toBe(false)
    // A TAB only at a line's end or start is not a row.
    expect(isTabPerRow('a\t\n\tb\nc \t\n')).toBe(false)
    expect(isTabPerRow('no tabs at all\n')).toBe(false)
  })
})

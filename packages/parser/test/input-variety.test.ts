import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { JxmbError } from '@jxmb/model'
import { parse, parseText } from '@jxmb/parser'
import { stripPositions } from '@jxmb/testkit'

const variants = fileURLToPath(new URL('../../../fixtures/variants/', import.meta.url))
const load = (name: string) => parse(new Uint8Array(readFileSync(variants + name)), { file: name })
const sampleText = readFileSync(fileURLToPath(new URL('../../../fixtures/000_191d77da26007e67.txt', import.meta.url)), 'utf8')

async function errorCode(bytes: Uint8Array, file = 'x.txt', encoding?: string): Promise<string> {
  try {
    await parse(bytes, { file, ...(encoding ? { encoding } : {}) })
    return 'no error'
  } catch (error) {
    expect(error).toBeInstanceOf(JxmbError)
    expect((error as JxmbError).file).toBe(file)
    return (error as JxmbError).code
  }
}

describe('variant fixtures convert completely', () => {
  it.each([
    'extra-columns.txt',
    'spaced-labels-no-description-no-basis.docx',
    'value-with-unit-label-no-description.txt',
    'two-value-columns.docx',
    'cost-indicators-2021.txt',
    'repeated-header.docx',
    'combined-table.txt',
    'combined-table.docx',
    'schedule-periods.txt',
    'department-indicator-table.docx',
    'tab-per-row.txt',
    'gbk-tab-per-row.txt',
    'header-fields.docx',
  ])('%s: no warnings, every indicator complete', async (name) => {
    const document = await load(name)
    expect(document.diagnostics.filter((d) => d.severity !== 'info')).toEqual([])
    expect(document.projects.length).toBeGreaterThan(0)
    for (const project of document.projects) {
      expect(project.code).not.toBe('')
      for (const indicator of project.indicators) {
        expect([indicator.level1, indicator.level2, indicator.level3, indicator.value.raw]).not.toContain('')
      }
    }
  })

  it('keeps extra columns by label and reads the value from 年度指标值 beside a second 指标值', async () => {
    const extra = await load('extra-columns.txt')
    expect(Object.keys(extra.projects[0]!.indicators[0]!.extra)).toEqual(['指标性质', '计量单位', '分值'])
    const two = await load('two-value-columns.docx')
    expect(two.projects[0]!.indicatorColumns).toContain('年度指标值')
    expect(Object.keys(two.projects[0]!.indicators[0]!.extra)).toEqual(['指标值'])
  })

  it('reads the department-level indicator table into the department', async () => {
    const document = await load('department-indicator-table.txt')
    expect(document.department.indicators!.length).toBeGreaterThan(0)
    expect(document.department.indicatorColumns).toEqual(['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'])
  })

  it('gives every encoding the same model', async () => {
    const reference = stripPositions(await load('gb18030.txt'))
    expect(reference.source.encoding).toBe('gb18030')
    for (const [name, encoding] of [
      ['utf16le-bom.txt', 'utf-16le'],
      ['utf16be-bom.txt', 'utf-16be'],
    ] as const) {
      const document = stripPositions(await load(name))
      expect(document.source.encoding).toBe(encoding)
      expect({ ...document, source: null }).toEqual({ ...reference, source: null })
    }
    const tab = stripPositions(await load('gbk-tab-per-row.txt'))
    expect(tab.source).toEqual({ format: 'tab-text', file: 'gbk-tab-per-row.txt', encoding: 'gb18030' })
    expect(tab.projects).toEqual(reference.projects)
  })

  it('detects UTF-16 without a BOM, and obeys --encoding', async () => {
    for (const encoding of ['utf16le', 'utf16be']) {
      const document = await parse(new Uint8Array(iconv.encode(sampleText, encoding)))
      expect(document.projects.map((p) => p.indicators.length)).toEqual([7, 7, 8, 7])
    }
    // Forced, the named encoding is used even where detection would decide otherwise.
    const gbk = new Uint8Array(iconv.encode(sampleText, 'gbk'))
    const forced = await parse(gbk, { encoding: 'gbk' })
    expect(forced.source.encoding).toBe('gbk')
    expect(forced.projects).toHaveLength(4)
    await expect(parse(gbk, { encoding: 'utf-8' })).rejects.toMatchObject({ code: 'ENCODING' })
  })

  it('converts prose without tables, with a diagnostic', async () => {
    const document = await load('prose-only.txt')
    expect(document.projects).toEqual([])
    expect(document.department.sections.length).toBeGreaterThan(0)
    expect(document.diagnostics.map((d) => d.code)).toEqual(['no-projects'])
  })
})

describe('bad text input gets a coded error', () => {
  it('empty, binary, and text in an encoding that decodes to nonsense', async () => {
    expect(await errorCode(new Uint8Array())).toBe('EMPTY')
    expect(await errorCode(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]))).toBe('BINARY')
    for (const encoding of ['big5', 'shift_jis', 'euc-kr']) {
      expect(await errorCode(new Uint8Array(iconv.encode(sampleText, encoding)))).toBe('ENCODING')
    }
    expect(await errorCode(new Uint8Array([0xe4, 0xb8, 0xad]), 'x.txt', 'no-such-encoding')).toBe('ENCODING')
  })

  it('extremely long lines convert quickly', () => {
    for (const line of ['中'.repeat(2_000_000), '['.repeat(2_000_000) + 'footnoteRef', '\t' + 'a\t'.repeat(500_000)]) {
      const started = performance.now()
      const document = parseText(line + '\n\n' + sampleText)
      expect(performance.now() - started).toBeLessThan(3000)
      // The long line is kept (a skipped paragraph or a raw row); the sample after it reads as ever.
      const indicators = document.projects.flatMap((project) => project.indicators)
      expect(indicators).toHaveLength(29)
      expect(document.diagnostics.length).toBeGreaterThan(0)
    }
  })
})

import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { run as runCli } from '@jxmb/cli'

// These tests read the command's English lines (a developer's locale); terminal.test.ts reads the Chinese ones.
const run = (argv: string[], io: Parameters<typeof runCli>[1]) => runCli(argv, io, { LANG: 'en_US.UTF-8' })
import { captureIo } from './io.js'

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url))
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jxmb-xlsx-'))
  mkdirSync(join(dir, 'in/docx'), { recursive: true })
  copyFileSync(fixtures + '000_191d77da26007e67.txt', join(dir, 'in/sample.txt'))
  for (const name of ['one-project-60-indicators', 'six-projects', 'artefacts']) {
    copyFileSync(`${fixtures}generated/${name}.docx`, join(dir, `in/docx/${name}.docx`))
  }
  writeFileSync(join(dir, 'in/docx/broken.docx'), 'PK\u0003\u0004 truncated')
})
// Each test's folder goes with it: a clerk's machine running the tests keeps no leftovers in /tmp.
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function sheet(path: string, name: string) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(path)
  return workbook.getWorksheet(name)!
}

describe('jxmb convert … -o out.xlsx (the clerk’s batch)', () => {
  it('puts every file in one workbook, reports the bad one, and exits 1', async () => {
    const { io, chunks } = captureIo()
    const out = join(dir, 'out.xlsx')
    expect(await run(['convert', join(dir, 'in'), '-o', out], io)).toBe(1)
    // Each file's indicators, as its reviewed expected JSON counts them.
    const counted = ['000_191d77da26007e67.txt', ...['one-project-60-indicators', 'six-projects', 'artefacts'].map((n) => `generated/${n}.docx`)].map(
      (name) => JSON.parse(readFileSync(`${fixtures}${name}.expected.json`, 'utf8')).projects as Array<{ indicators: unknown[] }>,
    )
    const expectedIndicators = counted.flat().reduce((sum, project) => sum + project.indicators.length, 0)
    const expectedProjects = counted.flat().length
    expect(expectedIndicators).toBeGreaterThan(29 + 60)
    const indicators = await sheet(out, '指标')
    expect(indicators.rowCount).toBe(1 + expectedIndicators)
    const files = new Set<string>()
    indicators.eachRow((row, number) => {
      if (number === 1) return
      files.add(row.getCell(1).text)
      for (const column of [2, 4, 5, 6, 8]) expect(row.getCell(column).text).not.toBe('')
    })
    expect([...files].map((file) => file.slice(dir.length + 1)).sort()).toEqual([
      'in/docx/artefacts.docx',
      'in/docx/one-project-60-indicators.docx',
      'in/docx/six-projects.docx',
      'in/sample.txt',
    ])
    const checks = await sheet(out, '校验')
    const rows: string[][] = []
    checks.eachRow((row) => rows.push([row.getCell(1).text.slice(dir.length + 1), row.getCell(2).text, row.getCell(3).text]))
    expect(rows).toContainEqual(['in/docx/broken.docx', '错误', 'TRUNCATED'])
    // The own reader reads the artefacts file's field, so nothing of it is a warning (mammoth's docx-warning is gone).
    expect(rows.filter((row) => row[0] === 'in/docx/artefacts.docx')).toEqual([])
    expect(chunks.stderr).toMatch(/broken\.docx: error TRUNCATED/)
    expect(chunks.stderr).toMatch(
      new RegExp(`jxmb: 5 files, ${expectedProjects} projects, ${expectedIndicators} indicators, 0 warnings, 1 failed → .*out\\.xlsx`),
    )
  })

  it('gives the same workbook, in the same order, with worker threads (--jobs)', async () => {
    const rows = async (jobs: string) => {
      const out = join(dir, `jobs-${jobs}.xlsx`)
      await run(['convert', join(dir, 'in'), '-o', out, '--jobs', jobs], captureIo().io)
      const values: unknown[][] = []
      for (const name of ['项目', '指标', '校验']) (await sheet(out, name)).eachRow((row) => values.push(row.values as unknown[]))
      return values
    }
    const single = await rows('1')
    expect(single.length).toBeGreaterThan(100)
    expect(await rows('3')).toEqual(single)
    const bad = captureIo()
    expect(await run(['convert', join(dir, 'in'), '-o', join(dir, 'x.xlsx'), '--jobs', '0'], bad.io)).toBe(2)
    expect(bad.chunks.stderr).toContain('--jobs')
  })

  it('--strict fails on warnings too', async () => {
    const out = join(dir, 'strict.xlsx')
    // mammoth warns of the field it drops in this file; the own reader reads the field and has nothing to say.
    expect(await run(['convert', join(dir, 'in/docx/artefacts.docx'), '-o', out, '--reader', 'mammoth'], captureIo().io)).toBe(0)
    expect(await run(['convert', join(dir, 'in/docx/artefacts.docx'), '-o', out, '--force', '--strict', '--reader', 'mammoth'], captureIo().io)).toBe(1)
    expect(await run(['convert', join(dir, 'in/docx/artefacts.docx'), '-o', out, '--force', '--strict'], captureIo().io)).toBe(0)
  })

  it('--per-file writes one workbook per input', async () => {
    const outDir = join(dir, 'each')
    expect(await run(['convert', join(dir, 'in'), '--per-file', outDir], captureIo().io)).toBe(1)
    expect(readdirSync(outDir).sort()).toEqual(['artefacts.xlsx', 'one-project-60-indicators.xlsx', 'sample.xlsx', 'six-projects.xlsx'])
    expect((await sheet(join(outDir, 'sample.xlsx'), '指标')).rowCount).toBe(30)
  })

  it('leaves no output and no temporary file when told not to overwrite', async () => {
    const out = join(dir, 'exists.xlsx')
    writeFileSync(out, 'old')
    const { io, chunks } = captureIo()
    expect(await run(['convert', join(dir, 'in'), '-o', out], io)).toBe(2)
    expect(chunks.stderr).toContain('already exists')
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
    expect(existsSync(out)).toBe(true)
  })
})

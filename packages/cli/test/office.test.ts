/**
 * Old formats through LibreOffice: .doc and .rtf made from the .docx fixtures by LibreOffice itself,
 * converted back by jxmb and compared with the .docx's model; a batch that mixes them with a broken
 * .doc; a LibreOffice that hangs; and a machine without LibreOffice (the coded refusal).
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run as runCli } from '@jxmb/cli'
import { convertToDocx, findSoffice } from '@jxmb/convert-office'
import { codeText } from '@jxmb/messages'
import type { JxmbDocument } from '@jxmb/model'
import { workbookSheets, type SheetCells } from '@jxmb/testkit'
import { captureIo } from './io.js'

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url))
// The .docx fixtures written by the `docx` package, as Word lays a document out. Not the hand-written
// minimal ones of fixtures/forms: LibreOffice's .doc export turns their tables into plain paragraphs
// (LibreOffice's own round trip shows it: its .docx of that .doc holds no w:tbl), so there is no twin to compare.
const docxIn = (folder: string) => readdirSync(join(fixtures, folder)).filter((name) => name.endsWith('.docx')).map((name) => join(fixtures, folder, name))
const twins = [join(fixtures, '000_191d77da26007e67.docx'), ...docxIn('generated'), ...docxIn('variants')]
// Where the old format's model may differ from its twin's, and why:
// - .doc: LibreOffice's .doc export drops Word's bookmarks (_Toc…) of the headings and project titles, so a
//   section's and a project's `bookmark` are gone. Positions (table, row, cell) are the same.
// - artefacts.docx ends some 指标值确定依据 cells in a field (w:fldSimple); LibreOffice computes the field's
//   result again when it writes the file (a page number becomes the page the cell falls on).
const allowed = (format: 'doc' | 'rtf', twin: string, path: string) =>
  (format === 'doc' && /^\.(department\.sections\.\d+|projects\.\d+)\.bookmark$/.test(path)) ||
  (basename(twin) === 'artefacts.docx' && /^\.projects\.\d+\.indicators\.\d+\.basis$/.test(path))
const soffice = findSoffice()
if (!soffice && process.env.CI) throw new Error('soffice is missing: .ci/run installs libreoffice-writer-nogui')

const dir = mkdtempSync(join(tmpdir(), 'jxmb-office-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const env = (extra: Record<string, string> = {}) => ({ LANG: 'en_US.UTF-8', PATH: process.env.PATH ?? '', ...extra })
const noLibreOffice = { PATH: join(dir, 'no-programs') }
const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith('jxmb-office-') && !name.startsWith('jxmb-office-test-')).length

/** The documents of a JSON batch, without what names the file (its name, its format as read). */
function documentsOf(file: string): JxmbDocument[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { documents: JxmbDocument[] }).documents.map((document) => ({ ...document, source: { format: document.source.format } }))
}

/** Every field where `a` and `b` differ, as paths. */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b) ? [] : [path]
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys].flatMap((key) => differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`))
}

describe.runIf(soffice)('with LibreOffice', () => {
  const made: Record<'doc' | 'rtf', string[]> = { doc: [], rtf: [] }

  beforeAll(() => {
    // LibreOffice itself writes the old formats, one call for all twins per format.
    for (const format of ['doc', 'rtf'] as const) {
      const out = join(dir, format)
      mkdirSync(out, { recursive: true })
      const result = spawnSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', format, '--outdir', out, ...twins], { encoding: 'utf8', timeout: 180_000 })
      expect(result.status).toBe(0)
      made[format] = twins.map((twin) => join(out, `${basename(twin, '.docx')}.${format}`))
    }
  }, 200_000)

  it('gives each .doc and .rtf the model of its .docx twin, but for what LibreOffice itself drops', async () => {
    const convert = async (files: string[], out: string) => {
      const { io, chunks } = captureIo()
      expect(await runCli(['convert', ...files, '-o', out], io, env())).toBe(0)
      return chunks.stderr
    }
    await convert(twins, join(dir, 'docx.json'))
    const said = await convert(made.doc, join(dir, 'doc.json'))
    await convert(made.rtf, join(dir, 'rtf.json'))
    expect(said).toContain(`converting ${made.doc.length} file(s) in old formats`)
    const docx = documentsOf(join(dir, 'docx.json'))
    expect(docx.length).toBe(twins.length)
    for (const format of ['doc', 'rtf'] as const) {
      const documents = documentsOf(join(dir, `${format}.json`))
      expect(documents.length).toBe(twins.length)
      documents.forEach((document, index) => {
        const twin = twins[index]!
        expect(differences(document, docx[index]).filter((path) => !allowed(format, twin, path)), `${basename(twin)} as .${format}`).toEqual([])
      })
    }
    // What is allowed did differ: the lists above are what LibreOffice does, not guesses.
    expect(differences(documentsOf(join(dir, 'doc.json'))[0], docx[0]).some((path) => path.endsWith('.bookmark'))).toBe(true)
  }, 200_000)

  it('converts a folder of .doc files to the same workbook as their .docx twins', async () => {
    const docs = join(dir, 'doc-folder')
    const docxs = join(dir, 'docx-folder')
    mkdirSync(docs)
    mkdirSync(docxs)
    // All twins but artefacts.docx, whose field results LibreOffice computes again (see above).
    made.doc.forEach((file, index) => {
      if (basename(twins[index]!) === 'artefacts.docx') return
      copyFileSync(file, join(docs, `${index}.doc`))
      copyFileSync(twins[index]!, join(docxs, `${index}.docx`))
    })
    const run = async (folder: string) => {
      const out = join(dir, `${basename(folder)}.xlsx`)
      expect(await runCli(['convert', folder, '-o', out, '--jobs', '2'], captureIo().io, env())).toBe(0)
      return workbookSheets(readFileSync(out))
    }
    const fromDoc = await run(docs)
    const fromDocx = await run(docxs)
    // Every cell but the file's own name (doc-folder/0.doc against docx-folder/0.docx).
    const named = (book: SheetCells[]) =>
      book.map((sheet) => ({ ...sheet, rows: sheet.rows.map((row) => row.map((cell) => (typeof cell === 'string' ? cell.replace(docs, '').replace(docxs, '').replace(/\.docx?$/, '') : cell))) }))
    expect(named(fromDoc)).toEqual(named(fromDocx))
    expect(fromDoc.find((sheet) => sheet.name === '指标')!.rows.length).toBeGreaterThan(50)
  }, 200_000)

  it('converts a batch of .doc, .docx and a broken .doc with --jobs 2; the broken one fails alone, nothing is left behind', async () => {
    const folder = join(dir, 'mixed')
    mkdirSync(folder)
    copyFileSync(made.doc[0]!, join(folder, 'a.doc'))
    copyFileSync(twins[1]!, join(folder, 'b.docx'))
    writeFileSync(join(folder, 'c.doc'), readFileSync(made.doc[0]!).subarray(0, 20_000))
    copyFileSync(made.rtf[0]!, join(folder, 'd.rtf'))
    const before = leftovers()
    const { io, chunks } = captureIo()
    const out = join(dir, 'mixed.json')
    expect(await runCli(['convert', folder, '-o', out, '--jobs', '2'], io, env())).toBe(1)
    const batch = JSON.parse(readFileSync(out, 'utf8')) as { documents: JxmbDocument[]; failures: Array<{ file: string; code: string }> }
    expect(batch.documents.map((document) => basename(document.source.file!))).toEqual(['a.doc', 'b.docx', 'd.rtf'])
    expect(batch.failures).toMatchObject([{ file: join(folder, 'c.doc'), code: 'CONVERT_FAILED' }])
    expect(chunks.stderr).toContain(`${join(folder, 'c.doc')}: error CONVERT_FAILED`)
    expect(leftovers()).toBe(before)
  }, 200_000)

  it('tells of each file as LibreOffice converts it, once, for the progress line', async () => {
    const files = made.doc.slice(0, 3).map((file) => ({ file, format: 'doc' as const }))
    const told: string[] = []
    const conversion = await convertToDocx(files, { soffice: soffice!, parallel: 2, onConverted: (file) => told.push(file) })
    await conversion.dispose()
    expect(told.sort()).toEqual(made.doc.slice(0, 3).sort())
    expect(conversion.results.every((result) => result.docx)).toBe(true)
  })

  it('stops a LibreOffice that hangs: the file fails alone with CONVERT_TIMEOUT', async () => {
    const fake = join(dir, 'hanging-soffice')
    writeFileSync(fake, '#!/bin/sh\nsleep 60\n')
    chmodSync(fake, 0o755)
    const before = leftovers()
    const started = Date.now()
    const conversion = await convertToDocx([{ file: made.doc[0]!, format: 'doc' }], { soffice: fake, timeoutMs: 500, startMs: 0 })
    expect(conversion.results[0]!.failure?.code).toBe('CONVERT_TIMEOUT')
    expect(Date.now() - started).toBeLessThan(10_000)
    await conversion.dispose()
    expect(leftovers()).toBe(before)
  })
})

describe('without LibreOffice', () => {
  it('refuses an old .doc and an .rtf named on the command line with a code and advice naming both ways out', async () => {
    const doc = join(dir, 'old.doc')
    writeFileSync(doc, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))
    const rtf = join(dir, 'old.rtf')
    writeFileSync(rtf, '{\\rtf1\\ansi 预算项目绩效目标表}')
    const { io, chunks } = captureIo()
    const out = join(dir, 'refused.json')
    expect(await runCli(['convert', doc, rtf, '-o', out], io, { LANG: 'zh_CN.UTF-8', ...noLibreOffice })).toBe(1)
    const batch = JSON.parse(readFileSync(out, 'utf8')) as { failures: Array<{ code: string }> }
    expect(batch.failures.map((failure) => failure.code)).toEqual(['OLE', 'RTF'])
    for (const code of ['OLE', 'RTF']) {
      expect(chunks.stderr).toContain(codeText(code, 'zh').advice)
      expect(codeText(code, 'zh').advice).toMatch(/LibreOffice.*另存为 \.docx/)
    }
  })

  it('says so when --soffice names no program', async () => {
    const { io, chunks } = captureIo()
    expect(await runCli(['convert', join(fixtures, '000_191d77da26007e67.txt'), '-o', join(dir, 'x.json'), '--soffice', join(dir, 'nowhere')], io, env())).toBe(2)
    expect(chunks.stderr).toContain(`no LibreOffice program “${join(dir, 'nowhere')}”`)
  })
})

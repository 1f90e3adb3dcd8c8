import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { run as runCli } from '@jxmb/cli'

// These tests read the command's English lines (a developer's locale); terminal.test.ts reads the Chinese ones.
const run = (argv: string[], io: Parameters<typeof runCli>[1]) => runCli(argv, io, { LANG: 'en_US.UTF-8' })
import { emitTika, sampleDocument } from '@jxmb/testkit'
import { captureIo } from './io.js'

const sample = fileURLToPath(new URL('../../../fixtures/000_191d77da26007e67.txt', import.meta.url))
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jxmb-cli-'))
})
// Each test's folder goes with it: a clerk's machine running the tests keeps no leftovers in /tmp.
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('jxmb convert', () => {
  it('converts one file to one JSON document', async () => {
    const { io, chunks } = captureIo()
    const out = join(dir, 'out.json')
    expect(await run(['convert', sample, '-o', out], io)).toBe(0)
    const json = JSON.parse(readFileSync(out, 'utf8'))
    expect(json.$schema).toBe('https://jxmb.dev/schema/document-1.json')
    expect(json.projects).toHaveLength(4)
    expect(chunks.stderr).toContain('4 projects, 29 indicators, 0 warnings, 0 failed')
  })

  it('does not overwrite without --force, and does with it', async () => {
    const out = join(dir, 'out.json')
    writeFileSync(out, 'keep')
    const first = captureIo()
    expect(await run(['convert', sample, '-o', out], first.io)).toBe(2)
    expect(first.chunks.stderr).toContain('--force')
    expect(readFileSync(out, 'utf8')).toBe('keep')
    expect(await run(['convert', sample, '-o', out, '--force'], captureIo().io)).toBe(0)
    expect(JSON.parse(readFileSync(out, 'utf8')).projects).toHaveLength(4)
    expect(readdirSync(dir)).toEqual(['out.json']) // no temporary file left
  })

  it('writes to stdout with -o -', async () => {
    const { io, chunks } = captureIo()
    expect(await run(['convert', sample, '-o', '-'], io)).toBe(0)
    expect(JSON.parse(chunks.stdout).projects).toHaveLength(4)
  })

  it('searches folders recursively, converts the good files and reports the bad ones', async () => {
    mkdirSync(join(dir, 'in/deeper'), { recursive: true })
    copyFileSync(sample, join(dir, 'in/a.txt'))
    writeFileSync(join(dir, 'in/deeper/b.txt'), emitTika(sampleDocument(1, { maxProjects: 2, maxIndicators: 5 })))
    writeFileSync(join(dir, 'in/deeper/empty.txt'), '')
    writeFileSync(join(dir, 'in/notes.md'), 'ignored')
    const { io, chunks } = captureIo()
    const out = join(dir, 'all.json')
    expect(await run(['convert', join(dir, 'in'), '-o', out], io)).toBe(1)
    const batch = JSON.parse(readFileSync(out, 'utf8'))
    expect(batch.$schema).toBe('https://jxmb.dev/schema/batch-1.json')
    expect(batch.documents.map((d: { source: { file: string } }) => d.source.file)).toEqual([
      join(dir, 'in/a.txt'),
      join(dir, 'in/deeper/b.txt'),
    ])
    expect(batch.failures).toEqual([{ file: join(dir, 'in/deeper/empty.txt'), code: 'EMPTY', message: 'The file is empty.' }])
    expect(chunks.stderr).toContain('empty.txt: error EMPTY')
    expect(chunks.stderr).not.toMatch(/\n\s+at /) // no stack trace for the clerk
  })

  it('converts .docx files beside text, and refuses a bad .docx by code', async () => {
    mkdirSync(join(dir, 'in'))
    copyFileSync(sample.replace(/\.txt$/, '.docx'), join(dir, 'in/a.docx'))
    copyFileSync(sample, join(dir, 'in/b.txt'))
    writeFileSync(join(dir, 'in/c.docx'), 'not really a docx')
    const { io, chunks } = captureIo()
    expect(await run(['convert', join(dir, 'in'), '-o', join(dir, 'out.json')], io)).toBe(1)
    const batch = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'))
    expect(batch.documents.map((d: { source: { format: string } }) => d.source.format)).toEqual(['docx', 'tika-text'])
    expect(batch.documents[0].projects).toHaveLength(4)
    expect(batch.failures).toEqual([expect.objectContaining({ file: join(dir, 'in/c.docx'), code: 'NOT_ZIP' })])
    expect(chunks.stderr).toContain('c.docx: error NOT_ZIP')
  })

  it('writes Markdown to a .md file, or to stdout with --format md', async () => {
    const out = join(dir, 'out.md')
    expect(await run(['convert', sample, '-o', out], captureIo().io)).toBe(0)
    const markdown = readFileSync(out, 'utf8')
    expect(markdown).toContain('## 1.安可计算机购置绩效目标表')
    expect(markdown.match(/^\| 一级指标/gm)).toHaveLength(4)
    const { io, chunks } = captureIo()
    expect(await run(['convert', sample, '-o', '-', '--format', 'md'], io)).toBe(0)
    expect(chunks.stdout).toBe(markdown)
  })

  it('fails clearly for a missing input or an unknown output type', async () => {
    const missing = captureIo()
    expect(await run(['convert', join(dir, 'nope'), '-o', join(dir, 'x.json')], missing.io)).toBe(2)
    expect(missing.chunks.stderr).toContain('no such file or folder')
    const unknown = captureIo()
    expect(await run(['convert', sample, '-o', join(dir, 'x.pdf')], unknown.io)).toBe(2)
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false)
  })
})

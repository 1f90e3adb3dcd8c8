/**
 * A batch survives any file and writes safely: each test asserts what a clerk
 * sees (exit code, the one line, the good files converted, nothing left behind).
 */
import { execFileSync, spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OutputError, reserve, run as runCli, writeData } from '@jxmb/cli'

// These tests read the command's English lines (a developer's locale); terminal.test.ts reads the Chinese ones.
const run = (argv: string[], io: Parameters<typeof runCli>[1]) => runCli(argv, io, { LANG: 'en_US.UTF-8' })
import { captureIo } from './io.js'

const sample = fileURLToPath(new URL('../../../fixtures/000_191d77da26007e67.txt', import.meta.url))
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jxmb-safety-'))
})
afterEach(() => {
  for (const mount of mounts.splice(0)) execFileSync('umount', [mount])
  rmSync(dir, { recursive: true, force: true })
})

/** A text of `n` short projects: seconds of work and hundreds of MB for a large n. */
function manyProjects(n: number): string {
  let text = ''
  for (let index = 1; index <= n; index++) {
    text += `${index}.项目${index}绩效目标表\n\t项目编码\n\tP${index}\n\t项目名称\n\t项目${index}\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\n`
    text += '\t产出指标\n\t数量指标\n\t次数\n\t≥1次\n\n'.repeat(4)
  }
  return text
}

/** A batch: the sample, a heavy file, and the sample again under another name. */
function batch(heavy: number): string {
  const folder = join(dir, 'in')
  mkdirSync(folder)
  copyFileSync(sample, join(folder, 'a.txt'))
  writeFileSync(join(folder, 'b-heavy.txt'), manyProjects(heavy))
  copyFileSync(sample, join(folder, 'c.txt'))
  return folder
}

async function sheetRows(file: string, sheet: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  const rows: unknown[][] = []
  workbook.getWorksheet(sheet)!.eachRow((row) => void rows.push((row.values as unknown[]).slice(1)))
  return rows
}

const mounts: string[] = []
/** A tmpfs mounted at `folder` with `options`; false where this machine does not allow it (not root). */
function mountTmpfs(folder: string, options: string): boolean {
  mkdirSync(folder, { recursive: true })
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', folder], { stdio: 'ignore' })
  } catch {
    return false
  }
  mounts.push(folder)
  return true
}

describe('one file cannot sink the batch', () => {
  it('a file that runs out of memory costs only itself: the others convert, 校验 lists it, exit 1', async () => {
    const { io, chunks } = captureIo()
    const out = join(dir, 'out.xlsx')
    const code = await run(['convert', batch(30_000), '-o', out, '--max-memory', '48', '--jobs', '1'], io)
    expect(chunks.stderr).toMatch(/b-heavy\.txt: error RESOURCE_LIMIT: Converting the file needed more than 48 MiB of memory/)
    expect(chunks.stderr).toContain('3 files, 8 projects, 58 indicators, 0 warnings, 1 failed')
    expect(code).toBe(1)
    const checks = await sheetRows(out, '校验')
    expect(checks.some((row) => row.includes('RESOURCE_LIMIT') && row.some((cell) => String(cell).endsWith('b-heavy.txt')))).toBe(true)
    expect(readdirSync(dir).sort()).toEqual(['in', 'out.xlsx'])

    // The last file, with no fresh worker to start: its worker's 'exit' after the 'error' changes nothing.
    const last = captureIo()
    const folder = join(dir, 'in')
    expect(await run(['convert', join(folder, 'a.txt'), join(folder, 'b-heavy.txt'), '-o', join(dir, 'last.json'), '--max-memory', '48'], last.io)).toBe(1)
    expect(last.chunks.stderr).toMatch(/\[2\/2\] .*b-heavy\.txt: error RESOURCE_LIMIT/)
  })

  it('a file over the time budget is stopped; a fresh worker takes the next file', async () => {
    const { io, chunks } = captureIo()
    const out = join(dir, 'out.json')
    const started = Date.now()
    const code = await run(['convert', batch(30_000), '-o', out, '--timeout', '0.5', '--jobs', '1'], io)
    expect(chunks.stderr).toMatch(/b-heavy\.txt: error TIMEOUT: Converting the file took longer than 0\.5 s/)
    expect(code).toBe(1)
    const json = JSON.parse(readFileSync(out, 'utf8'))
    expect(json.documents.map((document: { projects: unknown[] }) => document.projects.length)).toEqual([4, 4])
    expect(json.failures.map((failure: { code: string }) => failure.code)).toEqual(['TIMEOUT'])
    expect(Date.now() - started).toBeLessThan(15_000)
  })

  it('--jobs is capped at twice the cores, with a notice', async () => {
    const { io, chunks } = captureIo()
    expect(await run(['convert', sample, '-o', join(dir, 'out.json'), '--jobs', '300'], io)).toBe(0)
    expect(chunks.stderr).toMatch(/--jobs 300 is more than twice the \d+ cores; using \d+\./)
  })

  it('a FIFO named as input is refused at once, not waited on', async () => {
    const fifo = join(dir, 'pipe.txt')
    execFileSync('mkfifo', [fifo])
    const { io, chunks } = captureIo()
    expect(await run(['convert', fifo, sample, '-o', join(dir, 'out.json')], io)).toBe(1)
    expect(chunks.stderr).toContain('pipe.txt: error READ: This is not a regular file')
  })
})

describe('safe output', () => {
  for (const format of ['xlsx', 'json', 'md']) {
    it(`.${format}: a missing folder is created; a read-only one is refused before converting, leaving nothing`, async () => {
      const created = join(dir, 'new', 'sub', `out.${format}`)
      expect(await run(['convert', sample, '-o', created], captureIo().io)).toBe(0)
      expect(readdirSync(join(dir, 'new', 'sub'))).toEqual([`out.${format}`])

      const readOnly = join(dir, 'ro')
      if (!mountTmpfs(readOnly, 'ro,size=1m')) {
        mkdirSync(readOnly, { recursive: true })
        execFileSync('chmod', ['555', readOnly])
      }
      const { io, chunks } = captureIo()
      expect(await run(['convert', sample, '-o', join(readOnly, `out.${format}`)], io)).toBe(2)
      expect(chunks.stderr).toMatch(new RegExp(`^jxmb: could not write ${readOnly}/out\\.${format}: (the disk is read-only|permission denied)\\. Check that the folder exists[^\\n]*\\n$`))
      expect(readdirSync(readOnly)).toEqual([])
    })
  }

  it('a full disk: one line naming the output, no temporary left (where tmpfs can be mounted)', async (context) => {
    const small = join(dir, 'full')
    if (!mountTmpfs(small, 'size=32k')) return context.skip()
    const input = join(dir, 'many.txt')
    writeFileSync(input, manyProjects(2_000))
    for (const format of ['xlsx', 'json', 'md']) {
      const { io, chunks } = captureIo()
      expect(await run(['convert', input, '-o', join(small, `out.${format}`)], io)).toBe(1)
      expect(chunks.stderr).toContain(`jxmb: could not write ${small}/out.${format}: the disk is full. Check that the folder exists`)
      expect(chunks.stderr).not.toMatch(/\n\s+at /)
      expect(readdirSync(small)).toEqual([])
    }
  })

  it('never writes over an input, with --force or through a link', async () => {
    const input = join(dir, 'in.txt')
    copyFileSync(sample, input)
    const before = readFileSync(input)
    const first = captureIo()
    expect(await run(['convert', input, '-o', input, '--format', 'json', '--force'], first.io)).toBe(2)
    expect(first.chunks.stderr).toBe(`jxmb: ${input} is one of the inputs; jxmb never writes over its input. Name another output.\n`)
    symlinkSync(input, join(dir, 'out.json'))
    expect(await run(['convert', input, '-o', join(dir, 'out.json'), '--force'], captureIo().io)).toBe(2)
    expect(readFileSync(input)).toEqual(before)
    // --per-file: an input named x.json, converted to JSON in its own folder.
    const named = join(dir, 'x.json')
    copyFileSync(sample, named)
    const third = captureIo()
    expect(await run(['convert', named, '--per-file', dir, '--format', 'json', '--force'], third.io)).toBe(2)
    expect(third.chunks.stderr).toContain(`${named} is one of the inputs`)
    expect(readFileSync(named)).toEqual(before)
  })

  it('--per-file refuses existing outputs up front (exit 2), converting nothing', async () => {
    const folder = batch(1)
    const out = join(dir, 'out')
    mkdirSync(out)
    writeFileSync(join(out, 'c.json'), 'keep')
    const { io, chunks } = captureIo()
    expect(await run(['convert', folder, '--per-file', out, '--format', 'json'], io)).toBe(2)
    expect(chunks.stderr).toBe(`jxmb: ${join(out, 'c.json')} already exists; use --force to overwrite it.\n`)
    expect(readdirSync(out)).toEqual(['c.json'])
    expect(readFileSync(join(out, 'c.json'), 'utf8')).toBe('keep')
  })

  it('a file that appears while converting is not replaced', async () => {
    const path = join(dir, 'out.json')
    const reservation = await reserve(path, { force: false, inputs: new Set() })
    writeFileSync(path, 'someone else’s')
    const failure = await reservation.write(writeData('{}')).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(OutputError)
    expect((failure as OutputError).message).toBe(`${path} appeared while jxmb was converting; it was left as it is.`)
    expect(readFileSync(path, 'utf8')).toBe('someone else’s')
    expect(readdirSync(dir)).toEqual(['out.json'])
  })

  it('large text is written in slices that never split a surrogate pair', async () => {
    const path = join(dir, 'big.json')
    const text = 'a'.repeat(2 ** 20 - 1) + '😀' + '中'.repeat(2 ** 20) + '😀'
    await (await reserve(path, { force: false, inputs: new Set() })).write(writeData(text))
    expect(readFileSync(path, 'utf8')).toBe(text)
  })

  it('SIGINT during the batch removes the temporary file; no output appears', async () => {
    const folder = batch(20_000)
    const out = join(dir, 'out')
    const child = spawn(process.execPath, [bin, 'convert', folder, '-o', join(out, 'all.xlsx'), '--jobs', '1'], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LANG: 'en_US.UTF-8', INIT_CWD: '' } })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
    // The temporary exists from before the first file converts.
    for (let tries = 0; tries < 200 && !(existsSync(out) && readdirSync(out).some((name) => name.endsWith('.tmp'))); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toHaveLength(1)
    child.kill('SIGINT')
    expect(await exited).toEqual({ code: null, signal: 'SIGINT' })
    expect(readdirSync(out)).toEqual([])
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  it('a reader of standard output that goes away (-o - | head) ends quietly', async () => {
    const child = spawn(process.execPath, [bin, 'convert', sample, sample, '-o', '-'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'en_US.UTF-8', INIT_CWD: '' } })
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const code = await new Promise((resolve) => child.on('exit', resolve))
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /)
    expect(code).toBe(0)
  })
})

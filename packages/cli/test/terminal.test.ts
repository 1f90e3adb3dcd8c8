/**
 * The clerk's terminal: the command run under a pseudo-terminal (`script`) and
 * its output played into a terminal emulator (@xterm/headless, 80 columns), so
 * that what is checked is what stays on the screen; Chinese by default, English
 * when asked; paths as typed; escapes from documents never reach the terminal.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import xterm from '@xterm/headless'
import stringWidth from 'string-width'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fitLine } from '../src/fit-line.js'
import { printable } from '../src/printable.js'

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))
const root = fileURLToPath(new URL('../../../', import.meta.url))
const sample = fileURLToPath(new URL('../../../fixtures/000_191d77da26007e67.txt', import.meta.url))
const { version } = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { version: string }
const hasScript = spawnSync('script', ['--version']).status === 0
let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jxmb-terminal-'))
  // Six good files, then four bad ones that sort last: their lines come at the very end.
  const batch = join(dir, 'batch')
  mkdirSync(batch)
  for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) copyFileSync(sample, join(batch, `${name}-good.txt`))
  writeFileSync(join(batch, 'z1-empty.txt'), '')
  writeFileSync(join(batch, 'z2-binary.txt'), Buffer.from(Array.from({ length: 3000 }, (_, index) => (index * 7919) % 256)))
  writeFileSync(join(batch, 'z3-truncated.docx'), Buffer.from('PK\u0003\u0004xx', 'latin1'))
  writeFileSync(join(batch, 'z4-an-old-word-file-with-a-name-long-enough-to-wrap-at-eighty-columns.docx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The environment of a clerk's shell, in `lang`; no INIT_CWD from the test runner's pnpm. */
// Without LibreOffice (JXMB_SOFFICE=none): these tests are of the terminal's lines; office.test.ts has the old formats.
const shell = (lang: string) => ({ ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '', INIT_CWD: '', JXMB_SOFFICE: 'none' })

/** Runs `args` under a pseudo-terminal of 80 columns; returns the screen's lines (wrapped lines joined) and the exit code. */
async function onScreen(args: string[], lang: string): Promise<{ lines: string[]; status: number | null }> {
  const quoted = [process.execPath, bin, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ')
  const result = spawnSync('script', ['-qfec', `stty cols 80 rows 24; exec ${quoted}`, '/dev/null'], { cwd: dir, env: shell(lang), encoding: 'buffer' })
  const terminal = new xterm.Terminal({ cols: 80, rows: 24, scrollback: 5000, allowProposedApi: true })
  await new Promise<void>((resolve) => terminal.write(result.stdout, resolve))
  const buffer = terminal.buffer.active
  const lines: string[] = []
  for (let index = 0; index < buffer.length; index++) {
    const line = buffer.getLine(index)!
    if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += line.translateToString(true)
    else lines.push(line.translateToString(true))
  }
  return { lines: lines.filter((line) => line !== ''), status: result.status }
}

describe.skipIf(!hasScript)('a batch with failures sorted last, on a terminal of 80 columns', () => {
  it('in Chinese: every failure line stays on the screen, whole, with its advice, and the summary agrees', async () => {
    const { lines, status } = await onScreen(['convert', 'batch', '-o', 'zh.xlsx'], 'zh_CN.UTF-8')
    expect(status).toBe(1)
    const failures = lines.filter((line) => line.includes('：错误 '))
    expect(failures).toEqual([
      '[7/10] batch/z1-empty.txt：错误 EMPTY：文件为空。请重新获取该文件。',
      '[8/10] batch/z2-binary.txt：错误 BINARY：文件不是 Word 文档或文本。请确认文件类型。',
      '[9/10] batch/z3-truncated.docx：错误 TRUNCATED：文件已损坏或不完整。请重新获取该文件。',
      '[10/10] batch/z4-an-old-word-file-with-a-name-long-enough-to-wrap-at-eighty-columns.docx：错误 OLE：这是旧版 .doc/.wps 文件或加密的文件。旧版文件：安装 LibreOffice 后 jxmb 可直接转换（Debian/Ubuntu 安装 libreoffice-writer，Windows 从 libreoffice.org 下载），或用 Word/WPS 另存为 .docx；加密文件：去掉密码后另存为 .docx。',
    ])
    expect(lines.at(-1)).toBe('jxmb：共 10 个文件：24 个项目，174 条指标，0 条警告，4 个失败。输出：zh.xlsx')
    // The live line is gone at the end; nothing of it is left between the lines.
    expect(lines.filter((line) => line.startsWith('已完成'))).toEqual([])
  })

  it('in English with --lang en, plurals right', async () => {
    const { lines } = await onScreen(['convert', 'batch', '-o', 'en.xlsx', '--lang', 'en'], 'zh_CN.UTF-8')
    expect(lines.filter((line) => line.includes(': error ')).map((line) => line.slice(0, line.indexOf(': error ') + 8 + 5))).toEqual([
      '[7/10] batch/z1-empty.txt: error EMPTY',
      '[8/10] batch/z2-binary.txt: error BINAR',
      '[9/10] batch/z3-truncated.docx: error TRUNC',
      '[10/10] batch/z4-an-old-word-file-with-a-name-long-enough-to-wrap-at-eighty-columns.docx: error OLE: ',
    ])
    expect(lines.some((line) => line.includes('Save it as .docx') || line.includes('save it as .docx'))).toBe(true)
    expect(lines.at(-1)).toBe('jxmb: 10 files, 24 projects, 174 indicators, 0 warnings, 4 failed → en.xlsx')
  })

  it('LANG=en_US chooses English; the live line shows the file’s name, shortened from the left', async () => {
    const { lines } = await onScreen(['convert', 'batch', '-o', 'en2.xlsx'], 'en_US.UTF-8')
    expect(lines.at(-1)).toMatch(/^jxmb: 10 files/)
    const line = fitLine('已完成 9/10 · 用时 3 秒 · ', 'z4-an-old-word-file-with-a-name-long-enough-to-wrap-at-eighty-columns.docx', 79)
    expect(line).toMatch(/^已完成 9\/10 · 用时 3 秒 · …[a-z-]+-long-enough-to-wrap-at-eighty-columns\.docx$/)
    expect(stringWidth(line)).toBeLessThanOrEqual(79)
    expect(stringWidth(line)).toBeGreaterThanOrEqual(78)
    expect(fitLine('已完成 1/2 · ', '年度绩效目标表.docx', 79)).toBe('已完成 1/2 · 年度绩效目标表.docx')
    // Wide characters count two columns: 20 columns hold the head and the name's last characters.
    expect(stringWidth(fitLine('已完成 1/2 · ', '某某县农业农村局年度绩效目标表.docx', 24))).toBeLessThanOrEqual(24)
  })
})

describe('the command’s own words', () => {
  const cli = (args: string[], lang = 'zh_CN.UTF-8', cwd = dir, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [bin, ...args], { cwd, env: { ...shell(lang), ...env }, encoding: 'utf8' })

  it('--version prints the version', () => {
    const result = cli(['--version'])
    expect([result.status, result.stdout]).toEqual([0, `${version}\n`])
  })

  it('help is Chinese by default and names Markdown; English with --lang en', () => {
    const zh = cli(['convert', '--help'])
    expect(zh.stdout).toContain('用法：')
    expect(zh.stdout).toContain('选项：')
    expect(zh.stdout).toContain('输出文件（.xlsx、.json 或 .md）')
    expect(zh.stdout).toContain('（可选：json、xlsx、md）')
    const en = cli(['--lang', 'en', 'convert', '--help'])
    expect(en.stdout).toContain('Usage:')
    expect(en.stdout).toContain('output file (.xlsx, .json or .md)')
  })

  it('--encoding nonsense is a usage error (exit 2) before anything converts', () => {
    const result = cli(['convert', sample, '-o', join(dir, 'enc.json'), '--encoding', 'nonsense'])
    expect(result.status).toBe(2)
    expect(result.stderr).toBe('jxmb：不认识编码“nonsense”；可用 utf-8、gb18030、gbk、utf-16le、big5 等。\n')
  })

  it('an unknown option is said in Chinese, with where to find the usage', () => {
    const result = cli(['convert', sample, '--nonsense'])
    expect(result.status).toBe(2)
    expect(result.stderr).toBe('jxmb：不认识选项 --nonsense。\n运行 jxmb convert --help 查看用法。\n')
  })

  it('relative paths resolve from INIT_CWD (where pnpm was run), not from where the command runs', () => {
    const clerk = join(dir, 'clerk')
    mkdirSync(join(clerk, 'in'), { recursive: true })
    copyFileSync(sample, join(clerk, 'in', 'a.txt'))
    const result = cli(['convert', 'in', '-o', 'out.json'], 'zh_CN.UTF-8', root, { INIT_CWD: clerk })
    expect(result.status).toBe(0)
    expect(JSON.parse(readFileSync(join(clerk, 'out.json'), 'utf8')).documents[0].projects).toHaveLength(4)
    expect(result.stderr).toBe('[1/1] in/a.txt：4 个项目，29 条指标，0 条警告\njxmb：共 1 个文件：4 个项目，29 条指标，0 条警告，0 个失败。输出：out.json\n')
  })

  it('through `pnpm jxmb` from another folder, a relative path is the clerk’s', () => {
    const clerk = join(dir, 'through-pnpm')
    mkdirSync(join(clerk, 'in'), { recursive: true })
    copyFileSync(sample, join(clerk, 'in', 'b.txt'))
    const pnpm = process.env.npm_execpath?.includes('pnpm') ? [process.execPath, process.env.npm_execpath] : ['npx', '--yes', 'pnpm@10.34.9']
    const env = { ...process.env, LANG: 'zh_CN.UTF-8' } as Record<string, string | undefined>
    delete env.INIT_CWD
    execFileSync(pnpm[0]!, [...pnpm.slice(1), '--silent', '--dir', root, 'jxmb', 'convert', 'in', '-o', 'out.json'], { cwd: clerk, env, stdio: 'pipe' })
    expect(JSON.parse(readFileSync(join(clerk, 'out.json'), 'utf8')).documents[0].projects).toHaveLength(4)
  })

  it('folder search skips node_modules, hidden folders and links, and says what it skipped and why', () => {
    const folder = join(dir, 'search')
    mkdirSync(join(folder, 'node_modules', 'pkg'), { recursive: true })
    mkdirSync(join(folder, '.git'), { recursive: true })
    copyFileSync(sample, join(folder, 'a.txt'))
    writeFileSync(join(folder, 'node_modules', 'pkg', 'LICENSE.txt'), 'MIT License')
    writeFileSync(join(folder, '.git', 'notes.txt'), 'x')
    writeFileSync(join(folder, 'scan.pdf'), '%PDF-1.4')
    writeFileSync(join(folder, 'old.doc'), 'x')
    writeFileSync(join(folder, 'old.wps'), 'x')
    execFileSync('ln', ['-s', join(folder, 'a.txt'), join(folder, 'link.txt')])
    // A machine without LibreOffice: nothing on PATH (the command is started by its full path).
    const result = cli(['convert', folder, '-o', join(dir, 'search.json')], 'zh_CN.UTF-8', dir, { PATH: join(dir, 'no-programs'), JXMB_SOFFICE: '' })
    expect(result.status).toBe(0)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toEqual([
      `jxmb：跳过 ${join(folder, 'link.txt')}：是链接（不跟随）`,
      `jxmb：跳过 ${join(folder, 'old.doc')}：旧版 .doc/.wps/.rtf/.odt 文件，未安装 LibreOffice，请另存为 .docx 后再转换`,
      `jxmb：跳过 ${join(folder, 'old.wps')}：旧版 .doc/.wps/.rtf/.odt 文件，未安装 LibreOffice，请另存为 .docx 后再转换`,
      `[1/1] ${join(folder, 'a.txt')}：4 个项目，29 条指标，0 条警告`,
      `jxmb：共 1 个文件：4 个项目，29 条指标，0 条警告，0 个失败；跳过 不是 .docx/.txt 1 个、旧版 .doc/.wps/.rtf/.odt 2 个、链接 1 个。输出：${join(dir, 'search.json')}`,
      'jxmb：旧版 .doc、.wps、.rtf、.odt 文件：安装 LibreOffice 后 jxmb 可直接转换（Debian/Ubuntu 安装 libreoffice-writer，Windows 从 libreoffice.org 下载；或用 --soffice 指定 soffice 的位置），也可以用 Word 或 WPS 打开后“另存为” .docx，再转换。',
    ])
  })

  it('escape sequences in a file name and in a cell are printed as visible escapes, never sent to the terminal', () => {
    const folder = join(dir, 'escapes')
    mkdirSync(folder)
    const name = 'evil\u001b]0;pwned\u0007.txt'
    // A row of the header table no rule reads: its cells are shown with the warning.
    const text = readFileSync(sample, 'utf8').replace('\t项目编码', '\t\u001b[2J清屏\u001b[31m\n\t100\n\n\t项目编码')
    writeFileSync(join(folder, name), text)
    const result = cli(['convert', folder, '-o', join(dir, 'escapes.json')])
    expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/)
    expect(result.stderr).toContain('evil\\x1b]0;pwned\\x07.txt')
    expect(result.stderr).toContain('\\x1b[2J清屏\\x1b[31m')
    expect(printable('a\u202eb\u0085c\td')).toBe('a\\u202eb\\x85c\td')
  })

  it('the bundled command (packages/cli/bundle, what `bin` names) gives what the unbundled one gives', async () => {
    const bundle = fileURLToPath(new URL('../bundle/bin.js', import.meta.url))
    const docx = fileURLToPath(new URL('../../../fixtures/000_191d77da26007e67.docx', import.meta.url))
    for (const [entry, out] of [[bin, 'unbundled'], [bundle, 'bundled']] as const) {
      for (const reader of ['ooxml', 'mammoth']) {
        const result = spawnSync(process.execPath, [entry, 'convert', docx, sample, '-o', join(dir, `${out}-${reader}.json`), '--reader', reader], { env: shell('zh_CN.UTF-8'), encoding: 'utf8' })
        expect(result.status, `${out} ${reader}: ${result.stderr}`).toBe(0)
      }
      expect(spawnSync(process.execPath, [entry, 'convert', docx, '-o', join(dir, `${out}.xlsx`)], { env: shell('zh_CN.UTF-8') }).status).toBe(0)
    }
    for (const reader of ['ooxml', 'mammoth']) expect(readFileSync(join(dir, `bundled-${reader}.json`), 'utf8')).toBe(readFileSync(join(dir, `unbundled-${reader}.json`), 'utf8'))
    // ExcelJS is bundled too: the workbooks hold the same cells.
    const cells = async (file: string) => {
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.readFile(file)
      const rows: unknown[] = []
      workbook.eachSheet((sheet) => sheet.eachRow((row) => rows.push(row.values)))
      return rows
    }
    const bundled = await cells(join(dir, 'bundled.xlsx'))
    expect(bundled.length).toBeGreaterThan(30)
    expect(bundled).toEqual(await cells(join(dir, 'unbundled.xlsx')))
    expect(spawnSync(process.execPath, [bundle, '--version'], { encoding: 'utf8' }).stdout).toBe(`${version}\n`)
  })
})

/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The clerks' page in a real browser: Debian's Chromium driven by playwright-core, the built
 * dist/jxmb.html opened from file://. Files go in through the file input; what the page renders,
 * what it downloads and what it asks of the network are checked.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL, fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toWorkbook } from '@jxmb/export-xlsx'
import { codeText, pageTexts } from '@jxmb/messages'
import type { Failure, JxmbDocument } from '@jxmb/model'
import { parse } from '@jxmb/parser'
import { emitDocx, sampleDocument, workbookSheets } from '@jxmb/testkit'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const page = join(root, 'packages/web/dist/jxmb.html')
const chromiumPath = '/usr/bin/chromium'
const sampleText = join(root, 'fixtures/000_191d77da26007e67.txt')
const sampleDocx = join(root, 'fixtures/000_191d77da26007e67.docx')
const expectedDocx = JSON.parse(readFileSync(`${sampleDocx}.expected.json`, 'utf8')) as JxmbDocument

// CI installs Chromium (.ci/run); elsewhere the test says why it cannot run rather than pass.
const available = existsSync(chromiumPath)
if (!available && process.env.CI) throw new Error(`${chromiumPath} is missing: .ci/run installs Debian's chromium`)

let browser: Browser
let folder: string

beforeAll(async () => {
  if (!available) return
  if (!existsSync(page)) throw new Error(`${page} is missing: run pnpm build:web first`)
  folder = mkdtempSync(join(tmpdir(), 'jxmb-web-'))
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  })
})

afterAll(async () => {
  await browser?.close()
  if (folder) rmSync(folder, { recursive: true, force: true })
})

/** The page opened from disk, with every request it makes recorded. */
async function open(): Promise<{ tab: Page; requests: string[]; errors: string[] }> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 1000 } })
  const tab = await context.newPage()
  const requests: string[] = []
  const errors: string[] = []
  tab.on('request', (request) => requests.push(request.url()))
  tab.on('pageerror', (error) => errors.push(error.message))
  tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
  await tab.goto(pathToFileURL(page).href)
  return { tab, requests, errors }
}

async function finished(tab: Page, files: number): Promise<void> {
  await tab.waitForFunction((count) => document.querySelector('#status')?.textContent?.startsWith(`转换完成：共 ${count} 个文件`), files, { timeout: 120_000 })
}

describe.runIf(available)('the clerks’ page (Chromium, file://)', () => {
  it('converts the sample text, a .docx and a truncated .docx; shows tables, the bad file’s message; asks nothing of the network', async () => {
    const truncated = join(folder, '损坏.docx')
    writeFileSync(truncated, readFileSync(sampleDocx).subarray(0, 3000))
    const old = join(folder, '旧版.doc')
    writeFileSync(old, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))
    const { tab, requests, errors } = await open()
    expect(await tab.textContent('body')).toContain('文件只在本机处理，不会上传')
    await tab.setInputFiles('#files', [truncated, old, sampleText, sampleDocx])
    await finished(tab, 4)
    expect(await tab.textContent('#status')).toBe('转换完成：共 4 个文件，其中 2 个未能转换。')

    // The bad files: their Chinese message and advice from the catalogue, the others converted.
    await expect.poll(() => tab.locator('li.failed').count()).toBe(2)
    // An old .doc: the page says what the page can do (it cannot run LibreOffice, as the command can).
    const oldLine = await tab.locator('li.failed', { hasText: '旧版.doc' }).textContent()
    expect(oldLine).toContain(codeText('OLE', 'zh').title)
    expect(oldLine).toContain(pageTexts.zh.oldFormat)
    const failure = tab.locator('li.failed', { hasText: '损坏.docx' })
    const truncatedText = codeText('TRUNCATED', 'zh')
    expect(await failure.textContent()).toContain(truncatedText.title)
    expect(await failure.textContent()).toContain(truncatedText.advice)
    expect(await tab.locator('li.converted').count()).toBe(2)

    // The .docx's tables, cell by cell, against its expected JSON (reviewed by hand).
    const docxItem = tab.locator('li.converted', { hasText: '000_191d77da26007e67.docx' })
    await docxItem.locator('summary').click()
    const projects = docxItem.locator('section.project')
    await projects.first().waitFor()
    expect(await projects.count()).toBe(expectedDocx.projects.length)
    for (const [index, project] of expectedDocx.projects.entries()) {
      const rows = await projects.nth(index).locator('table.indicators tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)))
      expect(rows.map((cells) => cells.slice(0, 5))).toEqual(project.indicators.map((i) => [i.level1, i.level2, i.level3, i.description, i.value.raw]))
      const fields = await projects.nth(index).locator('table.fields tr').evaluateAll((trs) => Object.fromEntries(trs.map((tr) => [tr.querySelector('th')!.textContent, tr.querySelector('td')!.textContent])))
      expect(fields['项目编码']).toBe(project.code)
      expect(fields['项目名称']).toBe(project.name)
    }
    // 指标值 with its parsed form: a quantity shows its comparator, number and unit.
    const quantity = expectedDocx.projects.flatMap((p) => p.indicators).find((i) => i.value.parsed.kind === 'quantity')!
    const parsed = quantity.value.parsed as { comparator: string | null; number: number; unit: string }
    expect(await docxItem.locator('table.indicators td').allTextContents()).toContain([parsed.comparator ?? '', String(parsed.number), parsed.unit].filter(Boolean).join(' '))
    // The 校验 list, with places.
    expect(await docxItem.locator('section.checks h3').textContent()).toBe('校验')

    expect(requests.filter((url) => url !== pathToFileURL(page).href && !url.startsWith('blob:'))).toEqual([])
    expect(errors).toEqual([])
    // The policy itself: a connection the page would try is refused before it is made.
    const refused = await tab.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true })
          setTimeout(() => resolve('no policy refused it'), 5000)
          void fetch('http://127.0.0.1:9/').catch(() => undefined)
        }),
    )
    expect(refused).toBe('connect-src')
    await tab.screenshot({ path: join(folder, 'web.png'), fullPage: false })
    if (process.env.JXMB_SCREENSHOT) writeFileSync(process.env.JXMB_SCREENSHOT, readFileSync(join(folder, 'web.png')))
    await tab.context().close()
  })

  it('takes a picked folder (subfolders too) and a drop; lists what it does not convert', async () => {
    const picked = join(folder, '提交材料')
    mkdirSync(join(picked, '二级单位'), { recursive: true })
    copyFileSync(sampleText, join(picked, 'a.txt'))
    copyFileSync(sampleDocx, join(picked, '二级单位', 'b.docx'))
    writeFileSync(join(picked, '说明.pdf'), '%PDF-1.4')
    const { tab, errors } = await open()
    await tab.setInputFiles('#folder', picked)
    await finished(tab, 2)
    const names = await tab.locator('li.converted .name').allTextContents()
    expect(names.sort()).toEqual(['提交材料/a.txt', '提交材料/二级单位/b.docx'])
    expect(await tab.locator('li.skipped').textContent()).toBe('提交材料/说明.pdf：不是 .docx 或 .txt 文件，未转换')

    // A drop: the files of a DataTransfer, as a drag from the desktop hands them over.
    const text = readFileSync(sampleText, 'utf8')
    await tab.evaluate((content) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([content], 'dropped.txt', { type: 'text/plain' }))
      document.querySelector('#drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
    }, text)
    await finished(tab, 3)
    expect(await tab.locator('li.converted .name', { hasText: 'dropped.txt' }).count()).toBe(1)
    expect(errors).toEqual([])
    await tab.context().close()
  })

  it('downloads the same workbook as the command writes for the same inputs', async () => {
    const { tab } = await open()
    const truncated = join(folder, 'bad.docx')
    writeFileSync(truncated, readFileSync(sampleDocx).subarray(0, 3000))
    await tab.setInputFiles('#files', [sampleText, sampleDocx, truncated])
    await finished(tab, 3)
    const [download] = await Promise.all([tab.waitForEvent('download'), tab.click('button[data-format="xlsx"]')])
    expect(download.suggestedFilename()).toBe('汇总.xlsx')
    const fromPage = readFileSync((await download.path())!)

    // What the command builds for the same files: the same exporter over the parser's documents and failures.
    const documents: JxmbDocument[] = []
    const failures: Failure[] = []
    for (const file of [sampleText, sampleDocx, truncated]) {
      const name = file.split('/').pop()!
      try {
        documents.push(await parse(new Uint8Array(readFileSync(file)), { file: name }))
      } catch (error) {
        const coded = error as { code: string; message: string }
        failures.push({ file: name, code: coded.code, message: coded.message })
      }
    }
    const expected = await toWorkbook(documents, { failures })
    expect(await workbookSheets(fromPage)).toEqual(await workbookSheets(expected))
    expect((await workbookSheets(fromPage)).find((sheet) => sheet.name === '指标')!.rows.length).toBeGreaterThan(20)

    for (const format of ['json', 'markdown'] as const) {
      const [file] = await Promise.all([tab.waitForEvent('download'), tab.click(`button[data-format="${format}"]`)])
      const text = readFileSync((await file.path())!, 'utf8')
      expect(text).toContain(expectedDocx.projects[0]!.name)
    }
    await tab.context().close()
  })

  it('converts a 200-file drop while answering clicks within 200 ms', async () => {
    const variety = await Promise.all(Array.from({ length: 20 }, (_, n) => emitDocx(sampleDocument(500 + n, { minProjects: 1, maxProjects: 4, maxIndicators: 25 }))))
    const files = Array.from({ length: 200 }, (_, n) => ({ name: `${String(n).padStart(3, '0')}.docx`, mimeType: 'application/octet-stream', buffer: Buffer.from(variety[n % variety.length]!) }))
    const { tab, errors } = await open()
    const started = Date.now()
    await tab.setInputFiles('#files', files)
    // While it converts: the time from a click to its handler, measured in the page.
    const delays: number[] = []
    for (let probe = 0; probe < 10; probe++) {
      const status = await tab.textContent('#status')
      if (status?.startsWith('转换完成')) break
      delays.push(
        await tab.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const button = document.querySelector<HTMLElement>('#drop')!
              const sent = performance.now()
              button.addEventListener('click', () => resolve(performance.now() - sent), { once: true })
              setTimeout(() => button.click(), 0)
            }),
        ),
      )
      await tab.waitForTimeout(50)
    }
    await finished(tab, 200)
    const seconds = (Date.now() - started) / 1000
    expect(delays.length).toBeGreaterThan(0)
    expect(delays.reduce((a, b) => Math.max(a, b), 0)).toBeLessThan(200)
    expect(await tab.locator('li.converted').count()).toBe(200)
    expect(errors).toEqual([])
    console.log(`200 files in ${seconds.toFixed(1)} s; click delays while converting: ${delays.map((d) => d.toFixed(0)).join(', ')} ms`)
    await tab.context().close()
  })
})

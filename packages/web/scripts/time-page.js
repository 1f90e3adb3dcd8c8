#!/usr/bin/env node
// Times the built page in headless Chromium (Debian's /usr/bin/chromium): load, then the sample text and the
// sample .docx each from the file's choice to 转换完成 (the worker's start included), five runs each.
// node packages/web/scripts/time-page.js   (after pnpm build:web)
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const page = pathToFileURL(`${root}packages/web/dist/jxmb.html`).href
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
try {
  for (const file of ['fixtures/000_191d77da26007e67.txt', 'fixtures/000_191d77da26007e67.docx']) {
    const runs = []
    for (let run = 0; run < 5; run++) {
      const tab = await browser.newPage()
      const started = Date.now()
      await tab.goto(page)
      const loaded = Date.now()
      await tab.setInputFiles('#files', [root + file])
      await tab.waitForFunction(() => document.querySelector('#status')?.textContent?.startsWith('转换完成'))
      runs.push(`${loaded - started}/${Date.now() - loaded}`)
      await tab.close()
    }
    console.log(`${file}: load ms / convert ms: ${runs.join(', ')}`)
  }
} finally {
  await browser.close()
}

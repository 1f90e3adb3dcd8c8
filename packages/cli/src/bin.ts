#!/usr/bin/env node
import { existsSync } from 'node:fs'
import { startEarlyWorker } from './pool.js'

// Bundled, ExcelJS's dependencies no longer sit in node_modules, so Node would tell the clerk of their
// deprecated calls (new Buffer()): nothing the clerk can act on.
process.noDeprecation = true

// A reader of standard output that goes away (`jxmb convert … -o - | head`) is not an error to show.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
})

// `pnpm jxmb …` runs in the project's folder and names the clerk's folder in INIT_CWD:
// relative paths mean what they meant where the clerk typed them. Worker threads share the cwd.
const initial = process.env.INIT_CWD
if (initial && existsSync(initial)) process.chdir(initial)

const argv = process.argv.slice(2)
// The first worker starts loading the parser while this thread loads the command (imported below, not at the top).
if (argv[0] === 'convert') startEarlyWorker()
const [{ chooseLanguage, run }, { commandTexts }, { printable }] = await Promise.all([import('./run.js'), import('@jxmb/messages'), import('./printable.js')])
try {
  process.exitCode = await run(argv)
} catch (error) {
  // A bug: one line for the clerk, the stack only when asked for.
  const t = commandTexts[chooseLanguage(argv, process.env).language]
  process.stderr.write(`${t.prefix}${t.unexpected(printable(error instanceof Error ? error.message : String(error)))}\n`)
  if (process.env.JXMB_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`)
  process.exitCode = 70
}

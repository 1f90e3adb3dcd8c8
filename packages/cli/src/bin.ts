#!/usr/bin/env node
import { run } from './run.js'

// A reader of standard output that goes away (`jxmb convert … -o - | head`) is not an error to show.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
})

try {
  process.exitCode = await run(process.argv.slice(2))
} catch (error) {
  // A bug: one line for the clerk, the stack only when asked for.
  process.stderr.write(`jxmb: unexpected error (please report it): ${error instanceof Error ? error.message : String(error)}\n`)
  if (process.env.JXMB_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`)
  process.exitCode = 70
}

#!/usr/bin/env node
// Bundles the command (packages/cli/dist/bin.js and its worker) into packages/cli/bundle/ with esbuild:
// one file for the main thread and one for the worker, each exporter and mammoth split into a chunk of
// its own that loads only when its format or reader is asked for. Loading one bundle instead of some
// hundred ES modules is most of the command's start-up (see the README's performance section).
// ExcelJS is bundled too, into the .xlsx exporter's chunk: required from node_modules it loads 627
// CommonJS files, 0.32 s, most of it resolving and reading them.
import { build } from 'esbuild'
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../packages/cli/', import.meta.url))
rmSync(`${cli}bundle`, { recursive: true, force: true })
await build({
  entryPoints: [`${cli}dist/bin.js`, `${cli}dist/worker.js`],
  outdir: `${cli}bundle`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies bundled into ES modules still call require() for Node's own modules.
  banner: { js: "import { createRequire as __jxmbRequire } from 'node:module'; const require = __jxmbRequire(import.meta.url);" },
  logLevel: 'warning',
})

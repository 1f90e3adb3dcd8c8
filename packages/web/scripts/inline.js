#!/usr/bin/env node
// Makes dist/index.html one self-contained file, dist/jxmb.html: Vite's script and style are put inline,
// so that the page works from file://, a USB stick or an e-mail attachment, with no file beside it.
// The workers are inline already (`?worker&inline`: blob: URLs made from strings in the script).
import { readFileSync, writeFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const dist = fileURLToPath(new URL('../dist/', import.meta.url))
let html = readFileSync(join(dist, 'index.html'), 'utf8')
const assets = new Set()
// A `</script` inside the code would end the element early; `<\/script` means the same in JavaScript strings and regexps.
const safe = (code) => code.replace(/<\/(script)/gi, '<\\/$1')
html = html.replace(/<script type="module" crossorigin src="\.\/(assets\/[^"]+)"><\/script>/g, (_, file) => {
  assets.add(file)
  return `<script type="module">${safe(readFileSync(join(dist, file), 'utf8'))}</script>`
})
html = html.replace(/<link rel="stylesheet" crossorigin href="\.\/(assets\/[^"]+)">/g, (_, file) => {
  assets.add(file)
  return `<style>${readFileSync(join(dist, file), 'utf8')}</style>`
})
if (/\.\/assets\//.test(html)) throw new Error('dist/index.html still names a file in assets/: the page would not stand alone')
writeFileSync(join(dist, 'jxmb.html'), html)
// What each part weighs, minified and gzipped.
const sizes = {}
for (const file of readdirSync(join(dist, 'assets'))) {
  const bytes = readFileSync(join(dist, 'assets', file))
  sizes[file] = { bytes: bytes.length, gzip: gzipSync(bytes).length }
}
// The workers, inside the page's script as strings (measured by vite.config.ts as they were bundled).
for (const [worker, size] of Object.entries(JSON.parse(readFileSync(join(dist, 'worker-sizes.json'), 'utf8')))) sizes[`(inline) ${worker}`] = size
const page = readFileSync(join(dist, 'jxmb.html'))
sizes['jxmb.html'] = { bytes: page.length, gzip: gzipSync(page).length }
writeFileSync(join(dist, 'sizes.json'), JSON.stringify(sizes, null, 2) + '\n')
for (const [file, { bytes, gzip }] of Object.entries(sizes)) console.log(`${file}: ${(bytes / 1024).toFixed(1)} KiB, ${(gzip / 1024).toFixed(1)} KiB gzipped`)

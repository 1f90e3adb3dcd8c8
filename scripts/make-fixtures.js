#!/usr/bin/env node
// Writes the committed .docx / text fixtures and their expected JSON.
//   pnpm fixtures              expected JSON only; existing inputs are kept as they are
//   pnpm fixtures --rewrite    write the inputs again too (.docx bytes change: they hold dates)
// Review `git diff fixtures/` by hand before committing what it changes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { toJson } from '@jxmb/export-json'
import { parse } from '@jxmb/parser'
import { emitDocx, emitTika, sampleDocument } from '@jxmb/testkit'

const fixtures = new URL('../fixtures/', import.meta.url)

const rewrite = process.argv.includes('--rewrite')

async function write(relative, bytes) {
  const url = new URL(relative, fixtures)
  if (rewrite || !existsSync(url)) writeFileSync(url, bytes)
  const document = await parse(new Uint8Array(readFileSync(url)), { file: basename(relative) })
  writeFileSync(new URL(relative.replace(/\.(txt|docx)$/, '.$1.expected.json'), fixtures), toJson(document))
  const indicators = document.projects.reduce((sum, p) => sum + p.indicators.length, 0)
  console.log(`${relative}: ${document.projects.length} projects, ${indicators} indicators, ${document.diagnostics.length} diagnostics`)
}

// The real sample, rebuilt as Word would have it, from what the text gives.
const sampleName = '000_191d77da26007e67'
const sample = await parse(new Uint8Array(readFileSync(new URL(`${sampleName}.txt`, fixtures))), { file: `${sampleName}.txt` })
await write(`${sampleName}.docx`, await emitDocx(sample))

// Generated documents, each as Tika text and as .docx.
const generated = [
  { name: 'one-project-60-indicators', seed: 101, shape: { minProjects: 1, maxProjects: 1, minIndicators: 60, maxIndicators: 60 }, quirks: { joinLevel1Rows: true } },
  { name: 'six-projects', seed: 202, shape: { minProjects: 6, maxProjects: 6, maxIndicators: 20 }, quirks: { crlf: true, bom: true } },
  { name: 'three-projects', seed: 303, shape: { minProjects: 3, maxProjects: 3, maxIndicators: 12 }, quirks: { trailingWhitespace: true, spaceInEmptyCells: true } },
]
for (const { name, seed, shape, quirks } of generated) {
  const document = sampleDocument(seed, shape)
  await write(`generated/${name}.txt`, emitTika(document, quirks))
  await write(`generated/${name}.docx`, await emitDocx(document))
}
// Word artefacts in cells: tracked changes, hyperlinks, footnotes, fields, images, soft breaks, headers/footers.
await write('generated/artefacts.docx', await emitDocx(sampleDocument(404, { minProjects: 2, maxProjects: 2, maxIndicators: 10 }), { artefacts: true }))

#!/usr/bin/env node
// Writes the committed .docx / text fixtures and their expected JSON.
//   pnpm fixtures              expected JSON only; existing inputs are kept as they are
//   pnpm fixtures --rewrite    write the inputs again too (.docx bytes change: they hold dates)
// A generated fixture must parse back to the model it was made from, or this script fails.
// Review `git diff fixtures/` by hand before committing what it changes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import iconv from 'iconv-lite'
import { toJson } from '@jxmb/export-json'
import { parse } from '@jxmb/parser'
import { arbitrary, emitDocx, emitTabText, emitTika, forms, gridDocx, gridTabText, gridTika, sampleDocument, stripPositions } from '@jxmb/testkit'

const fixtures = new URL('../fixtures/', import.meta.url)
const rewrite = process.argv.includes('--rewrite')
mkdirSync(new URL('generated/', fixtures), { recursive: true })
mkdirSync(new URL('variants/', fixtures), { recursive: true })
mkdirSync(new URL('forms/', fixtures), { recursive: true })

async function write(relative, bytes, model) {
  const url = new URL(relative, fixtures)
  if (rewrite || !existsSync(url)) writeFileSync(url, bytes)
  const document = await parse(new Uint8Array(readFileSync(url)), { file: basename(relative) })
  if (model) {
    const { source: _a, ...got } = stripPositions(document)
    const { source: _b, ...want } = model
    if (!isDeepStrictEqual(got, want)) throw new Error(`${relative} does not parse back to its model`)
  }
  writeFileSync(new URL(relative.replace(/\.(txt|docx)$/, '.$1.expected.json'), fixtures), toJson(document))
  const indicators = document.projects.reduce((sum, p) => sum + p.indicators.length, 0)
  console.log(`${relative}: ${document.projects.length} projects, ${indicators} indicators, ${document.diagnostics.length} diagnostics`)
}

/** The same model as Tika text and as .docx. */
async function pair(relative, model, options = {}) {
  await write(`${relative}.txt`, emitTika(model, options), model)
  await write(`${relative}.docx`, await emitDocx(model, options), model)
}

// The real sample, rebuilt as Word would have it, from what the text gives.
const sampleName = '000_191d77da26007e67'
const sample = await parse(new Uint8Array(readFileSync(new URL(`${sampleName}.txt`, fixtures))), { file: `${sampleName}.txt` })
await write(`${sampleName}.docx`, await emitDocx(sample))

// Generated documents, each as Tika text and as .docx.
await pair('generated/one-project-60-indicators', sampleDocument(101, { minProjects: 1, maxProjects: 1, minIndicators: 60, maxIndicators: 60 }), { joinLevel1Rows: true })
await pair('generated/six-projects', sampleDocument(202, { minProjects: 6, maxProjects: 6, maxIndicators: 20 }), { crlf: true, bom: true })
await pair('generated/three-projects', sampleDocument(303, { minProjects: 3, maxProjects: 3, maxIndicators: 12 }), { trailingWhitespace: true, spaceInEmptyCells: true })
// Word artefacts in cells: tracked changes, hyperlinks, footnotes, fields, images, soft breaks, headers/footers.
await write('generated/artefacts.docx', await emitDocx(sampleDocument(404, { minProjects: 2, maxProjects: 2, maxIndicators: 10 }), { artefacts: true }))

// Real-world variety (issue 6): one fixture per variant.
const base = (seed, shape = {}) => sampleDocument(seed, { minProjects: 2, maxProjects: 2, maxIndicators: 10, ...shape })
const withColumns = (document, template) => {
  const labels = arbitrary.columnTemplates[template]
  for (const project of document.projects) {
    project.indicatorColumns = [...labels]
    project.indicators = arbitrary.fitToColumns(project.indicators, labels, ['正向', '10', '%', '定量'])
  }
  return document
}
await pair('variants/extra-columns', withColumns(base(501), 1))
await pair('variants/spaced-labels-no-description-no-basis', withColumns(base(502), 2))
await pair('variants/value-with-unit-label-no-description', withColumns(base(503), 3))
await pair('variants/two-value-columns', withColumns(base(504), 4))
const cost2021 = base(505)
for (const project of cost2021.projects) {
  const levels = [['产出指标', '数量指标'], ['成本指标', '经济成本指标'], ['成本指标', '社会成本指标'], ['成本指标', '生态环境成本指标'], ['效益指标', '社会效益指标'], ['满意度指标', '服务对象满意度指标']]
  project.indicators = levels.map(([level1, level2], n) => ({ ...project.indicators[n % project.indicators.length], level1, level2 }))
}
await pair('variants/cost-indicators-2021', cost2021)
await pair('variants/repeated-header', base(506, { minIndicators: 12, maxIndicators: 12 }), { repeatHeaderEvery: 5 })
await pair('variants/combined-table', base(507), { combinedTable: true })
const schedules = base(508, { minProjects: 3, maxProjects: 3 })
const periodSets = [['一季度', '二季度', '三季度', '四季度'], ['9月底', '12月底'], ['2月底', '4月底', '6月底', '8月底', '10月底', '12月底']]
schedules.projects.forEach((project, n) => {
  const periods = periodSets[n]
  project.schedule = periods.map((period, i) => {
    const percent = i === periods.length - 1 ? 100 : Math.round(((i + 1) * 100) / periods.length)
    return { period, raw: `${percent}%`, percent }
  })
})
await pair('variants/schedule-periods', schedules)
const withDepartmentTable = base(509)
withDepartmentTable.department.indicatorColumns = [...arbitrary.columnTemplates[0]]
withDepartmentTable.department.indicators = base(510).projects[0].indicators
await pair('variants/department-indicator-table', withDepartmentTable)

const withFields = base(513)
withFields.projects.forEach((project, n) => {
  project.fields = { 主管部门及代码: `[10${n}]某某局`, 实施单位: project.unit.name, 项目属性: n ? '新增项目' : '延续项目' }
})
await pair('variants/header-fields', withFields)

// Text dialects and encodings.
const plain = base(511)
await write('variants/tab-per-row.txt', emitTabText(plain), { ...plain, source: { format: 'tab-text' } })
await write('variants/gb18030.txt', iconv.encode(emitTika(plain), 'gb18030'), plain)
await write('variants/utf16le-bom.txt', iconv.encode(emitTika(plain), 'utf16le', { addBOM: true }), plain)
await write('variants/utf16be-bom.txt', iconv.encode(emitTika(plain), 'utf16-be', { addBOM: true }), plain)
await write('variants/gbk-tab-per-row.txt', iconv.encode(emitTabText(plain), 'gbk'), plain)

// Prose and no tables: converts, with a diagnostic.
const proseOnly = base(512)
await write('variants/prose-only.txt', emitTika({ ...proseOnly, projects: [] }))

// Forms of other templates (@jxmb/testkit's forms), each in the three inputs. Their expected
// JSON was read by hand; forms.test.ts checks the key fields of each against its own expectation.
for (const [name, { paragraphs, grid }] of Object.entries(forms)) {
  const stem = `forms/${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`
  // A tree's indents: paragraph indents in the .docx, full-width spaces typed in the text forms.
  await write(`${stem}.docx`, gridDocx(paragraphs, grid, 'paragraph'))
  await write(`${stem}.txt`, gridTika(paragraphs, grid, 'ideographic'))
  await write(`${stem}.tab.txt`, gridTabText(paragraphs, grid, 'ideographic'))
}

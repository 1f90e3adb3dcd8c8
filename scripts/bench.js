#!/usr/bin/env node
// jxmb benchmark:  pnpm bench  [--quick] [--out bench-results.json] [--batch 1000]
// Measures, on generated documents of 1, 20 and 200 projects:
//   - text parse throughput (MB/s), from bytes (decoding included) and from a string,
//     beside two yardsticks of this machine on the same bytes: TextDecoder alone, and
//     textFloor below (decode, split the lines, build the bare indicator objects)
//   - .docx: parse() with the own reader against its floor (unzip of word/document.xml + one saxes pass)
//     and against the mammoth reader; .docx → .xlsx per document beside mammoth's convertToHtml alone
//     (HTML → blocks, interpretation, Excel export), and the whole pipeline's
//     ratio to mammoth alone (target ≤ 1.3×), from runs of the two in alternation
//   - Excel export time per 1,000 indicator rows
//   - a batch of N .docx files into one workbook through the CLI: peak memory
//     (target < 500 MB for 1,000) and the speed-up of --jobs 2 over --jobs 1 (target ≥ 1.6×)
// Prints a table and writes the figures as JSON.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import mammoth from 'mammoth'
import { strFromU8, unzipSync } from 'fflate'
import { SaxesParser } from 'saxes'
import { Bench } from 'tinybench'
import { Worker } from 'node:worker_threads'
import { createWorkbook } from '@jxmb/export-xlsx'
import { interpret, parseDocx, parseText } from '@jxmb/parser'
import { htmlToBlocks } from '@jxmb/parser/mammoth'
import { emitDocx, emitTika, sampleDocument } from '@jxmb/testkit'

const args = process.argv.slice(2)
const quick = args.includes('--quick')
const option = (name, fallback) => {
  const index = args.indexOf(name)
  return index >= 0 ? args[index + 1] : fallback
}
const outFile = option('--out', 'bench-results.json')
const batchSize = Number(option('--batch', quick ? 100 : 1000))
const time = quick ? 300 : 1500
const cli = fileURLToPath(new URL('../packages/cli/dist/bin.js', import.meta.url))

const results = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, sizes: [], batch: undefined }
const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits
/** The middle value; the mean of the middle two when the count is even. */
const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * `b`'s time over `a`'s, run in alternation so that both see the same machine:
 * on a shared VM the speed drifts by a tenth or more between tinybench tasks.
 * The median of each, after two warm-up rounds.
 */
async function pairedRatio(a, b, rounds) {
  const times = { a: [], b: [] }
  const warmUp = 2
  for (let round = 0; round < warmUp + rounds; round++) {
    for (const [key, task] of [['a', a], ['b', b]]) {
      const started = performance.now()
      await task()
      if (round >= warmUp) times[key].push(performance.now() - started)
    }
  }
  return { a: median(times.a), b: median(times.b), ratio: median(times.b) / median(times.a) }
}

/**
 * The least any parser returning this model could do with Tika text: decode,
 * split the lines, and make each six-cell row an indicator object shaped like
 * the model's (position, value, parsed value, extra), with no labels read, no
 * header, no values parsed. Fitted to the generated documents; not a parser.
 */
function textFloor(bytes) {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  const indicators = []
  let cells = []
  let firstLine = 0
  let line = 0
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    line++
    if (text.charCodeAt(start) === 9) {
      if (cells.length === 0) firstLine = line
      cells.push(text.slice(start + 1, end).trim())
    } else if (end === start && cells.length > 0) {
      if (cells.length === 6) {
        const [level1, level2, level3, description, raw, basis] = cells
        indicators.push({
          type: 'indicator', level1, level2, level3, description, value: { raw, parsed: { kind: 'qualitative' } }, basis, extra: {},
          position: { start: { line: firstLine, column: 1 }, end: { line, column: 1 } },
        })
      }
      cells = []
    }
    start = end + 1
  }
  return indicators
}

/** The own reader's yardstick: unzip word/document.xml and one saxes pass over it, nothing built. */
function docxFloor(docx) {
  const xml = strFromU8(unzipSync(docx, { filter: (entry) => entry.name === 'word/document.xml' })['word/document.xml'])
  const parser = new SaxesParser({ xmlns: false, position: false })
  let events = 0
  parser.on('opentag', () => events++)
  parser.on('closetag', () => events++)
  parser.on('text', () => events++)
  parser.write(xml).close()
  return events
}

async function xlsx(document) {
  const workbook = createWorkbook()
  workbook.add(document)
  return workbook.toBuffer()
}

for (const projects of [1, 20, 200]) {
  const model = sampleDocument(7000 + projects, { minProjects: projects, maxProjects: projects, minIndicators: 10, maxIndicators: 40 })
  const indicators = model.projects.reduce((sum, p) => sum + p.indicators.length, 0)
  const text = new TextEncoder().encode(emitTika(model))
  const decoded = new TextDecoder().decode(text)
  const docx = await emitDocx(model)
  const html = (await mammoth.convertToHtml({ buffer: Buffer.from(docx) })).value
  const parsed = await parseDocx(docx)
  const source = { format: 'docx' }
  const blocks = htmlToBlocks(html)
  const mammothAlone = () => mammoth.convertToHtml({ buffer: Buffer.from(docx) })
  const pipeline = async () => xlsx(await parseDocx(docx))
  const parseOwn = () => parseDocx(docx)

  // tinybench runs a task until both `time` and `iterations` are spent: keep both small for the 200-project size.
  // Warm up by time too: means are taken, and a one-project task's first, unoptimised runs
  // would otherwise weigh on them (text parse of one project read 9.5 MB/s with one warm-up run, ~25 in a loop).
  const bench = new Bench({ time, iterations: quick ? 2 : 5, warmupTime: quick ? 100 : 300, warmupIterations: 1 })
  bench
    .add('text parse', () => void parseText(text))
    .add('text parse (string)', () => void parseText(decoded))
    .add('TextDecoder', () => void new TextDecoder('utf-8', { fatal: true }).decode(text))
    .add('text floor', () => void textFloor(text))
    .add('mammoth convertToHtml', async () => void (await mammothAlone()))
    .add('docx floor', () => void docxFloor(docx))
    .add('parse docx (own reader)', async () => void (await parseOwn()))
    .add('parse docx (mammoth)', async () => void (await parseDocx(docx, { reader: 'mammoth' })))
    .add('html → blocks', () => void htmlToBlocks(html))
    .add('interpret', () => void interpret(blocks, source))
    .add('xlsx export', async () => void (await xlsx(parsed)))
    .add('docx → xlsx pipeline', async () => void (await pipeline()))
  await bench.run()
  const mean = (name) => bench.getTask(name).result.latency.mean
  const paired = await pairedRatio(mammothAlone, pipeline, quick ? 5 : projects === 1 ? 60 : projects === 20 ? 15 : 5)
  const pairedFloor = await pairedRatio(async () => docxFloor(docx), parseOwn, quick ? 5 : projects === 1 ? 60 : projects === 20 ? 15 : 5)
  const row = {
    projects,
    indicators,
    textBytes: text.length,
    docxBytes: docx.length,
    textParseMs: round(mean('text parse'), 3),
    textMBps: round(text.length / 1e6 / (mean('text parse') / 1000), 1),
    textStringMBps: round(text.length / 1e6 / (mean('text parse (string)') / 1000), 1),
    decoderMBps: round(text.length / 1e6 / (mean('TextDecoder') / 1000), 1),
    floorMBps: round(text.length / 1e6 / (mean('text floor') / 1000), 1),
    mammothMs: round(mean('mammoth convertToHtml'), 3),
    blocksMs: round(mean('html → blocks'), 3),
    interpretMs: round(mean('interpret'), 3),
    xlsxMs: round(mean('xlsx export'), 3),
    xlsxMsPer1000Rows: round((mean('xlsx export') / indicators) * 1000, 1),
    pipelineMs: round(mean('docx → xlsx pipeline'), 3),
  }
  row.docxFloorMs = round(mean('docx floor'), 3)
  row.parseOwnMs = round(mean('parse docx (own reader)'), 3)
  row.parseMammothMs = round(mean('parse docx (mammoth)'), 3)
  row.parseToFloor = round(pairedFloor.ratio, 3)
  // The target's ratio, from the paired runs (medians); the tinybench means above are for the split.
  row.pairedMammothMs = round(paired.a, 3)
  row.pairedPipelineMs = round(paired.b, 3)
  row.pipelineToMammoth = round(paired.ratio, 3)
  results.sizes.push(row)
  console.error(`measured ${projects} project(s)`)
}

// The 200-project document as LibreOffice writes it (about 5× the XML of the docx library's), when soffice is here.
if (spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0) {
  const folder = mkdtempSync(join(tmpdir(), 'jxmb-bench-lo-'))
  try {
    const model = sampleDocument(7200, { minProjects: 200, maxProjects: 200, minIndicators: 10, maxIndicators: 40 })
    writeFileSync(join(folder, 'in.docx'), await emitDocx(model))
    mkdirSync(join(folder, 'out'))
    const converted = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${folder}/profile`, '--convert-to', 'docx', '--outdir', join(folder, 'out'), join(folder, 'in.docx')], { stdio: 'ignore', timeout: 120_000 })
    if (converted.status === 0) {
      const docx = new Uint8Array(readFileSync(join(folder, 'out', 'in.docx')))
      const paired = await pairedRatio(async () => docxFloor(docx), () => parseDocx(docx), quick ? 3 : 9)
      results.libreOffice = { docxBytes: docx.length, xmlBytes: unzipSync(docx, { filter: (entry) => entry.name === 'word/document.xml' })['word/document.xml'].length, floorMs: round(paired.a, 1), parseMs: round(paired.b, 1), parseToFloor: round(paired.ratio, 3) }
      console.error('measured the LibreOffice document')
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

// A batch of .docx files through the CLI, in a child process per run: peak RSS and --jobs speed-up.
const folder = mkdtempSync(join(tmpdir(), 'jxmb-bench-'))
if (batchSize > 0) try {
  mkdirSync(join(folder, 'in'))
  const variety = await Promise.all(
    Array.from({ length: 20 }, (_, n) => emitDocx(sampleDocument(9000 + n, { minProjects: 1, maxProjects: 6, maxIndicators: 30 }))),
  )
  for (let n = 0; n < batchSize; n++) writeFileSync(join(folder, 'in', `${String(n).padStart(4, '0')}.docx`), variety[n % variety.length])
  const runBatch = (jobs) => {
    const out = join(folder, `out-${jobs}.xlsx`)
    const started = performance.now()
    // /usr/bin/time is not everywhere; the CLI reports its own peak RSS with JXMB_REPORT_RSS.
    const child = spawnSync(process.execPath, [cli, 'convert', join(folder, 'in'), '-o', out, '--force', '--jobs', String(jobs)], {
      env: { ...process.env, JXMB_REPORT_RSS: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 2 ** 20,
    })
    if (child.status !== 0) throw new Error(`the batch run failed: ${child.stderr.toString().slice(-500)}`)
    const stderr = child.stderr.toString()
    const seconds = (performance.now() - started) / 1000
    const rss = /peak RSS (\d+) KiB/.exec(stderr)
    return { jobs, seconds: round(seconds, 2), peakRssMB: rss ? round(Number(rss[1]) / 1024, 1) : null }
  }
  // The ceiling of --jobs 2: mammoth alone converting the same documents in one worker
  // thread, then in two at once (each the same count). No pipeline that spends most of its
  // time in mammoth can scale better than mammoth itself does on this machine.
  const mammothThreads = async (threads, count) => {
    const workers = Array.from(
      { length: threads },
      () => new Worker(new URL('./bench-mammoth-worker.js', import.meta.url), { workerData: { documents: variety, count } }),
    )
    try {
      const message = (worker) => new Promise((resolve, reject) => { worker.once('message', resolve); worker.once('error', reject) })
      await Promise.all(workers.map(message))
      const started = performance.now()
      const done = workers.map(message)
      for (const worker of workers) worker.postMessage('go')
      await Promise.all(done)
      return (performance.now() - started) / 1000
    } finally {
      await Promise.all(workers.map((worker) => worker.terminate()))
    }
  }
  const mammothScaling = async () => {
    const count = quick ? 60 : 200
    const one = await mammothThreads(1, 2 * count)
    const two = await mammothThreads(2, count)
    return { oneThreadSeconds: round(one, 2), twoThreadsSeconds: round(two, 2), speedup: round(one / two, 2) }
  }
  // mammoth alone over the same files, in this process: the batch's pipeline ratio.
  const mammothAlone = async () => {
    let ms = 0
    for (let pass = 0; pass < 2; pass++) {
      for (const docx of variety) {
        const started = performance.now()
        await mammoth.convertToHtml({ buffer: Buffer.from(docx) })
        if (pass > 0) ms += performance.now() - started
      }
    }
    return ((ms / variety.length) * batchSize) / 1000
  }
  // Rounds of --jobs 1, --jobs 2 and mammoth alone back to back: the machine drifts by more
  // between minutes than --jobs changes, so each round's ratios are taken within the round.
  const rounds = []
  for (let n = 0; n < (quick ? 1 : 2); n++) {
    const one = runBatch(1)
    const two = runBatch(2)
    const mammothSeconds = await mammothAlone()
    const ceiling = await mammothScaling()
    rounds.push({
      runs: [one, two],
      speedup: round(one.seconds / two.seconds, 2),
      mammothThreads: ceiling,
      mammothSeconds: round(mammothSeconds, 2),
      pipelineToMammoth: round(one.seconds / mammothSeconds, 3),
    })
  }
  results.batch = {
    documents: batchSize,
    rounds,
    runs: rounds.flatMap((r) => r.runs),
    speedup: median(rounds.map((r) => r.speedup)),
    mammothThreadsSpeedup: median(rounds.map((r) => r.mammothThreads.speedup)),
    pipelineToMammoth: median(rounds.map((r) => r.pipelineToMammoth)),
  }
} finally {
  rmSync(folder, { recursive: true, force: true })
}

console.table(
  results.sizes.map((r) => ({
    projects: r.projects,
    indicators: r.indicators,
    'text MB/s': r.textMBps,
    'from string': r.textStringMBps,
    'TextDecoder MB/s': r.decoderMBps,
    'floor MB/s': r.floorMBps,
    'mammoth ms': r.mammothMs,
    'blocks ms': r.blocksMs,
    'interpret ms': r.interpretMs,
    'xlsx ms': r.xlsxMs,
    'docx floor ms': r.docxFloorMs,
    'parse ms (own)': r.parseOwnMs,
    'parse ms (mammoth)': r.parseMammothMs,
    'parse/floor': r.parseToFloor,
    'pipeline ms': r.pipelineMs,
    'pipeline/mammoth': r.pipelineToMammoth,
    'xlsx ms/1k rows': r.xlsxMsPer1000Rows,
  })),
)
if (results.libreOffice) {
  const r = results.libreOffice
  console.log(`LibreOffice-written 200 projects (${r.xmlBytes} bytes of XML): floor ${r.floorMs} ms, parse ${r.parseMs} ms, parse/floor ${r.parseToFloor}`)
}
if (results.batch) {
  console.table(results.batch.runs.map((r) => ({ documents: batchSize, ...r })))
  for (const [index, r] of results.batch.rounds.entries()) {
    console.log(
      `batch round ${index + 1}: --jobs 2 speed-up ${r.speedup}× (mammoth alone, two threads against one: ${r.mammothThreads.speedup}×); ` +
        `--jobs 1 against mammoth alone on the same files (${r.mammothSeconds} s): ${r.pipelineToMammoth}×`,
    )
  }
}
writeFileSync(outFile, JSON.stringify(results, null, 2) + '\n')
console.log(`figures written to ${outFile}`)

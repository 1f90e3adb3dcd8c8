import { basename, extname, join } from 'node:path'
import { Command, CommanderError, Option } from 'commander'
import { describePosition, type Failure, type JxmbDocument } from '@jxmb/model'
import { availableParallelism } from 'node:os'
import { defaultPoolOptions, startConversion } from './pool.js'
import { collectFiles } from './files.js'
import { createProgress } from './progress.js'
import { checkTarget, identities, OutputError, prepareFolder, reserve, writeData, writeOutput, type CheckOptions, type Reservation } from './write-output.js'

const formats = ['json', 'xlsx', 'md'] as const
type Format = (typeof formats)[number]

interface ConvertFlags {
  output?: string
  perFile?: string
  format?: Format
  force?: boolean
  encoding?: string
  strict?: boolean
  positions?: boolean
  verbose?: boolean
  jobs?: string
  timeout?: string
  maxMemory?: string
}

interface Io {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
}

/** Run the `jxmb` command line; returns the exit code (0 ok, 1 a file failed, 2 usage). */
export async function run(argv: readonly string[], io: Io = process): Promise<number> {
  let exitCode = 0
  const program = new Command('jxmb')
    .description('Convert 预算绩效目标 documents (.docx, exported text) to Excel or JSON.')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
  program
    .command('convert')
    .description('Convert files and folders (searched recursively) into one output, or one per file.')
    .argument('<inputs...>', 'files or folders')
    .option('-o, --output <file>', 'output file (.xlsx, .json or .md), or - for standard output')
    .option('--per-file <dir>', 'write one output per input into this folder instead')
    .addOption(new Option('-f, --format <format>', 'output format (default: from the output name; xlsx with --per-file)').choices(formats))
    .option('--force', 'overwrite existing output files')
    .option('--encoding <name>', 'text encoding of text inputs (default: detected)')
    .option('--strict', 'exit non-zero on warnings too')
    .option('--no-positions', 'leave source positions out of JSON')
    .option('-v, --verbose', 'also list informational diagnostics')
    .option('-j, --jobs <n>', 'files converted at once, in worker threads (default: the number of cores; at most twice that)')
    .option('--timeout <seconds>', `time one file may take before it is stopped and counted as failed (default: ${defaultPoolOptions.timeoutMs / 1000})`)
    .option('--max-memory <MiB>', `memory one file may take before it is stopped and counted as failed (default: ${defaultPoolOptions.maxMemoryMb})`)
    .action(async (inputs: string[], flags: ConvertFlags) => {
      exitCode = await convert(inputs, flags, io)
    })
  try {
    await program.parseAsync([...argv], { from: 'user' })
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2
    throw error
  }
  return exitCode
}

/** Where converted documents go: one combined output, or one per file. */
interface Sink {
  add(document: JxmbDocument, file: string, index: number): Promise<void>
  fail(failure: Failure): void
  /** Write the combined output; returns what to name in the summary. Throws `OutputError`. */
  finish(): Promise<string | undefined>
}

async function convert(inputs: string[], flags: ConvertFlags, io: Io): Promise<number> {
  const say = (line: string) => io.stderr.write(line + '\n')
  if (!flags.output === !flags.perFile) {
    say('jxmb: give either -o <file> or --per-file <dir>.')
    return 2
  }
  const format = flags.format ?? (flags.perFile ? 'xlsx' : formatOf(flags.output!))
  if (!format) {
    say(`jxmb: cannot tell the format of “${flags.output}”; name it .xlsx, .json or .md, or pass --format.`)
    return 2
  }
  if (format === 'xlsx' && flags.output === '-') {
    say('jxmb: an Excel workbook cannot go to standard output; name a file with -o.')
    return 2
  }
  const force = flags.force ?? false
  const cores = availableParallelism()
  let jobs = flags.jobs === undefined ? cores : Number(flags.jobs)
  if (!Number.isInteger(jobs) || jobs < 1) {
    say(`jxmb: --jobs takes a whole number of 1 or more, not “${flags.jobs}”.`)
    return 2
  }
  if (jobs > 2 * cores) {
    say(`jxmb: --jobs ${jobs} is more than twice the ${cores} cores; using ${2 * cores}.`)
    jobs = 2 * cores
  }
  const timeout = positive(flags.timeout, defaultPoolOptions.timeoutMs / 1000)
  const maxMemory = positive(flags.maxMemory, defaultPoolOptions.maxMemoryMb)
  if (timeout === undefined || maxMemory === undefined) {
    say(`jxmb: ${timeout === undefined ? '--timeout' : '--max-memory'} takes a number above 0.`)
    return 2
  }
  let files: string[]
  try {
    files = await collectFiles(inputs)
  } catch (error) {
    say(`jxmb: ${(error as Error).message}`)
    return 2
  }
  if (files.length === 0) {
    say('jxmb: no .docx or .txt files found in the inputs.')
    return 1
  }

  // Everything about the output is settled before the first file converts.
  const checks: CheckOptions = { force, inputs: await identities(files) }
  let reservation: Reservation | undefined
  let targets: string[] = []
  try {
    if (flags.perFile) {
      await prepareFolder(flags.perFile)
      targets = perFileTargets(flags.perFile, files, format)
      const refused: string[] = []
      for (const target of targets) {
        await checkTarget(target, checks).catch((error: unknown) => {
          if (!(error instanceof OutputError)) throw error
          refused.push(error.message)
        })
      }
      if (refused.length > 0) {
        for (const message of refused.slice(0, 5)) say(`jxmb: ${message}`)
        if (refused.length > 5) say(`jxmb: … and ${refused.length - 5} more outputs.`)
        return 2
      }
    } else if (flags.output !== '-') {
      reservation = await reserve(flags.output!, checks)
    }
  } catch (error) {
    if (!(error instanceof OutputError)) throw error
    say(`jxmb: ${error.message}`)
    return 2
  }

  const single = inputs.length === 1 && files.length === 1 && files[0] === inputs[0]
  // Workers first: they load the parser and start on the files while this thread loads the exporter.
  const conversion = startConversion(files, flags.encoding ? { encoding: flags.encoding } : {}, {
    jobs,
    timeoutMs: timeout * 1000,
    maxMemoryMb: maxMemory,
  })
  let sink: Sink
  try {
    // Each sink loads only its own exporter: ExcelJS alone takes about 0.3 s to load.
    sink = flags.perFile
      ? await perFileSink(flags.perFile, targets, format, flags, checks)
      : format === 'xlsx'
        ? await workbookSink(reservation!)
        : await textSink(reservation, single, format, flags, io)
  } catch (error) {
    await conversion.close()
    await reservation?.discard()
    throw error
  }
  const progress = createProgress(files.length, io.stderr)
  const totals = { projects: 0, indicators: 0, warnings: 0, failed: 0 }
  try {
    await conversion.results(async (result, index) => {
      const { file } = result
      const counter = `[${index + 1}/${files.length}]`
      if (result.ok) {
        const { document } = result
        const indicators = document.projects.reduce((sum, project) => sum + project.indicators.length, 0)
        const shown = document.diagnostics.filter((d) => flags.verbose || d.severity !== 'info')
        const warnings = document.diagnostics.filter((d) => d.severity !== 'info').length
        totals.projects += document.projects.length
        totals.indicators += indicators
        totals.warnings += warnings
        // With a live display, a file that converted cleanly needs no line of its own.
        if (!progress.interactive || shown.length > 0) {
          progress.log(`${counter} ${file}: ${document.projects.length} projects, ${indicators} indicators, ${warnings} warnings`)
        }
        for (const diagnostic of shown) {
          const where = [diagnostic.project && `项目 ${diagnostic.project}`, describePosition(diagnostic.position)].filter(Boolean).join(' ')
          const data = diagnostic.data ? ` [${truncate(diagnostic.data.join(' | '), 80)}]` : ''
          progress.log(`    ${diagnostic.severity} ${diagnostic.code}${where ? ` (${where})` : ''}: ${diagnostic.message}${data}`)
        }
        try {
          await sink.add(document, file, index)
        } catch (error) {
          if (!(error instanceof OutputError)) throw error
          totals.failed++
          progress.log(`${counter} ${file}: error ${error.code}: ${error.message}`)
        }
      } else {
        totals.failed++
        progress.log(`${counter} ${file}: error ${result.failure.code}: ${result.failure.message}`)
        sink.fail(result.failure)
      }
      progress.tick(file)
    })
  } catch (error) {
    await reservation?.discard()
    throw error
  } finally {
    progress.stop()
  }

  let written: string | undefined
  try {
    written = await sink.finish()
  } catch (error) {
    if (!(error instanceof OutputError)) throw error
    say(`jxmb: ${error.message}`)
    return 1
  } finally {
    // Written and published, or never to be: either way the temporary goes.
    await reservation?.discard()
  }
  say(
    `jxmb: ${files.length} files, ${totals.projects} projects, ${totals.indicators} indicators, ` +
      `${totals.warnings} warnings, ${totals.failed} failed` + (written ? ` → ${written}` : ''),
  )
  // For the benchmark: peak memory of the whole process, worker threads included.
  if (process.env.JXMB_REPORT_RSS) say(`jxmb: peak RSS ${process.resourceUsage().maxRSS} KiB`)
  if (totals.failed > 0) return 1
  return flags.strict && totals.warnings > 0 ? 1 : 0
}

/** JSON or Markdown: the whole text is made at the end; to a file, or to standard output without a reservation. */
async function textSink(reservation: Reservation | undefined, single: boolean, format: 'json' | 'md', flags: ConvertFlags, io: Io): Promise<Sink> {
  const options = { positions: flags.positions ?? true }
  const render: (documents: JxmbDocument[], failures: Failure[]) => string =
    format === 'md'
      ? await import('@jxmb/export-markdown').then(({ toMarkdown, toMarkdownBatch }) => (documents) =>
          single ? toMarkdown(documents[0]!) : toMarkdownBatch(documents),
        )
      : await import('@jxmb/export-json').then(({ toJson, toJsonBatch }) => (documents, failures) =>
          single ? toJson(documents[0]!, options) : toJsonBatch(documents, failures, options),
        )
  const documents: JxmbDocument[] = []
  const failures: Failure[] = []
  return {
    add: async (document) => void documents.push(document),
    fail: (failure) => void failures.push(failure),
    async finish() {
      // A single file that failed has nothing to write: its error is the result.
      if (single && documents.length === 0) return undefined
      const text = render(documents, failures)
      if (!reservation) {
        await writeStdout(io.stdout, text)
        return undefined
      }
      await reservation.write(writeData(text))
      return reservation.path
    },
  }
}

/** Standard output; a reader that went away (`-o - | head`) ends the write quietly. */
function writeStdout(stdout: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? resolve() : reject(error))
    stdout.once('error', onError)
    stdout.write(text, (error) => {
      stdout.removeListener('error', onError)
      if (error) onError(error)
      else resolve()
    })
  })
}

async function workbookSink(reservation: Reservation): Promise<Sink> {
  const { createWorkbook } = await import('@jxmb/export-xlsx')
  const workbook = createWorkbook()
  return {
    add: async (document, file) => workbook.add(document, file),
    fail: (failure) => workbook.addFailure(failure),
    async finish() {
      await reservation.write((stream) => workbook.write(stream))
      return reservation.path
    },
  }
}

/** One output name per input, in the folder: same-named inputs from different folders get -2, -3 …, never each other's. */
function perFileTargets(folder: string, files: readonly string[], format: Format): string[] {
  const used = new Set<string>()
  return files.map((file) => {
    const stem = basename(file, extname(file))
    let name = stem
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem}-${n}`
    used.add(name.toLowerCase())
    return join(folder, `${name}.${format}`)
  })
}

async function perFileSink(folder: string, targets: readonly string[], format: Format, flags: ConvertFlags, checks: CheckOptions): Promise<Sink> {
  const write = await documentWriter(format, flags, checks)
  return {
    add: (document, file, index) => write(targets[index]!, document, file),
    fail: () => {},
    finish: async () => folder,
  }
}

/** Writes one document to a file in `format`, loading that format's exporter only. */
async function documentWriter(
  format: Format,
  flags: ConvertFlags,
  checks: CheckOptions,
): Promise<(target: string, document: JxmbDocument, file: string) => Promise<void>> {
  switch (format) {
    case 'json': {
      const { toJson } = await import('@jxmb/export-json')
      return (target, document) => writeOutput(target, writeData(toJson(document, { positions: flags.positions ?? true })), checks)
    }
    case 'md': {
      const { toMarkdown } = await import('@jxmb/export-markdown')
      return (target, document) => writeOutput(target, writeData(toMarkdown(document)), checks)
    }
    case 'xlsx': {
      const { createWorkbook } = await import('@jxmb/export-xlsx')
      return (target, document, file) => {
        const workbook = createWorkbook()
        workbook.add(document, file)
        return writeOutput(target, (stream) => workbook.write(stream), checks)
      }
    }
  }
}

/** A flag's number, its default when absent, undefined when it is not a number above 0. */
function positive(value: string | undefined, fallback: number): number | undefined {
  if (value === undefined) return fallback
  const number = Number(value)
  return Number.isFinite(number) && number > 0 ? number : undefined
}

function formatOf(output: string): Format | undefined {
  if (output === '-') return 'json'
  const extension = extname(output).toLowerCase().slice(1)
  if (extension === 'markdown') return 'md'
  return (formats as readonly string[]).includes(extension) ? (extension as Format) : undefined
}

function truncate(text: string, length: number): string {
  return text.length > length ? text.slice(0, length - 1) + '…' : text
}

import { constants, open } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { Command, CommanderError, Help, Option } from 'commander'
import { describePosition, type Diagnostic, type Failure, type JxmbDocument } from '@jxmb/model'
import { codeText, commandTexts, languageFromEnv, parseLanguage, type CommandTexts, type Language, type SkipReason } from '@jxmb/messages'
import { convertToDocx, findSoffice, officeFormat, type OfficeConversion, type OfficeFormat } from '@jxmb/convert-office'
import { defaultPoolOptions, startConversion, type Prepared } from './pool.js'
import { collectFiles, MissingInputError, type Collected } from './files.js'
import { printable } from './printable.js'
import { createProgress } from './progress.js'
import { checkTarget, identities, OutputError, prepareFolder, reserve, writeData, writeOutput, type CheckOptions, type Reservation } from './write-output.js'

const formats = ['json', 'xlsx', 'md'] as const
type Format = (typeof formats)[number]

const { version } = createRequire(import.meta.url)('../package.json') as { version: string }

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
  reader?: 'ooxml' | 'mammoth'
  soffice?: string
}

interface Io {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
}

/** The language asked for: `--lang` on the command line, else the locale (LC_ALL, LC_MESSAGES, LANG). */
export function chooseLanguage(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): { language: Language; invalid?: string } {
  const fallback = languageFromEnv(env)
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!
    if (arg === '--') break
    const given = arg === '--lang' ? argv[index + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined
    if (given === undefined) continue
    const language = parseLanguage(given)
    return language ? { language } : { language: fallback, invalid: given }
  }
  return { language: fallback }
}

/** Run the `jxmb` command line; returns the exit code (0 ok, 1 a file failed, 2 usage). */
export async function run(argv: readonly string[], io: Io = process, env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  const { language, invalid } = chooseLanguage(argv, env)
  const t = commandTexts[language]
  if (invalid !== undefined) {
    io.stderr.write(`${t.prefix}${t.usage.lang(printable(invalid))}\n`)
    return 2
  }
  let exitCode = 0
  // Help lines up CJK text by its width on the screen; string-width loads only when help may be shown.
  const wantsHelp = argv.length === 0 || argv.some((arg) => arg === '-h' || arg === '--help' || arg === 'help')
  const width = wantsHelp ? (await import('string-width')).default : (text: string) => text.length
  const help = helpFor(t, width)
  const program = new Command('jxmb')
    .description(t.description)
    .version(version, '-V, --version', t.options.version)
    .helpOption('-h, --help', t.options.help)
    .helpCommand('help [command]', t.options.helpCommand)
    .addOption(new Option('--lang <lang>', t.options.lang))
    .exitOverride()
    .configureHelp(help)
    // Errors are said below, in the clerk's language; help and version go out as commander writes them.
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text), outputError: () => {} })
  program
    .command('convert')
    .description(t.convertDescription)
    .helpOption('-h, --help', t.options.help)
    .configureHelp(help)
    .argument('<inputs...>', t.inputsArgument)
    .option('-o, --output <file>', t.options.output)
    .option('--per-file <dir>', t.options.perFile)
    .addOption(new Option('-f, --format <format>', t.options.format).choices(formats))
    .option('--force', t.options.force)
    .option('--encoding <name>', t.options.encoding)
    .option('--strict', t.options.strict)
    .option('--no-positions', t.options.positions)
    .option('-v, --verbose', t.options.verbose)
    .option('-j, --jobs <n>', t.options.jobs)
    .option('--timeout <seconds>', t.options.timeout(defaultPoolOptions.timeoutMs / 1000))
    .option('--max-memory <MiB>', t.options.maxMemory(defaultPoolOptions.maxMemoryMb))
    .addOption(new Option('--reader <reader>', t.options.reader).choices(['ooxml', 'mammoth']))
    .option('--soffice <path>', t.options.soffice)
    .addOption(new Option('--lang <lang>', t.options.lang))
    .action(async (inputs: string[], flags: ConvertFlags) => {
      exitCode = await convert(inputs, flags, io, language, env)
    })
  try {
    await program.parseAsync([...argv], { from: 'user' })
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error
    if (error.exitCode === 0) return 0
    const detail = /'([^']*)'/.exec(error.message)?.[1] ?? ''
    io.stderr.write(`${t.prefix}${t.usage.commander(error.code, printable(detail), printable(error.message))}\n${t.usage.seeHelp}\n`)
    return 2
  }
  return exitCode
}

/** commander's help with the chosen language's titles and choices, and widths as a terminal shows CJK text. */
function helpFor(t: CommandTexts, width: (text: string) => number): Partial<Help> {
  return {
    styleTitle: (title) => t.titles[title] ?? title,
    optionDescription: (option) => (option.argChoices ? `${option.description} ${t.choices(option.argChoices)}` : option.description),
    displayWidth: (text) => width(text),
  }
}

/** Where converted documents go: one combined output, or one per file. */
interface Sink {
  add(document: JxmbDocument, file: string, index: number): Promise<void>
  fail(failure: Failure): void
  /** Write the combined output; returns what to name in the summary. Throws `OutputError`. */
  finish(): Promise<string | undefined>
}

async function convert(inputs: string[], flags: ConvertFlags, io: Io, language: Language, env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const t = commandTexts[language]
  const say = (line: string) => io.stderr.write(t.prefix + line + '\n')
  if (!flags.output === !flags.perFile) {
    say(t.usage.outputOrPerFile)
    return 2
  }
  const format = flags.format ?? (flags.perFile ? 'xlsx' : formatOf(flags.output!))
  if (!format) {
    say(t.usage.unknownFormat(printable(flags.output!)))
    return 2
  }
  if (format === 'xlsx' && flags.output === '-') {
    say(t.usage.xlsxToStdout)
    return 2
  }
  if (flags.encoding !== undefined && !knownEncoding(flags.encoding)) {
    say(t.usage.encoding(printable(flags.encoding)))
    return 2
  }
  const force = flags.force ?? false
  const cores = availableParallelism()
  let jobs = flags.jobs === undefined ? cores : Number(flags.jobs)
  if (!Number.isInteger(jobs) || jobs < 1) {
    say(t.usage.jobs(printable(flags.jobs ?? '')))
    return 2
  }
  if (jobs > 2 * cores) {
    say(t.usage.jobsCapped(jobs, cores, 2 * cores))
    jobs = 2 * cores
  }
  const timeout = positive(flags.timeout, defaultPoolOptions.timeoutMs / 1000)
  const maxMemory = positive(flags.maxMemory, defaultPoolOptions.maxMemoryMb)
  if (timeout === undefined || maxMemory === undefined) {
    say(t.usage.positive(timeout === undefined ? '--timeout' : '--max-memory'))
    return 2
  }
  // LibreOffice, when it is here, converts the old formats; without it they are refused with advice.
  const soffice = findSoffice({ explicit: flags.soffice, env })
  const named = flags.soffice ?? (env.JXMB_SOFFICE || undefined)
  if (soffice === undefined && named !== undefined && named !== 'none') {
    say(t.usage.soffice(printable(named)))
    return 2
  }
  let collected: Collected
  try {
    collected = await collectFiles(inputs, { office: soffice !== undefined })
  } catch (error) {
    if (!(error instanceof MissingInputError)) throw error
    say(t.usage.noSuchInput(printable(error.input)))
    return 2
  }
  const { files, skipped } = collected
  const skipCounts: Partial<Record<SkipReason, number>> = {}
  for (const { path, reason } of skipped) {
    skipCounts[reason] = (skipCounts[reason] ?? 0) + 1
    // Files of other types are many in a clerk's folder (PDFs, scans): counted, listed only when asked.
    if (reason !== 'other-type' || flags.verbose) say(t.skippedLine(printable(path), reason))
  }
  if (files.length === 0) {
    say(t.noFiles)
    if (skipCounts.legacy) say(t.legacyAdvice)
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
          refused.push(outputLine(error, language))
        })
      }
      if (refused.length > 0) {
        for (const message of refused.slice(0, 5)) say(message)
        if (refused.length > 5) say(t.moreOutputs(refused.length - 5))
        return 2
      }
    } else if (flags.output !== '-') {
      reservation = await reserve(flags.output!, checks)
    }
  } catch (error) {
    if (!(error instanceof OutputError)) throw error
    say(outputLine(error, language))
    return 2
  }

  const single = inputs.length === 1 && files.length === 1 && files[0] === inputs[0]
  const office = soffice ? await officeFiles(files) : []
  let converted: OfficeConversion | undefined
  const prepared: Prepared[] = []
  if (soffice && office.length > 0) {
    say(t.officeConverting(office.length))
    const progress = await createProgress(office.length, io.stderr, t)
    try {
      converted = await convertToDocx(office, { soffice, timeoutMs: timeout * 1000, parallel: jobs, onConverted: (file) => progress.tick(printable(file)) })
    } finally {
      progress.stop()
    }
    const byFile = new Map(converted.results.map((result) => [result.file, result]))
    files.forEach((file, index) => {
      const result = byFile.get(file)
      if (result?.docx) prepared[index] = { source: result.docx }
      else if (result?.failure) prepared[index] = { failure: { file, ...result.failure } }
    })
  }
  // Narrowed here: the function below sees them as declared.
  const seconds = timeout
  const memory = maxMemory
  const outputFormat = format
  try {
    return await convertFiles()
  } finally {
    await converted?.dispose()
  }

  async function convertFiles(): Promise<number> {
    // Workers first: they load the parser and start on the files while this thread loads the exporter.
    const conversion = startConversion(files, { ...(flags.encoding ? { encoding: flags.encoding } : {}), ...(flags.reader ? { reader: flags.reader } : {}) }, {
      jobs,
      timeoutMs: seconds * 1000,
      maxMemoryMb: memory,
    }, prepared)
    let sink: Sink
    try {
      // Each sink loads only its own exporter: ExcelJS alone takes about 0.3 s to load.
      sink = flags.perFile
        ? await perFileSink(flags.perFile, targets, outputFormat, flags, checks)
        : outputFormat === 'xlsx'
          ? await workbookSink(reservation!)
          : await textSink(reservation, single, outputFormat, flags, io)
    } catch (error) {
      await conversion.close()
      await reservation?.discard()
      throw error
    }
    const progress = await createProgress(files.length, io.stderr, t)
    const totals = { projects: 0, indicators: 0, warnings: 0, failed: 0 }
    try {
      await conversion.results(async (result, index) => {
        const file = printable(result.file)
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
          if (!progress.interactive || shown.length > 0) progress.log(t.fileLine(counter, file, document.projects.length, indicators, warnings))
          for (const diagnostic of shown) progress.log(diagnosticLine(diagnostic, language))
          try {
            await sink.add(document, result.file, index)
          } catch (error) {
            if (!(error instanceof OutputError)) throw error
            totals.failed++
            progress.log(t.fileProblem(counter, file, outputLine(error, language)))
          }
        } else {
          totals.failed++
          progress.log(failureLine(counter, file, result.failure, language))
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
      say(outputLine(error, language))
      return 1
    } finally {
      // Written and published, or never to be: either way the temporary goes.
      await reservation?.discard()
    }
    say(t.summary({ files: files.length, ...totals, skipped: skipCounts, ...(written ? { written: printable(written) } : {}) }))
    if (skipCounts.legacy) say(t.legacyAdvice)
    // For the benchmark: peak memory of the whole process, worker threads included.
    if (process.env.JXMB_REPORT_RSS) say(`peak RSS ${process.resourceUsage().maxRSS} KiB`)
    if (totals.failed > 0) return 1
    return flags.strict && totals.warnings > 0 ? 1 : 0
  }
}

/** The files in a format LibreOffice converts, told from their first bytes (a file that cannot be read is left to the converter). */
async function officeFiles(files: readonly string[]): Promise<Array<{ file: string; format: OfficeFormat }>> {
  const found: Array<{ file: string; format: OfficeFormat }> = []
  for (const file of files) {
    const head = await readHead(file)
    const format = head && officeFormat(head)
    if (format) found.push({ file, format })
  }
  return found
}

async function readHead(file: string): Promise<Uint8Array | undefined> {
  let handle
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
    if (!(await handle.stat()).isFile()) return undefined
    const head = new Uint8Array(128)
    const { bytesRead } = await handle.read(head, 0, head.length, 0)
    return head.subarray(0, bytesRead)
  } catch {
    return undefined
  } finally {
    await handle?.close()
  }
}

/** A diagnostic as a line under its file: severity, code, what it means, where, the cells, and what to do. */
export function diagnosticLine(diagnostic: Diagnostic, language: Language): string {
  const t = commandTexts[language]
  const { title, advice } = codeText(diagnostic.code, language)
  const where = t.where(diagnostic.project && printable(diagnostic.project), describePosition(diagnostic.position, language))
  const data = diagnostic.data ? printable(truncate(diagnostic.data.filter((text) => text !== '').join(' | '), 80)) : ''
  return t.diagnosticLine({ severity: t.severity[diagnostic.severity], code: diagnostic.code, title, message: printable(diagnostic.message), where, data, advice })
}

/** A file that failed: its code, what it means and what to do, in the clerk's language. */
export function failureLine(counter: string, file: string, failure: Failure, language: Language): string {
  const { title, advice } = codeText(failure.code, language)
  return commandTexts[language].failureLine(counter, file, failure.code, title, printable(failure.message), advice)
}

/** An output problem; a write that failed also gets the advice (the others say what to do already). */
function outputLine(error: OutputError, language: Language): string {
  const line = printable(error.say(language))
  return error.code === 'WRITE' ? commandTexts[language].withAdvice(line, codeText(error.code, language).advice) : line
}

/** An encoding TextDecoder knows (the parser decodes with it). */
function knownEncoding(name: string): boolean {
  try {
    new TextDecoder(name)
    return true
  } catch {
    return false
  }
}

/** JSON or Markdown: the whole text is made at the end; to a file, or to standard output without a reservation. */
async function textSink(reservation: Reservation | undefined, single: boolean, format: 'json' | 'md', flags: ConvertFlags, io: Io): Promise<Sink> {
  const options = { positions: flags.positions ?? true }
  const render: (documents: JxmbDocument[], failures: Failure[]) => string =
    format === 'md'
      ? await import('@jxmb/export-markdown').then(({ toMarkdown, toMarkdownBatch }) => (documents, failures) =>
          single ? toMarkdown(documents[0]!) : toMarkdownBatch(documents, failures),
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

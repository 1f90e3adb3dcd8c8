import { Command, CommanderError, Option } from 'commander'
import { extname } from 'node:path'
import type { JxmbDocument } from '@jxmb/model'
import { toJson, toJsonBatch } from '@jxmb/export-json'
import { convertFile, type FileResult } from './convert.js'
import { collectFiles } from './files.js'
import { ensureWritable, writeAtomic } from './write-output.js'

const formats = ['json'] as const
type Format = (typeof formats)[number]

interface ConvertFlags {
  output: string
  format?: Format
  force?: boolean
  encoding?: string
  strict?: boolean
  positions?: boolean
}

/** Run the `jxmb` command line; returns the exit code (0 ok, 1 a file failed, 2 usage). */
export async function run(argv: readonly string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream } = process): Promise<number> {
  let exitCode = 0
  const program = new Command('jxmb')
    .description('Convert 预算绩效目标 documents (.docx, exported text) to JSON.')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
  program
    .command('convert')
    .description('Convert files and folders (searched recursively) into one output.')
    .argument('<inputs...>', 'files or folders')
    .requiredOption('-o, --output <file>', 'output file, or - for standard output')
    .addOption(new Option('-f, --format <format>', 'output format (default: from the output name)').choices(formats))
    .option('--force', 'overwrite an existing output file')
    .option('--encoding <name>', 'text encoding of text inputs (default: detected)')
    .option('--strict', 'exit non-zero on warnings too')
    .option('--no-positions', 'leave source positions out of JSON')
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

async function convert(inputs: string[], flags: ConvertFlags, io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Promise<number> {
  const say = (line: string) => io.stderr.write(line + '\n')
  const toStdout = flags.output === '-'
  const format = flags.format ?? formatOf(flags.output)
  if (!format) {
    say(`jxmb: cannot tell the format of “${flags.output}”; name it .json or pass --format.`)
    return 2
  }
  let files: string[]
  try {
    files = await collectFiles(inputs)
    if (!toStdout) await ensureWritable(flags.output, flags.force ?? false)
  } catch (error) {
    say(`jxmb: ${(error as Error).message}`)
    return 2
  }
  if (files.length === 0) {
    say('jxmb: no .docx or .txt files found in the inputs.')
    return 1
  }

  const results: FileResult[] = []
  for (const [index, file] of files.entries()) {
    const result = await convertFile(file, flags.encoding ? { encoding: flags.encoding } : {})
    results.push(result)
    const counter = `[${index + 1}/${files.length}]`
    if (result.ok) {
      const { projects, warnings } = count([result.document])
      say(`${counter} ${file}: ${projects} projects, ${indicatorCount(result.document)} indicators, ${warnings} warnings`)
    } else {
      say(`${counter} ${file}: error ${result.failure.code}: ${result.failure.message}`)
    }
  }

  const documents = results.flatMap((result) => (result.ok ? [result.document] : []))
  const failures = results.flatMap((result) => (result.ok ? [] : [result.failure]))
  const single = inputs.length === 1 && files.length === 1 && files[0] === inputs[0]
  const jsonOptions = { positions: flags.positions ?? true }
  const text = single && documents[0] ? toJson(documents[0], jsonOptions) : toJsonBatch(documents, failures, jsonOptions)
  if (!(single && failures.length > 0)) {
    if (toStdout) io.stdout.write(text)
    else {
      try {
        await writeAtomic(flags.output, text, flags.force ?? false)
      } catch (error) {
        say(`jxmb: could not write ${flags.output}: ${(error as Error).message}`)
        return 1
      }
    }
  }
  const totals = count(documents)
  say(
    `jxmb: ${files.length} files, ${totals.projects} projects, ${documents.reduce((sum, d) => sum + indicatorCount(d), 0)} indicators, ` +
      `${totals.warnings} warnings, ${failures.length} failed` + (toStdout || (single && failures.length > 0) ? '' : ` → ${flags.output}`),
  )
  if (failures.length > 0) return 1
  return flags.strict && totals.warnings > 0 ? 1 : 0
}

function formatOf(output: string): Format | undefined {
  if (output === '-') return 'json'
  const extension = extname(output).toLowerCase().slice(1)
  return (formats as readonly string[]).includes(extension) ? (extension as Format) : undefined
}

function indicatorCount(document: JxmbDocument): number {
  return document.projects.reduce((sum, project) => sum + project.indicators.length, 0)
}

function count(documents: readonly JxmbDocument[]) {
  return {
    projects: documents.reduce((sum, d) => sum + d.projects.length, 0),
    warnings: documents.reduce((sum, d) => sum + d.diagnostics.filter((x) => x.severity !== 'info').length, 0),
  }
}

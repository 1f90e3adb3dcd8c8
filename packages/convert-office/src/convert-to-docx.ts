/**
 * Files LibreOffice reads (.doc, .wps, .rtf, .odt) to .docx, with `soffice --headless --convert-to docx`,
 * in a private temporary folder. Starting LibreOffice costs seconds, so a batch goes in one call per
 * group (`parallel` groups at once, each with its own profile folder, so that calls never share one).
 * Each file has `timeoutMs`: a call that writes none of its .docx files for that long is stopped, and the files it
 * had not done are tried again one by one, so that a file that hangs costs only itself.
 */
import { spawn } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, extname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { OfficeFormat } from './office-format.js'

export interface ConvertToDocxOptions {
  /** The `soffice` to run (see `findSoffice`). */
  soffice: string
  /** Time one file may take, in milliseconds (default 60 s); LibreOffice's start is not counted. */
  timeoutMs?: number
  /** Calls to run at once (default 1). */
  parallel?: number
  /** Where the private temporary folder goes (default the system's). */
  tmp?: string
  /** Time LibreOffice may take to start, on top of the first file's (default 60 s). */
  startMs?: number
  /** Told of each file as its .docx appears (LibreOffice works through a batch for seconds). */
  onConverted?: (file: string) => void
}

export interface OfficeResult {
  /** The file as given. */
  file: string
  /** The .docx LibreOffice wrote, inside the temporary folder; absent when it failed. */
  docx?: string
  failure?: { code: 'CONVERT_FAILED' | 'CONVERT_TIMEOUT'; message: string }
}

export interface OfficeConversion {
  /** One per file, in the files' order. */
  results: OfficeResult[]
  /** Removes the temporary folder and the .docx files in it. Also done when the process exits. */
  dispose(): Promise<void>
}

const extensions: Record<OfficeFormat, string> = { doc: '.doc', rtf: '.rtf', odt: '.odt' }

/** Converts `files` (each with its format, as `officeFormat` told it) to .docx. Never throws for a file LibreOffice cannot read. */
export async function convertToDocx(files: ReadonlyArray<{ file: string; format: OfficeFormat }>, options: ConvertToDocxOptions): Promise<OfficeConversion> {
  const { soffice, timeoutMs = 60_000, parallel = 1, startMs = 60_000 } = options
  const folder = await mkdtemp(join(options.tmp ?? tmpdir(), 'jxmb-office-'))
  // A process that ends another way (an exception, a signal handled with exit) still leaves nothing behind.
  const onExit = () => rmSync(folder, { recursive: true, force: true })
  process.once('exit', onExit)
  const dispose = async () => {
    process.removeListener('exit', onExit)
    await rm(folder, { recursive: true, force: true })
  }
  try {
    const input = join(folder, 'in')
    const output = join(folder, 'out')
    await mkdir(input)
    await mkdir(output)
    // Each file under a name of its own (two a.doc from two folders must not meet), with the extension of
    // its format when its own is not one LibreOffice knows for it (a .wps keeps .wps).
    const staged = await Promise.all(
      files.map(async ({ file, format }, index) => {
        const own = extname(file).toLowerCase()
        const extension = format === 'doc' && ['.doc', '.dot', '.wps', '.wpt'].includes(own) ? own : extensions[format]
        const path = join(input, `${index}${extension}`)
        await copyFile(file, path)
        return { path, docx: join(output, `${index}.docx`) }
      }),
    )
    const results: OfficeResult[] = files.map(({ file }) => ({ file }))
    const groups: number[][] = Array.from({ length: Math.max(1, Math.min(parallel, files.length)) }, () => [])
    files.forEach((_, index) => groups[index % groups.length]!.push(index))
    let profiles = 0
    const profile = () => pathToFileURL(join(folder, `profile-${profiles++}`)).href
    // The original file of each staged name, for `onConverted`; each told once.
    const told = new Set<number>()
    const converted = (name: string) => {
      const index = Number(name.slice(0, name.indexOf('.')))
      if (told.has(index) || !files[index]) return
      told.add(index)
      options.onConverted?.(files[index]!.file)
    }
    await Promise.all(
      groups.map(async (group) => {
        const first = await run(soffice, profile(), output, group.map((index) => staged[index]!.path), timeoutMs, startMs, converted)
        let left = group
        if (first.timedOut) {
          // Stopped: the files it had done stand; each of the others alone, so that the one that hangs is known.
          left = []
          for (const index of group) if (!(await written(staged[index]!.docx))) left.push(index)
          for (const index of left) {
            const alone = await run(soffice, profile(), output, [staged[index]!.path], timeoutMs, startMs, converted)
            if (alone.timedOut && !(await written(staged[index]!.docx))) {
              results[index]!.failure = { code: 'CONVERT_TIMEOUT', message: `LibreOffice took longer than ${Math.round(timeoutMs / 1000)} s to convert the file; it was stopped.` }
            }
          }
        }
        for (const index of group) {
          if (results[index]!.failure) continue
          if (await written(staged[index]!.docx)) {
            results[index]!.docx = staged[index]!.docx
            converted(`${index}.docx`)
          }
          else results[index]!.failure = { code: 'CONVERT_FAILED', message: `LibreOffice could not convert the file to .docx${first.detail ? ` (${first.detail})` : ''}.` }
        }
      }),
    )
    return { results, dispose }
  } catch (error) {
    await dispose()
    throw error
  }
}

async function written(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.size > 0,
    () => false,
  )
}

/**
 * One `soffice` call over `inputs`. It is stopped (its whole process group) when no new .docx has
 * appeared in `output` for `timeoutMs`, or at the start when it has not begun within the allowance.
 */
function run(
  soffice: string,
  profile: string,
  output: string,
  inputs: string[],
  timeoutMs: number,
  startMs: number,
  converted: (name: string) => void,
): Promise<{ timedOut: boolean; detail: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(soffice, ['--headless', '--norestore', '--nologo', '--nodefault', '--nolockcheck', `-env:UserInstallation=${profile}`, '--convert-to', 'docx', '--outdir', output, ...inputs], {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8')
    })
    let timedOut = false
    let seen = 0
    // Only this call's files: groups that run at once share the output folder.
    const expected = new Set(inputs.map((input) => `${basename(input, extname(input))}.docx`))
    let deadline = Date.now() + startMs + timeoutMs
    const watch = setInterval(async () => {
      const done = await readdir(output).then(
        (names) => names.filter((name) => expected.has(name)),
        () => [],
      )
      for (const name of done) converted(name)
      const count = Math.max(seen, done.length)
      if (count > seen) {
        seen = count
        deadline = Date.now() + timeoutMs
      } else if (Date.now() > deadline && !timedOut) {
        timedOut = true
        try {
          process.kill(-child.pid!, 'SIGKILL')
        } catch {
          child.kill('SIGKILL')
        }
      }
    }, 200)
    child.on('error', (error) => {
      clearInterval(watch)
      reject(error)
    })
    child.on('close', () => {
      clearInterval(watch)
      // LibreOffice's own words for a file it could not load, without its paths into our folder.
      const detail = stderr
        .split('\n')
        .map((line) => line.trim())
        .find((line) => /^Error/i.test(line))
        ?.replace(/\s*\/\S+/g, '')
        .slice(0, 200) ?? ''
      resolve({ timedOut, detail })
    })
  })
}

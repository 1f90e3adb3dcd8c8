/**
 * Writing outputs so that a failed or interrupted run leaves nothing behind
 * and never replaces what it should not: everything about an output is
 * checked before the first file converts, the bytes go to a temporary file
 * in the same folder, and the finished file is published without replacing
 * one that appeared meanwhile (unless --force says to).
 */
import { randomBytes } from 'node:crypto'
import { unlinkSync } from 'node:fs'
import { copyFile, constants, link, mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { commandTexts, type Language, type OutputProblem } from '@jxmb/messages'

/**
 * An output problem found before or while writing. `message` (English) names the output
 * and says what is wrong; `problem` and `system` let the terminal say it in the clerk's language.
 */
export class OutputError extends Error {
  constructor(
    readonly code: 'OUTPUT_EXISTS' | 'OUTPUT_IS_INPUT' | 'WRITE',
    readonly problem: OutputProblem,
    readonly path: string,
    /** The system's error code (ENOSPC …), or its message when it has none we know. */
    readonly system = '',
  ) {
    super(commandTexts.en.output(problem, path, reasonIn('en', system)))
    this.name = 'OutputError'
  }

  /** The message in `language`. */
  say(language: Language): string {
    return commandTexts[language].output(this.problem, this.path, reasonIn(language, this.system))
  }
}

/** Why a write failed, in words, from the system's error code. */
function reasonIn(language: Language, system: string): string {
  return Object.hasOwn(commandTexts[language].systemReasons, system) ? commandTexts[language].systemReasons[system]! : system
}

/** The system's code of an error, or its message. */
function systemOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))
}

const writeError = (path: string, error: unknown) => (error instanceof OutputError ? error : new OutputError('WRITE', 'write', path, systemOf(error)))

/** dev:inode of each existing file, to tell when an output is one of the inputs (also through links). */
export async function identities(files: readonly string[]): Promise<Set<string>> {
  const ids = new Set<string>()
  for (const file of files) {
    const info = await stat(file).catch(() => undefined)
    if (info) ids.add(`${info.dev}:${info.ino}`)
  }
  return ids
}

export interface CheckOptions {
  force: boolean
  /** Identities of the inputs (`identities`): an output may never be one of them, --force or not. */
  inputs: Set<string>
}

/** Refuses an output that exists (without --force) or that is an input; throws `OutputError`. */
export async function checkTarget(path: string, { force, inputs }: CheckOptions): Promise<void> {
  const info = await stat(path).catch(() => undefined)
  if (!info) return
  if (inputs.has(`${info.dev}:${info.ino}`)) {
    throw new OutputError('OUTPUT_IS_INPUT', 'is-input', path)
  }
  if (info.isDirectory()) throw new OutputError('WRITE', 'is-folder', path)
  if (!force) throw new OutputError('OUTPUT_EXISTS', 'exists', path)
}

/** Creates `folder` when missing and proves it writable by making and removing a file in it. */
export async function prepareFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true })
    const probe = await createTemporary(join(folder, 'probe'))
    await probe.handle.close()
    await discard(probe.path)
  } catch (error) {
    throw new OutputError('WRITE', 'folder', folder, systemOf(error))
  }
}

/** Temporary files of this process, removed if it is interrupted. */
const pending = new Set<string>()
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

function onSignal(signal: NodeJS.Signals): void {
  for (const path of pending) {
    try {
      unlinkSync(path)
    } catch {
      // Already gone.
    }
  }
  pending.clear()
  for (const name of signals) process.removeListener(name, onSignal)
  // Die of the same signal, so the shell sees the usual status (130 for Ctrl-C).
  process.kill(process.pid, signal)
}

function track(path: string): void {
  if (pending.size === 0) for (const name of signals) process.on(name, onSignal)
  pending.add(path)
}

async function discard(path: string): Promise<void> {
  pending.delete(path)
  if (pending.size === 0) for (const name of signals) process.removeListener(name, onSignal)
  await rm(path, { force: true })
}

async function createTemporary(path: string): Promise<{ path: string; handle: FileHandle }> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  // 'wx': this process made the file, nobody else's is written into.
  const handle = await open(temporary, 'wx')
  track(temporary)
  return { path: temporary, handle }
}

/** An output whose temporary file exists: written once, then published, or discarded. */
export interface Reservation {
  readonly path: string
  write(write: (stream: Writable) => Promise<void> | void): Promise<void>
  discard(): Promise<void>
}

/**
 * Checks `path` (the folder is created when missing), then makes its
 * temporary file at once: the folder's writability is proved before any
 * conversion. Throws `OutputError`.
 */
export async function reserve(path: string, options: CheckOptions): Promise<Reservation> {
  await checkTarget(path, options)
  let temporary: { path: string; handle: FileHandle }
  try {
    await mkdir(dirname(path), { recursive: true })
    temporary = await createTemporary(path)
  } catch (error) {
    throw writeError(path, error)
  }
  let used = false
  return {
    path,
    async write(write) {
      if (used) throw new Error('a reservation is written once')
      used = true
      const stream = temporary.handle.createWriteStream()
      try {
        // `finished` listens for the stream's errors (a full disk), so none is left unhandled,
        // and a writer that waits for a stream that failed is not waited for.
        const done = finished(stream)
        await Promise.race([write(stream), done])
        if (!stream.writableEnded) stream.end()
        await done
        await publish(temporary.path, path, options.force)
      } catch (error) {
        stream.destroy()
        await discard(temporary.path)
        throw writeError(path, error)
      }
      await discard(temporary.path)
    },
    async discard() {
      await temporary.handle.close().catch(() => {})
      await discard(temporary.path)
    },
  }
}

/**
 * The finished temporary becomes `path`. Without --force, nothing that
 * appeared there meanwhile is replaced: a hard link fails if the name is
 * taken; where links are not supported (FAT on USB sticks), an exclusive copy.
 */
async function publish(temporary: string, path: string, force: boolean): Promise<void> {
  if (force) return rename(temporary, path)
  try {
    await link(temporary, path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') throw new OutputError('OUTPUT_EXISTS', 'appeared', path)
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error
    await copyFile(temporary, path, constants.COPYFILE_EXCL).catch((copyError: NodeJS.ErrnoException) => {
      if (copyError.code === 'EEXIST') throw new OutputError('OUTPUT_EXISTS', 'appeared', path)
      throw copyError
    })
  }
}

/** Check, reserve and write `path` in one step (per-file outputs). */
export async function writeOutput(path: string, write: (stream: Writable) => Promise<void> | void, options: CheckOptions): Promise<void> {
  const reservation = await reserve(path, options)
  await reservation.write(write)
}

/**
 * `write` for text or bytes already in memory. Text goes in slices of a
 * million characters: one write of a 100 MB JSON text would copy all of it
 * into a buffer at once, beside the text itself.
 */
export const writeData = (data: string | Uint8Array) => async (stream: Writable) => {
  if (typeof data !== 'string') return void stream.write(data)
  const slice = 2 ** 20
  for (let at = 0; at < data.length; ) {
    // A slice never ends between the two halves of a surrogate pair.
    let end = Math.min(at + slice, data.length)
    if (end < data.length && /[\ud800-\udbff]/.test(data[end - 1]!)) end--
    if (!stream.write(data.slice(at, end))) await once(stream, 'drain')
    at = end
  }
}

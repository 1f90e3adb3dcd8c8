import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { access, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'

export class OutputExistsError extends Error {
  readonly code = 'OUTPUT_EXISTS'
  constructor(readonly path: string) {
    super(`${path} already exists; use --force to overwrite it.`)
  }
}

export async function ensureWritable(path: string, force: boolean): Promise<void> {
  if (force) return
  try {
    await access(path)
  } catch {
    return
  }
  throw new OutputExistsError(path)
}

/**
 * Write through a temporary file in the same folder, then rename: readers
 * never see a half-written output, and a failed run leaves none behind.
 */
export async function writeAtomic(path: string, write: (stream: Writable) => Promise<void> | void, force: boolean): Promise<void> {
  await ensureWritable(path, force)
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const stream = createWriteStream(temporary)
    const done = finished(stream)
    await write(stream)
    if (!stream.writableEnded) stream.end()
    await done
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

/** `writeAtomic` for text or bytes already in memory. */
export function writeAtomicData(path: string, data: string | Uint8Array, force: boolean): Promise<void> {
  return writeAtomic(path, (stream) => void stream.write(data), force)
}

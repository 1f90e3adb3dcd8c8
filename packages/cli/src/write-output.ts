import { randomBytes } from 'node:crypto'
import { access, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

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

/** Write through a temporary file in the same folder, then rename: no half-written output. */
export async function writeAtomic(path: string, data: string | Uint8Array, force: boolean): Promise<void> {
  await ensureWritable(path, force)
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temporary, data)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

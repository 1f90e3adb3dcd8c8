import { readdir, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import type { SkipReason } from '@jxmb/messages'

/** Extensions a folder search converts. */
export const supportedExtensions = new Set(['.txt', '.docx'])

/** Old Word, WPS, RTF and OpenDocument: converted through LibreOffice when it is installed, else skipped in folders with advice. */
export const legacyExtensions = new Set(['.doc', '.wps', '.dot', '.wpt', '.rtf', '.odt'])

/** Folders that hold no submissions: installed packages. Hidden folders (`.git`) are skipped too. */
const skippedFolders = new Set(['node_modules'])

export interface Skipped {
  path: string
  reason: SkipReason
}

export interface Collected {
  files: string[]
  /** Files not converted, and why: said on the screen and counted in the summary. */
  skipped: Skipped[]
}

/** An input that does not exist: a usage error, before anything converts. */
export class MissingInputError extends Error {
  constructor(readonly input: string) {
    super(`${input}: no such file or folder.`)
    this.name = 'MissingInputError'
  }
}

/**
 * The files to convert: files named on the command line as they are (any
 * extension, so a clerk's odd name still gets a clear error; a link is
 * followed, since it was named), folders searched recursively for .docx and
 * .txt (and, with `office`, the formats LibreOffice converts) in a stable (sorted) order, without following links and without
 * node_modules or hidden folders; a device or pipe found there is skipped.
 */
export async function collectFiles(inputs: readonly string[], options: { office?: boolean } = {}): Promise<Collected> {
  const collected: Collected = { files: [], skipped: [] }
  for (const input of inputs) {
    const info = await stat(input).catch(() => {
      throw new MissingInputError(input)
    })
    // A device or pipe named on the command line is refused by the converter, which never waits on it (READ).
    if (info.isDirectory()) await walk(input, collected, options.office ?? false)
    else collected.files.push(input)
  }
  return collected
}

async function walk(folder: string, collected: Collected, office: boolean): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true })
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    // Word's lock files (~$name.docx) and hidden files are not submissions.
    if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue
    const path = join(folder, entry.name)
    if (entry.isDirectory()) {
      if (!skippedFolders.has(entry.name)) await walk(path, collected, office)
      continue
    }
    const extension = extname(entry.name).toLowerCase()
    if (entry.isSymbolicLink()) collected.skipped.push({ path, reason: 'link' })
    else if (!entry.isFile()) collected.skipped.push({ path, reason: 'special' })
    else if (supportedExtensions.has(extension) || (office && legacyExtensions.has(extension))) collected.files.push(path)
    else collected.skipped.push({ path, reason: legacyExtensions.has(extension) ? 'legacy' : 'other-type' })
  }
}

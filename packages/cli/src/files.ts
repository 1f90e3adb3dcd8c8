import { readdir, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'

/** Extensions `jxmb convert` reads. */
export const supportedExtensions = new Set(['.txt', '.docx', '.doc'])

/**
 * The files to convert: files named on the command line as they are (any
 * extension, so a clerk's odd name still gets a clear error), folders searched
 * recursively for supported files, in a stable (sorted) order.
 */
export async function collectFiles(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = []
  for (const input of inputs) {
    const info = await stat(input).catch(() => {
      throw new Error(`${input}: no such file or folder.`)
    })
    if (info.isDirectory()) for (const found of await walk(input)) files.push(found)
    else files.push(input)
  }
  return files
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true })
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const files: string[] = []
  for (const entry of entries) {
    // Word's lock files (~$name.docx) and hidden files are not submissions.
    if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue
    const path = join(folder, entry.name)
    if (entry.isDirectory()) for (const found of await walk(path)) files.push(found)
    else if (entry.isFile() && supportedExtensions.has(extname(entry.name).toLowerCase())) files.push(path)
  }
  return files
}

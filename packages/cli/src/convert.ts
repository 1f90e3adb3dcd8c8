import { readFile } from 'node:fs/promises'
import { JxmbError, isJxmbError, type Failure, type JxmbDocument } from '@jxmb/model'
import { parse } from '@jxmb/parser'

export interface ConvertOptions {
  encoding?: string
}

export type FileResult =
  | { file: string; ok: true; document: JxmbDocument }
  | { file: string; ok: false; failure: Failure }

/** Convert one file; every failure comes back as a coded `Failure`, never a throw. */
export async function convertFile(file: string, options: ConvertOptions = {}): Promise<FileResult> {
  try {
    let bytes: Uint8Array
    try {
      bytes = await readFile(file)
    } catch (cause) {
      throw new JxmbError('READ', `The file could not be read (${(cause as NodeJS.ErrnoException).code ?? 'error'}).`, { file, cause })
    }
    const document = await parse(bytes, { file, ...(options.encoding ? { encoding: options.encoding } : {}) })
    return { file, ok: true, document }
  } catch (error) {
    if (isJxmbError(error)) return { file, ok: false, failure: { file, code: error.code, message: error.message } }
    const message = error instanceof Error ? error.message : String(error)
    return { file, ok: false, failure: { file, code: 'INTERNAL', message: `Unexpected error (please report it): ${message}` } }
  }
}

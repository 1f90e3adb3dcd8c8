import { constants, open } from 'node:fs/promises'
import { JxmbError, isJxmbError, type Failure, type JxmbDocument } from '@jxmb/model'
import { parse, type DocxReader } from '@jxmb/parser'

export interface ConvertOptions {
  encoding?: string
  /** How a .docx is read: jxmb's own reader (the default) or mammoth, the reference. */
  reader?: DocxReader
}

export type FileResult =
  | { file: string; ok: true; document: JxmbDocument }
  | { file: string; ok: false; failure: Failure }

// Read whole into memory: a .docx with large media may be big, but not this big.
const maxFileBytes = 512 * 2 ** 20

/** Convert one file; every failure comes back as a coded `Failure`, never a throw. */
export async function convertFile(file: string, options: ConvertOptions = {}, source = file): Promise<FileResult> {
  try {
    const bytes = await readRegularFile(source, file)
    const document = await parse(bytes, { file, ...(options.encoding ? { encoding: options.encoding } : {}), ...(options.reader ? { reader: options.reader } : {}) })
    return { file, ok: true, document }
  } catch (error) {
    if (isJxmbError(error)) return { file, ok: false, failure: { file, code: error.code, message: error.message } }
    const message = error instanceof Error ? error.message : String(error)
    return { file, ok: false, failure: { file, code: 'INTERNAL', message: `Unexpected error (please report it): ${message}` } }
  }
}

/** A regular file's bytes, its size checked first: a FIFO would block for ever, /dev/zero never end. */
async function readRegularFile(path: string, file: string): Promise<Uint8Array> {
  let handle
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer for ever.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
    const info = await handle.stat()
    if (!info.isFile()) throw new JxmbError('READ', 'This is not a regular file (a folder, device or pipe); it was not read.', { file })
    if (info.size > maxFileBytes) {
      throw new JxmbError('TOO_LARGE', `The file is ${info.size} bytes, over the limit of ${maxFileBytes}; refused unread.`, { file })
    }
    return await handle.readFile()
  } catch (cause) {
    if (isJxmbError(cause)) throw cause
    throw new JxmbError('READ', `The file could not be read (${(cause as NodeJS.ErrnoException).code ?? 'error'}).`, { file, cause })
  } finally {
    await handle?.close()
  }
}

/** Codes of the errors that stop a whole file from converting. */
export const errorCodes = {
  EMPTY: 'The file is empty.',
  BINARY: 'The file is binary data, not a Word document or text.',
  ENCODING: 'The text could not be decoded.',
  NOT_ZIP: 'The file is not a .docx (not a zip archive).',
  TRUNCATED: 'The .docx is truncated or damaged.',
  NO_DOCUMENT_XML: 'The zip holds no word/document.xml, so it is not a Word document.',
  OLE: 'The file is an old .doc or an encrypted document.',
  ZIP_BOMB: 'A part of the .docx is larger than allowed.',
  UNSUPPORTED: 'The file type is not supported.',
  READ: 'The file could not be read.',
  DOCX: 'The .docx could not be converted.',
} as const
export type ErrorCode = keyof typeof errorCodes

/** An error that stops a whole file; `code` is stable, `message` is for people. */
export class JxmbError extends Error {
  readonly code: ErrorCode
  readonly file: string | undefined

  constructor(code: ErrorCode, message?: string, options?: { file?: string | undefined; cause?: unknown }) {
    super(message ?? errorCodes[code], options?.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'JxmbError'
    this.code = code
    this.file = options?.file
  }
}

export function isJxmbError(error: unknown): error is JxmbError {
  return error instanceof JxmbError
}

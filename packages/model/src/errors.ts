/** Codes of the errors that stop a whole file from converting. */
export const errorCodes = {
  EMPTY: 'The file is empty.',
  BINARY: 'The file is binary data, not a Word document or text.',
  ENCODING: 'The text could not be decoded.',
  NOT_ZIP: 'The file is not a .docx (not a zip archive).',
  TRUNCATED: 'The .docx is truncated or damaged.',
  NO_DOCUMENT_XML: 'The zip holds no word/document.xml, so it is not a Word document.',
  OLE: 'The file is an old .doc or WPS file, or an encrypted document.',
  RTF: 'The file is RTF, not a Word .docx.',
  ODT: 'The file is an OpenDocument text (.odt), not a Word .docx.',
  CONVERT_FAILED: 'LibreOffice could not convert the file to .docx.',
  CONVERT_TIMEOUT: 'Converting the file to .docx with LibreOffice took longer than allowed.',
  ZIP_BOMB: 'A part of the .docx inflates to more than allowed, or to more than it declares.',
  ZIP_INVALID: 'The zip directory of the .docx is inconsistent (duplicate or hidden entries).',
  TOO_LARGE: 'The file is larger than allowed.',
  TOO_COMPLEX: 'The document is nested too deeply or holds too many elements.',
  UNSUPPORTED: 'The file type is not supported.',
  READ: 'The file could not be read.',
  DOCX: 'The .docx could not be converted.',
  RESOURCE_LIMIT: 'Converting the file needed more memory than allowed.',
  TIMEOUT: 'Converting the file took longer than allowed.',
  INTERNAL: 'An unexpected error in jxmb (a bug; please report it with the file).',
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

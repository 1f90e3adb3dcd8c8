/** The messages between the page and its two workers. */
import type { Failure, JxmbDocument } from '@jxmb/model'

/** Page → convert worker: one file's bytes. */
export interface ConvertRequest {
  index: number
  name: string
  bytes: ArrayBuffer
}

/** Convert worker → page: the file's document, or its failure. */
export type ConvertResult = { index: number; ok: true; document: JxmbDocument } | { index: number; ok: false; failure: Failure }

export type ExportFormat = 'xlsx' | 'json' | 'markdown'

/** Page → export worker: what to write. */
export interface ExportRequest {
  format: ExportFormat
  documents: JxmbDocument[]
  failures: Failure[]
}

/** Export worker → page: the file's bytes, or why it could not be written. */
export type ExportResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string }

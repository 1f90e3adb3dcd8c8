/** The jxmb model as JSON text that names its schema and format version. */
import {
  BATCH_SCHEMA_ID,
  DOCUMENT_SCHEMA_ID,
  FORMAT_VERSION,
  type Failure,
  type JxmbBatch,
  type JxmbDocument,
} from '@jxmb/model'

export interface JsonOptions {
  /** Indentation; 0 for one line. Default 2. */
  indent?: number
  /** Drop every `position` (smaller output when locations are not needed). */
  positions?: boolean
}

/** One document, tagged with `$schema` and `formatVersion`. */
export function toJson(document: JxmbDocument, options: JsonOptions = {}): string {
  const { $schema: _schema, formatVersion: _version, ...rest } = document
  return stringify({ $schema: DOCUMENT_SCHEMA_ID, formatVersion: FORMAT_VERSION, ...rest }, options)
}

/** Several documents and the files that failed, as one JSON value. */
export function toJsonBatch(documents: readonly JxmbDocument[], failures: readonly Failure[] = [], options: JsonOptions = {}): string {
  const batch: JxmbBatch = {
    $schema: BATCH_SCHEMA_ID,
    formatVersion: FORMAT_VERSION,
    documents: documents.map(({ $schema: _schema, formatVersion: _version, ...rest }) => rest),
    failures: [...failures],
  }
  return stringify(batch, options)
}

function stringify(value: unknown, { indent = 2, positions = true }: JsonOptions): string {
  const replacer = positions ? undefined : (key: string, item: unknown) => (key === 'position' ? undefined : item)
  return JSON.stringify(value, replacer, indent) + '\n'
}

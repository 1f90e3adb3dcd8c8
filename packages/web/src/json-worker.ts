/** The JSON of the batch, as `jxmb convert -o x.json` writes it. */
import { toJsonBatch } from '@jxmb/export-json'
import { serveExport } from './serve-export.js'

serveExport(({ documents, failures }) => new TextEncoder().encode(toJsonBatch(documents, failures)))

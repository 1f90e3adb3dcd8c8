/** The Markdown report, as `jxmb convert -o x.md` writes it for a batch. */
import { toMarkdownBatch } from '@jxmb/export-markdown'
import { serveExport } from './serve-export.js'

serveExport(({ documents, failures }) => new TextEncoder().encode(toMarkdownBatch(documents, failures)))

/**
 * Test-only zip writer that can lie: declared sizes, the directory's entry
 * count and duplicate names are the caller's to set, as hostile files set them.
 */
import { crc32 } from 'node:zlib'
import { deflateSync } from 'fflate'

export interface ZipEntry {
  name: string
  /** The part's bytes (or text), deflated here unless `stored`. */
  data?: Uint8Array | string
  /** Already-deflated bytes, written as they are (give `size`). */
  deflated?: Uint8Array
  stored?: boolean
  /** Declared uncompressed size; default the real one. */
  size?: number
  /** Leave the entry out of the central directory (a local header only). */
  hidden?: boolean
}

export interface ZipOptions {
  /** The entry count the end-of-directory record states (default the real one); records past it are still written. */
  count?: number
}

const encoder = new TextEncoder()

export function writeZip(entries: readonly ZipEntry[], options: ZipOptions = {}): Uint8Array {
  const locals: Uint8Array[] = []
  const central: Uint8Array[] = []
  let offset = 0
  let listed = 0
  for (const entry of entries) {
    const name = encoder.encode(entry.name)
    const raw = typeof entry.data === 'string' ? encoder.encode(entry.data) : entry.data
    const body = entry.deflated ?? (entry.stored ? raw! : deflateSync(raw ?? new Uint8Array(0)))
    const method = entry.deflated || !entry.stored ? 8 : 0
    const size = entry.size ?? raw?.length ?? 0
    const crc = raw ? crc32(raw) : 0
    // The local header and the directory record hold the same fields, the record's two bytes further on.
    const header = (length: number, signature: number, shift: number) => {
      const bytes = new Uint8Array(length + name.length)
      const view = new DataView(bytes.buffer)
      view.setUint32(0, signature, true)
      view.setUint16(4, 20, true)
      view.setUint16(4 + shift, 20, true)
      view.setUint16(8 + shift, method, true)
      view.setUint32(14 + shift, crc, true)
      view.setUint32(18 + shift, body.length, true)
      view.setUint32(22 + shift, size, true)
      view.setUint16(26 + shift, name.length, true)
      bytes.set(name, length)
      return { bytes, view }
    }
    const local = header(30, 0x04034b50, 0).bytes
    locals.push(local, body)
    if (!entry.hidden) {
      const record = header(46, 0x02014b50, 2)
      record.view.setUint32(42, offset, true)
      central.push(record.bytes)
      listed++
    }
    offset += local.length + body.length
  }
  const centralSize = central.reduce((sum, record) => sum + record.length, 0)
  const end = new Uint8Array(22)
  const e = new DataView(end.buffer)
  e.setUint32(0, 0x06054b50, true)
  e.setUint16(8, options.count ?? listed, true)
  e.setUint16(10, options.count ?? listed, true)
  e.setUint32(12, centralSize, true)
  e.setUint32(16, offset, true)
  const out = new Uint8Array(offset + centralSize + end.length)
  let at = 0
  for (const part of [...locals, ...central, end]) {
    out.set(part, at)
    at += part.length
  }
  return out
}

const contentTypes =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>'

/** The package relationships, pointing at `main` as the document part. */
export function packageRels(main = 'word/document.xml'): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main}"/>` +
    '</Relationships>'
  )
}

/** `word/document.xml` with `body` (WordprocessingML) inside `w:body`. */
export function documentXml(body: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    body +
    '</w:body></w:document>'
  )
}

/** The three parts of the smallest .docx Word and mammoth open, with `body` as its text; more entries after. */
export function minimalDocxEntries(body: string): ZipEntry[] {
  return [
    { name: '[Content_Types].xml', data: contentTypes },
    { name: '_rels/.rels', data: packageRels() },
    { name: 'word/document.xml', data: documentXml(body) },
  ]
}

export function minimalDocx(body: string, more: readonly ZipEntry[] = []): Uint8Array {
  return writeZip([...minimalDocxEntries(body), ...more])
}

/**
 * The .docx container, opened within limits: what kind of file it is, its
 * zip directory checked (`zip.ts`), and each part inflated only when asked
 * for, counted against one byte budget and scanned for its shape
 * (`xml-shape.ts`) before any XML parser sees it. mammoth reads its parts
 * from here, so nothing reaches it unchecked and nothing is inflated twice.
 */
import { JxmbError } from '@jxmb/model'
import { TextDecoder } from '../text-decoder.js'
import { zipSync } from 'fflate'
import { scanXml, type XmlLimits, type XmlShape } from './xml-shape.js'
import { inflateEntry, inflateEntryInto, readZipDirectory, type InflateBudget, type ZipEntry } from './zip.js'

const oleSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

export interface ContainerLimits extends XmlLimits {
  /** Bytes of XML inflated from one .docx, all parts together, counted as they come out. Default 64 MiB. */
  maxXmlBytes?: number
  /** Entries in the zip directory. Default 10,000. */
  maxEntries?: number
}

/** The opened container: what mammoth reads (its `file` input), and the main part's shape once read. */
export interface DocxContainer {
  /** The main document part's name (from `_rels/.rels`, as Word and mammoth find it). */
  mainPart: string
  exists(name: string): boolean
  read(name: string, encoding?: string): Promise<Uint8Array | string>
  /**
   * A part's text at once, counted against the byte budget but not shape-scanned: for the own reader's small
   * parts, whose tokeniser builds no tree, so that depth and element counts (xmldom's risks) do not apply.
   */
  readText(name: string): string
  /**
   * A part's text handed to `onText` as it inflates, never whole: counted against the byte budget,
   * not shape-scanned (the reader checks the shape as it tokenises) and not kept.
   */
  streamText(name: string, onText: (text: string) => void): void
  /** The shape of each XML part read so far. */
  shapes: Map<string, XmlShape>
  /**
   * The parts as a stored (uncompressed) zip, for mammoth's browser build,
   * which takes only `arrayBuffer`: made when asked for, from checked parts.
   */
  readonly arrayBuffer: Uint8Array
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06)
}

export function isOle(bytes: Uint8Array): boolean {
  return oleSignature.every((byte, index) => bytes[index] === byte)
}

const xmlPart = /\.(xml|rels)$/i
const officeDocument = /\/officeDocument$/

/** Opens `bytes` as a .docx, or throws a coded `JxmbError` naming what is wrong. */
export function openDocxContainer(bytes: Uint8Array, file?: string, limits: ContainerLimits = {}): DocxContainer {
  const { maxXmlBytes = 64 * 2 ** 20, maxEntries = 10_000 } = limits
  if (bytes.length === 0) throw new JxmbError('EMPTY', undefined, { file })
  if (isOle(bytes)) {
    throw new JxmbError(
      'OLE',
      // What to do about it is the message catalogue's (@jxmb/messages): one text for every screen.
      'This is an old Word .doc file or an encrypted (password-protected) document, which jxmb cannot read.',
      { file },
    )
  }
  if (!isZip(bytes)) throw new JxmbError('NOT_ZIP', undefined, { file })
  const entries = readZipDirectory(bytes, file, maxEntries)
  const budget: InflateBudget = { left: maxXmlBytes, limit: maxXmlBytes }
  const parts = new Map<string, Uint8Array>()
  const shapes = new Map<string, XmlShape>()
  const decoders = new Map<string, TextDecoder>()

  const part = (name: string, scan = true): Uint8Array => {
    let data = parts.get(name)
    if (data && (!scan || shapes.has(name) || !xmlPart.test(name))) return data
    const entry = entries.get(name)
    if (!entry) throw new JxmbError('DOCX', `The .docx has no part ${name}.`, { file })
    data ??= inflateEntry(bytes, entry, budget, file)
    if (scan && xmlPart.test(name)) shapes.set(name, scanXml(data, name, file, limits))
    parts.set(name, data)
    return data
  }
  const decoderFor = (encoding: string): TextDecoder => {
    let decoder = decoders.get(encoding)
    if (!decoder) decoders.set(encoding, (decoder = new TextDecoder(encoding)))
    return decoder
  }
  // An OpenDocument text is a zip too, with its content.xml and mimetype parts.
  if (entries.has('content.xml') && entries.has('mimetype') && !entries.has('[Content_Types].xml')) throw new JxmbError('ODT', undefined, { file })
  const mainPart = findMainPart(entries, part)
  if (!entries.has(mainPart)) throw new JxmbError('NO_DOCUMENT_XML', undefined, { file })

  return {
    mainPart,
    shapes,
    exists: (name) => entries.has(name),
    async read(name, encoding) {
      // Media are never read (images are skipped); only parts mammoth parses come here.
      const data = part(name)
      return encoding ? decoderFor(encoding).decode(data) : data
    },
    readText(name) {
      return decoderFor('utf-8').decode(part(name, false))
    },
    streamText(name, onText) {
      const entry = entries.get(name)
      if (!entry) throw new JxmbError('DOCX', `The .docx has no part ${name}.`, { file })
      const decoder = new TextDecoder('utf-8')
      inflateEntryInto(bytes, entry, budget, file, (chunk) => onText(decoder.decode(chunk, { stream: true })))
      onText(decoder.decode())
    },
    get arrayBuffer() {
      const stored: Record<string, Uint8Array> = {}
      for (const name of entries.keys()) if (xmlPart.test(name)) stored[name] = part(name)
      return zipSync(stored, { level: 0 })
    },
  }
}

/** The target of the package's officeDocument relationship; `word/document.xml` when there is none. */
function findMainPart(entries: Map<string, ZipEntry>, part: (name: string) => Uint8Array): string {
  if (!entries.has('_rels/.rels')) return 'word/document.xml'
  const found = relationships(new TextDecoder().decode(part('_rels/.rels'))).find((relationship) => officeDocument.test(relationship.type))
  return found ? found.target.replace(/^\/+/, '') : 'word/document.xml'
}

export interface Relationship {
  type: string
  target: string
  /** `TargetMode="External"`: a link out of the package, never a part. */
  external: boolean
}

/** The relationships of a `.rels` part, read with patterns: no XML parser for a list of attributes. */
export function relationships(rels: string): Relationship[] {
  const found: Relationship[] = []
  for (const [relationship] of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const target = /\bTarget\s*=\s*["']([^"']*)["']/.exec(relationship)?.[1]
    if (!target) continue
    const type = /\bType\s*=\s*["']([^"']*)["']/.exec(relationship)?.[1] ?? ''
    found.push({ type, target, external: /\bTargetMode\s*=\s*["']External/i.test(relationship) })
  }
  return found
}

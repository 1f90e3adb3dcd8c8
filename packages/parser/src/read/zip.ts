/**
 * A zip reader that trusts nothing the archive says about sizes: it reads the
 * central directory itself, refuses duplicate names and a directory that
 * holds more (or fewer) records than its end record states, and inflates an
 * entry in small steps, counting what comes out against a byte budget.
 */
import { JxmbError } from '@jxmb/model'
import { TextDecoder } from '../text-decoder.js'
import { Inflate, inflateSync } from 'fflate'

export interface ZipEntry {
  name: string
  method: number
  flags: number
  compressedSize: number
  /** As declared; never trusted for memory, only to catch a part that lies. */
  size: number
  headerOffset: number
}

/** What may still be inflated; shared by all entries of one archive. */
export interface InflateBudget {
  /** Bytes left for all parts together. */
  left: number
  /** The total this budget started with, for messages. */
  readonly limit: number
}

const endSignature = 0x06054b50
const zip64EndSignature = 0x06064b50
const zip64LocatorSignature = 0x07064b50
const centralSignature = 0x02014b50
const localSignature = 0x04034b50
// One step of input: deflate expands at most about 1032×, so a step yields at most ~16 MiB.
const step = 16 * 1024
// A small part inflates at once into a buffer of its declared size: no step buffers to grow and copy. The
// input cap bounds the work a part that lies about its size can cause (deflate expands at most ~1032×).
const oneShotSize = 1024 * 1024
const oneShotInput = 256 * 1024
const names = new TextDecoder('utf-8')

/** The archive's entries by name; throws `TRUNCATED`, `ZIP_INVALID` or `TOO_COMPLEX`. */
export function readZipDirectory(bytes: Uint8Array, file: string | undefined, maxEntries: number): Map<string, ZipEntry> {
  return withinBounds(file, () => readDirectory(bytes, file, maxEntries))
}

/**
 * A field that points past the end (a damaged or hostile archive) makes
 * DataView throw a RangeError: that is a truncated file, not a bug.
 */
function withinBounds<T>(file: string | undefined, read: () => T): T {
  try {
    return read()
  } catch (error) {
    if (error instanceof RangeError) {
      throw new JxmbError('TRUNCATED', 'The .docx is truncated or damaged: a zip record points past the end of the file.', { file, cause: error })
    }
    throw error
  }
}

function readDirectory(bytes: Uint8Array, file: string | undefined, maxEntries: number): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const damaged = (detail: string) => new JxmbError('TRUNCATED', `The .docx is truncated or damaged: ${detail}.`, { file })
  const invalid = (detail: string) => new JxmbError('ZIP_INVALID', `The .docx's zip directory is inconsistent: ${detail}; refused unread.`, { file })

  let end = -1
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === endSignature) {
      end = at
      break
    }
  }
  if (end < 0) throw damaged('its zip directory cannot be found')
  let count = view.getUint16(end + 10, true)
  let centralSize = view.getUint32(end + 12, true)
  let centralOffset = view.getUint32(end + 16, true)
  let directoryEnd = end
  if (count === 0xffff || centralSize === 0xffffffff || centralOffset === 0xffffffff) {
    const locator = end - 20
    if (locator < 0 || view.getUint32(locator, true) !== zip64LocatorSignature) throw damaged('its zip64 directory cannot be found')
    const zip64End = Number(view.getBigUint64(locator + 8, true))
    if (zip64End + 56 > bytes.length || view.getUint32(zip64End, true) !== zip64EndSignature) throw damaged('its zip64 directory cannot be found')
    count = Number(view.getBigUint64(zip64End + 32, true))
    centralSize = Number(view.getBigUint64(zip64End + 40, true))
    centralOffset = Number(view.getBigUint64(zip64End + 48, true))
    directoryEnd = zip64End
  }
  if (count > maxEntries) {
    throw new JxmbError('TOO_COMPLEX', `The .docx holds ${count} zip entries, over the limit of ${maxEntries}.`, { file })
  }
  if (centralOffset + centralSize > directoryEnd) throw damaged('its zip directory runs past its end')

  const entries = new Map<string, ZipEntry>()
  let at = centralOffset
  for (let index = 0; index < count; index++) {
    if (at + 46 > directoryEnd || view.getUint32(at, true) !== centralSignature) throw damaged('a zip directory record is missing')
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const entry: ZipEntry = {
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      headerOffset: view.getUint32(at + 42, true),
    }
    readZip64Extra(view, at + 46 + nameLength, extraLength, entry)
    if (entries.has(entry.name)) throw invalid(`the entry ${entry.name} occurs twice`)
    entries.set(entry.name, entry)
    at += 46 + nameLength + extraLength + commentLength
  }
  // Readers differ on records past the stated count (JSZip reads them, fflate does not): refuse them.
  if (at !== centralOffset + centralSize) throw invalid(`it states ${count} entries, but its records take ${centralSize} bytes, not ${at - centralOffset}`)
  return entries
}

/** Sizes of 0xFFFFFFFF are in the zip64 extra field, in this order, each only when its field overflowed. */
function readZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true)
    const size = view.getUint16(at + 2, true)
    if (id === 0x0001) {
      let field = at + 4
      const next = () => {
        const value = Number(view.getBigUint64(field, true))
        field += 8
        return value
      }
      if (entry.size === 0xffffffff) entry.size = next()
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next()
      if (entry.headerOffset === 0xffffffff) entry.headerOffset = next()
      return
    }
    at += 4 + size
  }
}

/**
 * An entry's bytes, inflated in steps of 16 KiB of input. Throws `ZIP_BOMB` as
 * soon as the output passes what the entry declares or what the budget has
 * left, so a part that lies costs at most one step of output.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, file: string | undefined): Uint8Array {
  const chunks: Uint8Array[] = []
  let produced = 0
  withinBounds(file, () =>
    inflate(bytes, entry, budget, file, (chunk) => {
      chunks.push(chunk)
      produced += chunk.length
    }),
  )
  if (chunks.length === 1) return chunks[0]!
  const whole = new Uint8Array(produced)
  let offset = 0
  for (const chunk of chunks) {
    whole.set(chunk, offset)
    offset += chunk.length
  }
  return whole
}

/**
 * The entry's bytes handed to `sink` as they inflate, in the same checked steps: a reader that
 * tokenises as they come holds one step of output, never the whole part. `sink` may throw to stop.
 */
export function inflateEntryInto(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, file: string | undefined, sink: (chunk: Uint8Array) => void): void {
  withinBounds(file, () => inflate(bytes, entry, budget, file, sink))
}

function inflate(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, file: string | undefined, sink: (chunk: Uint8Array) => void): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const damaged = () => new JxmbError('TRUNCATED', `The .docx is truncated or damaged: the part ${entry.name} cannot be read.`, { file })
  const at = entry.headerOffset
  if (at + 30 > bytes.length || view.getUint32(at, true) !== localSignature) throw damaged()
  const nameLength = view.getUint16(at + 26, true)
  const localName = names.decode(bytes.subarray(at + 30, at + 30 + nameLength))
  if (localName !== entry.name) {
    throw new JxmbError('ZIP_INVALID', `The .docx's zip directory is inconsistent: the entry ${entry.name} points at ${localName}; refused unread.`, { file })
  }
  if (entry.flags & 1) throw new JxmbError('OLE', `The part ${entry.name} is encrypted; save the document again without a password.`, { file })
  const start = at + 30 + nameLength + view.getUint16(at + 28, true)
  if (start + entry.compressedSize > bytes.length) throw damaged()
  const data = bytes.subarray(start, start + entry.compressedSize)

  if (entry.size > budget.left) {
    throw new JxmbError('ZIP_BOMB', `The part ${entry.name} declares ${entry.size} bytes uncompressed, over the limit of ${budget.limit}; refused unread.`, { file })
  }
  const allowed = entry.size
  const over = (produced: number) =>
    produced > entry.size
      ? new JxmbError('ZIP_BOMB', `The part ${entry.name} inflates to more than the ${entry.size} bytes it declares; refused.`, { file })
      : new JxmbError('ZIP_BOMB', `The parts jxmb reads inflate to more than ${budget.limit} bytes; refused.`, { file })
  if (entry.method === 0) {
    if (data.length > allowed) throw over(data.length)
    budget.left -= data.length
    sink(data)
    return
  }
  if (entry.method !== 8) {
    throw new JxmbError('DOCX', `The part ${entry.name} is compressed with method ${entry.method}, which Word never uses.`, { file })
  }
  if (entry.size <= oneShotSize && data.length <= oneShotInput) {
    // One byte more than declared: output that fills it is output the entry does not declare.
    let out: Uint8Array
    try {
      out = inflateSync(data, { out: new Uint8Array(entry.size + 1) })
    } catch {
      throw damaged()
    }
    if (out.length > allowed) throw over(out.length)
    budget.left -= out.length
    sink(out)
    return
  }
  let produced = 0
  // The sink's own errors (a reader's refusal) pass through as they are; fflate's mean damage.
  let sinkError: unknown
  const inflater = new Inflate((chunk) => {
    produced += chunk.length
    if (produced > allowed) throw over(produced)
    try {
      sink(chunk)
    } catch (error) {
      sinkError = error
      throw error
    }
  })
  try {
    for (let offset = 0; offset < data.length || offset === 0; offset += step) {
      inflater.push(data.subarray(offset, offset + step), offset + step >= data.length)
    }
  } catch (error) {
    if (error === sinkError || error instanceof JxmbError) throw error
    throw damaged()
  }
  budget.left -= produced
}

/**
 * One quick pass over an XML part's bytes, before any parser sees it: how
 * deep it nests, how many elements, tables and cells it holds, and each
 * table's grid width (`w:tblGrid`). Deep nesting would overflow the stack of
 * a recursive reader (mammoth's is), and a part of a few kilobytes can hold
 * enough small elements to take gigabytes once parsed; both are refused here.
 */
import { JxmbError } from '@jxmb/model'

export interface XmlLimits {
  /** Deepest element nesting. Default 200 (Word's own documents stay under 40). */
  maxDepth?: number
  /**
   * Elements in one part. Default 1,000,000: 14 times a 200-project document (69,000 elements written by
   * the docx library), and about what mammoth can hold within the command's 400 MiB per file.
   */
  maxElements?: number
  /** Tables in one part. Default 10,000. */
  maxTables?: number
  /** Table cells in one part. Default 300,000 (a 200-project document has 13,000). */
  maxCells?: number
}

/** The limits' defaults, shared with the own .docx reader, which checks them as it tokenises. */
export const defaultXmlLimits = { maxDepth: 200, maxElements: 1_000_000, maxTables: 10_000, maxCells: 300_000 } as const

export interface XmlShape {
  depth: number
  elements: number
  tables: number
  cells: number
  /** Grid columns of each table's own `w:tblGrid`, in the order the tables start. */
  gridWidths: number[]
}

const lt = 0x3c
const gt = 0x3e
const slash = 0x2f
const bang = 0x21
const question = 0x3f
const quote = 0x22
const apostrophe = 0x27
const colon = 0x3a

/** Local names (after the prefix) that the scan counts, as bytes. */
const localNames = { tbl: bytesOf('tbl'), tblGrid: bytesOf('tblGrid'), gridCol: bytesOf('gridCol'), tc: bytesOf('tc') }

function bytesOf(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0))
}

export function scanXml(bytes: Uint8Array, part: string, file: string | undefined, limits: XmlLimits = {}): XmlShape {
  const { maxDepth = defaultXmlLimits.maxDepth, maxElements = defaultXmlLimits.maxElements, maxTables = defaultXmlLimits.maxTables, maxCells = defaultXmlLimits.maxCells } = limits
  const tooComplex = (what: string) => new JxmbError('TOO_COMPLEX', `The part ${part} ${what}; refused unread.`, { file })
  const damaged = () => new JxmbError('DOCX', `The part ${part} is not well-formed XML.`, { file })
  const shape: XmlShape = { depth: 0, elements: 0, tables: 0, cells: 0, gridWidths: [] }
  // Levels of the open tables: a tblGrid counts only as the direct child of one (not inside w:tblGridChange).
  const tableLevels: number[] = []
  let grid = -1
  let depth = 0
  let at = bytes.indexOf(lt)
  while (at >= 0) {
    const next = bytes[at + 1]
    if (next === slash) {
      if (tableLevels.at(-1) === depth) tableLevels.pop()
      depth--
      at = bytes.indexOf(gt, at)
    } else if (next === question) {
      at = findSequence(bytes, '?>', at)
    } else if (next === bang) {
      if (bytes[at + 2] === 0x2d) at = findSequence(bytes, '-->', at)
      else if (bytes[at + 2] === 0x5b) at = findSequence(bytes, ']]>', at)
      // A DOCTYPE can define entities that expand without bound; Word never writes one.
      else throw new JxmbError('DOCX', `The part ${part} declares a DOCTYPE, which Word never writes; refused unread.`, { file })
    } else {
      depth++
      if (depth > maxDepth) throw tooComplex(`nests elements more than ${maxDepth} deep`)
      if (++shape.elements > maxElements) throw tooComplex(`holds more than ${maxElements} elements`)
      if (depth > shape.depth) shape.depth = depth
      // The local name: after the prefix's colon, up to a space, '/' or '>'.
      let nameStart = at + 1
      let nameEnd = nameStart
      for (let byte = bytes[nameEnd]; byte !== undefined && byte > 0x20 && byte !== slash && byte !== gt; byte = bytes[++nameEnd]) {
        if (byte === colon) nameStart = nameEnd + 1
      }
      // The tag's end, skipping quoted attribute values (which may hold '>').
      let end = nameEnd
      for (let byte = bytes[end]; byte !== undefined && byte !== gt; byte = bytes[++end]) {
        if (byte === quote || byte === apostrophe) {
          end = bytes.indexOf(byte, end + 1)
          if (end < 0) throw damaged()
        }
      }
      if (end >= bytes.length) throw damaged()
      const selfClosing = bytes[end - 1] === slash
      const length = nameEnd - nameStart
      if (length === 2 && is(bytes, nameStart, localNames.tc)) {
        if (++shape.cells > maxCells) throw tooComplex(`holds more than ${maxCells} table cells`)
      } else if (length === 3 && is(bytes, nameStart, localNames.tbl)) {
        if (++shape.tables > maxTables) throw tooComplex(`holds more than ${maxTables} tables`)
        if (!selfClosing) tableLevels.push(depth)
      } else if (length === 7 && is(bytes, nameStart, localNames.tblGrid)) {
        if (tableLevels.length > 0 && tableLevels.at(-1) === depth - 1) grid = shape.gridWidths.push(0) - 1
        else grid = -1
      } else if (length === 7 && grid >= 0 && is(bytes, nameStart, localNames.gridCol)) {
        shape.gridWidths[grid]!++
      }
      if (selfClosing) depth--
      at = end
    }
    if (at < 0) throw damaged()
    at = bytes.indexOf(lt, at + 1)
  }
  return shape
}

function is(bytes: Uint8Array, start: number, name: Uint8Array): boolean {
  for (let index = 0; index < name.length; index++) if (bytes[start + index] !== name[index]) return false
  return true
}

function findSequence(bytes: Uint8Array, sequence: string, from: number): number {
  const last = sequence.charCodeAt(sequence.length - 1)
  for (let at = bytes.indexOf(last, from + sequence.length - 1); at >= 0; at = bytes.indexOf(last, at + 1)) {
    let match = true
    for (let index = 1; index < sequence.length; index++) {
      if (bytes[at - index] !== sequence.charCodeAt(sequence.length - 1 - index)) match = false
    }
    if (match) return at
  }
  return -1
}

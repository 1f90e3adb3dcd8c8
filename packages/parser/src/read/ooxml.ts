/**
 * Reader for .docx that reads the WordprocessingML itself: one streaming pass
 * (`xml-scanner.ts`) over the main part, straight to jxmb's blocks, no DOM and no HTML.
 * mammoth stays the reference reader (`reader: 'mammoth'`); this one keeps
 * what mammoth loses: `w:gridBefore`, vertical merges around a bookmark
 * between rows, checkbox glyphs, field results, text boxes where they sit.
 */
import { JxmbError, type Diagnostic, type Position } from '@jxmb/model'
import * as dingbats from 'dingbat-to-unicode'
import type { Block, Cell, ParagraphBlock, Row, TableBlock } from '../blocks.js'
import { openDocxContainer, relationships, type ContainerLimits, type DocxContainer } from './docx-container.js'
import type { DocxResult } from './docx.js'
import { emptyCell, fitSpan, minGridWidth } from './grid.js'
import { hiddenBookmark } from './hidden-bookmark.js'
import { indentOf, indentSpaces } from './indent.js'
import { createNumbering, parseNumbering, parseStyleNumbering, type StyleNumbering } from './numbering.js'
import { defaultXmlLimits, type XmlLimits } from './xml-shape.js'
import { createXmlScanner } from './xml-scanner.js'

// Checkbox glyphs of the symbol fonts as the characters a clerk reads and types (☑ □ ☒), where the
// exact Unicode of the glyph (🗹, 🞎) is outside the plane Chinese fonts and Excel show; the rest by dingbat-to-unicode.
const checkboxGlyphs: Readonly<Record<string, string>> = {
  'wingdings:fe': '☑',
  'wingdings:fd': '☒',
  'wingdings:78': '☒',
  'wingdings:a8': '□',
  'wingdings:6f': '□',
  'wingdings:71': '□',
  'wingdings:a1': '○',
  'wingdings:6e': '■',
  'wingdings 2:52': '☑',
  'wingdings 2:53': '☒',
  'wingdings 2:54': '☒',
  'wingdings 2:a3': '□',
  'wingdings 2:2a': '□',
}

// Elements whose whole content is not the document as accepted, or not its text.
const skipped = new Set([
  'w:del', // deleted text (tracked changes): the document as accepted
  'w:moveFrom',
  'w:instrText', // a field's instruction; its result is kept
  'w:delInstrText',
  'mc:Choice', // mc:AlternateContent is read once, from its Fallback
  'w:footnoteReference',
  'w:endnoteReference',
  'w:commentReference',
  // Formatting as it was before a tracked change: not the document's.
  'w:pPrChange',
  'w:rPrChange',
  'w:tblPrChange',
  'w:trPrChange',
  'w:tcPrChange',
  'w:sectPrChange',
  'w:numberingChange',
  'w:tblGridChange', // the grid before a change: its w:gridCol are not the table's
])

// The names the reader compares tags against, handed to the scanner so that a tag's name is these very strings.
const elementNames = [
  ...skipped,
  ...['w:p', 'w:pPr', 'w:pStyle', 'w:numPr', 'w:numId', 'w:ilvl', 'w:ind', 'w:r', 'w:rPr', 'w:t', 'w:tab', 'w:tabs', 'w:br', 'w:cr'],
  ...['w:noBreakHyphen', 'w:softHyphen', 'w:sym', 'w:fldChar', 'w:bookmarkStart', 'w:bookmarkEnd', 'w:drawing', 'w:pict'],
  ...['w:tbl', 'w:tblPr', 'w:tblGrid', 'w:gridCol', 'w:tr', 'w:trPr', 'w:gridBefore', 'w:tc', 'w:tcPr', 'w:gridSpan', 'w:vMerge'],
]

interface ParagraphState {
  /** The paragraph's lines: a soft line break (`w:br`, `w:cr`) starts a new one, as Tika writes it. */
  lines: string[]
  bookmarks: string[]
  /** Its `w:ind`: start, first line and hanging indent, in twips as written. */
  indent: { start?: string; firstLine?: string; hanging?: string }
  /** Anything mammoth writes (text, even a space; a tab, a break, a bookmark, an image, a note mark): it then makes a paragraph. */
  content: boolean
  /** Its list numbering (`w:numPr`), or its style's. */
  numId?: string
  level?: number
  style?: string
}

interface CellState {
  paragraphs: string[]
  tables: TableBlock[]
  span: number
  vMerge: 'restart' | 'continue' | undefined
  indent: number
}

interface RowState {
  cells: CellState[]
  gridBefore: number
}

interface TableState {
  rows: RowState[]
  gridWidth: number
  bookmarks: string[]
}

export async function readOoxml(bytes: Uint8Array, file?: string, limits: ContainerLimits = {}): Promise<DocxResult> {
  const container = openDocxContainer(bytes, file, limits)
  const diagnostics: Diagnostic[] = []
  // List numbers need numbering.xml, and styles.xml for numbering that styles carry: read at the first
  // paragraph that may be numbered, through the same checked container. A style numbers a paragraph only when
  // styles.xml numbers any style at all, which one search of its text tells.
  let parts: { numbering?: string; styles?: string } | undefined
  let styles: StyleNumbering | undefined
  let numbering: Numbering | null | undefined
  const related = () => (parts ??= relatedParts(container))
  const styleNumbering = (): StyleNumbering => {
    const part = related().styles
    styles ??= part ? wellFormed(file, part, () => {
      const text = container.readText(part)
      return text.includes('numPr') ? parseStyleNumbering(text) : new Map()
    }) : new Map()
    return styles
  }
  const numberingFor = (numId: string | undefined, style: string | undefined): Numbering | undefined => {
    if (numId === undefined && (style === undefined || styleNumbering().size === 0)) return undefined
    if (numbering === undefined) {
      const part = related().numbering
      numbering = part ? wellFormed(file, part, () => createNumbering(parseNumbering(container.readText(part)), styleNumbering())) : null
    }
    return numbering ?? undefined
  }
  const reader = createBlockReader(diagnostics, numberingFor, { ...limits, part: container.mainPart, file })
  // The main part inflates in steps and is tokenised as it comes: memory holds the blocks, not the XML.
  const blocks = wellFormed(file, container.mainPart, () => {
    container.streamText(container.mainPart, (text) => reader.write(text))
    return reader.close()
  })
  return { blocks, diagnostics, mammothMs: 0 }
}

type Numbering = ReturnType<typeof createNumbering>

/** A part read with `read`; XML that is not well-formed (the scanner refuses it) is the file's fault, said as DOCX. */
function wellFormed<T>(file: string | undefined, part: string, read: () => T): T {
  try {
    return read()
  } catch (cause) {
    if (cause instanceof JxmbError) throw cause
    const detail = cause instanceof Error ? cause.message : String(cause)
    throw new JxmbError('DOCX', `The .docx could not be read: its ${part} is not well-formed XML (${detail}).`, { file, cause })
  }
}

/** The main part's numbering and styles parts, from its relationships (`word/_rels/document.xml.rels`). */
function relatedParts(container: DocxContainer): { numbering?: string; styles?: string } {
  const folder = container.mainPart.includes('/') ? container.mainPart.slice(0, container.mainPart.lastIndexOf('/') + 1) : ''
  const rels = `${folder}_rels/${container.mainPart.slice(folder.length)}.rels`
  const found: { numbering?: string; styles?: string } = {}
  if (!container.exists(rels)) return found
  for (const { type, target, external } of relationships(container.readText(rels))) {
    if (external) continue
    const name = target.startsWith('/') ? target.slice(1) : folder + target
    const kind = /\/numbering$/.test(type) ? 'numbering' : /\/styles$/.test(type) ? 'styles' : undefined
    if (kind && container.exists(name)) found[kind] = name
  }
  return found
}

/** The main part's XML → blocks, in one pass. Exported for tests of XML shapes. */
export function documentBlocks(xml: string, diagnostics: Diagnostic[] = [], numbering?: Numbering): Block[] {
  const reader = createBlockReader(diagnostics, () => numbering, {})
  reader.write(xml)
  return reader.close()
}

interface ShapeLimits extends XmlLimits {
  part?: string
  file?: string | undefined
}

/**
 * A tokeniser fed the main part's text in pieces. It checks the part's shape as it goes, with the
 * limits of the container's byte scan (`xml-shape.ts`), which this path never runs: nesting, elements,
 * tables and cells, and no DOCTYPE.
 */
function createBlockReader(diagnostics: Diagnostic[], numberingFor: (numId: string | undefined, style: string | undefined) => Numbering | undefined, limits: ShapeLimits): { write(text: string): void; close(): Block[] } {
  const { maxDepth = defaultXmlLimits.maxDepth, maxElements = defaultXmlLimits.maxElements, maxTables = defaultXmlLimits.maxTables, maxCells = defaultXmlLimits.maxCells } = limits
  const part = limits.part ?? 'word/document.xml'
  const tooComplex = (what: string) => new JxmbError('TOO_COMPLEX', `The part ${part} ${what}; refused.`, { file: limits.file })
  let depth = 0
  let elements = 0
  let tableCount = 0
  let cellCount = 0
  const blocks: Block[] = []
  // Open elements that hide their content (w:del …): while any is open, nothing is read.
  let hidden = 0
  // Inside w:t: its text is the run's text.
  let inText = false
  // Complex fields (w:fldChar begin … separate … end): the instruction is skipped, the result kept.
  const fields: Array<'instruction' | 'result'> = []
  const paragraphs: ParagraphState[] = []
  const tables: TableState[] = []
  const cells: CellState[] = []
  let pendingBookmarks: string[] = []
  let topTables = 0
  // Inside a cell's or row's properties: which of them.
  let properties: 'tc' | 'tr' | 'grid' | undefined
  // Inside w:pPr/w:tabs, where w:tab is a tab stop, not a tab character.
  let inTabs = false

  const paragraph = () => paragraphs[paragraphs.length - 1]
  const append = (text: string) => {
    const current = paragraph()
    if (!current || hidden > 0 || fields[fields.length - 1] === 'instruction') return
    current.lines[current.lines.length - 1] += text
    if (text !== '') current.content = true
  }
  const mark = () => {
    const current = paragraph()
    if (current) current.content = true
  }

  /** A finished paragraph goes to its cell, or to the body. */
  const endParagraph = (state: ParagraphState) => {
    const lines = state.lines.map((line) => line.trim())
    // The number Word shows before a list paragraph; the counter moves on for an empty one too.
    const numbering = numberingFor(state.numId, state.style)
    if (numbering) {
      const style = numbering.styleNumbering(state.style)
      const numId = state.numId ?? style.numId
      const marker = numId === undefined ? '' : numbering.marker(numId, state.level ?? style.level ?? 0)
      // A marker that ends in a Latin letter or digit (`1`, `a`) is kept apart from the text; `1.`, `一、`, `①` are not.
      if (marker !== '' && lines[0] !== '') lines[0] = /[0-9A-Za-z]$/.test(marker) ? `${marker} ${lines[0]}` : marker + lines[0]
    }
    const first = state.lines[0] ?? ''
    const indent = 2 * indentSpaces(state.indent.start, state.indent.firstLine, state.indent.hanging) + indentOf(first)
    const cell = cells[cells.length - 1]
    if (cell && tables.length > 0) {
      const table = tables[tables.length - 1]!
      for (const bookmark of state.bookmarks) table.bookmarks.push(bookmark)
      for (const line of lines) if (line !== '' && cell.paragraphs.push(line) === 1) cell.indent = indent
      return
    }
    // As the mammoth path reads a <p>: its first line always, further lines when they hold text.
    lines.forEach((text, index) => {
      if (index > 0 && text === '') return
      if (index === 0 && !state.content) return
      const block: ParagraphBlock = {
        type: 'paragraph',
        text,
        bookmarks: index === 0 ? [...pendingBookmarks.splice(0), ...state.bookmarks] : [],
        position: { block: blocks.length },
      }
      if (index === 0 && indent > 0 && text !== '') block.indent = indent
      blocks.push(block)
    })
  }

  const open = (name: string) => {
    if (++depth > maxDepth) throw tooComplex(`nests elements more than ${maxDepth} deep`)
    if (++elements > maxElements) throw tooComplex(`holds more than ${maxElements} elements`)
    if (name === 'w:tbl' && ++tableCount > maxTables) throw tooComplex(`holds more than ${maxTables} tables`)
    if (name === 'w:tc' && ++cellCount > maxCells) throw tooComplex(`holds more than ${maxCells} table cells`)
    if (hidden > 0) {
      if (skipped.has(name)) hidden++
      return
    }
    switch (name) {
      case 'w:p': {
        // A paragraph inside a paragraph (a text box): the outer one so far is a paragraph of its own.
        const outer = paragraph()
        if (outer && cells.length === 0) {
          endParagraph(outer)
          outer.lines = ['']
          outer.bookmarks = []
          outer.content = false
        }
        paragraphs.push({ lines: [''], bookmarks: [], indent: {}, content: false })
        return
      }
      case 'w:pStyle':
      case 'w:numId':
      case 'w:ilvl': {
        const current = paragraph()
        const value = attribute('w:val')
        if (!current || value === undefined) return
        if (name === 'w:pStyle') current.style = value
        else if (name === 'w:numId') current.numId = value
        else current.level = Math.max(0, Math.min(8, Number(value) || 0))
        return
      }
      case 'w:ind': {
        const current = paragraph()
        if (!current) return
        current.indent = { start: attribute('w:start') ?? attribute('w:left'), firstLine: attribute('w:firstLine'), hanging: attribute('w:hanging') }
        return
      }
      case 'w:t':
        inText = true
        return
      case 'w:tab':
        // A tab stop inside w:pPr/w:tabs is no tab character.
        if (!inTabs) append('\t')
        return
      case 'w:drawing':
      case 'w:pict':
        // An image: no text, but mammoth writes it, so its paragraph is not empty.
        mark()
        return
      case 'w:tabs':
        inTabs = true
        return
      case 'w:br':
      case 'w:cr': {
        const type = attribute('w:type')
        if (type === undefined || type === 'textWrapping' || name === 'w:cr') {
          const current = paragraph()
          if (current && fields[fields.length - 1] !== 'instruction') {
            current.lines.push('')
            current.content = true
          }
        }
        return
      }
      case 'w:noBreakHyphen':
        append('\u2011')
        return
      case 'w:softHyphen':
        append('\u00ad')
        return
      case 'w:sym': {
        const font = attribute('w:font') ?? ''
        const char = attribute('w:char') ?? ''
        const low = (/^F0..$/i.test(char) ? char.slice(2) : char).toLowerCase()
        const glyph = checkboxGlyphs[`${font.toLowerCase()}:${low}`]
        const unicode = glyph ? undefined : (dingbats.hex(font, char) ?? (/^F0..$/i.test(char) ? dingbats.hex(font, char.slice(2)) : undefined))
        if (glyph ?? unicode) append(glyph ?? unicode!.string)
        return
      }
      case 'w:fldChar': {
        const type = attribute('w:fldCharType')
        if (type === 'begin') fields.push('instruction')
        else if (type === 'separate' && fields.length > 0) fields[fields.length - 1] = 'result'
        else if (type === 'end') fields.pop()
        return
      }
      case 'w:bookmarkStart': {
        const bookmark = attribute('w:name') ?? ''
        // mammoth writes every bookmark but _GoBack as an anchor, so such a paragraph is not empty.
        if (bookmark !== '_GoBack') mark()
        if (bookmark === '' || hiddenBookmark.test(bookmark)) return
        const current = paragraph()
        if (current) current.bookmarks.push(bookmark)
        else if (tables.length > 0) tables[tables.length - 1]!.bookmarks.push(bookmark)
        else pendingBookmarks.push(bookmark)
        return
      }
      case 'w:tbl':
        tables.push({ rows: [], gridWidth: 0, bookmarks: [] })
        return
      case 'w:tblGrid':
        properties = 'grid'
        return
      case 'w:gridCol':
        if (properties === 'grid') tables[tables.length - 1]!.gridWidth++
        return
      case 'w:tr':
        tables[tables.length - 1]?.rows.push({ cells: [], gridBefore: 0 })
        return
      case 'w:trPr':
        properties = 'tr'
        return
      case 'w:gridBefore': {
        const row = tables[tables.length - 1]?.rows.at(-1)
        if (row && properties === 'tr') row.gridBefore = Math.max(0, Math.min(minGridWidth, Number(attribute('w:val') ?? 0) || 0))
        return
      }
      case 'w:tc': {
        const cell: CellState = { paragraphs: [], tables: [], span: 1, vMerge: undefined, indent: 0 }
        cells.push(cell)
        tables[tables.length - 1]?.rows.at(-1)?.cells.push(cell)
        return
      }
      case 'w:tcPr':
        properties = 'tc'
        return
      case 'w:gridSpan':
        if (properties === 'tc' && cells.length > 0) cells[cells.length - 1]!.span = Math.max(1, Number(attribute('w:val') ?? 1) || 1)
        return
      case 'w:vMerge':
        if (properties === 'tc' && cells.length > 0) cells[cells.length - 1]!.vMerge = attribute('w:val') === 'restart' ? 'restart' : 'continue'
        return
      default:
        if (skipped.has(name)) {
          if (name.endsWith('noteReference')) mark()
          hidden++
        }
    }
  }

  const close = (name: string) => {
    depth--
    if (hidden > 0) {
      if (skipped.has(name)) hidden--
      return
    }
    switch (name) {
      case 'w:t':
        inText = false
        return
      case 'w:tabs':
        inTabs = false
        return
      case 'w:p': {
        const state = paragraphs.pop()
        if (state) endParagraph(state)
        return
      }
      case 'w:tblGrid':
      case 'w:trPr':
      case 'w:tcPr':
        properties = undefined
        return
      case 'w:tc': {
        cells.pop()
        return
      }
      case 'w:tbl': {
        const state = tables.pop()!
        const outerCell = cells[cells.length - 1]
        const nested = tables.length > 0 && outerCell !== undefined
        // Nested tables are positioned as the mammoth path does: by the outermost table.
        const table = toTable(state, { block: blocks.length, table: topTables }, diagnostics)
        if (nested) outerCell.tables.push(table)
        else {
          blocks.push(table)
          topTables++
        }
        return
      }
    }
  }

  const scanner = createXmlScanner({
    open,
    close,
    text(text) {
      if (inText && hidden === 0) append(text)
    },
    doctype() {
      // A DOCTYPE can define entities that expand without bound; Word never writes one.
      throw new JxmbError('DOCX', `The part ${part} declares a DOCTYPE, which Word never writes; refused unread.`, { file: limits.file })
    },
  }, { names: elementNames })
  const attribute = (name: string) => scanner.attribute(name)

  return {
    write: (text) => scanner.write(text),
    close() {
      scanner.close()
      return blocks
    },
  }
}

/**
 * A table's rows as a grid, the shape the mammoth path hands on: `w:gridBefore` as empty
 * cells, spans expanded into placeholders (capped at the grid), and a `w:vMerge` run as a
 * cell with its rowSpan over `vertical` placeholders, whatever stood between the rows.
 */
function toTable(state: TableState, where: { block: number; table: number }, diagnostics: Diagnostic[]): TableBlock {
  const rows: Row[] = []
  // The grid column each cell starts at, to find the cells a vertical merge continues into.
  const starts = state.rows.map((row) => {
    let column = row.gridBefore
    return row.cells.map((cell) => {
      const start = column
      column += cell.span
      return start
    })
  })
  state.rows.forEach((row, rowIndex) => {
    const cells: Cell[] = []
    const position = (cell: number): Position => ({ block: where.block, table: where.table, row: rowIndex, cell })
    const width = Math.max(minGridWidth, state.gridWidth, row.gridBefore + row.cells.length)
    for (let skip = 0; skip < row.gridBefore; skip++) cells.push(emptyCell(position(cells.length)))
    row.cells.forEach((cell, cellIndex) => {
      const claimed = cell.span
      const colSpan = fitSpan(claimed, width, cells.length, row.cells.length - cellIndex - 1, position(cells.length), diagnostics)
      if (cell.vMerge === 'continue' && continues(state, starts, rowIndex, cellIndex)) {
        for (let offset = 0; offset < colSpan; offset++) {
          cells.push(emptyCell(position(cells.length), 'vertical'))
        }
        return
      }
      let rowSpan = 1
      if (cell.vMerge === 'restart') {
        const start = starts[rowIndex]![cellIndex]!
        for (let below = rowIndex + 1; below < state.rows.length; below++) {
          const at = starts[below]!.indexOf(start)
          if (at < 0 || state.rows[below]!.cells[at]!.vMerge !== 'continue') break
          rowSpan++
        }
      }
      cells.push({ paragraphs: cell.paragraphs, tables: cell.tables, rowSpan, colSpan, position: position(cells.length), ...(cell.indent > 0 ? { indent: cell.indent } : {}) })
      for (let extra = 1; extra < colSpan; extra++) {
        cells.push(emptyCell(position(cells.length), 'horizontal'))
      }
    })
    rows.push({ cells, position: { block: where.block, table: where.table, row: rowIndex } })
  })
  return { type: 'table', rows, bookmarks: state.bookmarks, position: { block: where.block, table: where.table } }
}

/** Whether a `continue` cell continues a merge: the cell above in its grid column is merged too. */
function continues(state: TableState, starts: number[][], rowIndex: number, cellIndex: number): boolean {
  if (rowIndex === 0) return false
  const start = starts[rowIndex]![cellIndex]!
  const above = starts[rowIndex - 1]!.indexOf(start)
  return above >= 0 && state.rows[rowIndex - 1]!.cells[above]!.vMerge !== undefined
}

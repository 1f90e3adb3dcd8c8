/**
 * Reader for .docx: mammoth turns the document into HTML, and this walks the
 * HTML (parsed by cheerio's htmlparser2 build) into the same block stream the
 * text reader makes, so the interpreter never knows which it was given.
 */
import { JxmbError, type Diagnostic, type Position } from '@jxmb/model'
import { load } from 'cheerio/slim'
import type { AnyNode, Element } from 'domhandler'
import mammoth from 'mammoth'
import type { Block, Cell, ParagraphBlock, Row, TableBlock } from '../blocks.js'
import { openDocxContainer, type ContainerLimits } from './docx-container.js'
import { emptyCell, fitSpan, minGridWidth } from './grid.js'
import { hiddenBookmark } from './hidden-bookmark.js'
import { indentOf, indentSpaces } from './indent.js'

export interface DocxResult {
  blocks: Block[]
  /** mammoth's messages (lost merges, unrecognised elements …) as diagnostics. */
  diagnostics: Diagnostic[]
  /** Milliseconds spent in mammoth, for benchmarks. */
  mammothMs: number
}

// Anchors mammoth writes for notes and comments; not bookmarks of the document.
const noteAnchor = /^(footnote|endnote|comment)(-ref)?-/
const blockTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li'])
const { performance } = globalThis as unknown as { performance: { now(): number } }
const now = () => performance.now()

export async function readDocx(bytes: Uint8Array, file?: string, limits?: ContainerLimits): Promise<DocxResult> {
  const container = openDocxContainer(bytes, file, limits)
  const started = now()
  let result: { value: string; messages: Array<{ type: string; message: string }> }
  try {
    // mammoth under Node reads its parts from `file` (the checked container); its browser build
    // takes only `arrayBuffer`, which the container makes from the same checked parts when asked.
    const input = { file: container, arrayBuffer: undefined as unknown }
    Object.defineProperty(input, 'arrayBuffer', { get: () => container.arrayBuffer })
    result = await mammoth.convertToHtml(input as unknown as Parameters<typeof mammoth.convertToHtml>[0], {
      // Images are not cell text; skip base64-encoding them.
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      transformDocument: indentsAsSpaces,
    })
  } catch (cause) {
    if (cause instanceof JxmbError) throw cause
    const detail = cause instanceof Error ? cause.message : String(cause)
    throw new JxmbError('DOCX', `The .docx could not be converted: ${detail}`, { file, cause })
  }
  const mammothMs = now() - started
  const diagnostics: Diagnostic[] = result.messages.map((message) => ({
    code: 'docx-' + message.type,
    severity: 'warning',
    message: `Word conversion: ${message.message}`,
  }))
  const gridWidths = container.shapes.get(container.mainPart)?.gridWidths ?? []
  return { blocks: htmlToBlocks(result.value, { gridWidths, diagnostics }), diagnostics, mammothMs }
}

export interface HtmlOptions {
  /** Each table's grid width (from `w:tblGrid`), in the order the tables start; caps how far a cell may span. */
  gridWidths?: readonly number[]
  /** Where to report what was changed to fit (spans capped at the grid). */
  diagnostics?: Diagnostic[]
}

/** mammoth's HTML → blocks. Exported for tests of HTML shapes mammoth may emit. */
export function htmlToBlocks(html: string, options: HtmlOptions = {}): Block[] {
  const $ = load(html, { xml: false }, false)
  const blocks: Block[] = []
  const { gridWidths = [], diagnostics = [] } = options
  // mammoth keeps every table, in document order; when its count differs from the grids
  // found (tables in text boxes are written twice, as choice and fallback), use the widest.
  const byTable = $('table').length === gridWidths.length
  let widest = minGridWidth
  for (const width of gridWidths) if (width > widest) widest = width
  let tables = 0
  // Tables in the order they start, nested ones too, as the grids were found.
  let started = 0
  const context: TableContext = {
    nextGridWidth: () => Math.max(minGridWidth, byTable ? (gridWidths[started++] ?? 0) : widest),
    diagnostics,
  }
  for (const node of $.root()[0]!.children) collect(node, blocks, [])
  return blocks

  function collect(node: AnyNode, into: Block[], pendingBookmarks: string[]): void {
    if (node.type !== 'tag') return
    const element = node as Element
    if (element.name === 'table') {
      into.push(readTable(element, { block: into.length, table: tables++ }, context))
      return
    }
    if (blockTags.has(element.name)) {
      for (const paragraph of readParagraphs(element)) {
        into.push({
          type: 'paragraph',
          text: paragraph.text,
          bookmarks: [...pendingBookmarks.splice(0), ...paragraph.bookmarks],
          position: { block: into.length },
          ...(paragraph.indent > 0 && paragraph.text !== '' ? { indent: paragraph.indent } : {}),
        } satisfies ParagraphBlock)
      }
      return
    }
    // Notes and comments mammoth appends at the end are not body text.
    if ((element.name === 'ol' || element.name === 'ul') && isNoteList(element)) return
    if (element.name === 'dl') return
    for (const child of element.children) collect(child, into, pendingBookmarks)
  }
}

function isNoteList(list: Element): boolean {
  return list.children.some((child) => child.type === 'tag' && noteAnchor.test((child as Element).attribs.id ?? ''))
}

interface TextParagraph {
  text: string
  bookmarks: string[]
  /** Leading spaces before trimming (`indent.ts`). */
  indent: number
}

/** The parts of mammoth's document tree this reader looks at. */
interface MammothElement {
  type: string
  children?: MammothElement[]
  indent?: { start: string | null; firstLine: string | null; hanging: string | null }
  value?: string
}

/**
 * mammoth reads a paragraph's indent (`w:ind`) but writes no trace of it in HTML: it becomes
 * leading full-width spaces, which the reader trims and keeps as the indent, where an
 * indented tree shows its levels.
 */
function indentsAsSpaces<T>(document: T): T {
  walkIndents(document as MammothElement)
  return document
}

// Paragraphs hold runs, never paragraphs: the walk stops at each, so it visits blocks only.
function walkIndents(element: MammothElement): void {
  const children = element.children
  if (!children) return
  if (element.type === 'paragraph') {
    const indent = element.indent
    if (indent && (indent.start || indent.firstLine)) {
      const spaces = indentSpaces(indent.start, indent.firstLine, indent.hanging)
      const first = children.find((child) => child.type === 'run')
      if (first && spaces > 0) children.unshift({ ...first, children: [{ type: 'text', value: '\u3000'.repeat(spaces) }] })
    }
    return
  }
  for (let index = 0; index < children.length; index++) walkIndents(children[index]!)
}

/** A paragraph's text; a soft line break starts a new paragraph, as Tika writes it. */
function readParagraphs(element: Element): TextParagraph[] {
  const paragraphs: TextParagraph[] = [{ text: '', bookmarks: [], indent: 0 }]
  const walk = (node: AnyNode) => {
    if (node.type === 'text') {
      paragraphs.at(-1)!.text += (node as unknown as { data: string }).data
      return
    }
    if (node.type !== 'tag') return
    const child = node as Element
    if (child.name === 'br') {
      paragraphs.push({ text: '', bookmarks: [], indent: 0 })
      return
    }
    if (child.name === 'img') return
    if (child.name === 'sup' && child.children.some((c) => c.type === 'tag' && noteAnchor.test(((c as Element).attribs.href ?? '').slice(1)))) return
    if (child.name === 'a') {
      const id = child.attribs.id
      if (id && !child.attribs.href && !hiddenBookmark.test(id) && !noteAnchor.test(id)) paragraphs.at(-1)!.bookmarks.push(id)
    }
    for (const grandchild of child.children) walk(grandchild)
  }
  for (const child of element.children) walk(child)
  return paragraphs
    .map((paragraph) => ({ text: paragraph.text.trim(), bookmarks: paragraph.bookmarks, indent: indentOf(paragraph.text) }))
    .filter((paragraph, index) => index === 0 || paragraph.text !== '' || paragraph.bookmarks.length > 0)
}

interface TableContext {
  /** The widest a row of the next table (in the order tables start) may be. */
  nextGridWidth(): number
  diagnostics: Diagnostic[]
}

/**
 * A `<table>` as a grid: spans expanded into placeholder cells, as Tika leaves
 * empty cells, but never past the table's grid: a cell claiming 10^8 columns
 * would otherwise become 10^8 cells.
 */
function readTable(table: Element, where: { block: number; table: number }, context: TableContext): TableBlock {
  const gridWidth = context.nextGridWidth()
  const rows: Row[] = []
  // Columns still covered by a rowspan from above: column → rows left.
  const covering: number[] = []
  const tableBookmarks: string[] = []
  const trs = childTags(table).flatMap((child) => (child.name === 'tr' ? [child] : childTags(child).filter((c) => c.name === 'tr')))
  trs.forEach((tr, rowIndex) => {
    const cells: Cell[] = []
    const position = (cell: number): Position => ({ block: where.block, table: where.table, row: rowIndex, cell })
    const fillCovered = () => {
      while ((covering[cells.length] ?? 0) > 0) {
        covering[cells.length]!--
        cells.push(emptyCell(position(cells.length), 'vertical'))
      }
    }
    const tds = childTags(tr).filter((td) => td.name === 'td' || td.name === 'th')
    const width = Math.max(gridWidth, tds.length)
    tds.forEach((td, tdIndex) => {
      fillCovered()
      const rowSpan = Math.max(1, Number(td.attribs.rowspan ?? 1) || 1)
      const claimed = Math.max(1, Number(td.attribs.colspan ?? 1) || 1)
      const colSpan = fitSpan(claimed, width, cells.length, tds.length - tdIndex - 1, position(cells.length), context.diagnostics)
      const paragraphs: string[] = []
      const tables: TableBlock[] = []
      let indent = 0
      for (const child of childTags(td)) {
        if (child.name === 'table') {
          tables.push(readTable(child, where, context))
          continue
        }
        const items = child.name === 'ol' || child.name === 'ul' ? childTags(child) : [child]
        for (const paragraph of items.flatMap(readParagraphs)) {
          for (const bookmark of paragraph.bookmarks) tableBookmarks.push(bookmark)
          if (paragraph.text !== '' && paragraphs.push(paragraph.text) === 1) indent = paragraph.indent
        }
      }
      const column = cells.length
      cells.push({ paragraphs, tables, rowSpan, colSpan, position: position(column), ...(indent > 0 ? { indent } : {}) })
      for (let extra = 1; extra < colSpan; extra++) {
        cells.push(emptyCell(position(cells.length), 'horizontal'))
      }
      for (let offset = 0; offset < colSpan; offset++) covering[column + offset] = rowSpan - 1
    })
    fillCovered()
    rows.push({ cells, position: { block: where.block, table: where.table, row: rowIndex } })
  })
  return { type: 'table', rows, bookmarks: tableBookmarks, position: { block: where.block, table: where.table } }
}

function childTags(element: Element): Element[] {
  return element.children.filter((child): child is Element => child.type === 'tag')
}

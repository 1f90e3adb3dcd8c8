/**
 * Reader for tab-per-row text, as Word's "Save as Plain Text" writes it: one
 * table row per line with cells separated by TABs (merged-away cells empty),
 * paragraphs as lines without TABs.
 */
import { vocabulary } from '@jxmb/model'
import type { Block, Cell, Row, TableBlock } from '../blocks.js'
import { lineSpan, span } from '../position.js'
import { indentOf } from './indent.js'
import { cleanLine, isSpace, normalizeText, takeBookmarks } from './text.js'

/** True when the text looks like tab-per-row rather than Tika's one-cell-per-line layout. */
export function isTabPerRow(input: string): boolean {
  const text = normalizeText(input)
  let rows = 0
  let tikaCells = 0
  // Only lines that hold a TAB can tell; jump from one to the next instead of splitting the text.
  // A thousand such lines are a few projects' tables, enough to tell, and stop as soon as the
  // lines left could no longer change the answer.
  const lines = 1000
  for (let tab = text.indexOf('\t'), seen = 0; tab >= 0 && seen < lines && Math.abs(tikaCells - rows) <= lines - seen; seen++) {
    const start = text.lastIndexOf('\n', tab) + 1
    let end = text.indexOf('\n', tab)
    if (end < 0) end = text.length
    const kind = tabLineKind(text, start, end)
    if (kind === 'row') rows++
    else if (kind === 'cell') tikaCells++
    tab = text.indexOf('\t', end)
  }
  return rows >= 2 && rows >= tikaCells
}

/**
 * What a line holding a TAB says of the dialect: `row` when a TAB stands between two
 * pieces of text (tab-per-row), `cell` when the line starts with a TAB and holds text
 * (Tika), else nothing. A scan of the line in place: no slice, no pattern.
 */
function tabLineKind(text: string, start: number, end: number): 'row' | 'cell' | undefined {
  let textBefore = false // text before the TABs being passed
  let anyText = false
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    if (code === 9) {
      if (!textBefore) continue
      let next = index + 1
      while (next < end && text.charCodeAt(next) === 9) next++
      if (next < end && !isSpace(text.charCodeAt(next))) return 'row'
      textBefore = false
      index = next - 1
    } else if (!isSpace(code)) {
      textBefore = true
      anyText = true
    } else {
      textBefore = false
    }
  }
  return anyText && text.charCodeAt(start) === 9 ? 'cell' : undefined
}

/** A line that starts a part, a section or a project is never a cell's further paragraph. */
function isHeading(line: string): boolean {
  return (
    vocabulary.projectTitle.test(line) ||
    vocabulary.sectionHeading.test(line) ||
    vocabulary.partHeading.test(vocabulary.normalizeLabel(line))
  )
}

export function readTabText(text: string): Block[] {
  const lines = normalizeText(text).split('\n')
  const blocks: Block[] = []
  let table: TableBlock | undefined
  let lastRow: Row | undefined
  let pendingBookmarks: string[] = []

  const endTable = () => {
    if (table) {
      table.position = span(table.rows[0]!.position, table.rows.at(-1)!.position)
      blocks.push(table)
    }
    table = undefined
    lastRow = undefined
  }

  for (let index = 0; index < lines.length; index++) {
    const lineNumber = index + 1
    const { text: line, bookmarks } = takeBookmarks(lines[index]!)
    for (const bookmark of bookmarks) pendingBookmarks.push(bookmark)
    const position = lineSpan(lineNumber, lineNumber, line.length)

    if (line.includes('\t') && line.trim() !== '') {
      if (!table) {
        table = { type: 'table', rows: [], bookmarks: pendingBookmarks, position }
        pendingBookmarks = []
      }
      const cells: Cell[] = line
        // Word writes one TAB between cells, so a trailing TAB is an empty last cell.
        .replace(/ +$/, '')
        .split('\t')
        .map((content) => {
          const cleaned = cleanLine(content)
          const indent = cleaned === '' ? 0 : indentOf(content)
          return { paragraphs: cleaned === '' ? [] : [cleaned], tables: [], rowSpan: 1, colSpan: 1, position, ...(indent > 0 ? { indent } : {}) }
        })
      lastRow = { cells, position }
      table.rows.push(lastRow)
      continue
    }

    const content = cleanLine(line)
    if (content === '') {
      endTable()
      continue
    }
    if (lastRow && !isHeading(content)) {
      // A cell's further paragraph: Word breaks the row's line there.
      const cell = [...lastRow.cells].reverse().find((c) => c.paragraphs.length > 0) ?? lastRow.cells.at(-1)!
      cell.paragraphs.push(content)
      lastRow.position = span(lastRow.position, position)
      continue
    }
    endTable()
    const indent = indentOf(line)
    blocks.push({ type: 'paragraph', text: content, bookmarks: pendingBookmarks, position, ...(indent > 0 ? { indent } : {}) })
    pendingBookmarks = []
  }
  endTable()
  return blocks
}

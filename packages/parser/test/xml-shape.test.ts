import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { JxmbError } from '@jxmb/model'
import { scanXml } from '@jxmb/parser'

interface Tree {
  name: string
  attributes: string
  children: Array<Tree | string>
}

// Attribute values and text that hold what a naive scanner trips on: '>', '/', quotes, '<' in CDATA.
const text = fc.constantFrom('', 'x', '内容', '&lt;', ' a > b ', '<!-- c<d> -->', '<![CDATA[ <w:tbl> ]]>', '<?pi <x> ?>')
const attributes = fc.array(fc.constantFrom(' a="1"', " b='>'", ' c="/>"', ' w:val="x>y"', ' d=\'"\''), { maxLength: 3 }).map((list) => list.join(''))
const names = fc.constantFrom('w:p', 'w:r', 'w:tbl', 'w:tr', 'w:tc', 'w:tblGrid', 'w:gridCol', 'w:sdt', 'p', 'x:tbl')

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.record({
    name: names,
    attributes,
    children: fc.array(fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('node')), { maxLength: 4 }),
  }),
})).node

function render(node: Tree): string {
  if (node.children.length === 0) return `<${node.name}${node.attributes}/>`
  return `<${node.name}${node.attributes}>${node.children.map((child) => (typeof child === 'string' ? child : render(child))).join('')}</${node.name}>`
}

/** The reference: the same counts, taken from the tree itself. */
function measure(node: Tree, level = 1): { depth: number; elements: number; tables: number; cells: number } {
  const local = node.name.split(':').at(-1)
  const result = { depth: level, elements: 1, tables: local === 'tbl' ? 1 : 0, cells: local === 'tc' ? 1 : 0 }
  for (const child of node.children) {
    if (typeof child === 'string') continue
    const inner = measure(child, level + 1)
    result.depth = Math.max(result.depth, inner.depth)
    result.elements += inner.elements
    result.tables += inner.tables
    result.cells += inner.cells
  }
  return result
}

const bytes = (xml: string) => new TextEncoder().encode(xml)

describe('scanXml', () => {
  it('counts depth, elements, tables and cells as the tree has them (3,000 generated trees)', () => {
    fc.assert(
      fc.property(tree, (root) => {
        const { depth, elements, tables, cells } = scanXml(bytes('<?xml version="1.0"?>' + render(root)), 'part', 'f')
        expect({ depth, elements, tables, cells }).toEqual(measure(root))
      }),
      { numRuns: 3000 },
    )
  })

  it('reads each table’s own grid, in the order tables start, and not a revision’s grid', () => {
    const xml =
      '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:tblGridChange><w:tblGrid><w:gridCol/></w:tblGrid></w:tblGridChange></w:tblGrid>' +
      '<w:tr><w:tc><w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid></w:tbl></w:tc></w:tr></w:tbl>' +
      '<w:tbl><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid></w:tbl>'
    expect(scanXml(bytes(xml), 'part', 'f').gridWidths).toEqual([2, 3, 1])
  })

  it('refuses what is too deep, too many, or not XML, by code', () => {
    const code = (xml: string, limits = {}) => {
      try {
        scanXml(bytes(xml), 'word/document.xml', 'f.docx', limits)
        return 'ok'
      } catch (error) {
        expect(error).toBeInstanceOf(JxmbError)
        return (error as JxmbError).code
      }
    }
    expect(code('<a>'.repeat(11) + '</a>'.repeat(11), { maxDepth: 10 })).toBe('TOO_COMPLEX')
    expect(code('<a>'.repeat(10) + '</a>'.repeat(10), { maxDepth: 10 })).toBe('ok')
    expect(code('<r>' + '<a/>'.repeat(10) + '</r>', { maxElements: 10 })).toBe('TOO_COMPLEX')
    expect(code('<r>' + '<w:tc/>'.repeat(5) + '</r>', { maxCells: 4 })).toBe('TOO_COMPLEX')
    expect(code('<a b="never closed>')).toBe('DOCX')
    expect(code('<!DOCTYPE a><a/>')).toBe('DOCX')
  })
})

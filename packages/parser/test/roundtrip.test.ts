import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseText } from '@jxmb/parser'
import { arbitrary, emitTika, stripPositions } from '@jxmb/testkit'

const quirks = fc.record({
  crlf: fc.boolean(),
  bom: fc.boolean(),
  joinLevel1Rows: fc.boolean(),
  trailingWhitespace: fc.boolean(),
  spaceInEmptyCells: fc.boolean(),
})

describe('parse(emitTika(model)) returns the model', () => {
  it('for generated documents with 1–60 indicators per project and Tika quirks', () => {
    fc.assert(
      fc.property(arbitrary.document({ maxProjects: 4, maxIndicators: 60 }), quirks, (document, options) => {
        const parsed = parseText(emitTika(document, options))
        expect(stripPositions(parsed)).toEqual(document)
      }),
      { numRuns: 150 },
    )
  })

  it('from bytes as well as from a string', () => {
    fc.assert(
      fc.property(arbitrary.document({ maxProjects: 2, maxIndicators: 10 }), (document) => {
        const bytes = new TextEncoder().encode(emitTika(document))
        expect(stripPositions(parseText(bytes))).toEqual({ ...document, source: { format: 'tika-text', encoding: 'utf-8' } })
      }),
      { numRuns: 30 },
    )
  })

  it('gives every indicator a position inside its project', () => {
    fc.assert(
      fc.property(arbitrary.document({ maxProjects: 3, maxIndicators: 20 }), (document) => {
        for (const project of parseText(emitTika(document)).projects) {
          for (const indicator of project.indicators) {
            expect(indicator.position!.start!.line).toBeGreaterThanOrEqual(project.position!.start!.line)
            expect(indicator.position!.end!.line).toBeLessThanOrEqual(project.position!.end!.line)
          }
        }
      }),
      { numRuns: 30 },
    )
  })
})

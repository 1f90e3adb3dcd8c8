import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse, parseText } from '@jxmb/parser'
import { arbitrary, emitDocx, emitTabText, emitTika, stripPositions } from '@jxmb/testkit'

const layout = fc.record({
  combinedTable: fc.boolean(),
  repeatHeaderEvery: fc.option(fc.integer({ min: 2, max: 8 }), { nil: undefined }),
})
const variants = arbitrary.document({ maxProjects: 3, maxIndicators: 20, variants: true })

describe('layout variants round-trip through every input form', () => {
  it('Tika text: other columns, one table for both, repeated headers, department table', () => {
    fc.assert(
      fc.property(variants, layout, fc.boolean(), (document, options, joinLevel1Rows) => {
        expect(stripPositions(parseText(emitTika(document, { ...options, joinLevel1Rows })))).toEqual(document)
      }),
      { numRuns: 150 },
    )
  })

  it('tab-per-row text, detected automatically', () => {
    fc.assert(
      fc.property(variants, layout, (document, options) => {
        const parsed = parseText(emitTabText(document, options))
        expect(parsed.source.format).toBe('tab-text')
        expect(stripPositions(parsed)).toEqual({ ...document, source: { format: 'tab-text' } })
      }),
      { numRuns: 150 },
    )
  })

  it('.docx', async () => {
    await fc.assert(
      fc.asyncProperty(variants, layout, async (document, options) => {
        expect(stripPositions(await parse(await emitDocx(document, options)))).toEqual({ ...document, source: { format: 'docx' } })
      }),
      { numRuns: 20 },
    )
  })
})

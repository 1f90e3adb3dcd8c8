import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { JxmbError, errorCodes } from '@jxmb/model'
import { JxmbDocument } from '@jxmb/model/schema'
import { parse, parseText } from '@jxmb/parser'
import { emitTabText, emitTika, sampleDocument } from '@jxmb/testkit'

const validate = new Ajv({ strict: false }).compile(JxmbDocument)
const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url))
const smallDocx = new Uint8Array(readFileSync(fixtures + 'generated/three-projects.docx'))
const tikaLines = emitTika(sampleDocument(9, { minProjects: 2, maxProjects: 2, maxIndicators: 6 })).split('\n')
const tabLines = emitTabText(sampleDocument(9, { minProjects: 2, maxProjects: 2, maxIndicators: 6 })).split('\r\n')

/** Parse, and check the outcome is a valid document or a coded JxmbError: nothing else. */
async function outcome(input: string | Uint8Array): Promise<string> {
  try {
    const document = await parse(input, { file: 'fuzz' })
    expect(validate(JSON.parse(JSON.stringify(document))), JSON.stringify(validate.errors)).toBe(true)
    return 'document'
  } catch (error) {
    if (!(error instanceof JxmbError)) throw error
    expect(Object.keys(errorCodes)).toContain(error.code)
    // INTERNAL is a bug surfaced as a JxmbError, never the answer to bad input.
    expect(error.code, error.message).not.toBe('INTERNAL')
    expect(error.file).toBe('fuzz')
    return error.code
  }
}

const lineEdit = (lines: string[]) =>
  fc.array(
    fc.oneof(
      fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
      fc.record({
        op: fc.constant('insert' as const),
        at: fc.nat(),
        text: fc.string({ unit: fc.constantFrom('\t', ' ', '中', '项目编码', '一级指标', '≥', '%', '1.', '[bookmark: x]', '第一部分', '\r', 'a') }),
      }),
    ),
    { maxLength: 12 },
  ).map((edits) => {
    const copy = [...lines]
    for (const edit of edits) {
      const at = edit.at % Math.max(copy.length, 1)
      if (edit.op === 'delete') copy.splice(at, 1)
      else if (edit.op === 'duplicate') copy.splice(at, 0, copy[at] ?? '')
      else if (edit.op === 'swap') {
        const to = edit.to % Math.max(copy.length, 1)
        ;[copy[at], copy[to]] = [copy[to] ?? '', copy[at] ?? '']
      } else copy.splice(at, 0, edit.text)
    }
    return copy
  })

describe('fuzzing: no uncaught exception, no hang, every failure coded', () => {
  it('random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => void (await outcome(bytes))), { numRuns: 300 })
  })

  it('random text', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 2000 }), async (text) => void (await outcome(text))), { numRuns: 300 })
  })

  it('mutated Tika text (lines deleted, duplicated, swapped, inserted)', async () => {
    await fc.assert(
      fc.asyncProperty(lineEdit(tikaLines), async (lines) => {
        expect(await outcome(lines.join('\n'))).toBe('document')
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    )
  })

  it('mutated tab-per-row text', async () => {
    await fc.assert(
      fc.asyncProperty(lineEdit(tabLines), async (lines) => {
        expect(await outcome(lines.join('\r\n'))).toBe('document')
      }),
      { numRuns: 300 },
    )
  })

  it('mutated and truncated .docx bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 20 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (flips, cut) => {
          const bytes = smallDocx.slice(0, cut === undefined ? undefined : cut % smallDocx.length)
          for (const { at, value } of flips) if (bytes.length > 0) bytes[at % bytes.length] = value
          await outcome(bytes)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('text read as bytes in any encoding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 2048 }), (bytes) => {
        try {
          parseText(bytes, { file: 'fuzz' })
        } catch (error) {
          expect(error).toBeInstanceOf(JxmbError)
        }
      }),
      { numRuns: 300 },
    )
  })
})

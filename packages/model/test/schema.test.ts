import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { JxmbBatch, JxmbDocument } from '@jxmb/model/schema'
import { toJson, toJsonBatch } from '@jxmb/export-json'
import { parseText } from '@jxmb/parser'
import { arbitrary, emitTika } from '@jxmb/testkit'

const ajv = new Ajv({ allErrors: true, strict: false })
const validateDocument = ajv.compile(JxmbDocument)
const validateBatch = ajv.compile(JxmbBatch)
const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url))

describe('JSON output validates against the schema', () => {
  it('the sample golden file', () => {
    const json = JSON.parse(readFileSync(fixtures + '000_191d77da26007e67.txt.expected.json', 'utf8'))
    expect(validateDocument(json), JSON.stringify(validateDocument.errors)).toBe(true)
    expect(json.$schema).toBe('https://jxmb.dev/schema/document-1.json')
    expect(json.formatVersion).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('generated documents, single and batched', () => {
    fc.assert(
      fc.property(arbitrary.document({ maxProjects: 3, maxIndicators: 12 }), (document) => {
        const parsed = parseText(emitTika(document))
        expect(validateDocument(JSON.parse(toJson(parsed)))).toBe(true)
        const batch = JSON.parse(toJsonBatch([parsed], [{ file: 'x.docx', code: 'NOT_ZIP', message: 'm' }]))
        expect(validateBatch(batch), JSON.stringify(validateBatch.errors)).toBe(true)
      }),
      { numRuns: 25 },
    )
  })

  it('matches the committed schema files (pnpm schema writes them)', () => {
    const schemaFolder = fileURLToPath(new URL('../schema/', import.meta.url))
    expect(JSON.parse(readFileSync(schemaFolder + 'document-1.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(JxmbDocument)))
    expect(JSON.parse(readFileSync(schemaFolder + 'batch-1.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(JxmbBatch)))
  })

  it('rejects a document with a field the schema lacks', () => {
    const json = JSON.parse(readFileSync(fixtures + '000_191d77da26007e67.txt.expected.json', 'utf8'))
    json.projects[0].indicators[0].surprise = 1
    expect(validateDocument(json)).toBe(false)
  })
})

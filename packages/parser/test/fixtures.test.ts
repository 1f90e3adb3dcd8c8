import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { toJson } from '@jxmb/export-json'
import { parse } from '@jxmb/parser'
import { stripPositions } from '@jxmb/testkit'
import { expectGolden } from './golden.js'

const root = fileURLToPath(new URL('../../../fixtures/', import.meta.url))
const inputs = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.(txt|docx)$/.test(name))
  .sort()
const load = (name: string) => parse(new Uint8Array(readFileSync(root + name)), { file: name.split('/').at(-1)! })

describe('committed fixtures convert to their expected JSON', () => {
  it.each(inputs)('%s', async (name) => {
    expectGolden(`${root}${name}.expected.json`, toJson(await load(name)))
  })
})

describe('the same document as .docx and as Tika text gives the same model', () => {
  const pairs = inputs.filter((name) => name.endsWith('.txt') && inputs.includes(name.replace(/\.txt$/, '.docx')))
  it('has pairs to compare, the sample among them', () => {
    expect(pairs).toContain('000_191d77da26007e67.txt')
    expect(pairs.length).toBeGreaterThanOrEqual(4)
  })
  it.each(pairs)('%s', async (name) => {
    const text = stripPositions(await load(name))
    const docx = stripPositions(await load(name.replace(/\.txt$/, '.docx')))
    expect(docx.source.format).toBe('docx')
    expect({ ...docx, source: null }).toEqual({ ...text, source: null })
  })
})

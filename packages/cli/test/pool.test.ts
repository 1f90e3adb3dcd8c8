import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { defaultPoolOptions, startConversion, startEarlyWorker } from '../src/pool.js'
import type { FileResult } from '../src/convert.js'

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url))
const files = [
  `${fixtures}generated/six-projects.docx`,
  `${fixtures}000_191d77da26007e67.txt`,
  `${fixtures}does-not-exist.docx`,
  `${fixtures}generated/one-project-60-indicators.docx`,
  `${fixtures}generated/artefacts.docx`,
]

describe('startConversion (the --jobs pool)', () => {
  it('converts before results are asked for, and hands them over in the files’ order', async () => {
    const conversion = startConversion(files, {}, { jobs: 2, ...defaultPoolOptions })
    // The workers convert meanwhile; their results wait.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const seen: Array<[number, FileResult]> = []
    await conversion.results(async (result, index) => void seen.push([index, result]))
    expect(seen.map(([index]) => index)).toEqual([0, 1, 2, 3, 4])
    expect(seen.map(([, result]) => result.file)).toEqual(files)
    // Each file's projects as its reviewed expected JSON counts them; the missing file fails.
    const expected = files.map((file) =>
      file.includes('does-not-exist') ? 'READ' : JSON.parse(readFileSync(`${file}.expected.json`, 'utf8')).projects.length,
    )
    expect(expected).toEqual([6, 4, 'READ', 1, 2])
    expect(seen.map(([, result]) => (result.ok ? result.document.projects.length : result.failure.code))).toEqual(expected)
  })

  it('can be closed before its results are asked for', async () => {
    const conversion = startConversion(files, {}, { jobs: 2, ...defaultPoolOptions })
    await conversion.close()
    await conversion.close()
  })
})

describe('the early worker (started by bin.ts before the command line is read)', () => {
  const projects = async (maxMemoryMb: number) => {
    const conversion = startConversion(files.slice(0, 2), {}, { jobs: 1, ...defaultPoolOptions, maxMemoryMb })
    const counts: number[] = []
    await conversion.results(async (result) => void counts.push(result.ok ? result.document.projects.length : -1))
    return counts
  }

  it('is taken by a pool of the default limits, ready or not yet, and converts as a fresh one would', async () => {
    startEarlyWorker()
    expect(await projects(defaultPoolOptions.maxMemoryMb)).toEqual([6, 4])
    startEarlyWorker()
    await new Promise((resolve) => setTimeout(resolve, 800)) // ready before the pool takes it
    expect(await projects(defaultPoolOptions.maxMemoryMb)).toEqual([6, 4])
  })

  it('is stopped, not taken, when the pool asks for other limits (--max-memory)', async () => {
    startEarlyWorker()
    expect(await projects(200)).toEqual([6, 4])
  })
})

import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { expect } from 'vitest'

/**
 * Compare `actual` with a committed golden file. `UPDATE_GOLDEN=1` rewrites
 * it instead; review the diff by hand before committing.
 */
export function expectGolden(path: string, actual: string | Uint8Array): void {
  if (process.env.UPDATE_GOLDEN || !existsSync(path)) {
    if (!process.env.UPDATE_GOLDEN) throw new Error(`No golden file ${path}; run with UPDATE_GOLDEN=1 and review it.`)
    writeFileSync(path, actual)
    return
  }
  const expected = readFileSync(path)
  if (typeof actual === 'string') expect(actual).toBe(expected.toString('utf8'))
  else expect(Buffer.from(actual).equals(expected)).toBe(true)
}

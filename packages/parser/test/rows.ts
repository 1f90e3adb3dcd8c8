/** Helpers for the interpret modules' own tests: rows written as `a|b|c` lines, and a fresh project. */
import type { Diagnostic } from '@jxmb/model'
import type { Row, TableBlock } from '../src/blocks.js'
import { readTikaText } from '../src/read/text.js'
export { emptyProject } from '../src/interpret/project-reader.js'

/** A table of Tika text rows, one per `a|b|c` line. */
export function table(...lines: string[]): TableBlock {
  const text = lines.map((line) => line.split('|').map((cell) => `\t${cell}\n`).join('') + '\n').join('')
  return readTikaText(text).find((block): block is TableBlock => block.type === 'table')!
}

export const rowsOf = (...lines: string[]): Row[] => table(...lines).rows

/** A diagnose function and what it was told. */
export function diagnostics() {
  const told: Diagnostic[] = []
  const diagnose = (code: string, severity: Diagnostic['severity'], message: string, _position?: unknown, data?: string[]) =>
    void told.push({ code, severity, message, ...(data ? { data } : {}) })
  return { told, diagnose }
}

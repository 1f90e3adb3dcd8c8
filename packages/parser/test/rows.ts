/** Helpers for the interpret modules' own tests: rows written as `a|b|c` lines, and a fresh project. */
import type { Diagnostic, Project } from '@jxmb/model'
import type { Row, TableBlock } from '../src/blocks.js'
import { readTikaText } from '../src/read/text.js'
import { parseAmount } from '../src/interpret/value.js'

/** A table of Tika text rows, one per `a|b|c` line. */
export function table(...lines: string[]): TableBlock {
  const text = lines.map((line) => line.split('|').map((cell) => `\t${cell}\n`).join('') + '\n').join('')
  return readTikaText(text).find((block): block is TableBlock => block.type === 'table')!
}

export const rowsOf = (...lines: string[]): Row[] => table(...lines).rows

export function emptyProject(): Project {
  return {
    type: 'project',
    sequence: null,
    title: '',
    unit: { code: '', name: '' },
    moneyUnit: '',
    code: '',
    name: '',
    budget: { total: parseAmount(''), fiscal: parseAmount(''), other: parseAmount('', true) },
    usage: '',
    schedule: [],
    goals: [],
    indicatorColumns: [],
    indicators: [],
  }
}

/** A diagnose function and what it was told. */
export function diagnostics() {
  const told: Diagnostic[] = []
  const diagnose = (code: string, severity: Diagnostic['severity'], message: string, _position?: unknown, data?: string[]) =>
    void told.push({ code, severity, message, ...(data ? { data } : {}) })
  return { told, diagnose }
}

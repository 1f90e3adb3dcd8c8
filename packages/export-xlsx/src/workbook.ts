/**
 * The one place that knows ExcelJS. Documents are reduced to plain rows as
 * they are added (so a batch does not hold every model). A large workbook is
 * streamed out sheet by sheet with ExcelJS's streaming writer; a small one is
 * built whole and zipped at once, which costs less.
 */
import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import { eastAsianWidth } from 'get-east-asian-width'
import type { Failure, JxmbDocument } from '@jxmb/model'
import { appendNew, columns, documentRows, failureRow, sheetNames, type CellValue, type Column, type Row, type SheetKey } from './sheets.js'

export interface WorkbookCounts {
  documents: number
  projects: number
  indicators: number
  failures: number
}

export interface WorkbookBuilder {
  /** Add a converted document; `file` names it in every row (default: its `source.file`). */
  add(document: JxmbDocument, file?: string): void
  /** Add a file that failed to convert: it is listed on the 校验 sheet. */
  addFailure(failure: Failure): void
  readonly counts: WorkbookCounts
  /** Stream the .xlsx to `stream` (ended when done). */
  write(stream: Writable): Promise<void>
  /** The .xlsx as bytes. */
  toBuffer(): Promise<Uint8Array>
}

export interface WorkbookOptions {
  /**
   * How the parts of the .xlsx are zipped. `deflate` compresses; `store` does
   * not. `auto` (the default) stores workbooks of up to
   * {@link smallWorkbookRows} rows: ExcelJS deflates each of a workbook's dozen
   * parts on Node's thread pool, a fixed cost of about 5 ms that is most of the
   * time a one-document workbook takes, to save some 20 KB.
   */
  compression?: 'auto' | 'deflate' | 'store'
  /**
   * How the workbook is written. `stream`: ExcelJS's streaming writer, which
   * writes each row out as it is made, so a batch of thousands of documents
   * never holds the workbook's cells. `memory`: ExcelJS's workbook, built whole
   * and then zipped, about 2 ms less for a one-document workbook (3.5 against
   * 5.7 ms measured), as fast at about 170 rows, slower above. `auto` (the
   * default): `memory` for workbooks of up to {@link memoryWorkbookRows} rows,
   * `stream` above. Both write the same cells. This chooses for `write(stream)`;
   * `toBuffer()` always builds in memory (it runs in browsers, which have no Node streams).
   */
  writer?: 'auto' | 'memory' | 'stream'
}

/** The most rows (all sheets) a workbook may have for `compression: 'auto'` to store it. */
export const smallWorkbookRows = 1000

/** The most rows (all sheets) a workbook may have for `writer: 'auto'` to build it in memory. */
export const memoryWorkbookRows = 150

const maxWidth = { text: 40, wrap: 60 }

export function createWorkbook(options: WorkbookOptions = {}): WorkbookBuilder {
  const compression = options.compression ?? 'auto'
  const writer = options.writer ?? 'auto'
  const rows: Record<SheetKey, Row[]> = { projects: [], indicators: [], department: [], checks: [] }
  const moneyUnits = new Set<string>()
  const periods: string[] = []
  const extras: string[] = []
  const fields: string[] = []
  const budgetLines: string[] = []
  let unplaced = false
  const counts: WorkbookCounts = { documents: 0, projects: 0, indicators: 0, failures: 0 }

  // `stream` for the streaming writer; without one (toBuffer) the workbook is built in memory and zipped to bytes.
  const write = async (stream: Writable | undefined): Promise<Uint8Array | undefined> => {
    const rowCount = rows.projects.length + rows.indicators.length + rows.department.length + rows.checks.length
    const small = rowCount <= smallWorkbookRows
    const store = compression === 'store' || (compression === 'auto' && small)
    const streaming = stream !== undefined && (writer === 'stream' || (writer === 'auto' && rowCount > memoryWorkbookRows))
    const workbook = streaming
      ? // A new options object each time: archiver writes its defaults into the one it is given.
        new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false, zip: store ? { store: true } : {} })
      : new ExcelJS.Workbook()
    workbook.creator = 'jxmb'
    const unit = moneyUnits.size === 1 ? [...moneyUnits][0] : undefined
    const money = (column: Column): Column => (unit ? { ...column, header: `${column.header}（${unit}）` } : column)
    const project = columns.projects
    const sheetColumns: Record<SheetKey, Column[]> = {
      projects: [
        project.file,
        project.sequence,
        project.unitCode,
        project.unitName,
        project.code,
        project.name,
        money(project.total),
        money(project.fiscal),
        money(project.other),
        ...budgetLines.map((label) => money({ key: `budget:${label}`, header: label, numberFormat: '#,##0.00' })),
        project.moneyUnit,
        project.usage,
        ...periods.map((period) => ({ key: `schedule:${period}`, header: `资金支出计划 ${period}（%）` })),
        project.goals,
        ...fields.map((label) => ({ key: `field:${label}`, header: label, wrap: true })),
        ...(unplaced ? [project.unplaced] : []),
      ],
      indicators: [...Object.values(columns.indicators), ...extras.map((name) => ({ key: `extra:${name}`, header: name, wrap: true }))],
      department: Object.values(columns.department),
      checks: Object.values(columns.checks),
    }
    for (const key of Object.keys(sheetNames) as SheetKey[]) {
      writeSheet(workbook, sheetNames[key], sheetColumns[key], rows[key], streaming)
    }
    // Not instanceof: ExcelJS's browser build has no `stream`.
    if (streaming) {
      await (workbook as ExcelJS.stream.xlsx.WorkbookWriter).commit()
      return undefined
    }
    // No useSharedStrings here: ExcelJS's in-memory writer shares strings whatever it is told (4.4's xlsx.js sets
    // the option on the model, and nothing reads it), and styles are on by default.
    const zip = { zip: { compression: store ? 'STORE' : 'DEFLATE' } } as const
    const book = workbook as ExcelJS.Workbook
    if (stream) {
      await book.xlsx.write(stream, zip)
      return undefined
    }
    return new Uint8Array(await book.xlsx.writeBuffer(zip))
  }

  return {
    add(document, file = document.source.file ?? '') {
      const result = documentRows(document, file)
      // A loop, not push(...rows): a spread of 130,000 rows overflows the stack.
      for (const key of Object.keys(rows) as SheetKey[]) for (const row of result[key]) rows[key].push(row)
      for (const unit of result.moneyUnits) moneyUnits.add(unit)
      appendNew(periods, result.periods)
      appendNew(extras, result.extras)
      appendNew(fields, result.fields)
      appendNew(budgetLines, result.budgetLines)
      if (result.unplaced) unplaced = true
      counts.documents++
      counts.projects += result.projects.length
      counts.indicators += result.indicators.length
    },
    addFailure(failure) {
      rows.checks.push(failureRow(failure))
      counts.failures++
    },
    counts,
    async write(stream) {
      await write(stream)
    },
    // Built in memory whatever its size: there is no stream to hand rows to. Runs where Node's streams do not (a browser).
    toBuffer: async () => (await write(undefined))!,
  }
}

/** Documents (and failures) → .xlsx bytes: the small function the rest of jxmb calls. */
export async function toWorkbook(
  documents: readonly JxmbDocument[],
  options: WorkbookOptions & { failures?: readonly Failure[] } = {},
): Promise<Uint8Array> {
  const builder = createWorkbook(options)
  for (const document of documents) builder.add(document)
  for (const failure of options.failures ?? []) builder.addFailure(failure)
  return builder.toBuffer()
}

/** One sheet, through the API both writers share; `streaming` rows and sheets are committed as they are done. */
function writeSheet(workbook: ExcelJS.Workbook, name: string, sheetColumns: Column[], sheetRows: Row[], streaming: boolean): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
  // One style object per column, set on each cell: ExcelJS caches a style's id by object identity,
  // where a column style would be merged into a new object for every cell and hashed again.
  const styles = sheetColumns.map(
    (column): Partial<ExcelJS.Style> => ({
      alignment: { vertical: 'top', wrapText: column.wrap ?? false },
      ...(column.numberFormat ? { numFmt: column.numberFormat } : {}),
    }),
  )
  sheet.columns = sheetColumns.map((column) => ({ key: column.key, width: columnWidth(column, sheetRows) }))
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheetColumns.length } }
  const header = sheet.addRow(sheetColumns.map((column) => column.header))
  header.font = { bold: true }
  header.alignment = { vertical: 'middle', wrapText: false }
  if (streaming) header.commit()
  for (const row of sheetRows) {
    const added = sheet.addRow(sheetColumns.map((column) => cellValue(row[column.key])))
    added.eachCell((cell, number) => {
      cell.style = styles[number - 1]!
    })
    if (streaming) added.commit()
  }
  if (streaming) sheet.commit()
}

function cellValue(value: CellValue | undefined): CellValue {
  return value === undefined || value === '' ? null : value
}

/** Width in Excel character units: CJK characters count double, as East Asian Width says. */
function columnWidth(column: Column, sheetRows: Row[]): number {
  const cap = column.wrap ? maxWidth.wrap : maxWidth.text
  let widest = lineWidth(column.header, cap)
  for (const row of sheetRows) {
    const value = row[column.key]
    if (value === null || value === undefined) continue
    const width = lineWidth(typeof value === 'string' ? value : String(value), cap)
    if (width > widest) widest = width
    if (widest >= cap) return cap + 2
  }
  return Math.max(6, widest) + 2
}

/**
 * The display width of the widest line of `text`, counted up to `cap`.
 * Code point by code point: string-width's grapheme segmentation costs more
 * than the whole workbook, and cell text holds no emoji sequences worth it.
 */
function lineWidth(text: string, cap: number): number {
  let widest = 0
  let width = 0
  for (const character of text) {
    const code = character.codePointAt(0)!
    if (code === 10) {
      width = 0
      continue
    }
    width += code < 0x20 ? 0 : code < 0x1100 ? 1 : eastAsianWidth(code)
    if (width > widest && (widest = width) >= cap) return cap
  }
  return widest
}

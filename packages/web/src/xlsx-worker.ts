/** The workbook (汇总.xlsx), the same as the command writes: `@jxmb/export-xlsx` through ExcelJS. */
import { toWorkbook } from '@jxmb/export-xlsx'
import { serveExport } from './serve-export.js'

serveExport(({ documents, failures }) => toWorkbook(documents, { failures }))

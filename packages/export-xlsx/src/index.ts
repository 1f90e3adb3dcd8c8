export { createWorkbook, toWorkbook, type WorkbookBuilder, type WorkbookCounts } from './workbook.js'
export { columns, sheetNames, severityNames, type Column } from './sheets.js'
export { hints } from './hints.js'

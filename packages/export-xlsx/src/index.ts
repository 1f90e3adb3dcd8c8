export { createWorkbook, memoryWorkbookRows, smallWorkbookRows, toWorkbook, type WorkbookBuilder, type WorkbookCounts, type WorkbookOptions } from './workbook.js'
export { columns, sheetNames, severityNames, type Column } from './sheets.js'
export { hints } from './hints.js'

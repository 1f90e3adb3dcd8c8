import ExcelJS from 'exceljs'

export interface SheetCells {
  name: string
  /** Each row's values, empty rows included, without ExcelJS's empty first column. */
  rows: unknown[][]
}

/** Every sheet of a written .xlsx with its cell values, row by row: for comparing two workbooks cell by cell. */
export async function workbookSheets(bytes: Uint8Array): Promise<SheetCells[]> {
  const workbook = new ExcelJS.Workbook()
  // ExcelJS's types ask for a Buffer; its zip reader takes any Uint8Array.
  await workbook.xlsx.load(bytes as never)
  return workbook.worksheets.map((sheet) => {
    const rows: unknown[][] = []
    sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)))
    return { name: sheet.name, rows }
  })
}

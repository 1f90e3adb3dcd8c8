export { officeFormat, type OfficeFormat } from './office-format.js'
export { findSoffice, type FindSofficeOptions } from './find-soffice.js'
export { convertToDocx, type ConvertToDocxOptions, type OfficeConversion, type OfficeResult } from './convert-to-docx.js'

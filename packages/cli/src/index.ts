export { run } from './run.js'
export { convertFile, type ConvertOptions, type FileResult } from './convert.js'
export { collectFiles, legacyExtensions, supportedExtensions, type Collected, type Skipped } from './files.js'
export { OutputError, reserve, writeData, writeOutput, type CheckOptions, type Reservation } from './write-output.js'

export { run } from './run.js'
export { convertFile, type ConvertOptions, type FileResult } from './convert.js'
export { collectFiles, supportedExtensions } from './files.js'
export { writeAtomic, writeAtomicData } from './write-output.js'

export * as arbitrary from './arbitrary.js'
export { sampleDocument, type DocumentShape } from './arbitrary.js'
export { emitTika, type TikaQuirks } from './emit-tika.js'
export { stripPositions } from './strip.js'

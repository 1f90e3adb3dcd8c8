export * from './schema.js'
export * from './errors.js'
export * as vocabulary from './vocabulary.js'
export { normalizeLabel } from './vocabulary.js'

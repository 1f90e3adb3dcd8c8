// Types only: the schemas themselves are `@jxmb/model/schema`.
export type * from './schema.js'
export * from './version.js'
export * from './errors.js'
export * as vocabulary from './vocabulary.js'
export { normalizeLabel } from './vocabulary.js'
export { describePosition } from './describe-position.js'

/** The WHATWG TextDecoder of Node and browsers, typed here so the parser needs neither DOM nor Node types. */
export interface TextDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string
}
export const TextDecoder = (globalThis as unknown as {
  TextDecoder: new (label?: string, options?: { fatal?: boolean }) => TextDecoder
}).TextDecoder

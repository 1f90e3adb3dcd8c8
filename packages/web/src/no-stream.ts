/** `node:stream` in the page: nothing calls it (the workbook is written with toBuffer). */
export class PassThrough {
  constructor() {
    throw new Error('Node streams are not available in the page.')
  }
}
export type Writable = never

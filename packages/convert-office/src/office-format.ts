/** Which format LibreOffice is needed for, told from the file's first bytes, not its name. */
export type OfficeFormat = 'doc' | 'rtf' | 'odt'

const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const rtf = [0x7b, 0x5c, 0x72, 0x74, 0x66] // {\rtf
const latin1 = new TextDecoder('latin1')

/**
 * `doc` for an OLE compound file (Word 97–2003 .doc, WPS, and also a password-protected .docx, which
 * LibreOffice then refuses), `rtf`, `odt` for an OpenDocument text (a zip whose first entry, `mimetype`,
 * names it); `undefined` for anything else.
 */
export function officeFormat(head: Uint8Array): OfficeFormat | undefined {
  const starts = (signature: number[], at = 0) => signature.every((byte, index) => head[at + index] === byte)
  if (starts(ole)) return 'doc'
  if (starts(rtf) || (starts([0xef, 0xbb, 0xbf]) && starts(rtf, 3))) return 'rtf'
  // A zip's first local header (PK\3\4), its name at 30: OpenDocument stores `mimetype` first, uncompressed.
  if (starts([0x50, 0x4b, 0x03, 0x04]) && latin1.decode(head.subarray(30, 38)) === 'mimetype') {
    if (latin1.decode(head.subarray(38, 38 + 64)).startsWith('application/vnd.oasis.opendocument.text')) return 'odt'
  }
  return undefined
}

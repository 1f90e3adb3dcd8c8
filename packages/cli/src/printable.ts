/**
 * Text from documents and file names made safe to print on a terminal: control
 * characters (an escape sequence would retitle the window, clear the screen or
 * worse), C1 controls and the bidirectional overrides that reorder what is
 * shown are written as visible escapes, `\x1b`, `\u202e`.
 */
// C0 but TAB, DEL, C1, line and paragraph separators, bidi embeddings, overrides and isolates.
const unprintable = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

export function printable(text: string): string {
  return text.replace(unprintable, (char) => {
    const code = char.charCodeAt(0)
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  })
}

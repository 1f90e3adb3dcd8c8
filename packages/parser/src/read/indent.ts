/**
 * How far a line of text is indented, for trees whose levels show only by
 * indentation: in half-width spaces (a full-width space is two, a TAB four).
 */
export function indentOf(text: string, from = 0): number {
  let width = 0
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 0x20 || code === 0xa0) width += 1
    else if (code === 0x3000) width += 2
    else if (code === 9) width += 4
    else break
  }
  return width
}

/** Whether a character starts an indent: the cheap test before `indentOf`. */
export function isIndentChar(code: number): boolean {
  return code === 0x20 || code === 0x3000 || code === 9 || code === 0xa0
}

// A half-width character of 10.5 pt (五号), Word's default body size, in twips.
const twipsPerSpace = 105

/**
 * A paragraph indent (`w:ind`: start, first line, hanging, in twips) as the full-width spaces it
 * shows as, at most 64: the .docx readers keep it as an indent, as the text readers keep typed spaces.
 */
export function indentSpaces(start: string | null | undefined, firstLine: string | null | undefined, hanging: string | null | undefined): number {
  const twips = Number(start ?? 0) + Number(firstLine ?? 0) - Number(hanging ?? 0)
  const spaces = Math.round(twips / (2 * twipsPerSpace))
  return spaces > 0 && Number.isFinite(spaces) ? Math.min(spaces, 64) : 0
}

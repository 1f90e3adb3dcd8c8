import stringWidth from 'string-width'

/** `head` and `name` in `room` columns: the name shortened from the left (`…年度绩效目标表.docx`), then the head cut. */
export function fitLine(head: string, name: string, room: number): string {
  const headWidth = stringWidth(head)
  if (headWidth + stringWidth(name) <= room) return head + name
  const left = room - headWidth - 1
  if (left >= 4) return head + '…' + tail(name, left)
  return cut(head + name, room)
}

/** The end of `text` that fits in `width` columns. */
function tail(text: string, width: number): string {
  const chars = Array.from(text)
  let used = 0
  let from = chars.length
  while (from > 0) {
    const next = stringWidth(chars[from - 1]!)
    if (used + next > width) break
    used += next
    from--
  }
  return chars.slice(from).join('')
}

/** The start of `text` that fits in `width` columns. */
function cut(text: string, width: number): string {
  let used = 0
  let out = ''
  for (const char of text) {
    const next = stringWidth(char)
    if (used + next > width) break
    used += next
    out += char
  }
  return out
}

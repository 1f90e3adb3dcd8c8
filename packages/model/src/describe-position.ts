import type { Position } from './schema.js'

/**
 * A position as a clerk reads it, in Chinese: `第316–321行` for text,
 * `第3个表格第5行` for .docx (1-based, as people count); in English with
 * `language` 'en': `line 316–321`, `table 3, row 5`.
 */
export function describePosition(position: Position | undefined, language: 'zh' | 'en' = 'zh'): string {
  if (!position) return ''
  if (position.start) {
    const start = position.start.line
    const end = position.end?.line ?? start
    if (language === 'en') return end === start ? `line ${start}` : `lines ${start}–${end}`
    return end === start ? `第${start}行` : `第${start}–${end}行`
  }
  if (language === 'en') {
    const parts: string[] = []
    if (position.table !== undefined) parts.push(`table ${position.table + 1}`)
    else if (position.block !== undefined) parts.push(`paragraph ${position.block + 1}`)
    if (position.row !== undefined) parts.push(`row ${position.row + 1}`)
    if (position.cell !== undefined) parts.push(`cell ${position.cell + 1}`)
    return parts.join(', ')
  }
  let text = ''
  if (position.table !== undefined) text += `第${position.table + 1}个表格`
  else if (position.block !== undefined) text += `第${position.block + 1}段`
  if (position.row !== undefined) text += `第${position.row + 1}行`
  if (position.cell !== undefined) text += `第${position.cell + 1}格`
  return text
}

import { vocabulary, type Paragraph, type Position } from '@jxmb/model'

/** A paragraph of prose, its item number (`1.`, `（一）`) split off as `marker`. */
export function toParagraph(text: string, position: Position): Paragraph {
  const match = vocabulary.itemMarker.exec(text)
  const paragraph: Paragraph = { type: 'paragraph', text, position }
  if (match && match[0].length < text.length) {
    paragraph.marker = match[1]!.replace(/\s+/g, '')
    paragraph.text = text.slice(match[0].length)
  }
  return paragraph
}

import { vocabulary, type Amount, type Comparator, type ParsedValue } from '@jxmb/model'

const symbolComparators: ReadonlyArray<readonly [string, Comparator]> = [
  ['>=', '≥'],
  ['<=', '≤'],
  ['≥', '≥'],
  ['≤', '≤'],
  ['≧', '≥'],
  ['≦', '≤'],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
]

const numberPattern = /^([+-]?\d+(?:,\d{3})*(?:\.\d+)?)/

/** Read a 指标值 (target value). The raw text is kept by the caller; this is the addition. */
export function parseIndicatorValue(raw: string): ParsedValue {
  // NFKC folds full-width digits, ％ and ＞; whitespace carries no meaning here.
  const folded = fold(raw)
  let text = folded
  if (text === '') return { kind: 'empty' }

  let comparator: Comparator | null = null
  // Most values start with a digit or are words: the comparator lists are for the rest.
  const first = text.charCodeAt(0)
  if (!(first >= 0x30 && first <= 0x39)) {
    for (const [symbol, value] of symbolComparators) {
      if (text.startsWith(symbol)) {
        comparator = value
        text = text.slice(symbol.length)
        break
      }
    }
    if (comparator === null) {
      for (const [word, value] of vocabulary.comparatorWords.prefix) {
        if (text.startsWith(word)) {
          comparator = value
          text = text.slice(word.length)
          break
        }
      }
    }
  }
  const match = numberPattern.exec(text)
  if (match) {
    let unit = text.slice(match[0].length)
    if (comparator === null) {
      for (const [word, value] of vocabulary.comparatorWords.suffix) {
        if (unit.endsWith(word)) {
          comparator = value
          unit = unit.slice(0, -word.length)
          break
        }
      }
    }
    // A unit holds no digits: `2023年完成` and `12月底前` are dates, not quantities.
    if (!/\d/.test(unit) && !vocabulary.deadlineWords.test(unit)) {
      return { kind: 'quantity', comparator, number: Number(match[1]!.replace(/,/g, '')), unit }
    }
  }
  return parseDeadline(folded) ?? { kind: 'qualitative' }
}

// Printable ASCII, CJK ideographs and ≥ ≤ are what most values hold, and NFKC leaves them be.
const alreadyFolded = /^[\x21-\x7e\u4e00-\u9fff≥≤]*$/

function fold(raw: string): string {
  return alreadyFolded.test(raw) ? raw : raw.normalize('NFKC').replace(/\s+/g, '')
}

const datePattern = /^(?:(\d{4})年)?(?:(\d{1,2})月)?(?:(\d{1,2})日)?/

function parseDeadline(text: string): ParsedValue | undefined {
  const match = datePattern.exec(text)
  if (!match || match[0] === '') return undefined
  const rest = text.slice(match[0].length)
  if (rest !== '' && !vocabulary.deadlineWords.test(rest)) return undefined
  const value: ParsedValue = { kind: 'deadline' }
  if (match[1]) value.year = Number(match[1])
  if (match[2]) value.month = Number(match[2])
  if (match[3]) value.day = Number(match[3])
  return value
}

/** Read an amount (预算数 …): `2.55`, `29.00`, `1,200.5万元`; null when unreadable. */
export function parseAmount(raw: string, emptyAsZero = false): Amount {
  const text = raw.normalize('NFKC').replace(/\s+/g, '').replace(/(万元|元)$/, '')
  if (text === '') return { raw, value: emptyAsZero ? 0 : null }
  const match = /^[+-]?\d+(?:,\d{3})*(?:\.\d+)?$/.exec(text)
  return { raw, value: match ? Number(text.replace(/,/g, '')) : null }
}

/** Read a schedule percentage: `25%`, `25`, `２５％`. */
export function parsePercent(raw: string): number | null {
  const text = raw.normalize('NFKC').replace(/\s+/g, '').replace(/%$/, '')
  return /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : null
}

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

// The characters a comparator can start with: a value starting with any other
// non-digit is words (优, 明显提升), and needs no further test.
const comparatorInitials = new Set(
  [...symbolComparators, ...vocabulary.comparatorWords.prefix].map(([word]) => word.charCodeAt(0)),
)

/** Read a 指标值 (target value). The raw text is kept by the caller; this is the addition. */
export function parseIndicatorValue(raw: string): ParsedValue {
  // NFKC folds full-width digits, ％ and ＞; whitespace carries no meaning here.
  const text = fold(raw)
  if (text === '') return { kind: 'empty' }

  // A scan rather than regular expressions and slices: this runs for every indicator.
  let comparator: Comparator | null = null
  let at = 0
  const first = text.charCodeAt(0)
  // Most values start with a digit or are words: the comparator lists are for the rest.
  if (!isDigit(first)) {
    if (first !== 0x2b /* + */ && first !== 0x2d /* - */ && !comparatorInitials.has(first)) return { kind: 'qualitative' }
    for (const [symbol, value] of symbolComparators) {
      if (text.startsWith(symbol)) {
        comparator = value
        at = symbol.length
        break
      }
    }
    if (comparator === null) {
      for (const [word, value] of vocabulary.comparatorWords.prefix) {
        if (text.startsWith(word)) {
          comparator = value
          at = word.length
          break
        }
      }
    }
  }
  const end = numberEnd(text, at)
  if (end > 0) {
    let unitEnd = text.length
    if (comparator === null) {
      for (const [word, value] of vocabulary.comparatorWords.suffix) {
        if (text.endsWith(word) && text.length - word.length >= end) {
          comparator = value
          unitEnd -= word.length
          break
        }
      }
    }
    const unit = text.slice(end, unitEnd)
    // A unit holds no digits: `2023年完成` and `12月底前` are dates, not quantities.
    if (!holdsDigit(unit) && !vocabulary.deadlineWords.test(unit)) {
      return { kind: 'quantity', comparator, number: numberValue(text.slice(at, end)), unit }
    }
  }
  // A deadline starts with its year, month or day.
  return (isDigit(first) && parseDeadline(text)) || { kind: 'qualitative' }
}

/**
 * Where the number starting at `at` ends (`12`, `-3`, `1,200`, `0.5`), or -1
 * when none starts there. Group separators count only before three digits.
 */
function numberEnd(text: string, at: number): number {
  let index = at
  const sign = text.charCodeAt(index)
  if (sign === 0x2b /* + */ || sign === 0x2d /* - */) index++
  const digits = index
  while (isDigit(text.charCodeAt(index))) index++
  if (index === digits) return -1
  while (
    text.charCodeAt(index) === 0x2c /* , */ &&
    isDigit(text.charCodeAt(index + 1)) &&
    isDigit(text.charCodeAt(index + 2)) &&
    isDigit(text.charCodeAt(index + 3))
  ) {
    index += 4
  }
  if (text.charCodeAt(index) === 0x2e /* . */ && isDigit(text.charCodeAt(index + 1))) {
    index += 2
    while (isDigit(text.charCodeAt(index))) index++
  }
  return index
}

/** The value of a number `numberEnd` has read: group separators dropped. */
function numberValue(number: string): number {
  return Number(number.includes(',') ? number.replace(/,/g, '') : number)
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

function holdsDigit(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (isDigit(text.charCodeAt(index))) return true
  return false
}

// Printable ASCII, CJK ideographs and ≥ ≤ are what most values hold, and NFKC leaves them be.
const alreadyFolded = /^[\x21-\x7e\u4e00-\u9fff≥≤]*$/

function fold(raw: string): string {
  return alreadyFolded.test(raw) ? raw : raw.normalize('NFKC').replace(/\s+/g, '')
}

const yearMark = vocabulary.dateMarks.year.charCodeAt(0)
const monthMark = vocabulary.dateMarks.month.charCodeAt(0)
const dayMark = vocabulary.dateMarks.day.charCodeAt(0)

/**
 * `2023年12月31日前`, `12月底前`, `2023年完成`: a date from the start (four
 * digits 年, one or two 月, one or two 日; each may be missing), then nothing
 * or a deadline word. A scan; it reads as /^(?:(\d{4})年)?(?:(\d{1,2})月)?(?:(\d{1,2})日)?/ would.
 */
function parseDeadline(text: string): ParsedValue | undefined {
  const value: ParsedValue = { kind: 'deadline' }
  let at = 0
  let run = digitRun(text, at)
  if (run === 4 && text.charCodeAt(at + 4) === yearMark) {
    value.year = Number(text.slice(at, at + 4))
    at += 5
    run = digitRun(text, at)
  }
  if ((run === 1 || run === 2) && text.charCodeAt(at + run) === monthMark) {
    value.month = Number(text.slice(at, at + run))
    at += run + 1
    run = digitRun(text, at)
  }
  if ((run === 1 || run === 2) && text.charCodeAt(at + run) === dayMark) {
    value.day = Number(text.slice(at, at + run))
    at += run + 1
  }
  if (at === 0) return undefined
  if (at < text.length && !vocabulary.deadlineWords.test(text.slice(at))) return undefined
  return value
}

/** How many digits stand from `at` on. */
function digitRun(text: string, at: number): number {
  let index = at
  while (isDigit(text.charCodeAt(index))) index++
  return index - at
}

/** Read an amount (预算数 …): `2.55`, `29.00`, `1,200.5万元`; null when unreadable. */
export function parseAmount(raw: string, emptyAsZero = false): Amount {
  const text = fold(raw).replace(/(万元|元)$/, '')
  if (text === '') return { raw, value: emptyAsZero ? 0 : null }
  // The same number as a 指标值's: a sign, digits in groups of three, decimals; nothing after it.
  return { raw, value: numberEnd(text, 0) === text.length ? numberValue(text) : null }
}

/** Read a schedule percentage: `25%`, `25`, `２５％`. */
export function parsePercent(raw: string): number | null {
  const text = fold(raw).replace(/%$/, '')
  return /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : null
}

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { vocabulary, type Comparator, type ParsedValue } from '@jxmb/model'
import { parseAmount, parseIndicatorValue, parsePercent } from '@jxmb/parser'
import { arbitrary } from '@jxmb/testkit'

describe('parseIndicatorValue', () => {
  const quantity = (comparator: string | null, number: number, unit: string) => ({ kind: 'quantity', comparator, number, unit })
  it.each([
    ['≥98%', quantity('≥', 98, '%')],
    ['≤5%', quantity('≤', 5, '%')],
    ['=100%', quantity('=', 100, '%')],
    ['100%', quantity(null, 100, '%')],
    ['3台', quantity(null, 3, '台')],
    ['867平方米', quantity(null, 867, '平方米')],
    ['≥10次', quantity('≥', 10, '次')],
    ['≤30天', quantity('≤', 30, '天')],
    ['≥1000亩', quantity('≥', 1000, '亩')],
    ['0.5万元/亩', quantity(null, 0.5, '万元/亩')],
    ['>= 90 %', quantity('≥', 90, '%')],
    ['<=5%', quantity('≤', 5, '%')],
    ['≧95%', quantity('≥', 95, '%')],
    ['≦3天', quantity('≤', 3, '天')],
    ['＞８０％', quantity('>', 80, '%')],
    ['≥９０％', quantity('≥', 90, '%')],
    ['不低于95%', quantity('≥', 95, '%')],
    ['不少于6个', quantity('≥', 6, '个')],
    ['不高于5%', quantity('≤', 5, '%')],
    ['不超过10天', quantity('≤', 10, '天')],
    ['90%以上', quantity('≥', 90, '%')],
    ['90%及以上', quantity('≥', 90, '%')],
    ['5天及以下', quantity('≤', 5, '天')],
    ['-3.5%', quantity(null, -3.5, '%')],
    ['1,2345元', { kind: 'qualitative' }],
    ['30天以内', quantity('≤', 30, '天')],
    ['1,200元', quantity(null, 1200, '元')],
    ['2023年完成', { kind: 'deadline', year: 2023 }],
    ['12月底前', { kind: 'deadline', month: 12 }],
    ['2023年12月31日前', { kind: 'deadline', year: 2023, month: 12, day: 31 }],
    ['2023年12月底', { kind: 'deadline', year: 2023, month: 12 }],
    ['优', { kind: 'qualitative' }],
    ['明显提升', { kind: 'qualitative' }],
    ['有效改善', { kind: 'qualitative' }],
    ['', { kind: 'empty' }],
    ['  ', { kind: 'empty' }],
  ])('%s', (raw, expected) => {
    expect(parseIndicatorValue(raw)).toEqual(expected)
  })
})

describe('parseAmount and parsePercent', () => {
  it('reads amounts and keeps the raw text', () => {
    expect(parseAmount('29.00')).toEqual({ raw: '29.00', value: 29 })
    expect(parseAmount(' 1,234.5 万元')).toEqual({ raw: ' 1,234.5 万元', value: 1234.5 })
    expect(parseAmount('')).toEqual({ raw: '', value: null })
    expect(parseAmount('', true)).toEqual({ raw: '', value: 0 })
    expect(parseAmount('待定')).toEqual({ raw: '待定', value: null })
  })
  it('reads percentages', () => {
    expect(parsePercent('25%')).toBe(25)
    expect(parsePercent('２５％')).toBe(25)
    expect(parsePercent('100')).toBe(100)
    expect(parsePercent('')).toBeNull()
    expect(parsePercent('全年')).toBeNull()
  })
})

/**
 * parseIndicatorValue as it was written with regular expressions, before it
 * became a scan for speed: the scan must read every value the same way.
 */
function referenceValue(raw: string): ParsedValue {
  const symbols: Array<[string, Comparator]> = [
    ['>=', '≥'], ['<=', '≤'], ['≥', '≥'], ['≤', '≤'], ['≧', '≥'], ['≦', '≤'], ['>', '>'], ['<', '<'], ['=', '='],
  ]
  const folded = /^[\x21-\x7e\u4e00-\u9fff≥≤]*$/.test(raw) ? raw : raw.normalize('NFKC').replace(/\s+/g, '')
  let text = folded
  if (text === '') return { kind: 'empty' }
  let comparator: Comparator | null = null
  for (const [symbol, value] of [...symbols, ...vocabulary.comparatorWords.prefix]) {
    if (text.startsWith(symbol)) {
      comparator = value
      text = text.slice(symbol.length)
      break
    }
  }
  const match = /^([+-]?\d+(?:,\d{3})*(?:\.\d+)?)/.exec(text)
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
    if (!/\d/.test(unit) && !vocabulary.deadlineWords.test(unit)) {
      return { kind: 'quantity', comparator, number: Number(match[1]!.replace(/,/g, '')), unit }
    }
  }
  const date = /^(?:(\d{4})年)?(?:(\d{1,2})月)?(?:(\d{1,2})日)?/.exec(folded)
  if (!date || date[0] === '') return { kind: 'qualitative' }
  const rest = folded.slice(date[0].length)
  if (rest !== '' && !vocabulary.deadlineWords.test(rest)) return { kind: 'qualitative' }
  const value: ParsedValue = { kind: 'deadline' }
  if (date[1]) value.year = Number(date[1])
  if (date[2]) value.month = Number(date[2])
  if (date[3]) value.day = Number(date[3])
  return value
}

describe('parseIndicatorValue against the reference', () => {
  // Pieces values are made of, so that random strings hit every branch: comparators,
  // numbers with signs, groups and decimals, units, date words, full-width forms, spaces.
  const value = arbitrary.textOf(
    [
      '≥', '≤', '>=', '<=', '>', '<', '=', '≧', '≦', '＞', '不低于', '大于等于', '小于', '等于',
      '0', '1', '9', '12', '2023', '１２', '+', '-', ',', ',000', '.', '.5', '．',
      '%', '％', '个', '万元/亩', '年', '月', '日', '底', '前', '完成', '以上', '及以上', '以内', '以下', '及以下',
      '优', '良好', '明显提升', ' ', '\u3000', '\t', 'a', '级',
    ],
    { maxLength: 8 },
  )
  it('reads every value as the reference does', () => {
    fc.assert(
      fc.property(value, (raw) => {
        expect(parseIndicatorValue(raw)).toEqual(referenceValue(raw))
      }),
      { numRuns: 3000 },
    )
  })
})

describe('parseAmount against the reference', () => {
  /** parseAmount as it was written with its own pattern, before it shared the 指标值 number scan. */
  function referenceAmount(raw: string, emptyAsZero = false) {
    const text = raw.normalize('NFKC').replace(/\s+/g, '').replace(/(万元|元)$/, '')
    if (text === '') return { raw, value: emptyAsZero ? 0 : null }
    const match = /^[+-]?\d+(?:,\d{3})*(?:\.\d+)?$/.exec(text)
    return { raw, value: match ? Number(text.replace(/,/g, '')) : null }
  }
  it('reads every amount as the reference does', () => {
    const amount = arbitrary.textOf(['0', '1', '29', '1234', '２', '+', '-', ',', ',000', ',00', '.', '.5', '．', '万元', '元', ' ', '\u3000', 'a', '≥', '待定'], { maxLength: 8 })
    fc.assert(
      fc.property(amount, fc.boolean(), (raw, emptyAsZero) => {
        expect(parseAmount(raw, emptyAsZero)).toEqual(referenceAmount(raw, emptyAsZero))
      }),
      { numRuns: 3000 },
    )
  })
})

import { describe, expect, it } from 'vitest'
import { parseAmount, parseIndicatorValue, parsePercent } from '@jxmb/parser'

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

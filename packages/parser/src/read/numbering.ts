/**
 * Word's automatic list numbers, as Word shows them (`1.`, `2)`, `（一）`, `一、`,
 * `①`): the definitions of `numbering.xml` (formats, level texts, starts,
 * overrides), the numbering paragraph styles carry (`styles.xml`), and counters
 * that advance paragraph by paragraph, deeper levels restarting under a shallower one.
 */
import { createXmlScanner } from './xml-scanner.js'

interface Level {
  start: number
  format: string
  text: string
  /** `w:isLgl`: every level's number shown as decimal. */
  legal: boolean
}

interface Instance {
  abstract: string
  /** Levels overridden by this instance: its own start, or a whole level of its own. */
  overrides: Map<number, { start?: number; level?: Level }>
}

export interface NumberingDefinitions {
  abstracts: Map<string, Map<number, Level>>
  instances: Map<string, Instance>
}

/** Paragraph style → its numbering (`w:pPr/w:numPr`), through `w:basedOn`. */
export type StyleNumbering = Map<string, { numId?: string; level?: number; basedOn?: string }>

const emptyLevel = (): Level => ({ start: 1, format: 'decimal', text: '', legal: false })

export function parseNumbering(xml: string): NumberingDefinitions {
  const abstracts = new Map<string, Map<number, Level>>()
  const instances = new Map<string, Instance>()
  let abstract: Map<number, Level> | undefined
  let instance: Instance | undefined
  let override: { start?: number; level?: Level } | undefined
  let level: Level | undefined
  const scanner = createXmlScanner({ open, close, text() {} })
  const attribute = (name: string) => scanner.attribute(name)
  function open(name: string) {
    // Only the elements read below: most tags of the part are skipped without a look at their attributes.
    switch (name) {
      case 'w:abstractNum':
        abstract = new Map()
        abstracts.set(attribute('w:abstractNumId') ?? '', abstract)
        return
      case 'w:num':
        instance = { abstract: '', overrides: new Map() }
        instances.set(attribute('w:numId') ?? '', instance)
        return
      case 'w:abstractNumId':
        if (instance) instance.abstract = attribute('w:val') ?? instance.abstract
        return
      case 'w:lvlOverride':
        override = {}
        instance?.overrides.set(Number(attribute('w:ilvl') ?? 0), override)
        return
      case 'w:startOverride':
        if (override) override.start = Number(attribute('w:val') ?? 1)
        return
      case 'w:lvl':
        level = emptyLevel()
        if (override) override.level = level
        else abstract?.set(Number(attribute('w:ilvl') ?? 0), level)
        return
      case 'w:start':
        if (level) level.start = Number(attribute('w:val') ?? 1)
        return
      case 'w:numFmt':
        if (level) level.format = attribute('w:val') ?? level.format
        return
      case 'w:lvlText':
        if (level) level.text = attribute('w:val') ?? ''
        return
      case 'w:isLgl':
        if (level) {
          const value = attribute('w:val')
          level.legal = value === undefined || value === '1' || value === 'true'
        }
        return
    }
  }
  function close(name: string) {
    if (name === 'w:lvl') level = undefined
    else if (name === 'w:lvlOverride') override = undefined
    else if (name === 'w:abstractNum') abstract = undefined
    else if (name === 'w:num') instance = undefined
  }
  scanner.write(xml)
  scanner.close()
  return { abstracts, instances }
}

export function parseStyleNumbering(xml: string): StyleNumbering {
  const styles: StyleNumbering = new Map()
  let current: { numId?: string; level?: number; basedOn?: string } | undefined
  let inParagraphProperties = false
  const scanner = createXmlScanner({ open, close, text() {} })
  const attribute = (name: string) => scanner.attribute(name)
  function open(name: string) {
    const value = attribute('w:val')
    if (name === 'w:style') {
      current = attribute('w:type') === 'paragraph' ? {} : undefined
      if (current) styles.set(attribute('w:styleId') ?? '', current)
    } else if (!current) return
    else if (name === 'w:basedOn') current.basedOn = value
    else if (name === 'w:pPr') inParagraphProperties = true
    else if (inParagraphProperties && name === 'w:numId') current.numId = value
    else if (inParagraphProperties && name === 'w:ilvl') current.level = Number(value ?? 0)
  }
  function close(name: string) {
    if (name === 'w:style') current = undefined
    else if (name === 'w:pPr') inParagraphProperties = false
  }
  scanner.write(xml)
  scanner.close()
  return styles
}

/**
 * A counter over the document's numbered paragraphs: `marker(numId, level)` advances that
 * list and returns the number Word shows; '' for bullets, `none`, and lists it cannot find.
 * Instances of one abstract list count on together, as Word counts them, unless an instance
 * overrides a start.
 */
export function createNumbering(definitions: NumberingDefinitions, styles: StyleNumbering = new Map()) {
  // Counters per list (an abstract list, or an instance that restarts): level → its current number.
  const counters = new Map<string, number[]>()

  const levelOf = (instance: Instance, level: number): Level | undefined => {
    const own = instance.overrides.get(level)?.level
    return own ?? definitions.abstracts.get(instance.abstract)?.get(level)
  }

  return {
    /** The numbering a paragraph style gives, following `w:basedOn` (at most ten steps). */
    styleNumbering(styleId: string | undefined): { numId?: string; level?: number } {
      let style = styleId === undefined ? undefined : styles.get(styleId)
      const found: { numId?: string; level?: number } = {}
      for (let step = 0; style && step < 10; step++) {
        found.numId ??= style.numId
        found.level ??= style.level
        style = style.basedOn === undefined ? undefined : styles.get(style.basedOn)
      }
      return found
    },
    marker(numId: string, level: number): string {
      const instance = definitions.instances.get(numId)
      if (!instance || numId === '0') return ''
      const definition = levelOf(instance, level)
      if (!definition || definition.format === 'bullet' || definition.format === 'none') return ''
      // An instance that overrides a start counts on its own; the others share their abstract list's counters.
      const restarts = [...instance.overrides.values()].some((override) => override.start !== undefined || override.level !== undefined)
      const key = restarts ? `num:${numId}` : `abstract:${instance.abstract}`
      let numbers = counters.get(key)
      if (!numbers) counters.set(key, (numbers = []))
      // A deeper item before any shallower one shows the shallower levels' starts.
      for (let shallower = 0; shallower < level; shallower++) numbers[shallower] ??= startOf(instance, shallower, levelOf(instance, shallower))
      numbers[level] = numbers[level] === undefined ? startOf(instance, level, definition) : numbers[level]! + 1
      // Deeper levels start again under this one.
      numbers.length = level + 1
      return definition.text.replace(/%([1-9])/g, (_, digit: string) => {
        const at = Number(digit) - 1
        const shown = levelOf(instance, at)
        const format = definition.legal && at < level ? 'decimal' : (shown?.format ?? 'decimal')
        return formatNumber(numbers![at] ?? startOf(instance, at, shown), format)
      })
    },
  }
}

function startOf(instance: Instance, level: number, definition: Level | undefined): number {
  return instance.overrides.get(level)?.start ?? definition?.start ?? 1
}

const chineseDigits = '〇一二三四五六七八九'
const heavenlyStems = '甲乙丙丁戊己庚辛壬癸'
const earthlyBranches = '子丑寅卯辰巳午未申酉戌亥'

/** A number in one of Word's formats (`w:numFmt`); decimal for any it does not know. */
export function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'decimal':
      return String(value)
    case 'decimalZero':
      return value < 10 ? `0${value}` : String(value)
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(value).replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit)))
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return value >= 1 && value <= 20 ? String.fromCharCode(0x2460 + value - 1) : String(value)
    case 'decimalEnclosedParen':
      return value >= 1 && value <= 20 ? String.fromCharCode(0x2474 + value - 1) : `(${value})`
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return chineseCounting(value)
    case 'chineseLegalSimplified':
      return chineseCounting(value).replace(/[一二三四五六七八九十]/g, (char) => '壹贰叁肆伍陆柒捌玖拾'['一二三四五六七八九十'.indexOf(char)]!)
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(value).replace(/\d/g, (digit) => chineseDigits[Number(digit)]!)
    case 'ideographTraditional':
      return heavenlyStems[(value - 1) % 10] ?? String(value)
    case 'ideographZodiac':
      return earthlyBranches[(value - 1) % 12] ?? String(value)
    case 'lowerLetter':
    case 'upperLetter': {
      const letter = String.fromCharCode(97 + ((value - 1) % 26)).repeat(Math.floor((value - 1) / 26) + 1)
      return format === 'upperLetter' ? letter.toUpperCase() : letter
    }
    case 'lowerRoman':
    case 'upperRoman': {
      const roman = toRoman(value)
      return format === 'lowerRoman' ? roman.toLowerCase() : roman
    }
    default:
      return String(value)
  }
}

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五. */
function chineseCounting(value: number): string {
  if (value <= 0 || value >= 10000) return String(value)
  const units = ['', '十', '百', '千']
  const digits = String(value).split('').map(Number)
  let text = ''
  let zero = false
  digits.forEach((digit, index) => {
    const unit = units[digits.length - 1 - index]!
    if (digit === 0) {
      zero = text !== ''
      return
    }
    if (zero) text += '零'
    zero = false
    text += chineseDigits[digit]! + unit
  })
  // 十一, not 一十一.
  return value >= 10 && value < 20 ? text.slice(1) : text
}

function toRoman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value)
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']]
  let rest = value
  let text = ''
  for (const [number, letters] of table) {
    while (rest >= number) {
      text += letters
      rest -= number
    }
  }
  return text
}

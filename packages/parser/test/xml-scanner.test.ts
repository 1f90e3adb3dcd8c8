/**
 * The XML scanner against saxes: the same events (elements, attributes, text) for
 * generated well-formed XML cut into chunks anywhere, and the same verdict for the
 * same XML with a few characters deleted, inserted or replaced.
 */
import fc from 'fast-check'
import { SaxesParser, type SaxesTagPlain } from 'saxes'
import { describe, expect, it } from 'vitest'
import { createXmlScanner, XmlSyntaxError } from '../src/read/xml-scanner.js'

type Event = ['open', string, Record<string, string>] | ['close', string] | ['text', string]

/** Adjacent text events as one: where text is cut (by a comment, a CDATA section, a chunk) is no part of the contract. */
function push(events: Event[], event: Event): void {
  const last = events[events.length - 1]
  if (event[0] === 'text' && last?.[0] === 'text') last[1] += event[1]
  else if (event[0] !== 'text' || event[1] !== '') events.push(event)
}

function withSaxes(xml: string): Event[] | Error {
  const events: Event[] = []
  const parser = new SaxesParser({ xmlns: false, position: false })
  let inRoot = 0
  parser.on('opentag', (tag: SaxesTagPlain) => {
    inRoot++
    push(events, ['open', tag.name, { ...tag.attributes }])
  })
  parser.on('closetag', (tag: SaxesTagPlain) => {
    inRoot--
    push(events, ['close', tag.name])
  })
  // saxes also reports the white space around the root; the scanner leaves it out.
  parser.on('text', (text) => inRoot > 0 && push(events, ['text', text]))
  parser.on('cdata', (text) => push(events, ['text', text]))
  try {
    parser.write(xml).close()
    return events
  } catch (error) {
    return error as Error
  }
}

function withScanner(xml: string, cuts: number[] = []): Event[] | Error {
  const events: Event[] = []
  const scanner = createXmlScanner({
    open: (name) => push(events, ['open', name, { ...scanner.attributes() }]),
    close: (name) => push(events, ['close', name]),
    text: (text) => push(events, ['text', text]),
  })
  try {
    let from = 0
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      scanner.write(xml.slice(from, Math.max(from, cut)))
      from = Math.max(from, cut)
    }
    scanner.write(xml.slice(from))
    scanner.close()
    return events
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error
    return error
  }
}

const names = ['w:p', 'w:r', 'w:t', 'a', 'b-c', 'x.y', '_u', 'w14:paraId', '中文', 'é1', 'mc:AlternateContent']
const textPieces = ['x', ' ', '预算', '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#20013;', '&#x4E2D;', '&#x1F600;', '\r\n', '\r', '\n', '\t', ']', ']]', '>', '"', "'", '😀', '（一）', '\u00a0', '\uff0c']
const attributePieces = [...textPieces.filter((piece) => piece !== '"' && piece !== "'"), '>', '/']

const text = fc.array(fc.constantFrom(...textPieces), { maxLength: 6 }).map((pieces) => pieces.join('').replaceAll(']]>', ']]&gt;').replace(/]$/, ']x'))
const attributeValue = fc.array(fc.constantFrom(...attributePieces), { maxLength: 5 }).map((pieces) => pieces.join(''))
const space = fc.constantFrom(' ', '  ', '\n', '\t', '\r\n')
const attributes = fc.uniqueArray(fc.tuple(fc.constantFrom(...names), attributeValue, fc.boolean(), space), { selector: ([name]) => name, maxLength: 4 })

const element: fc.Memo<string> = fc.memo((depth) =>
  fc
    .tuple(
      fc.constantFrom(...names),
      attributes,
      fc.boolean(),
      depth > 1
        ? fc.array(
            fc.oneof(
              { weight: 3, arbitrary: element(depth - 1) },
              { weight: 3, arbitrary: text },
              { weight: 1, arbitrary: text.map((t) => `<![CDATA[${t.replaceAll(']]>', '')}<&]]>`) },
              { weight: 1, arbitrary: fc.constantFrom('<!-- a - b <&> -->', '<!---->', '<?pi some data?>', '<?jxmb?>') },
            ),
            { maxLength: 5 },
          )
        : fc.constant([]),
      fc.constantFrom('', ' ', '\n'),
    )
    .map(([name, attrs, selfClosing, children, closeSpace]) => {
      const open = `<${name}${attrs.map(([key, value, double, gap]) => `${gap}${key}${double ? '=' : ' = '}${double ? `"${value.replaceAll('"', '&quot;')}"` : `'${value.replaceAll("'", '&apos;')}'`}`).join('')}`
      if (selfClosing && children.length === 0) return `${open}/>`
      return `${open}>${children.join('')}</${name}${closeSpace}>`
    }),
)

const documentXml = fc
  .tuple(fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n', "<?xml version='1.0'?>"), fc.constantFrom('', '<!-- before -->', '\n'), element(4), fc.constantFrom('', '\n', '<!-- after -->'))
  .map((parts) => parts.join(''))

// Where the scanner is knowingly more lenient than saxes: it skips over the XML declaration and
// processing instructions without checking their insides, and keeps the first of a repeated attribute.
const lenient = /duplicate attribute|XML declaration|version number|encoding value|standalone value|processing instruction|disallowed anywhere in XML declarations|value required|value must be quoted|whitespace required|expected (the name|one of)|name\/value pairs/i

describe('the XML scanner', () => {
  it('gives the events saxes gives, however the XML is cut into chunks', () => {
    fc.assert(
      fc.property(documentXml, fc.array(fc.nat(), { maxLength: 8 }), (xml, cuts) => {
        const expected = withSaxes(xml)
        expect(expected).not.toBeInstanceOf(Error)
        expect(withScanner(xml, cuts.map((cut) => cut % (xml.length + 1)))).toEqual(expected)
      }),
      { numRuns: 1000 },
    )
  })

  it('refuses what saxes refuses and reads what it reads, for XML with a few characters changed', () => {
    const edit = fc.tuple(fc.nat(), fc.constantFrom('delete', 'insert', 'replace'), fc.constantFrom(...'<>&;#x"\'=/!?[]- a:\r\n\u0000\u000b\ufffe中'.split('')))
    fc.assert(
      fc.property(documentXml, fc.array(edit, { minLength: 1, maxLength: 3 }), fc.array(fc.nat(), { maxLength: 3 }), (xml, edits, cuts) => {
        // Edited by code point: text decoded from bytes never holds half a surrogate pair.
        const chars = Array.from(xml)
        for (const [at, kind, char] of edits) {
          const i = at % (chars.length + 1)
          chars.splice(i, kind === 'insert' ? 0 : 1, ...(kind === 'delete' ? [] : [char]))
        }
        const changed = chars.join('')
        const expected = withSaxes(changed)
        const actual = withScanner(changed, cuts.map((cut) => cut % (changed.length + 1)))
        if (expected instanceof Error) {
          if (!(actual instanceof Error) && !lenient.test(expected.message)) expect.fail(`saxes refuses (${expected.message}) what the scanner reads: ${JSON.stringify(changed)}`)
        } else {
          if (actual instanceof Error) expect.fail(`the scanner refuses (${actual.message}) what saxes reads: ${JSON.stringify(changed)}`)
          expect(actual).toEqual(expected)
        }
      }),
      { numRuns: 3000 },
    )
  })

  it('reads one attribute by name, decoded, and nothing for a name it lacks', () => {
    const seen: Array<string | undefined> = []
    const scanner = createXmlScanner({
      open: () => seen.push(scanner.attribute('w:val'), scanner.attribute('w:va')),
      close: () => {},
      text: () => {},
    })
    scanner.write(`<w:x w:v="1" w:val = 'a&amp;b\tc'/>`)
    scanner.close()
    expect(seen).toEqual(['a&b c', undefined])
  })

  it('refuses a DOCTYPE, after telling the handler', () => {
    let told = false
    const scanner = createXmlScanner({ open() {}, close() {}, text() {}, doctype: () => void (told = true) })
    expect(() => scanner.write('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')).toThrow(XmlSyntaxError)
    expect(told).toBe(true)
  })

  it('keeps a long text run that spans many chunks whole, and decodes a reference cut in two', () => {
    const texts: string[] = []
    const scanner = createXmlScanner({ open() {}, close() {}, text: (t) => texts.push(t) })
    scanner.write('<t>')
    for (let i = 0; i < 1000; i++) scanner.write('预算\r')
    scanner.write('\n&am')
    scanner.write('p;</t>')
    scanner.close()
    expect(texts.join('')).toBe(`${'预算\n'.repeat(999)}预算\n&`)
  })
})

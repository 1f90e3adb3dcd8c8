/**
 * A streaming XML tokeniser for the parts of a .docx: elements, attributes (read on request),
 * text, with the well-formedness checks of XML 1.0 that saxes makes (names, quoting, entities,
 * characters, nesting, one root, `]]>`, comments), measured 3–4× faster than saxes on
 * WordprocessingML because it allocates nothing for a tag but its name and reads attributes only
 * when asked. No namespaces, no DTD (a DOCTYPE is refused), no positions. Fuzzed against saxes in
 * `test/xml-scanner.test.ts`; where it is more lenient (a repeated attribute, the inside of the
 * XML declaration and processing instructions) that test lists it.
 */

export interface XmlHandler {
  /** An element opens; its attributes are readable with `scanner.attribute` until this returns. */
  open(name: string): void
  /** An element closes (a self-closing one too, right after its `open`). */
  close(name: string): void
  /** Character data inside the root (CDATA sections included), entities decoded, line ends as `\n`. */
  text(text: string): void
  /** A DOCTYPE: the scanner refuses it after this returns. */
  doctype?(): void
}

export interface XmlScanner {
  write(chunk: string): void
  close(): void
  /** An attribute of the element being opened, decoded; `undefined` when it has none of that name. */
  attribute(name: string): string | undefined
  /** All attributes of the element being opened, decoded, in document order (the first of a repeated name). */
  attributes(): Record<string, string>
}

/** XML that is not well-formed. */
export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError'
}

// One markup construct longer than this (a tag, a comment, a CDATA section) is refused: Word writes none
// near it, and holding it whole across chunks would copy it again with each chunk.
const maxConstruct = 8 * 1024 * 1024

const LT = 0x3c
const GT = 0x3e
const AMP = 0x26
const SLASH = 0x2f
const QUOTE = 0x22
const APOS = 0x27
const EQUALS = 0x3d
const BANG = 0x21
const QUESTION = 0x3f
const BRACKET = 0x5d
const CR = 0x0d

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d

// XML 1.0 (fifth edition) NameStartChar and NameChar; a surrogate pair is one of [#x10000-#xEFFFF].
function isNameStart(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x3a || c === 0x5f
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    c === 0x200c ||
    c === 0x200d ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  )
}

function isNameChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x3a) || c === 0x5f || c === 0x2d || c === 0x2e
  return isNameStart(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040
}

/** The end of the name starting at `from` (after one pair of surrogates counted as one character), or `from` when none starts there. */
function nameEnd(s: string, from: number): number {
  let i = from
  for (;;) {
    const c = s.charCodeAt(i)
    if (i === from ? isNameStart(c) : isNameChar(c)) i++
    else if (c >= 0xd800 && c <= 0xdb7f && isLow(s.charCodeAt(i + 1))) i += 2
    else return i
  }
}

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff

/** A code point XML allows (the Char production). */
const isChar = (n: number) => n === 0x9 || n === 0xa || n === 0xd || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff)

const predefined: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** The entity reference at `at` (`&…;`), decoded, and where it ends. */
function entity(s: string, at: number, end: number): [string, number] {
  const semicolon = s.indexOf(';', at + 1)
  if (semicolon < 0 || semicolon >= end) throw new XmlSyntaxError('an entity reference without its ";"')
  const body = s.slice(at + 1, semicolon)
  if (body.charCodeAt(0) === 0x23) {
    const number = /^#x[0-9a-fA-F]+$/.test(body) ? parseInt(body.slice(2), 16) : /^#[0-9]+$/.test(body) ? parseInt(body.slice(1), 10) : NaN
    if (!isChar(number)) throw new XmlSyntaxError(`a malformed character reference &${body};`)
    return [String.fromCodePoint(number), semicolon + 1]
  }
  const value = predefined[body]
  if (value === undefined) throw new XmlSyntaxError(body === '' ? 'an empty entity reference' : `an undefined entity &${body};`)
  return [value, semicolon + 1]
}

/** How `characters` reads: text (references, no `]]>`), an attribute value (references, no `<`, white space as spaces), or raw (comments, CDATA, instructions). */
const enum Mode {
  Text,
  Attribute,
  Raw,
}

/** A character that needs no look in any mode: printable, in the BMP, not a surrogate, not `&`, `<`, `]`. */
const plain = (c: number) => ((c >= 0x20 && c < 0xd800) || (c >= 0xe000 && c <= 0xfffd)) && c !== AMP && c !== BRACKET && c !== LT

/**
 * Checks the characters of `s` from `start` to `end` and returns them decoded: `\r\n` and `\r` as `\n`,
 * references (text and attribute values), and in attribute values each white-space character as a
 * space. The common case (nothing to change) returns one slice.
 */
function characters(s: string, start: number, end: number, mode: Mode): string {
  let out = ''
  let from = start
  let i = start
  while (i < end) {
    const c = s.charCodeAt(i)
    if (plain(c)) {
      i++
      continue
    }
    if (c === BRACKET) {
      if (mode === Mode.Text && i + 2 < end && s.charCodeAt(i + 1) === BRACKET && s.charCodeAt(i + 2) === GT) throw new XmlSyntaxError('the string "]]>" in character data')
      i++
      continue
    }
    if (c === LT) {
      if (mode === Mode.Attribute) throw new XmlSyntaxError('a "<" in an attribute value')
      i++
      continue
    }
    if (c === AMP) {
      if (mode === Mode.Raw) {
        i++
        continue
      }
      const [value, next] = entity(s, i, end)
      out += s.slice(from, i) + value
      i = from = next
      continue
    }
    if (c === CR || ((c === 0x0a || c === 0x09) && mode === Mode.Attribute)) {
      out += s.slice(from, i) + (mode === Mode.Attribute ? ' ' : '\n')
      i += c === CR && s.charCodeAt(i + 1) === 0x0a ? 2 : 1
      from = i
      continue
    }
    if (c === 0x0a || c === 0x09) {
      i++
      continue
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && isLow(s.charCodeAt(i + 1))) {
      i += 2
      continue
    }
    throw new XmlSyntaxError(`a character XML does not allow (U+${c.toString(16).toUpperCase().padStart(4, '0')})`)
  }
  return from === start ? s.slice(start, end) : out + s.slice(from, end)
}

export interface XmlScannerOptions {
  /**
   * Element names the handler compares against: the scanner hands these very strings on (no new string
   * per tag, and a comparison by identity). Other names are kept too, one string per name seen recently.
   */
  names?: readonly string[]
}

export function createXmlScanner(handler: XmlHandler, options: XmlScannerOptions = {}): XmlScanner {
  return new Scanner(handler, options.names ?? [])
}

// Slots of the name cache: a power of two, a few times the element names a part uses.
const nameSlots = 1024

/** Whether `name` is what `s` holds from `from` to `to` (a loop: for names this short it beats `startsWith`). */
function same(name: string, s: string, from: number, to: number): boolean {
  if (name.length !== to - from) return false
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) !== s.charCodeAt(from + i)) return false
  return true
}

function nameHash(s: string, from: number, to: number): number {
  let hash = to - from
  for (let i = from; i < to; i++) hash = (Math.imul(hash, 31) + s.charCodeAt(i)) | 0
  return hash & (nameSlots - 1)
}

class Scanner implements XmlScanner {
  // What the last chunk ended in (a tag, or a few characters of text), and the string being scanned.
  private buffer = ''
  private source = ''
  private readonly stack: string[] = []
  private sawRoot = false
  private closedRoot = false
  private closed = false
  // Text of a run that the last chunk ended in, decoded so far.
  private pendingText = ''
  // The attributes of the tag being opened: where they stand in `buffer`.
  private attributesFrom = -1
  private attributesTo = -1

  // Names by hash: the handler's, kept; and those seen recently (most tags of a part repeat a few dozen names).
  private readonly known: Array<string | undefined> = new Array(nameSlots).fill(undefined)
  private readonly recent: Array<string | undefined> = new Array(nameSlots).fill(undefined)

  constructor(
    private readonly handler: XmlHandler,
    known: readonly string[],
  ) {
    for (const name of known) this.known[nameHash(name, 0, name.length)] ??= name
  }

  /** The name from `from` to `to`, as a string seen before when there is one. */
  private name(s: string, from: number, to: number): string {
    const slot = nameHash(s, from, to)
    const known = this.known[slot]
    if (known !== undefined && same(known, s, from, to)) return known
    const seen = this.recent[slot]
    if (seen !== undefined && same(seen, s, from, to)) return seen
    const name = s.slice(from, to)
    this.recent[slot] = name
    return name
  }

  write(chunk: string): void {
    if (this.closed) throw new XmlSyntaxError('written after close')
    const tail = this.buffer
    if (tail === '') {
      this.buffer = this.scan(chunk, 0, false)
      return
    }
    // What the last chunk ended in is finished on a short join, and the scan goes on in the chunk itself:
    // joining the whole chunk would copy it. Text ends at the chunk's first `<`; a tag most often at its first `>`.
    if (tail.charCodeAt(0) !== LT) {
      const lt = chunk.indexOf('<')
      if (lt < 0) {
        this.buffer = this.scan(tail + chunk, 0, false)
        return
      }
      const text = tail + chunk.slice(0, lt)
      this.text(text, 0, text.length)
      this.buffer = this.scan(chunk, lt, false)
      return
    }
    const cut = chunk.indexOf('>') + 1
    if (cut <= 0) {
      this.buffer = this.scan(tail + chunk, 0, false)
      return
    }
    const left = this.scan(tail + chunk.slice(0, cut), 0, false)
    this.buffer = left === '' ? this.scan(chunk, cut, false) : this.scan(left + chunk.slice(cut), 0, false)
  }

  close(): void {
    if (this.closed) return
    this.buffer = this.scan(this.buffer, 0, true)
    this.closed = true
    if (this.buffer !== '') throw new XmlSyntaxError('the document ends inside markup')
    if (!this.sawRoot) throw new XmlSyntaxError('no root element')
    if (this.stack.length > 0) throw new XmlSyntaxError(`an unclosed element <${this.stack[this.stack.length - 1]}>`)
  }

  attribute(name: string): string | undefined {
    return this.readAttributes(name, undefined)
  }

  attributes(): Record<string, string> {
    const all: Record<string, string> = Object.create(null)
    this.readAttributes(undefined, all)
    return all
  }

  /** The tag being opened's attribute `name`, or (with `all`) every attribute into `all`. Its syntax was checked when the tag was read. */
  private readAttributes(name: string | undefined, all: Record<string, string> | undefined): string | undefined {
    const s = this.source
    const end = this.attributesTo
    let i = this.attributesFrom
    if (i < 0) return undefined
    while (i < end) {
      while (isSpace(s.charCodeAt(i))) i++
      if (i >= end) return undefined
      const nameTo = nameEnd(s, i)
      let j = nameTo
      while (s.charCodeAt(j) !== EQUALS) j++
      j++
      while (isSpace(s.charCodeAt(j))) j++
      const valueTo = s.indexOf(s.charCodeAt(j) === QUOTE ? '"' : "'", j + 1)
      if (all) {
        const key = s.slice(i, nameTo)
        if (!(key in all)) all[key] = characters(s, j + 1, valueTo, Mode.Attribute)
      } else if (nameTo - i === name!.length && s.startsWith(name!, i)) return characters(s, j + 1, valueTo, Mode.Attribute)
      i = valueTo + 1
    }
    return undefined
  }

  /** Scans `s` from `start` as far as it is complete; returns the rest, which the next chunk continues. */
  private scan(s: string, start: number, final: boolean): string {
    this.source = s
    const n = s.length
    let i = start
    while (i < n) {
      const lt = s.indexOf('<', i)
      if (lt < 0) {
        i = this.textRun(s, i, n, final)
        break
      }
      if (lt > i) this.text(s, i, lt)
      if (this.pendingText !== '') this.flushText()
      const next = this.markup(s, lt, final)
      if (next < 0) {
        i = lt
        break
      }
      i = next
    }
    if (final && i < n) throw new XmlSyntaxError('the document ends inside markup')
    if (final && this.pendingText !== '') this.flushText()
    if (n - i > maxConstruct) throw new XmlSyntaxError(`one tag, comment or CDATA section runs past ${maxConstruct} characters`)
    return i >= n ? '' : s.slice(i)
  }

  /** Text that runs to the end of the chunk: decoded up to where a reference or `]]>` or `\r\n` may go on in the next one. */
  private textRun(s: string, from: number, end: number, final: boolean): number {
    let cut = end
    if (!final) {
      // A `]` may start `]]>`, a `\r` its `\n`, a high surrogate its pair.
      for (let c = s.charCodeAt(cut - 1); cut > from && (c === BRACKET || c === CR || (c >= 0xd800 && c <= 0xdbff)); c = s.charCodeAt(cut - 1)) cut--
      const amp = s.lastIndexOf('&', cut - 1)
      if (amp >= from && s.indexOf(';', amp) < 0) cut = amp
    }
    if (cut > from) this.text(s, from, cut)
    return cut
  }

  private text(s: string, from: number, to: number): void {
    if (!this.sawRoot || this.closedRoot) {
      for (let i = from; i < to; i++) if (!isSpace(s.charCodeAt(i))) throw new XmlSyntaxError('text outside the root element')
      return
    }
    this.pendingText += characters(s, from, to, Mode.Text)
  }

  private flushText(): void {
    const text = this.pendingText
    this.pendingText = ''
    this.handler.text(text)
  }

  /** The markup at `lt`: handled, and the index after it; -1 when the chunk ends inside it. */
  private markup(s: string, lt: number, final: boolean): number {
    const c = s.charCodeAt(lt + 1)
    if (c !== c) return -1
    if (c === SLASH) return this.closeTag(s, lt)
    if (c === QUESTION) return this.instruction(s, lt)
    if (c === BANG) return this.declaration(s, lt, final)
    return this.openTag(s, lt)
  }

  private openTag(s: string, lt: number): number {
    const nameTo = nameEnd(s, lt + 1)
    if (cutShort(s, nameTo)) return -1
    if (nameTo === lt + 1) {
      if (nameTo >= s.length) return -1
      throw new XmlSyntaxError('a "<" that starts no tag')
    }
    const attributesFrom = nameTo
    let i = nameTo
    let selfClosing = false
    for (;;) {
      const spaced = isSpace(s.charCodeAt(i))
      while (isSpace(s.charCodeAt(i))) i++
      const c = s.charCodeAt(i)
      if (c !== c) return -1
      if (c === GT) break
      if (c === SLASH) {
        const after = s.charCodeAt(i + 1)
        if (after !== after) return -1
        if (after !== GT) throw new XmlSyntaxError('a "/" in a tag not followed by ">"')
        selfClosing = true
        break
      }
      if (!spaced) throw new XmlSyntaxError(i === nameTo ? 'a character not allowed in a tag name' : 'no white space between attributes')
      const attributeTo = nameEnd(s, i)
      if (cutShort(s, attributeTo)) return -1
      if (attributeTo === i) throw new XmlSyntaxError('a character not allowed in an attribute name')
      i = attributeTo
      while (isSpace(s.charCodeAt(i))) i++
      const equals = s.charCodeAt(i)
      if (equals !== equals) return -1
      if (equals !== EQUALS) throw new XmlSyntaxError(isNameChar(equals) || equals >= 0x80 ? 'a character not allowed in an attribute name' : 'an attribute without a value')
      i++
      while (isSpace(s.charCodeAt(i))) i++
      const quote = s.charCodeAt(i)
      if (quote !== quote) return -1
      if (quote !== QUOTE && quote !== APOS) throw new XmlSyntaxError('an unquoted attribute value')
      const close = s.indexOf(quote === QUOTE ? '"' : "'", i + 1)
      if (close < 0) return -1
      checkAttributeValue(s, i + 1, close)
      i = close + 1
    }
    if (this.closedRoot) throw new XmlSyntaxError('a second root element')
    this.sawRoot = true
    const name = this.name(s, lt + 1, nameTo)
    this.attributesFrom = attributesFrom
    this.attributesTo = i
    this.handler.open(name)
    this.attributesFrom = -1
    if (selfClosing) {
      this.handler.close(name)
      if (this.stack.length === 0) this.closedRoot = true
      return i + 2
    }
    this.stack.push(name)
    return i + 1
  }

  private closeTag(s: string, lt: number): number {
    const gt = s.indexOf('>', lt + 2)
    if (gt < 0) return -1
    const nameTo = nameEnd(s, lt + 2)
    if (nameTo === lt + 2) throw new XmlSyntaxError('a closing tag without a name')
    for (let i = nameTo; i < gt; i++) if (!isSpace(s.charCodeAt(i))) throw new XmlSyntaxError('a character not allowed in a closing tag')
    const name = this.name(s, lt + 2, nameTo)
    const open = this.stack.pop()
    if (open === undefined) throw new XmlSyntaxError(`a closing tag </${name}> with no element open`)
    if (open !== name) throw new XmlSyntaxError(`a closing tag </${name}> where </${open}> was due`)
    this.handler.close(name)
    if (this.stack.length === 0) this.closedRoot = true
    return gt + 1
  }

  /** `<?…?>`: the XML declaration or a processing instruction, skipped (its target checked). */
  private instruction(s: string, lt: number): number {
    const end = s.indexOf('?>', lt + 2)
    if (end < 0) return -1
    const targetTo = nameEnd(s, lt + 2)
    if (targetTo === lt + 2) throw new XmlSyntaxError('a processing instruction without a target')
    const target = s.slice(lt + 2, targetTo)
    if (target.toLowerCase() === 'xml' && (lt !== 0 || this.sawRoot || target !== 'xml')) throw new XmlSyntaxError('an XML declaration not at the start of the document')
    characters(s, targetTo, end, Mode.Raw)
    return end + 2
  }

  /** `<!--…-->`, `<![CDATA[…]]>` or `<!DOCTYPE`. */
  private declaration(s: string, lt: number, final: boolean): number {
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4)
      if (end < 0) return -1
      const body = s.slice(lt + 4, end)
      if (body.includes('--') || body.endsWith('-')) throw new XmlSyntaxError('a malformed comment')
      characters(s, lt + 4, end, Mode.Raw)
      return end + 3
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9)
      if (end < 0) return -1
      if (!this.sawRoot || this.closedRoot) throw new XmlSyntaxError('a CDATA section outside the root element')
      const text = characters(s, lt + 9, end, Mode.Raw)
      if (text !== '') this.handler.text(text)
      return end + 3
    }
    if (s.startsWith('<!DOCTYPE', lt)) {
      this.handler.doctype?.()
      throw new XmlSyntaxError('a DOCTYPE, refused')
    }
    // Too short yet to say which it is.
    const rest = s.slice(lt, lt + 9)
    if (!final && ['<!--', '<![CDATA[', '<!DOCTYPE'].some((start) => start.startsWith(rest))) return -1
    throw new XmlSyntaxError('markup that starts "<!" but is no comment, CDATA section or DOCTYPE')
  }
}

/** Whether a name that stops at `end` may go on in the next chunk: it reached the end, or half a surrogate pair. */
const cutShort = (s: string, end: number) => end >= s.length || (end === s.length - 1 && s.charCodeAt(end) >= 0xd800 && s.charCodeAt(end) <= 0xdbff)

/** An attribute value's characters and references, checked without building it. */
function checkAttributeValue(s: string, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i)
    if (plain(c) || c === BRACKET) continue
    characters(s, from, to, Mode.Attribute)
    return
  }
}

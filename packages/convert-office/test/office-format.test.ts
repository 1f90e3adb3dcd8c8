/** Telling the formats LibreOffice is needed for from their bytes, and finding soffice. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { findSoffice, officeFormat } from '../src/index.js'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('officeFormat', () => {
  it('tells OLE (.doc, .wps, an encrypted .docx), RTF and OpenDocument text from their first bytes', () => {
    expect(officeFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('doc')
    expect(officeFormat(bytes('{\\rtf1\\ansi\\ansicpg936 预算}'))).toBe('rtf')
    expect(officeFormat(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('{\\rtf1}')]))).toBe('rtf')
    // OpenDocument stores `mimetype` first and uncompressed.
    const odt = zipSync({ mimetype: [bytes('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': bytes('<x/>') })
    expect(officeFormat(odt)).toBe('odt')
    const ods = zipSync({ mimetype: [bytes('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }] })
    expect(officeFormat(ods)).toBeUndefined()
  })

  it('leaves .docx, text and other bytes alone', () => {
    expect(officeFormat(zipSync({ '[Content_Types].xml': bytes('<Types/>'), 'word/document.xml': bytes('<w:document/>') }))).toBeUndefined()
    expect(officeFormat(bytes('预算项目绩效目标表'))).toBeUndefined()
    expect(officeFormat(bytes('{\\rt'))).toBeUndefined()
    expect(officeFormat(new Uint8Array())).toBeUndefined()
  })
})

describe('findSoffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jxmb-soffice-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const program = (folder: string, name: string, mode = 0o755) => {
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, name), '#!/bin/sh\n')
    chmodSync(join(folder, name), mode)
    return join(folder, name)
  }

  it('takes an explicit path, then JXMB_SOFFICE, then PATH; only an executable file', () => {
    const onPath = program(join(dir, 'bin'), 'soffice')
    const named = program(join(dir, 'opt'), 'soffice')
    program(join(dir, 'noexec'), 'soffice', 0o644)
    expect(findSoffice({ env: { PATH: `${join(dir, 'noexec')}:${join(dir, 'bin')}` } })).toBe(onPath)
    expect(findSoffice({ env: { PATH: join(dir, 'bin'), JXMB_SOFFICE: named } })).toBe(named)
    expect(findSoffice({ explicit: named, env: { PATH: join(dir, 'bin') } })).toBe(named)
    // A path that is named but wrong is not replaced by another: the user meant that one.
    expect(findSoffice({ explicit: join(dir, 'missing'), env: { PATH: join(dir, 'bin') } })).toBeUndefined()
    expect(findSoffice({ env: { PATH: join(dir, 'noexec') } })).toBeUndefined()
    expect(findSoffice({ env: {} })).toBeUndefined()
    // `none`: never, even when one is on PATH.
    expect(findSoffice({ explicit: 'none', env: { PATH: join(dir, 'bin') } })).toBeUndefined()
    expect(findSoffice({ env: { PATH: join(dir, 'bin'), JXMB_SOFFICE: 'none' } })).toBeUndefined()
  })
})

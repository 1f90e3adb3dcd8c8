/**
 * The catalogue covers every code jxmb can produce: the codes are listed from
 * the sources themselves (parser diagnostics, model errors, the container
 * reader, the worker pool, the command's output errors), so that a new code
 * without a message in both languages fails here.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { errorCodes } from '@jxmb/model'
import { codeText, codeTexts, commandTexts, languageFromEnv, languages, parseLanguage } from '@jxmb/messages'

const packages = fileURLToPath(new URL('../../', import.meta.url))

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [readFileSync(join(folder, entry.name), 'utf8')] : [],
  )
}

const patterns = [
  /(?:diagnose|add)\('([a-z0-9-]+)'/g, // parser diagnostics
  /code: '([a-z][a-z0-9-]+)'(?!\s*\+)/g, // diagnostics made as objects
  /new JxmbError\('([A-Z_]+)'/g, // failures of a whole file
  /new OutputError\('([A-Z_]+)'/g, // the command's output errors
  /fail\([^,]+, (?:[^']*\? )?'([A-Z_]+)'(?: : '([A-Z_]+)')?/g, // the worker pool
  /code: '([A-Z_]+)'/g,
]

function codesInSources(): Set<string> {
  const text = ['parser', 'model', 'cli'].flatMap((name) => sources(join(packages, name, 'src'))).join('\n')
  const codes = new Set<string>()
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) for (const code of match.slice(1)) if (code) codes.add(code)
  // mammoth's message types, which the .docx reader prefixes with `docx-`.
  for (const type of ['warning', 'error']) codes.add(`docx-${type}`)
  for (const code of Object.keys(errorCodes)) codes.add(code)
  return codes
}

describe('the message catalogue', () => {
  const codes = codesInSources()

  it('finds the codes in the sources (the patterns still match what the code writes)', () => {
    expect(codes.size).toBeGreaterThan(40)
    for (const code of ['missing-budget', 'row-unrecognized', 'no-projects', 'span-capped', 'ZIP_BOMB', 'RESOURCE_LIMIT', 'TIMEOUT', 'OUTPUT_IS_INPUT', 'WRITE']) {
      expect(codes, code).toContain(code)
    }
  })

  it('has a title and advice for every code, in Chinese and in English', () => {
    for (const language of languages) {
      for (const code of codes) {
        const text = codeTexts[language][code]
        expect(text, `${language} ${code}`).toBeDefined()
        expect(text!.title.length, `${language} ${code}`).toBeGreaterThan(1)
        expect(text!.advice.length, `${language} ${code}`).toBeGreaterThan(1)
      }
    }
  })

  it('the Chinese texts are Chinese and the English ones English', () => {
    for (const [code, text] of Object.entries(codeTexts.zh)) expect(text.title + text.advice, code).toMatch(/\p{Script=Han}/u)
    for (const [code, text] of Object.entries(codeTexts.en)) expect(text.advice, code).toMatch(/^[\x20-\x7e\u2018-\u201d\u2026\u3000-\u9fff（）“”]+$/u)
    expect(Object.keys(codeTexts.en).sort()).toEqual(Object.keys(codeTexts.zh).sort())
  })

  it('a code from a newer parser still gets a neutral text', () => {
    expect(codeText('some-new-code', 'zh').title).toBe('其他问题（some-new-code）')
    expect(codeText('some-new-code', 'en').title).toBe('another problem (some-new-code)')
  })

  it('the command speaks both languages, with English plurals', () => {
    const summary = { files: 1, projects: 2, indicators: 1, warnings: 0, failed: 0, skipped: { link: 1, 'other-type': 3 } }
    expect(commandTexts.en.summary(summary)).toBe('1 file, 2 projects, 1 indicator, 0 warnings, 0 failed; skipped 3 not .docx/.txt, 1 link')
    expect(commandTexts.zh.summary(summary)).toBe('共 1 个文件：2 个项目，1 条指标，0 条警告，0 个失败；跳过 不是 .docx/.txt 3 个、链接 1 个。')
    expect(Object.keys(commandTexts.en.systemReasons).sort()).toEqual(Object.keys(commandTexts.zh.systemReasons).sort())
  })

  it('chooses the language from --lang, then LC_ALL, LC_MESSAGES, LANG; Chinese unless English is asked for', () => {
    expect(languageFromEnv({})).toBe('zh')
    expect(languageFromEnv({ LANG: 'C.UTF-8' })).toBe('zh')
    expect(languageFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en')
    expect(languageFromEnv({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh')
    expect(languageFromEnv({ LC_ALL: 'en_GB', LANG: 'zh_CN' })).toBe('en')
    expect(languageFromEnv({ LANG: 'eng' })).toBe('zh')
    expect([parseLanguage('en'), parseLanguage('zh-CN'), parseLanguage('EN_us'), parseLanguage('fr')]).toEqual(['en', 'zh', 'en', undefined])
  })
})

/** The languages jxmb speaks: Chinese for clerks (the default), English for developers. */
export type Language = 'zh' | 'en'

export const languages: readonly Language[] = ['zh', 'en']

/**
 * The language the environment asks for: the first of LC_ALL, LC_MESSAGES and
 * LANG that is set (as the C library reads them); English when it starts with
 * `en`, Chinese otherwise (C, POSIX, zh_CN, unset …).
 */
export function languageFromEnv(env: Readonly<Record<string, string | undefined>>): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''
  return /^en([_.@-]|$)/i.test(locale) ? 'en' : 'zh'
}

/** A language name as given to `--lang` (zh, zh-CN, en, en_US …); undefined when it is none of ours. */
export function parseLanguage(name: string): Language | undefined {
  const match = /^(zh|en)([_.@-]|$)/i.exec(name.trim())
  return match ? (match[1]!.toLowerCase() as Language) : undefined
}

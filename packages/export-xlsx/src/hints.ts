/**
 * What a clerk should do about each diagnostic and failure, in Chinese: the
 * 校验 sheet's 处理建议 column. Kept for importers of earlier versions; the
 * texts live in @jxmb/messages, the one catalogue the terminal reads too.
 */
import { codeTexts } from '@jxmb/messages'

export const hints: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(codeTexts.zh).map(([code, text]) => [code, text.advice]))

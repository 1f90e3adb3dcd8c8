/**
 * What a project header label means. A label of the known templates is
 * matched as written (`vocabulary.headerLabels`); any other is read from the
 * words it is made of (`vocabulary.labelWords`): its head, the word it ends
 * in once brackets, colons and numbering are gone, says the role, and the
 * words before it qualify it (其中, 财政, 其他 …).
 */
import { normalizeLabel, vocabulary } from '@jxmb/model'

/** A role of the known labels, or `budgetLine`: a further amount (上级资金, 自有资金 …) of the budget. */
export type HeaderKey = keyof typeof vocabulary.headerLabels | 'budgetLine'

export interface LabelRole {
  key: HeaderKey
  /** Matched a known template label; a worded role counts only where a label may stand. */
  known: boolean
}

const words = vocabulary.labelWords
const knownPatterns = Object.entries(vocabulary.headerLabels) as Array<[HeaderKey, RegExp]>
const amountKeys = new Set<HeaderKey>(['total', 'fiscal', 'other', 'budgetLine'])

/** The role of a header cell's text; undefined when it names none. */
export function labelRole(text: string): LabelRole | undefined {
  if (text === '' || text.length > 30) return undefined
  const label = normalizeLabel(text)
  if (vocabulary.headerLabelStart.test(label)) {
    for (const [key, pattern] of knownPatterns) if (pattern.test(label)) return { key, known: true }
  }
  const key = wordedRole(label)
  return key ? { key, known: false } : undefined
}

/** Whether a role is an amount, whose value must read as a number (or be empty) to count. */
export function isAmountRole(key: HeaderKey): boolean {
  return amountKeys.has(key)
}

/** The label without numbering, brackets and colons: the words that carry its meaning. */
export function labelHead(label: string): string {
  return label.replace(words.numbering, '').replace(words.decoration, '').replace(/:/g, '')
}

/**
 * Text that can stand as a label of a field no template list foresees
 * (审批文号, 绩效目标设定依据): short, no digits, no sentence punctuation.
 */
export function looksLikeLabel(text: string): boolean {
  const label = normalizeLabel(text)
  if (label.length < 2 || label.length > 16 || words.sentence.test(label) || /\d/.test(label)) return false
  if (vocabulary.moneyUnit.test(label)) return false
  const head = labelHead(label)
  return head.length >= 2 && /\p{Script=Han}/u.test(head)
}

function wordedRole(label: string): HeaderKey | undefined {
  if (label.length > 20 || words.sentence.test(label)) return undefined
  const head = labelHead(label)
  if (head.length < 2 || head.length > 14 || /\d/.test(head)) return undefined
  if (/^项目.{0,2}(编码|代码|编号)$/.test(head)) return 'code'
  if (/^项目.{0,2}名称$/.test(head)) return 'name'
  if (words.unit.test(head)) return 'unitName'
  if (head.endsWith('用途')) return 'usage'
  if (/(支出|用款)(计划|进度)/.test(head)) return 'schedule'
  if (head.endsWith(words.goal)) return words.notGoal.some((word) => head.includes(word)) ? undefined : 'goals'
  if (words.amount.some((word) => head.endsWith(word))) {
    if (words.notBudget.some((word) => head.includes(word))) return 'field'
    if (words.fiscal.some((word) => head.includes(word))) return 'fiscal'
    if (words.other.some((word) => head.includes(word))) return 'other'
    // A further share (上级资金, 自有资金 …): a line of the budget.
    if (words.share.some((word) => head.includes(word))) return 'budgetLine'
    return 'total'
  }
  return undefined
}

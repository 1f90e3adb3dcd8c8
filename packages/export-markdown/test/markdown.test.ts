import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import type { Root, RootContent, Table } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import stringWidth from 'string-width'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import type { JxmbDocument, Project } from '@jxmb/model'
import { labels, toMarkdown } from '@jxmb/export-markdown'
import { parseText } from '@jxmb/parser'
import { arbitrary } from '@jxmb/testkit'
import { expectGolden } from '../../parser/test/golden.js'

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url))
const sample = parseText(readFileSync(fixtures + '000_191d77da26007e67.txt'), { file: '000_191d77da26007e67.txt' })

/** A cell's text as a reader gets it back: `<br>` is a line break. */
function cellText(node: RootContent | Root): string {
  if (node.type === 'html') return node.value === '<br>' ? '\n' : node.value
  if (node.type === 'text' || node.type === 'inlineCode') return node.value
  return 'children' in node ? (node.children as RootContent[]).map(cellText).join('') : ''
}

function tablesOf(markdown: string): string[][][] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown)
  return tree.children
    .filter((node): node is Table => node.type === 'table')
    .map((table) => table.children.map((row) => row.children.map(cellText)))
}

/** The two tables of each project, as the model says they must read. */
function expectedTables(project: Project): string[][][] {
  const { total, fiscal, other } = project.budget
  const extras = [...new Set(project.indicators.flatMap((i) => Object.keys(i.extra)))]
  return [
    [
      [labels.field, labels.content],
      [labels.unit, [project.unit.code, project.unit.name].filter(Boolean).join(' ')],
      [labels.code, project.code],
      [labels.name, project.name],
      [labels.moneyUnit, project.moneyUnit],
      [labels.total, total.raw],
      [labels.fiscal, fiscal.raw],
      [labels.other, other.raw],
      [labels.usage, project.usage],
      [labels.schedule, project.schedule.map((e) => `${e.period}：${e.raw}`).join('\n')],
      ...Object.entries(project.fields ?? {}),
    ],
    [
      [...labels.indicatorColumns, ...extras],
      ...project.indicators.map((i) => [i.level1, i.level2, i.level3, i.description, i.value.raw, i.basis, ...extras.map((n) => i.extra[n] ?? '')]),
    ],
  ]
}

describe('Markdown export', () => {
  it('matches the hand-checked golden file for the sample', () => {
    expectGolden(fixtures + '000_191d77da26007e67.md', toMarkdown(sample))
  })

  it('reads back, cell for cell, for the sample', () => {
    expect(tablesOf(toMarkdown(sample))).toEqual(sample.projects.flatMap(expectedTables))
  })

  it('writes the 部门整体支出绩效目标表 before the projects', () => {
    const document = parseText(readFileSync(fixtures + 'variants/department-indicator-table.txt'), { file: 'd.txt' })
    const [first] = tablesOf(toMarkdown(document))
    expect(first).toEqual([
      [...labels.indicatorColumns],
      ...document.department.indicators!.map((i) => [i.level1, i.level2, i.level3, i.description, i.value.raw, i.basis]),
    ])
  })

  it('lines CJK columns up by display width', () => {
    const table = toMarkdown(sample).split('\n\n').find((block) => block.startsWith('| 一级指标'))!
    const lines = table.split('\n')
    expect(lines).toHaveLength(9)
    expect(new Set(lines.map((line) => stringWidth(line))).size).toBe(1)
    // Without string-width, remark-gfm would pad by .length and the CJK rows would not line up.
    expect(new Set(lines.map((line) => line.length)).size).toBeGreaterThan(1)
  })

  // Text that would break a table or turn into markup if pasted in raw.
  const hostile = fc
    .array(
      fc.array(fc.constantFrom('|', '#', '*', '_', '`', '<', '>', '[', ']', '(', ')', '\\', '&', '~', '-', ':', '!', '<br>', '&#xA;', '1.', 'a', '中', ' ', '='), {
        minLength: 1,
        maxLength: 8,
      }).map((parts) => parts.join('').trim()),
      { minLength: 1, maxLength: 3 },
    )
    .map((lines) => lines.filter((line) => line !== '').join('\n'))

  it('never breaks a table, whatever the cells hold', () => {
    fc.assert(
      fc.property(arbitrary.document({ maxProjects: 2, maxIndicators: 6 }), fc.array(hostile, { minLength: 12, maxLength: 12 }), (document: JxmbDocument, texts) => {
        let n = 0
        const next = () => texts[n++ % texts.length]!
        for (const project of document.projects) {
          project.code = next()
          project.name = next()
          project.usage = next()
          for (const indicator of project.indicators) {
            indicator.level3 = next()
            indicator.description = next()
            indicator.value = { raw: next(), parsed: { kind: 'qualitative' } }
            indicator.basis = next()
            indicator.extra = { 备注: next() }
          }
        }
        expect(tablesOf(toMarkdown(document))).toEqual(document.projects.flatMap(expectedTables))
      }),
      { numRuns: 200 },
    )
  })
})

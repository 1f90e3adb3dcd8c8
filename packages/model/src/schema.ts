/**
 * The jxmb document model, defined schema-first with TypeBox: each constant
 * is a JSON Schema and its `Static` type is the TypeScript type, so the two
 * cannot drift. Every node carries `type` and `position`, after unist.
 *
 * The schemas are values, reached as `@jxmb/model/schema`; the package's main
 * entry exports only their types, so that parsing and exporting do not load
 * TypeBox (a tenth of a second at every start, in every worker).
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox'

import { BATCH_SCHEMA_ID, DOCUMENT_SCHEMA_ID } from './version.js'

export { BATCH_SCHEMA_ID, DOCUMENT_SCHEMA_ID, FORMAT_VERSION } from './version.js'

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

/** A place in the source text (1-based line and column, as unist). */
export const Point = Type.Object(
  { line: Type.Integer({ minimum: 1 }), column: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
)
export type Point = Static<typeof Point>

/**
 * Where a node came from. Text input gives `start`/`end` lines; docx input
 * gives the block index, the table's ordinal, and row / cell / paragraph indices (all 0-based).
 */
export const Position = Type.Object(
  {
    start: Type.Optional(Point),
    end: Type.Optional(Point),
    block: Type.Optional(Type.Integer({ minimum: 0 })),
    table: Type.Optional(Type.Integer({ minimum: 0 })),
    row: Type.Optional(Type.Integer({ minimum: 0 })),
    cell: Type.Optional(Type.Integer({ minimum: 0 })),
    paragraph: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
)
export type Position = Static<typeof Position>

export const Severity = Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')])
export type Severity = Static<typeof Severity>

/** Something in the document that did not fit; never an exception. */
export const Diagnostic = Type.Object(
  {
    code: Type.String({ description: 'Stable machine-readable code, e.g. "budget-mismatch".' }),
    severity: Severity,
    message: Type.String(),
    project: Type.Optional(Type.String({ description: 'The 项目编码 or title of the project concerned.' })),
    position: Type.Optional(Position),
    data: Type.Optional(Type.Array(Type.String(), { description: 'Raw cell texts kept for a row that was not understood.' })),
  },
  { additionalProperties: false },
)
export type Diagnostic = Static<typeof Diagnostic>

/** A paragraph of prose; `marker` is a recognised item number such as `1.` or `（一）`. */
export const Paragraph = Type.Object(
  {
    type: Type.Literal('paragraph'),
    marker: Type.Optional(Type.String()),
    text: Type.String({ description: 'Text after the marker.' }),
    position: Type.Optional(Position),
  },
  { additionalProperties: false },
)
export type Paragraph = Static<typeof Paragraph>

export const Section = Type.Object(
  {
    type: Type.Literal('section'),
    number: Type.Optional(Type.String({ description: 'The heading number, e.g. 一.' })),
    heading: Type.String(),
    bookmark: Type.Optional(Type.String()),
    paragraphs: Type.Array(Paragraph),
    position: Type.Optional(Position),
  },
  { additionalProperties: false },
)
export type Section = Static<typeof Section>


/** An amount of money as written and as a number (null when unreadable). */
export const Amount = Type.Object(
  { raw: Type.String(), value: Nullable(Type.Number()) },
  { additionalProperties: false },
)
export type Amount = Static<typeof Amount>

export const BudgetLine = Type.Object(
  { label: Type.String({ description: 'The label as written, spaces removed.' }), raw: Type.String(), value: Nullable(Type.Number()) },
  { additionalProperties: false },
)
export type BudgetLine = Static<typeof BudgetLine>

export const Budget = Type.Object(
  {
    total: Amount,
    fiscal: Amount,
    other: Amount,
    lines: Type.Optional(Type.Array(BudgetLine, { description: 'Further amount lines (上级资金, 自有资金, 政府性基金 …), in document order.' })),
  },
  { additionalProperties: false },
)
export type Budget = Static<typeof Budget>

export const ScheduleEntry = Type.Object(
  {
    period: Type.String({ description: 'Period label, e.g. 3月底.' }),
    raw: Type.String(),
    percent: Nullable(Type.Number()),
  },
  { additionalProperties: false },
)
export type ScheduleEntry = Static<typeof ScheduleEntry>

export const Comparator = Type.Union([
  Type.Literal('≥'),
  Type.Literal('≤'),
  Type.Literal('>'),
  Type.Literal('<'),
  Type.Literal('='),
])
export type Comparator = Static<typeof Comparator>

export const QuantityValue = Type.Object(
  {
    kind: Type.Literal('quantity'),
    comparator: Nullable(Comparator),
    number: Type.Number(),
    unit: Type.String({ description: 'Unit after the number, empty when none: %, 台, 平方米, 万元/亩.' }),
  },
  { additionalProperties: false },
)
export const DeadlineValue = Type.Object(
  {
    kind: Type.Literal('deadline'),
    year: Type.Optional(Type.Integer()),
    month: Type.Optional(Type.Integer()),
    day: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
)
export const QualitativeValue = Type.Object({ kind: Type.Literal('qualitative') }, { additionalProperties: false })
export const EmptyValue = Type.Object({ kind: Type.Literal('empty') }, { additionalProperties: false })
export const ParsedValue = Type.Union([QuantityValue, DeadlineValue, QualitativeValue, EmptyValue])
export type QuantityValue = Static<typeof QuantityValue>
export type DeadlineValue = Static<typeof DeadlineValue>
export type ParsedValue = Static<typeof ParsedValue>

/** 指标值: always the verbatim text, plus what it was read as. */
export const IndicatorValue = Type.Object(
  { raw: Type.String(), parsed: ParsedValue },
  { additionalProperties: false },
)
export type IndicatorValue = Static<typeof IndicatorValue>

/** One row of the indicator table; stands alone (all three levels filled). */
export const Indicator = Type.Object(
  {
    type: Type.Literal('indicator'),
    level1: Type.String(),
    level2: Type.String(),
    level3: Type.String(),
    description: Type.String(),
    value: IndicatorValue,
    basis: Type.String(),
    extra: Type.Record(Type.String(), Type.String(), {
      description: 'Columns beyond the standard six, keyed by their header label.',
    }),
    position: Type.Optional(Position),
  },
  { additionalProperties: false },
)
export type Indicator = Static<typeof Indicator>

export const Unit = Type.Object(
  { code: Type.String(), name: Type.String() },
  { additionalProperties: false },
)
export type Unit = Static<typeof Unit>

export const Department = Type.Object(
  {
    type: Type.Literal('department'),
    heading: Type.Optional(Type.String()),
    sections: Type.Array(Section),
    indicatorColumns: Type.Optional(Type.Array(Type.String(), { description: 'Header of the 部门整体支出绩效目标表, when there is one.' })),
    indicators: Type.Optional(Type.Array(Indicator, { description: 'Rows of the 部门整体支出绩效目标表, when there is one.' })),
    unit: Type.Optional(Unit),
    budget: Type.Optional(Budget),
    goals: Type.Optional(Type.Array(Paragraph, { description: 'The overall goal in the 部门整体支出绩效目标表’s own header rows.' })),
    fields: Type.Optional(
      Type.Record(Type.String(), Type.String(), { description: 'Other labelled rows of the 部门整体支出绩效目标表 (部门职能 …), keyed by their label as written.' }),
    ),
    unplaced: Type.Optional(
      Type.Array(Type.Object({ cells: Type.Array(Type.String()), position: Type.Optional(Position) }, { additionalProperties: false })),
    ),
    subtotals: Type.Optional(
      Type.Array(
        Type.Object({ values: Type.Record(Type.String(), Type.String()), position: Type.Optional(Position) }, { additionalProperties: false }),
        { description: 'Subtotal rows of a wide table (a unit and an amount, no project, no indicator), by column label.' },
      ),
    ),
    position: Type.Optional(Position),
  },
  { additionalProperties: false },
)
export type Department = Static<typeof Department>


export const Project = Type.Object(
  {
    type: Type.Literal('project'),
    sequence: Nullable(Type.Integer({ description: 'The number before the title, e.g. 1 for “1.…绩效目标表”.' })),
    title: Type.String(),
    bookmark: Type.Optional(Type.String()),
    unit: Unit,
    moneyUnit: Type.String({ description: 'The 单位 of the amounts, e.g. 万元.' }),
    code: Type.String({ description: '项目编码' }),
    name: Type.String({ description: '项目名称' }),
    budget: Budget,
    usage: Type.String({ description: '资金用途' }),
    schedule: Type.Array(ScheduleEntry),
    goals: Type.Array(Paragraph),
    indicatorColumns: Type.Array(Type.String(), { description: 'Header labels of the indicator table, as written.' }),
    indicators: Type.Array(Indicator),
    fields: Type.Optional(
      Type.Record(Type.String(), Type.String(), {
        description: 'Other labelled header fields (主管部门, 实施单位, 项目属性, 审批文号 …), keyed by their label as written (trimmed), in document order; a label met twice keeps both values, one per line.',
      }),
    ),
    choices: Type.Optional(
      Type.Array(
        Type.Object(
          {
            role: Type.String({ description: 'The role both labels name: code, name, unitName, total, fiscal, other, goals, usage …' }),
            chosen: Type.String({ description: 'The label the role was read from: the first in the document.' }),
            kept: Type.String({ description: 'The competing label, whose value is under fields.' }),
          },
          { additionalProperties: false },
        ),
        { description: 'Where two header labels named one role (两个 amounts): which was read for it, and which was kept as a field.' },
      ),
    ),
    unplaced: Type.Optional(
      Type.Array(Type.Object({ cells: Type.Array(Type.String()), position: Type.Optional(Position) }, { additionalProperties: false }), {
        description: 'Rows (or the rest of rows) of the header table that are no label/value pair: their cells verbatim, in document order.',
      }),
    ),
    position: Type.Optional(Position),
  },
  { additionalProperties: false },
)
export type Project = Static<typeof Project>

export const SourceFormat = Type.Union([Type.Literal('tika-text'), Type.Literal('tab-text'), Type.Literal('docx')])
export type SourceFormat = Static<typeof SourceFormat>

export const Source = Type.Object(
  {
    file: Type.Optional(Type.String()),
    format: SourceFormat,
    encoding: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
)
export type Source = Static<typeof Source>

export const JxmbDocument = Type.Object(
  {
    $schema: Type.Optional(Type.Literal(DOCUMENT_SCHEMA_ID)),
    formatVersion: Type.Optional(Type.String()),
    type: Type.Literal('document'),
    kind: Type.Optional(
      Type.Literal('self-evaluation', {
        description: 'Set when the document is a 自评表 (year-end self-evaluation: 实际完成值, 得分 …), whose values are results, not targets; absent for target tables (申报表, 批复表).',
      }),
    ),
    source: Source,
    department: Department,
    projects: Type.Array(Project),
    diagnostics: Type.Array(Diagnostic),
  },
  { $id: DOCUMENT_SCHEMA_ID, additionalProperties: false },
)
export type JxmbDocument = Static<typeof JxmbDocument>

/** A file that could not be converted at all. */
export const Failure = Type.Object(
  { file: Type.String(), code: Type.String(), message: Type.String() },
  { additionalProperties: false },
)
export type Failure = Static<typeof Failure>

export const JxmbBatch = Type.Object(
  {
    $schema: Type.Literal(BATCH_SCHEMA_ID),
    formatVersion: Type.String(),
    documents: Type.Array(Type.Omit(JxmbDocument, ['$schema', 'formatVersion'])),
    failures: Type.Array(Failure),
  },
  { $id: BATCH_SCHEMA_ID, additionalProperties: false },
)
export type JxmbBatch = Static<typeof JxmbBatch>

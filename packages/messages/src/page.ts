/**
 * What the clerks' page (`@jxmb/web`) says of its own, in Chinese and English. The
 * codes' titles and advice come from `codes.ts`, as on the terminal and the 校验 sheet.
 */
import type { Language } from './language.js'

export interface PageTexts {
  title: string
  /** The promise at the top of the page: nothing is uploaded. */
  local: string
  drop: string
  pickFiles: string
  pickFolder: string
  /** While converting: done of total, and the file at hand. */
  progress: (done: number, total: number, file: string) => string
  finished: (done: number, failed: number) => string
  converted: (projects: number, indicators: number, warnings: number) => string
  skipped: string
  failed: string
  download: { xlsx: string; json: string; markdown: string }
  /** The workbook's file name (汇总.xlsx). */
  workbookName: string
  project: string
  fields: { code: string; name: string; unit: string; total: string; fiscal: string; other: string; usage: string }
  indicatorColumns: { level1: string; level2: string; level3: string; description: string; value: string; parsed: string; basis: string }
  parsed: { quantity: string; deadline: string; qualitative: string; empty: string }
  checks: string
  noChecks: string
  place: string
  clear: string
  /** For an old format (OLE, RTF, ODT): the page cannot run LibreOffice, as the command can. */
  oldFormat: string
}

const zh: PageTexts = {
  title: 'jxmb 绩效目标表转换',
  local: '文件只在本机处理，不会上传。',
  drop: '把 Word 文件（.docx）、导出的文本（.txt）或整个文件夹拖到这里',
  pickFiles: '选择文件',
  pickFolder: '选择文件夹',
  progress: (done, total, file) => `已完成 ${done}/${total}${file ? `：${file}` : ''}`,
  finished: (done, failed) => `转换完成：共 ${done} 个文件${failed > 0 ? `，其中 ${failed} 个未能转换` : ''}。`,
  converted: (projects, indicators, warnings) => `${projects} 个项目，${indicators} 条指标${warnings > 0 ? `，${warnings} 条提示` : ''}`,
  skipped: '不是 .docx 或 .txt 文件，未转换',
  failed: '未能转换',
  download: { xlsx: '下载 汇总.xlsx', json: '下载 JSON', markdown: '下载 Markdown' },
  workbookName: '汇总.xlsx',
  project: '项目',
  fields: { code: '项目编码', name: '项目名称', unit: '单位', total: '预算数', fiscal: '财政资金', other: '其他资金', usage: '资金用途' },
  indicatorColumns: { level1: '一级指标', level2: '二级指标', level3: '三级指标', description: '绩效指标描述', value: '指标值', parsed: '解析', basis: '指标值确定依据' },
  parsed: { quantity: '数量', deadline: '期限', qualitative: '定性', empty: '空' },
  checks: '校验',
  noChecks: '没有需要核对的地方。',
  place: '位置',
  clear: '清空',
  oldFormat: '网页版不能转换旧版文件：请用 Word 或 WPS 打开后另存为 .docx 再拖进来；或在装有 LibreOffice 的电脑上用命令行版 jxmb 直接转换。',
}

const en: PageTexts = {
  title: 'jxmb: performance-target tables',
  local: 'Files are processed on this computer only; nothing is uploaded.',
  drop: 'Drop Word files (.docx), exported text (.txt) or a whole folder here',
  pickFiles: 'Choose files',
  pickFolder: 'Choose a folder',
  progress: (done, total, file) => `${done}/${total} done${file ? `: ${file}` : ''}`,
  finished: (done, failed) => `Done: ${done} file(s)${failed > 0 ? `, ${failed} not converted` : ''}.`,
  converted: (projects, indicators, warnings) => `${projects} project(s), ${indicators} indicator(s)${warnings > 0 ? `, ${warnings} note(s)` : ''}`,
  skipped: 'not a .docx or .txt file; not converted',
  failed: 'not converted',
  download: { xlsx: 'Download the workbook', json: 'Download JSON', markdown: 'Download Markdown' },
  workbookName: 'jxmb.xlsx',
  project: 'Project',
  fields: { code: 'Code', name: 'Name', unit: 'Unit', total: 'Budget', fiscal: 'Fiscal funds', other: 'Other funds', usage: 'Use of funds' },
  indicatorColumns: { level1: 'Level 1', level2: 'Level 2', level3: 'Level 3', description: 'Description', value: 'Value', parsed: 'Parsed', basis: 'Basis' },
  parsed: { quantity: 'quantity', deadline: 'deadline', qualitative: 'qualitative', empty: 'empty' },
  checks: 'Checks',
  noChecks: 'Nothing to check.',
  place: 'Place',
  clear: 'Clear',
  oldFormat: 'The page cannot convert old formats: save the file as .docx in Word or WPS and drop that, or convert it with the jxmb command on a computer with LibreOffice.',
}

export const pageTexts: Readonly<Record<Language, PageTexts>> = { zh, en }

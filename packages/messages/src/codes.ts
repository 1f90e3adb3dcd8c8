/**
 * What each stable code means and what to do about it, in Chinese and English:
 * the diagnostics of @jxmb/parser, the failures of a whole file (@jxmb/model's
 * JxmbError, the command's worker pool) and the command's output errors. The
 * terminal, the workbook's 校验 sheet and the Markdown report all read these.
 */
import type { Language } from './language.js'

export interface CodeText {
  /** What happened, in a phrase; the specifics (cell text, place) are shown beside it. */
  title: string
  /** What the reader should do about it. */
  advice: string
}

type Catalogue = Record<string, CodeText>

const zh: Catalogue = {
  // Diagnostics: the file converted, something in it needs a look.
  'budget-mismatch': { title: '预算数不等于财政资金与其他资金之和', advice: '请核对预算数、财政资金、其他资金三项金额。' },
  'missing-budget': { title: '预算金额缺失或不是数字', advice: '请核对预算数、财政资金和其他资金是否填写为数字。' },
  'schedule-decreasing': { title: '资金支出计划的百分比出现下降', advice: '资金支出计划应逐期不减，请核对各期数值。' },
  'schedule-incomplete': { title: '资金支出计划最后一期不是100%', advice: '资金支出计划最后一期应为100%，请核对。' },
  'schedule-unreadable': { title: '资金支出计划中有数值不是百分比', advice: '请核对资金支出计划各期数值。' },
  'schedule-extra-values': { title: '资金支出计划的数值多于期间', advice: '多出的数值已保留在“原始内容”中，请核对。' },
  'duplicate-code': { title: '项目编码重复', advice: '同一文件中有项目编码重复，请核对项目编码。' },
  'missing-code': { title: '未找到项目编码', advice: '请检查项目表头是否填写项目编码。' },
  'no-indicators': { title: '项目没有绩效指标表', advice: '请检查原文件中该项目的绩效指标表。' },
  'no-projects': { title: '文件中没有预算项目绩效目标表', advice: '请确认文件内容是否为绩效目标表。' },
  'unknown-level1': { title: '一级指标不在标准指标体系中', advice: '请确认一级指标名称是否填写正确。' },
  'unknown-level2': { title: '二级指标不是该一级指标下的标准名称', advice: '请确认二级指标名称是否填写正确。' },
  'missing-level': { title: '一级或二级指标为空', advice: '上方没有可沿用的合并单元格，请补充一级、二级指标。' },
  'missing-level3': { title: '三级指标为空', advice: '请补充三级指标。' },
  'missing-value': { title: '指标值为空', advice: '请补充指标值。' },
  'row-unrecognized': { title: '表格中有一行未能识别', advice: '原始内容已保留（“原始内容”“未识别内容”列），请人工核对。' },
  'indicator-row-short': { title: '指标行的单元格少于表头', advice: '原始内容已保留，请人工核对该行。' },
  'indicator-row-long': { title: '指标行的单元格多于表头', advice: '多出部分已保留，请人工核对该行。' },
  'indicator-header-changed': { title: '同一项目中出现了不同的指标表头', advice: '请核对该项目的指标表。' },
  'paragraph-skipped': { title: '有一段文字不属于已知部分', advice: '已原样保留，一般无需处理。' },
  'docx-warning': { title: 'Word 转换提示', advice: '可能有内容未能读出（如域代码、修订），请打开原文件核对。' },
  'docx-error': { title: 'Word 转换出错', advice: '部分内容可能未能读出，请打开原文件核对。' },
  'docx-info': { title: 'Word 转换信息', advice: '一般无需处理。' },
  'label-competes': { title: '两个标签表示同一项', advice: '已采用第一个，另一个保留在其他字段中，请核对。' },
  'self-evaluation': { title: '这是绩效自评表，不是绩效目标表', advice: '已按表格读取，请确认是否误收。' },
  'span-capped': { title: '单元格的合并范围超出表格宽度', advice: '已按表格宽度读取，请打开原文件核对该行。' },
  // Failures: the file could not be converted; the rest of the batch is not affected.
  EMPTY: { title: '文件为空', advice: '请重新获取该文件。' },
  BINARY: { title: '文件不是 Word 文档或文本', advice: '请确认文件类型。' },
  ENCODING: { title: '文本编码无法识别', advice: '请另存为 UTF-8 文本，或用 --encoding 指定编码（如 --encoding gb18030）。' },
  NOT_ZIP: { title: '文件不是有效的 .docx', advice: '请用 Word 或 WPS 打开后另存为 .docx。' },
  TRUNCATED: { title: '文件已损坏或不完整', advice: '请重新获取该文件。' },
  NO_DOCUMENT_XML: { title: '文件不是 Word 文档（缺少正文）', advice: '请确认文件类型。' },
  OLE: {
    title: '这是旧版 .doc/.wps 文件或加密的文件',
    advice: '旧版文件：安装 LibreOffice 后 jxmb 可直接转换（Debian/Ubuntu 安装 libreoffice-writer，Windows 从 libreoffice.org 下载），或用 Word/WPS 另存为 .docx；加密文件：去掉密码后另存为 .docx。',
  },
  RTF: { title: '这是 RTF 文件，不是 .docx', advice: '安装 LibreOffice 后 jxmb 可直接转换（Debian/Ubuntu 安装 libreoffice-writer，Windows 从 libreoffice.org 下载），或用 Word/WPS 另存为 .docx。' },
  ODT: { title: '这是 OpenDocument 文本（.odt），不是 .docx', advice: '安装 LibreOffice 后 jxmb 可直接转换（Debian/Ubuntu 安装 libreoffice-writer，Windows 从 libreoffice.org 下载），或另存为 .docx。' },
  CONVERT_FAILED: { title: 'LibreOffice 无法把该文件转换为 .docx', advice: '文件可能已损坏或设有密码；请用 Word 或 WPS 打开，另存为 .docx 后再转换。' },
  CONVERT_TIMEOUT: { title: '用 LibreOffice 转换该文件超过时间上限', advice: '已停止该文件，其余文件不受影响；请用 Word 或 WPS 另存为 .docx 后再转换。' },
  ZIP_BOMB: { title: '文件内部数据异常过大', advice: '已拒绝读取，请确认文件来源。' },
  ZIP_INVALID: { title: '文件内部结构不一致（可能被篡改）', advice: '已拒绝读取，请向报送单位重新获取该文件。' },
  TOO_LARGE: { title: '文件过大', advice: '已拒绝读取，请确认是否为绩效目标表，或拆分后再转换。' },
  TOO_COMPLEX: { title: '文件内部结构过于复杂', advice: '请用 Word 或 WPS 打开后另存为 .docx 再试。' },
  RESOURCE_LIMIT: { title: '转换所需内存超过上限', advice: '已停止该文件，其余文件不受影响；可用 --max-memory 提高上限后单独重试。' },
  TIMEOUT: { title: '转换超过时间上限', advice: '已停止该文件，其余文件不受影响；可用 --timeout 延长时间后单独重试。' },
  UNSUPPORTED: { title: '不支持该文件类型', advice: '请提供 .docx 文件或由 Word 导出的文本文件。' },
  DOCX: { title: '无法转换该 Word 文件', advice: '请用 Word 或 WPS 打开后重新保存为 .docx。' },
  READ: { title: '无法读取该文件', advice: '请检查文件是否存在、是否有权限，是否为普通文件。' },
  INTERNAL: { title: '程序内部错误', advice: '请把该文件反馈给开发人员。' },
  // The command's output.
  OUTPUT_EXISTS: { title: '输出文件已存在', advice: '请换一个输出文件名，或加 --force 覆盖。' },
  OUTPUT_IS_INPUT: { title: '输出文件是输入文件之一', advice: 'jxmb 不会覆盖输入文件，请换一个输出文件名。' },
  WRITE: { title: '无法写入输出', advice: '请检查输出文件夹是否存在、是否有写权限、磁盘是否已满。' },
}

const en: Catalogue = {
  'budget-mismatch': { title: 'the budget is not the fiscal share plus other funds', advice: 'Check 预算数, 财政资金 and 其他资金.' },
  'missing-budget': { title: 'a budget amount is missing or not a number', advice: 'Check that 预算数, 财政资金 and 其他资金 are numbers.' },
  'schedule-decreasing': { title: 'the spending schedule decreases', advice: 'The 资金支出计划 percentages must not decrease; check each period.' },
  'schedule-incomplete': { title: 'the spending schedule does not end at 100%', advice: 'The last 资金支出计划 period should be 100%.' },
  'schedule-unreadable': { title: 'a spending schedule value is not a percentage', advice: 'Check the 资金支出计划 values.' },
  'schedule-extra-values': { title: 'more spending schedule values than periods', advice: 'The extra values are kept under 原始内容; check them.' },
  'duplicate-code': { title: 'a project code is used twice', advice: 'Check the 项目编码 of the projects in this file.' },
  'missing-code': { title: 'no project code', advice: 'Check that the project header has a 项目编码.' },
  'no-indicators': { title: 'the project has no indicator table', advice: 'Check the project’s indicator table in the file.' },
  'no-projects': { title: 'no project target table in the file', advice: 'Check that the file is a 绩效目标表.' },
  'unknown-level1': { title: 'a 一级指标 outside the standard taxonomy', advice: 'Check the 一级指标 name.' },
  'unknown-level2': { title: 'a 二级指标 that is not a standard one under its 一级', advice: 'Check the 二级指标 name.' },
  'missing-level': { title: 'an empty 一级 or 二级指标', advice: 'Nothing above it can be carried down; fill in the levels.' },
  'missing-level3': { title: 'an empty 三级指标', advice: 'Fill in the 三级指标.' },
  'missing-value': { title: 'an empty 指标值', advice: 'Fill in the 指标值.' },
  'row-unrecognized': { title: 'a table row was not understood', advice: 'Its cells are kept (原始内容, 未识别内容); check the row by hand.' },
  'indicator-row-short': { title: 'an indicator row has fewer cells than the header', advice: 'Its cells are kept; check the row by hand.' },
  'indicator-row-long': { title: 'an indicator row has more cells than the header', advice: 'The rest is kept; check the row by hand.' },
  'indicator-header-changed': { title: 'a second, different indicator header in one project', advice: 'Check the project’s indicator table.' },
  'paragraph-skipped': { title: 'a paragraph outside the known parts', advice: 'Kept as it is; usually nothing to do.' },
  'docx-warning': { title: 'a Word conversion warning', advice: 'Some content may not have been read (fields, tracked changes); check the file.' },
  'docx-error': { title: 'a Word conversion error', advice: 'Some content may not have been read; check the file.' },
  'docx-info': { title: 'a Word conversion note', advice: 'Usually nothing to do.' },
  'label-competes': { title: 'two labels name one field', advice: 'The first is read, the other kept under fields; check which is right.' },
  'self-evaluation': { title: 'a self-evaluation (自评表), not targets', advice: 'Read as tables; check that it belongs in this batch.' },
  'span-capped': { title: 'a cell spans past its table', advice: 'Read as spanning to the table’s edge; check the row in the file.' },
  EMPTY: { title: 'the file is empty', advice: 'Get the file again.' },
  BINARY: { title: 'the file is neither a Word document nor text', advice: 'Check the file type.' },
  ENCODING: { title: 'the text encoding could not be told', advice: 'Save it as UTF-8, or name its encoding with --encoding (e.g. --encoding gb18030).' },
  NOT_ZIP: { title: 'the file is not a valid .docx', advice: 'Open it in Word or WPS and save it as .docx.' },
  TRUNCATED: { title: 'the file is damaged or incomplete', advice: 'Get the file again.' },
  NO_DOCUMENT_XML: { title: 'the file is not a Word document (no body)', advice: 'Check the file type.' },
  OLE: {
    title: 'an old .doc or .wps file, or an encrypted file',
    advice: 'An old file: install LibreOffice and jxmb converts it (the libreoffice-writer package on Debian or Ubuntu, or libreoffice.org for Windows), or save it as .docx in Word or WPS. An encrypted one: save it as .docx without a password.',
  },
  RTF: { title: 'an RTF file, not a .docx', advice: 'Install LibreOffice and jxmb converts it (the libreoffice-writer package on Debian or Ubuntu, or libreoffice.org for Windows), or save it as .docx in Word or WPS.' },
  ODT: { title: 'an OpenDocument text (.odt), not a .docx', advice: 'Install LibreOffice and jxmb converts it (the libreoffice-writer package on Debian or Ubuntu, or libreoffice.org for Windows), or save it as .docx.' },
  CONVERT_FAILED: { title: 'LibreOffice could not convert the file to .docx', advice: 'It may be damaged or protected by a password: open it in Word or WPS, save it as .docx, and convert that.' },
  CONVERT_TIMEOUT: { title: 'converting the file with LibreOffice took too long', advice: 'It was stopped; the other files are not affected. Save it as .docx in Word or WPS and convert that.' },
  ZIP_BOMB: { title: 'a part of the file inflates beyond its limit', advice: 'Refused unread; check where the file came from.' },
  ZIP_INVALID: { title: 'the file’s inner directory is inconsistent (maybe tampered with)', advice: 'Refused; get the file again from its sender.' },
  TOO_LARGE: { title: 'the file is too large', advice: 'Refused unread; check it is a 绩效目标表, or split it.' },
  TOO_COMPLEX: { title: 'the document is nested too deeply or holds too many elements', advice: 'Open it in Word or WPS, save it as .docx and try again.' },
  RESOURCE_LIMIT: { title: 'converting it needed more memory than allowed', advice: 'The other files are not affected; retry it alone with a higher --max-memory.' },
  TIMEOUT: { title: 'converting it took longer than allowed', advice: 'The other files are not affected; retry it alone with a longer --timeout.' },
  UNSUPPORTED: { title: 'the file type is not supported', advice: 'Give a .docx, or text exported from Word.' },
  DOCX: { title: 'the Word file could not be converted', advice: 'Open it in Word or WPS and save it again as .docx.' },
  READ: { title: 'the file could not be read', advice: 'Check that it exists, that you may read it, and that it is a regular file.' },
  INTERNAL: { title: 'an internal error in jxmb', advice: 'Please report it with the file.' },
  OUTPUT_EXISTS: { title: 'the output exists already', advice: 'Name another output, or add --force to overwrite it.' },
  OUTPUT_IS_INPUT: { title: 'the output is one of the inputs', advice: 'jxmb never writes over an input; name another output.' },
  WRITE: { title: 'the output could not be written', advice: 'Check that the folder exists, that you may write there, and that the disk has room.' },
}

export const codeTexts: Readonly<Record<Language, Readonly<Catalogue>>> = { zh, en }

/** What a code means in `language`; a code without an entry (a newer parser's) gets a neutral text. */
export function codeText(code: string, language: Language): CodeText {
  return Object.hasOwn(codeTexts[language], code)
    ? codeTexts[language][code]!
    : language === 'zh'
      ? { title: `其他问题（${code}）`, advice: '请打开原文件核对。' }
      : { title: `another problem (${code})`, advice: 'Check the file.' }
}

/**
 * What a clerk should do about each diagnostic and failure, in Chinese, for
 * the 校验 sheet's 处理建议 column. Keyed by the stable codes of @jxmb/parser
 * and @jxmb/model's JxmbError.
 */
export const hints: Readonly<Record<string, string>> = {
  // Diagnostics
  'budget-mismatch': '预算数应等于财政资金与其他资金之和，请核对这三项金额。',
  'missing-budget': '预算数、财政资金或其他资金缺失或不是数字，请核对。',
  'schedule-decreasing': '资金支出计划的百分比应逐期不减，请核对各期数值。',
  'schedule-incomplete': '资金支出计划最后一期应为100%，请核对。',
  'schedule-unreadable': '资金支出计划中有数值不是百分比，请核对。',
  'schedule-extra-values': '资金支出计划的数值多于期间，多出的数值已列在“原始内容”中，请核对。',
  'duplicate-code': '同一文件中有项目编码重复，请核对项目编码。',
  'missing-code': '未找到项目编码，请检查项目表头是否填写。',
  'no-indicators': '该项目没有找到绩效指标表，请检查原文件。',
  'no-projects': '文件中没有找到预算项目绩效目标表，请确认文件内容。',
  'unknown-level1': '一级指标名称不在标准指标体系中，请确认是否填写正确。',
  'unknown-level2': '二级指标名称不是该一级指标下的标准名称，请确认是否填写正确。',
  'missing-level': '一级或二级指标为空，且上方没有可沿用的合并单元格，请补充。',
  'missing-level3': '三级指标为空，请补充。',
  'missing-value': '指标值为空，请补充。',
  'row-unrecognized': '表格中有一行未能识别，原始内容已保留在“原始内容”列，请人工核对。',
  'indicator-row-short': '指标表中有一行的单元格少于表头，原始内容已保留，请人工核对。',
  'indicator-row-long': '指标表中有一行的单元格多于表头，多出部分已保留，请人工核对。',
  'indicator-header-changed': '同一项目中出现了不同的指标表头，请核对指标表。',
  'paragraph-skipped': '有一段文字不属于已知部分，已原样保留，一般无需处理。',
  'docx-warning': 'Word 转换时的提示，可能有内容未能读出（如域代码、修订），请打开原文件核对。',
  'docx-error': 'Word 转换时出错，部分内容可能未能读出，请打开原文件核对。',
  'span-capped': '表格中有单元格的合并范围超出了表格宽度，已按表格宽度读取，请打开原文件核对该行。',
  // Files that could not be converted
  EMPTY: '文件为空，请重新获取该文件。',
  BINARY: '文件不是 Word 文档或文本，请确认文件类型。',
  ENCODING: '文本编码无法识别，请另存为 UTF-8 文本，或用 --encoding 指定编码。',
  NOT_ZIP: '文件不是有效的 .docx，请用 Word 或 WPS 打开后另存为 .docx。',
  TRUNCATED: '文件已损坏或不完整，请重新获取该文件。',
  NO_DOCUMENT_XML: '文件不是 Word 文档（缺少正文），请确认文件类型。',
  OLE: '这是旧版 .doc 或加密文件，请用 Word 或 WPS 打开后另存为 .docx（不设密码）。',
  ZIP_BOMB: '文件内部数据异常过大，已拒绝读取，请确认文件来源。',
  ZIP_INVALID: '文件内部结构不一致（可能被篡改），已拒绝读取，请向报送单位重新获取该文件。',
  TOO_LARGE: '文件过大，已拒绝读取，请确认是否为绩效目标表，或拆分后再转换。',
  TOO_COMPLEX: '文件内部结构过于复杂（嵌套过深或元素过多），已拒绝读取，请用 Word 或 WPS 打开后另存为 .docx 再试。',
  RESOURCE_LIMIT: '转换该文件所需内存超过上限，已停止；其余文件不受影响。可用 --max-memory 提高上限后单独重试。',
  TIMEOUT: '转换该文件超过时间上限，已停止；其余文件不受影响。可用 --timeout 延长时间后单独重试。',
  UNSUPPORTED: '不支持该文件类型，请提供 .docx 文件或由 Word 导出的文本文件。',
  DOCX: '无法转换该 Word 文件，请用 Word 或 WPS 打开后重新保存为 .docx。',
  READ: '无法读取该文件，请检查文件是否存在、是否有权限。',
  INTERNAL: '程序内部错误，请把该文件反馈给开发人员。',
}

/**
 * Everything the `jxmb` command says of its own: help, usage errors, progress,
 * the per-file lines, the summary and output errors, in Chinese and English.
 * Values from outside (file names, cell text) arrive already made printable.
 */
import type { Language } from './language.js'

/** Why a file found in a folder was not converted. */
export type SkipReason = 'other-type' | 'legacy' | 'link' | 'special'

/** Which output problem: a part of `OutputError`'s meaning the code alone does not say. */
export type OutputProblem = 'exists' | 'appeared' | 'is-input' | 'is-folder' | 'write' | 'folder'

export interface Summary {
  files: number
  projects: number
  indicators: number
  warnings: number
  failed: number
  skipped: Readonly<Partial<Record<SkipReason, number>>>
  written?: string
}

export interface CommandTexts {
  description: string
  convertDescription: string
  inputsArgument: string
  options: {
    output: string
    perFile: string
    format: string
    force: string
    encoding: string
    strict: string
    positions: string
    verbose: string
    jobs: string
    timeout: (seconds: number) => string
    maxMemory: (mebibytes: number) => string
    lang: string
    reader: string
    soffice: string
    version: string
    help: string
    helpCommand: string
  }
  /** Help section titles, by commander's English title. */
  titles: Readonly<Record<string, string>>
  choices: (choices: readonly string[]) => string
  usage: {
    outputOrPerFile: string
    unknownFormat: (output: string) => string
    xlsxToStdout: string
    jobs: (given: string) => string
    jobsCapped: (asked: number, cores: number, used: number) => string
    positive: (flag: string) => string
    encoding: (name: string) => string
    soffice: (path: string) => string
    lang: (name: string) => string
    noSuchInput: (input: string) => string
    notRegular: (input: string) => string
    /** commander's errors, by its code; `detail` is the option or argument it names. */
    commander: (code: string, detail: string, english: string) => string
    seeHelp: string
  }
  noFiles: string
  /** Before the old formats go through LibreOffice: how many. */
  officeConverting: (files: number) => string
  /** The live line on a terminal: the current file's name is added after it. */
  progress: (done: number, total: number, elapsedSeconds: number, etaSeconds: number | undefined) => string
  fileLine: (counter: string, file: string, projects: number, indicators: number, warnings: number) => string
  /**
   * A diagnostic under its file. Chinese shows the code's title (the specifics are in `data`);
   * English, the parser's own message, which names them.
   */
  diagnosticLine: (line: { severity: string; code: string; title: string; message: string; where: string; data: string; advice: string }) => string
  /** A file that could not be converted: as `diagnosticLine`, the title in Chinese, the message in English. */
  failureLine: (counter: string, file: string, code: string, title: string, message: string, advice: string) => string
  /** A problem of one file's output, after the file's counter and name. */
  fileProblem: (counter: string, file: string, problem: string) => string
  /** A sentence and the advice after it. */
  withAdvice: (sentence: string, advice: string) => string
  /** Output names refused beyond the ones listed. */
  moreOutputs: (count: number) => string
  severity: Readonly<Record<'error' | 'warning' | 'info', string>>
  /** A diagnostic's place: its project and where in the file. */
  where: (project: string | undefined, place: string) => string
  skippedLine: (file: string, reason: SkipReason) => string
  summary: (summary: Summary) => string
  /** Said once after the summary when any file was skipped as an old format (no LibreOffice to convert it). */
  legacyAdvice: string
  output: (problem: OutputProblem, path: string, reason: string) => string
  systemReasons: Readonly<Record<string, string>>
  unexpected: (message: string) => string
  prefix: string
}

const seconds = (value: number) => {
  const whole = Math.round(value)
  return whole < 60 ? `${whole}` : `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`
}

/** `1 file`, `2 files`. */
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`

const zh: CommandTexts = {
  description: '把预算绩效目标表（.docx 或导出的文本）转换为 Excel、JSON 或 Markdown。',
  convertDescription: '转换文件和文件夹（含子文件夹）中的 .docx 与 .txt，合并为一个输出，或每个文件一个输出。',
  inputsArgument: '文件或文件夹',
  options: {
    output: '输出文件（.xlsx、.json 或 .md），或用 - 表示标准输出',
    perFile: '改为每个输入文件各写一个输出，放在这个文件夹中',
    format: '输出格式（默认按输出文件名判断；用 --per-file 时为 xlsx）',
    force: '覆盖已存在的输出文件',
    encoding: '文本文件的编码（默认自动识别），如 gb18030、utf-8',
    strict: '有警告时也以非零状态退出',
    positions: 'JSON 中不写出原文位置',
    verbose: '同时列出提示类信息',
    jobs: '同时转换的文件数（默认为 CPU 核数，最多为其两倍）',
    timeout: (value) => `单个文件的转换时间上限，单位秒（默认 ${value}）`,
    maxMemory: (value) => `单个文件的转换内存上限，单位 MiB（默认 ${value}）`,
    lang: '界面语言：zh（中文，默认）或 en（英文）',
    reader: '读取 .docx 的方式：ooxml（jxmb 自带，默认）或 mammoth（参照实现，较慢）',
    soffice: 'LibreOffice 的 soffice 程序位置，用于转换 .doc、.wps、.rtf、.odt（默认在 PATH 中查找，或用环境变量 JXMB_SOFFICE；none 表示不用 LibreOffice）',
    version: '显示版本号',
    help: '显示帮助',
    helpCommand: '显示某个命令的帮助',
  },
  titles: { 'Usage:': '用法：', 'Options:': '选项：', 'Arguments:': '参数：', 'Commands:': '命令：', 'Global Options:': '全局选项：' },
  choices: (choices) => `（可选：${choices.join('、')}）`,
  usage: {
    outputOrPerFile: '请给出 -o <输出文件> 或 --per-file <文件夹>，二者选一。',
    unknownFormat: (output) => `无法从“${output}”判断输出格式；请以 .xlsx、.json 或 .md 结尾，或用 --format 指定。`,
    xlsxToStdout: 'Excel 工作簿不能写到标准输出，请用 -o 指定文件名。',
    jobs: (given) => `--jobs 需要 1 或更大的整数，而不是“${given}”。`,
    jobsCapped: (asked, cores, used) => `--jobs ${asked} 超过 ${cores} 个 CPU 核数的两倍，改用 ${used}。`,
    positive: (flag) => `${flag} 需要大于 0 的数字。`,
    encoding: (name) => `不认识编码“${name}”；可用 utf-8、gb18030、gbk、utf-16le、big5 等。`,
    soffice: (path) => `找不到 LibreOffice 程序“${path}”，或它不能运行；请检查 --soffice 或 JXMB_SOFFICE 给出的位置。`,
    lang: (name) => `不支持语言“${name}”；请用 zh 或 en。`,
    noSuchInput: (input) => `找不到文件或文件夹：${input}`,
    notRegular: (input) => `${input} 不是普通文件（可能是设备或管道），不予读取。`,
    commander: (code, detail, english) => {
      switch (code) {
        case 'commander.unknownOption':
          return `不认识选项 ${detail}。`
        case 'commander.unknownCommand':
          return `不认识命令 ${detail}；可用的命令是 convert。`
        case 'commander.missingArgument':
          return '缺少要转换的文件或文件夹。'
        case 'commander.optionMissingArgument':
          return `选项 ${detail} 后面缺少取值。`
        case 'commander.invalidArgument':
          return `选项的取值无效：${detail}。`
        case 'commander.excessArguments':
          return '参数过多。'
        default:
          return english.replace(/^error: /, '')
      }
    },
    seeHelp: '运行 jxmb convert --help 查看用法。',
  },
  noFiles: '输入中没有找到 .docx 或 .txt 文件。',
  officeConverting: (files) => `正在用 LibreOffice 把 ${files} 个旧格式文件（.doc、.wps、.rtf、.odt）转换为 .docx……`,
  progress: (done, total, elapsed, eta) => `已完成 ${done}/${total} · 用时 ${seconds(elapsed)} 秒${eta === undefined ? '' : ` · 预计还需 ${seconds(eta)} 秒`} · `,
  fileLine: (counter, file, projects, indicators, warnings) => `${counter} ${file}：${projects} 个项目，${indicators} 条指标，${warnings} 条警告`,
  diagnosticLine: ({ severity, code, title, where, data, advice }) => `    ${severity} ${code}：${title}${where ? `（${where}）` : ''}${data ? `：“${data}”` : ''}。${advice}`,
  failureLine: (counter, file, code, title, _message, advice) => `${counter} ${file}：错误 ${code}：${title}。${advice}`,
  fileProblem: (counter, file, problem) => `${counter} ${file}：${problem}`,
  withAdvice: (sentence, advice) => sentence + advice,
  moreOutputs: (count) => `…… 另有 ${count} 个输出。`,
  severity: { error: '错误', warning: '警告', info: '提示' },
  where: (project, place) => [project && `项目 ${project}`, place].filter(Boolean).join('，'),
  skippedLine: (file, reason) =>
    `跳过 ${file}：${{ 'other-type': '不是 .docx/.txt 文件', legacy: '旧版 .doc/.wps/.rtf/.odt 文件，未安装 LibreOffice，请另存为 .docx 后再转换', link: '是链接（不跟随）', special: '不是普通文件' }[reason]}`,
  summary: ({ files, projects, indicators, warnings, failed, skipped, written }) => {
    const skips = skippedParts(skipped, { 'other-type': '不是 .docx/.txt', legacy: '旧版 .doc/.wps/.rtf/.odt', link: '链接', special: '特殊文件' }, (count, label) => `${label} ${count} 个`, '、')
    return (
      `共 ${files} 个文件：${projects} 个项目，${indicators} 条指标，${warnings} 条警告，${failed} 个失败` +
      (skips ? `；跳过 ${skips}` : '') +
      (written ? `。输出：${written}` : '。')
    )
  },
  legacyAdvice: '旧版 .doc、.wps、.rtf、.odt 文件：安装 LibreOffice 后 jxmb 可直接转换（Debian/Ubuntu 安装 libreoffice-writer，Windows 从 libreoffice.org 下载；或用 --soffice 指定 soffice 的位置），也可以用 Word 或 WPS 打开后“另存为” .docx，再转换。',
  output: (problem, path, reason) =>
    ({
      exists: `${path} 已存在；如要覆盖，请加 --force。`,
      appeared: `${path} 在转换期间被其他程序创建，已保持原样，未覆盖。`,
      'is-input': `${path} 是输入文件之一；jxmb 不会覆盖输入文件，请换一个输出文件名。`,
      'is-folder': `${path} 是文件夹；请给出要写入的文件名。`,
      write: `无法写入 ${path}：${reason}。`,
      folder: `无法在文件夹 ${path} 中写入：${reason}。`,
    })[problem],
  systemReasons: {
    ENOENT: '文件夹不存在',
    EACCES: '没有权限',
    EPERM: '没有权限',
    EROFS: '磁盘是只读的',
    ENOSPC: '磁盘已满',
    EDQUOT: '磁盘配额已用完',
    ENOTDIR: '路径中有一段是文件而不是文件夹',
    EISDIR: '这是文件夹',
  },
  unexpected: (message) => `程序内部错误（请反馈给开发人员）：${message}`,
  prefix: 'jxmb：',
}

const en: CommandTexts = {
  description: 'Convert 预算绩效目标 documents (.docx, exported text) to Excel, JSON or Markdown.',
  convertDescription: 'Convert files and folders (searched recursively for .docx and .txt) into one output, or one per file.',
  inputsArgument: 'files or folders',
  options: {
    output: 'output file (.xlsx, .json or .md), or - for standard output',
    perFile: 'write one output per input into this folder instead',
    format: 'output format (default: from the output name; xlsx with --per-file)',
    force: 'overwrite existing output files',
    encoding: 'text encoding of text inputs (default: detected), e.g. gb18030, utf-8',
    strict: 'exit non-zero on warnings too',
    positions: 'leave source positions out of JSON',
    verbose: 'also list informational diagnostics',
    jobs: 'files converted at once, in worker threads (default: the number of cores; at most twice that)',
    timeout: (value) => `time one file may take, in seconds, before it is stopped and counted as failed (default: ${value})`,
    maxMemory: (value) => `memory one file may take, in MiB, before it is stopped and counted as failed (default: ${value})`,
    lang: 'language of what jxmb prints: zh (Chinese, the default) or en',
    reader: 'how a .docx is read: ooxml (jxmb’s own, the default) or mammoth (the reference, slower)',
    soffice: 'LibreOffice’s soffice, to convert .doc, .wps, .rtf and .odt (default: found on PATH, or JXMB_SOFFICE; none: do not use LibreOffice)',
    version: 'print the version',
    help: 'display help',
    helpCommand: 'display help for a command',
  },
  titles: {},
  choices: (choices) => `(choices: ${choices.join(', ')})`,
  usage: {
    outputOrPerFile: 'give either -o <file> or --per-file <dir>.',
    unknownFormat: (output) => `cannot tell the format of “${output}”; name it .xlsx, .json or .md, or pass --format.`,
    xlsxToStdout: 'an Excel workbook cannot go to standard output; name a file with -o.',
    jobs: (given) => `--jobs takes a whole number of 1 or more, not “${given}”.`,
    jobsCapped: (asked, cores, used) => `--jobs ${asked} is more than twice the ${plural(cores, 'core')}; using ${used}.`,
    positive: (flag) => `${flag} takes a number above 0.`,
    encoding: (name) => `unknown encoding “${name}”; use utf-8, gb18030, gbk, utf-16le, big5 …`,
    soffice: (path) => `no LibreOffice program “${path}”, or it cannot run; check the path given by --soffice or JXMB_SOFFICE.`,
    lang: (name) => `unknown language “${name}”; use zh or en.`,
    noSuchInput: (input) => `${input}: no such file or folder.`,
    notRegular: (input) => `${input} is not a regular file (a device or a pipe); it was not read.`,
    commander: (_code, _detail, english) => english.replace(/^error: /, ''),
    seeHelp: 'Run jxmb convert --help for the usage.',
  },
  noFiles: 'no .docx or .txt files found in the inputs.',
  officeConverting: (files) => `converting ${files} file(s) in old formats (.doc, .wps, .rtf, .odt) to .docx with LibreOffice…`,
  progress: (done, total, elapsed, eta) => `${done}/${total} done · ${seconds(elapsed)} s${eta === undefined ? '' : ` · ${seconds(eta)} s left`} · `,
  fileLine: (counter, file, projects, indicators, warnings) =>
    `${counter} ${file}: ${plural(projects, 'project')}, ${plural(indicators, 'indicator')}, ${plural(warnings, 'warning')}`,
  diagnosticLine: ({ severity, code, message, where, data, advice }) => `    ${severity} ${code}${where ? ` (${where})` : ''}: ${message}${data ? ` [${data}]` : ''} ${advice}`,
  failureLine: (counter, file, code, _title, message, advice) => `${counter} ${file}: error ${code}: ${message} ${advice}`,
  fileProblem: (counter, file, problem) => `${counter} ${file}: ${problem}`,
  withAdvice: (sentence, advice) => `${sentence} ${advice}`,
  moreOutputs: (count) => `… and ${count} more outputs.`,
  severity: { error: 'error', warning: 'warning', info: 'info' },
  where: (project, place) => [project && `project ${project}`, place].filter(Boolean).join(', '),
  skippedLine: (file, reason) =>
    `skipped ${file}: ${{ 'other-type': 'not a .docx or .txt file', legacy: 'an old .doc/.wps/.rtf/.odt file and no LibreOffice; save it as .docx to convert it', link: 'a link (not followed)', special: 'not a regular file' }[reason]}`,
  summary: ({ files, projects, indicators, warnings, failed, skipped, written }) => {
    const skips = skippedParts(skipped, { 'other-type': 'not .docx/.txt', legacy: 'old .doc/.wps/.rtf/.odt', link: 'link', special: 'special file' }, (count, label) => (label.startsWith('link') || label.startsWith('special') ? plural(count, label) : `${count} ${label}`), ', ')
    return (
      `${plural(files, 'file')}, ${plural(projects, 'project')}, ${plural(indicators, 'indicator')}, ${plural(warnings, 'warning')}, ${failed} failed` +
      (skips ? `; skipped ${skips}` : '') +
      (written ? ` → ${written}` : '')
    )
  },
  legacyAdvice: 'Old .doc, .wps, .rtf and .odt files: install LibreOffice and jxmb converts them (the libreoffice-writer package on Debian or Ubuntu, libreoffice.org for Windows; --soffice names where soffice is), or open them in Word or WPS, “Save As” .docx, and convert those.',
  output: (problem, path, reason) =>
    ({
      exists: `${path} already exists; use --force to overwrite it.`,
      appeared: `${path} appeared while jxmb was converting; it was left as it is.`,
      'is-input': `${path} is one of the inputs; jxmb never writes over its input. Name another output.`,
      'is-folder': `${path} is a folder; name a file to write.`,
      write: `could not write ${path}: ${reason}.`,
      folder: `cannot write in the folder ${path}: ${reason}.`,
    })[problem],
  systemReasons: {
    ENOENT: 'the folder does not exist',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EISDIR: 'it is a folder',
  },
  unexpected: (message) => `unexpected error (please report it): ${message}`,
  prefix: 'jxmb: ',
}

function skippedParts(skipped: Summary['skipped'], labels: Record<SkipReason, string>, part: (count: number, label: string) => string, separator: string): string {
  return (Object.keys(labels) as SkipReason[])
    .filter((reason) => (skipped[reason] ?? 0) > 0)
    .map((reason) => part(skipped[reason]!, labels[reason]))
    .join(separator)
}

export const commandTexts: Readonly<Record<Language, CommandTexts>> = { zh, en }

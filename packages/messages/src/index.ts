export { languageFromEnv, languages, parseLanguage, type Language } from './language.js'
export { codeText, codeTexts, type CodeText } from './codes.js'
export { commandTexts, type CommandTexts, type OutputProblem, type SkipReason, type Summary } from './command.js'
export { pageTexts, type PageTexts } from './page.js'

import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Tests import the packages' TypeScript sources, so they run without a build.
const source = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url))

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@jxmb\/model\/schema$/, replacement: fileURLToPath(new URL('./packages/model/src/schema.ts', import.meta.url)) },
      { find: /^@jxmb\/parser\/text$/, replacement: fileURLToPath(new URL('./packages/parser/src/text.ts', import.meta.url)) },
      { find: /^@jxmb\/parser\/mammoth$/, replacement: fileURLToPath(new URL('./packages/parser/src/mammoth.ts', import.meta.url)) },
      ...['model', 'messages', 'parser', 'export-json', 'export-xlsx', 'export-markdown', 'convert-office', 'cli', 'testkit'].map((name) => ({
        find: new RegExp(`^@jxmb/${name}$`),
        replacement: source(name),
      })),
    ],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    testTimeout: 60_000,
  },
})

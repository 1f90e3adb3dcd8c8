import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Tests import the packages' TypeScript sources, so they run without a build.
const source = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url))

export default defineConfig({
  resolve: {
    alias: Object.fromEntries(
      ['model', 'parser', 'export-json', 'export-xlsx', 'export-markdown', 'cli', 'testkit'].map((name) => [`@jxmb/${name}`, source(name)]),
    ),
  },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    testTimeout: 60_000,
  },
})

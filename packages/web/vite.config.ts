import { mkdirSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { defineConfig, type Plugin } from 'vite'

// Each worker's bundle size (minified, gzipped), for the README: the workers sit in the page as strings.
const workerSizes: Record<string, { bytes: number; gzip: number }> = {}

function measureWorker(): Plugin {
  return {
    name: 'jxmb-measure-worker',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry || !chunk.facadeModuleId) continue
        workerSizes[basename(chunk.facadeModuleId)] = { bytes: Buffer.byteLength(chunk.code), gzip: gzipSync(chunk.code).length }
      }
    },
  }
}

function writeWorkerSizes(): Plugin {
  return {
    name: 'jxmb-write-worker-sizes',
    closeBundle() {
      const dist = fileURLToPath(new URL('./dist/', import.meta.url))
      mkdirSync(dist, { recursive: true })
      writeFileSync(`${dist}worker-sizes.json`, `${JSON.stringify(workerSizes, null, 2)}\n`)
    },
  }
}

// The page reads .docx with jxmb's own reader only: mammoth (the reference reader, `reader: 'mammoth'`)
// and cheerio would be half the convert worker, so the parser's lazy import of them is answered with a stub.
function withoutMammoth(): Plugin {
  const stub = '\0jxmb:no-mammoth'
  return {
    name: 'jxmb-without-mammoth',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './read/docx.js' && importer && /[\\/]parser[\\/]dist[\\/]parse\.js$/.test(importer)) return stub
      return null
    },
    load(id) {
      return id === stub ? "export function readDocx() { throw new Error('The page reads .docx with jxmb\\'s own reader only.') }" : null
    },
  }
}

// A worker has no `document`, which the `browser` build of decode-named-character-reference (under remark)
// uses; its plain build, which its `worker` export condition names, is taken instead.
function withoutDocument(): Plugin {
  return {
    name: 'jxmb-without-document',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source !== 'decode-named-character-reference') return null
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
      return resolved && { ...resolved, id: resolved.id.replace(/index\.dom\.js$/, 'index.js') }
    },
  }
}

export default defineConfig({
  base: './',
  plugins: [withoutMammoth(), writeWorkerSizes()],
  resolve: {
    // Named by export-xlsx for its types and its write(stream); the page only calls toBuffer.
    alias: { 'node:stream': fileURLToPath(new URL('./src/no-stream.ts', import.meta.url)) },
  },
  // Classic workers: each is one inline bundle, with no chunk beside it to fetch (a blob: worker has no folder).
  worker: { format: 'iife', plugins: () => [withoutMammoth(), withoutDocument(), measureWorker()] },
  build: {
    target: 'es2022',
    modulePreload: false,
    cssCodeSplit: false,
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 4096,
  },
})

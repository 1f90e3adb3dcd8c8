#!/usr/bin/env node
// Writes the JSON Schema files of @jxmb/model from its TypeBox definitions:
//   pnpm schema
// A test fails when the committed files differ from the definitions.
import { writeFileSync } from 'node:fs'
import { JxmbBatch, JxmbDocument } from '@jxmb/model/schema'

const folder = new URL('../packages/model/schema/', import.meta.url)
writeFileSync(new URL('document-1.json', folder), JSON.stringify(JxmbDocument, null, 2) + '\n')
writeFileSync(new URL('batch-1.json', folder), JSON.stringify(JxmbBatch, null, 2) + '\n')
console.log('wrote packages/model/schema/document-1.json and batch-1.json')

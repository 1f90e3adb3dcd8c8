// Writes the hostile reproducers of the batch-safety issue into a folder, for
// measuring a build against them (`/usr/bin/time -f '%e s %M KB' jxmb convert …`).
// Not a test: the tests craft smaller versions of each in memory.
//   node scripts/hostile.js <folder> [--big]   (--big: the 4 GiB bombs too, ~20 s to make)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createDeflateRaw, constants } from 'node:zlib'
import { documentXml, minimalDocxEntries, packageRels, writeZip } from '@jxmb/testkit'

const [folder, flag] = process.argv.slice(2)
if (!folder) throw new Error('usage: node scripts/hostile.js <folder> [--big]')
mkdirSync(folder, { recursive: true })
const write = (name, bytes) => writeFileSync(join(folder, name), bytes)

// A cell spanning 10^8 grid columns.
write(
  'gridspan.docx',
  writeZip(
    minimalDocxEntries(
      '<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:tcPr><w:gridSpan w:val="100000000"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
    ),
  ),
)

// 100,000 one-cell tables: honest sizes, 26 KB.
write('tables-100k.docx', writeZip(minimalDocxEntries('<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>'.repeat(100_000))))

// 100,000 nested content controls.
write('deep.docx', writeZip(minimalDocxEntries('<w:sdt><w:sdtContent>'.repeat(100_000) + '<w:p/>' + '</w:sdtContent></w:sdt>'.repeat(100_000))))

// 130,000 bookmarks before one paragraph.
write('bookmarks.txt', '[bookmark: b]'.repeat(130_000) + '\nhello\n')

// 40,000 projects and one project of 130,000 indicators, from the sample's first project.
const sample = readFileSync(new URL('../fixtures/000_191d77da26007e67.txt', import.meta.url), 'utf8')
const lines = sample.split('\n')
const first = lines.findIndex((line) => /^\[bookmark: [^\]]*\]1\./.test(line))
const second = lines.findIndex((line, index) => index > first && /^\[bookmark: [^\]]*\]2\./.test(line))
const project = lines.slice(first, second)
const code = project.findIndex((line) => line.trim() === '项目编码') + 1
const header = project.findIndex((line) => line.trim() === '一级指标')
const row = project.slice(header).findIndex((line) => line === '') + header + 1
const next = project.slice(row).findIndex((line) => line === '') + row + 1
// Each project with its first indicator only, to stay under the 64 MiB text limit (28 MB).
const short = project.slice(0, next)
const projects = []
for (let n = 0; n < 40_000; n++) {
  const copy = [...short]
  copy[code] = `\t${String(n).padStart(20, '0')}`
  copy[0] = copy[0].replace(/\]1\./, `]${n + 1}.`)
  projects.push(copy.join('\n'))
}
write('projects-40k.txt', lines.slice(0, first).join('\n') + '\n' + projects.join('\n'))
const indicator = project.slice(row, next).join('\n')
write(
  'indicators-130k.txt',
  [...lines.slice(0, first), ...project.slice(0, row)].join('\n') + '\n' + (indicator + '\n').repeat(130_000),
)

if (flag === '--big') {
  // 4 GiB of zeros after an XML prologue, deflated (about 4 MB), declared as 1,000 bytes.
  const deflated = await new Promise((resolve, reject) => {
    const chunks = []
    const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION })
    deflate.on('data', (chunk) => chunks.push(chunk))
    deflate.on('end', () => resolve(Buffer.concat(chunks)))
    deflate.on('error', reject)
    deflate.write(documentXml('<w:p><w:r><w:t>'))
    const zeros = Buffer.alloc(64 * 2 ** 20)
    let left = 64
    const more = () => {
      while (left > 0) {
        left--
        if (!deflate.write(zeros)) return void deflate.once('drain', more)
      }
      deflate.end()
    }
    more()
  })
  const bomb = (name) => ({ name, deflated, size: 1000 })
  const [types, rels, document] = minimalDocxEntries('<w:p><w:r><w:t>hello</w:t></w:r></w:p>')
  write('bomb-4g.docx', writeZip([types, rels, bomb('word/document.xml')]))
  // The directory's count stops before a second word/document.xml, the bomb.
  write('count-trick.docx', writeZip([types, rels, document, bomb('word/document.xml')], { count: 3 }))
  const documentRels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'
  write('lying-styles.docx', writeZip([types, rels, document, { name: 'word/_rels/document.xml.rels', data: documentRels }, bomb('word/styles.xml')]))
  write('lying-main.docx', writeZip([types, { ...rels, data: packageRels('word/main.xml') }, document, bomb('word/main.xml')]))
}

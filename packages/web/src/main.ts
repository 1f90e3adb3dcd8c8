/**
 * The clerks' page: files or folders dropped (or picked) convert in a worker, one by one, with
 * progress; each file gets its line (converted, or its Chinese message and advice); a document's
 * tables render when its line is opened; each download runs in a worker of its own, started when its button is pressed.
 */
import type { Failure, JxmbDocument } from '@jxmb/model'
import { pageTexts } from '@jxmb/messages'
import ConvertWorker from './convert-worker.ts?worker&inline'
import JsonWorker from './json-worker.ts?worker&inline'
import MarkdownWorker from './markdown-worker.ts?worker&inline'
import XlsxWorker from './xlsx-worker.ts?worker&inline'
import type { ConvertRequest, ConvertResult, ExportFormat, ExportRequest, ExportResult } from './protocol.js'
import { element, renderDocument, renderFailure } from './render.js'

const t = pageTexts.zh
const convertible = /\.(docx|txt|doc|wps)$/i

document.title = t.title
const app = document.querySelector<HTMLElement>('#app')!
app.append(
  element('h1', {}, t.title),
  element('p', { class: 'local' }, t.local),
)
const drop = element('div', { class: 'drop', id: 'drop' }, element('p', {}, t.drop))
const filesInput = element('input', { type: 'file', multiple: '', id: 'files', accept: '.docx,.txt,.doc,.wps' }) as HTMLInputElement
const folderInput = element('input', { type: 'file', multiple: '', webkitdirectory: '', id: 'folder' }) as HTMLInputElement
drop.append(
  element('label', { class: 'button' }, t.pickFiles, filesInput),
  element('label', { class: 'button' }, t.pickFolder, folderInput),
)
const progress = element('progress', { id: 'progress', value: '0', max: '1', hidden: '' }) as HTMLProgressElement
const status = element('p', { id: 'status', role: 'status' })
const downloads = element('div', { class: 'downloads', id: 'downloads', hidden: '' })
const list = element('ol', { id: 'results', class: 'results' })
app.append(drop, progress, status, downloads, list)

const documents: JxmbDocument[] = []
const failures: Failure[] = []
let total = 0
let done = 0
let worker: Worker | undefined
const pending = new Map<number, { name: string; item: HTMLElement }>()

for (const format of ['xlsx', 'json', 'markdown'] as const) {
  const button = element('button', { type: 'button', 'data-format': format }, t.download[format])
  button.addEventListener('click', () => void download(format, button as HTMLButtonElement))
  downloads.append(button)
}

/** Files into the queue: each gets its line at once, converts in the worker, and its line fills in when done. */
async function add(files: File[]): Promise<void> {
  const wanted = files.filter((file) => convertible.test(file.name))
  for (const file of files) if (!convertible.test(file.name)) list.append(element('li', { class: 'skipped' }, `${nameOf(file)}：${t.skipped}`))
  if (wanted.length === 0) return
  worker ??= startWorker()
  total += wanted.length
  progress.hidden = false
  showProgress('')
  const first = total - wanted.length
  for (const [offset, file] of wanted.entries()) {
    const index = first + offset
    const name = nameOf(file)
    const item = element('li', { class: 'waiting' }, element('span', { class: 'name' }, name))
    list.append(item)
    pending.set(index, { name, item })
    const bytes = await file.arrayBuffer()
    const request: ConvertRequest = { index, name, bytes }
    worker.postMessage(request, [bytes])
  }
}

function startWorker(): Worker {
  const started = new ConvertWorker()
  started.onmessage = (event: MessageEvent<ConvertResult>) => {
    const result = event.data
    const job = pending.get(result.index)
    if (!job) return
    pending.delete(result.index)
    done++
    job.item.className = result.ok ? 'converted' : 'failed'
    if (result.ok) {
      documents.push(result.document)
      job.item.replaceChildren(renderDocument(result.document, job.name, t))
    } else {
      failures.push(result.failure)
      job.item.replaceChildren(renderFailure(result.failure, t))
    }
    const next = pending.values().next().value
    showProgress(next?.name ?? '')
    if (done === total) {
      status.textContent = t.finished(done, failures.length)
      downloads.hidden = documents.length + failures.length === 0
    }
  }
  return started
}

function showProgress(current: string): void {
  progress.max = total
  progress.value = done
  status.textContent = t.progress(done, total, current)
}

/** The file's name with its folder, when it came in one. */
function nameOf(file: File): string {
  const relative = (file as File & { webkitRelativePath?: string }).webkitRelativePath
  return relative || (file as File & { jxmbPath?: string }).jxmbPath || file.name
}

async function download(format: ExportFormat, button: HTMLButtonElement): Promise<void> {
  button.disabled = true
  try {
    const exporter = format === 'xlsx' ? new XlsxWorker() : format === 'markdown' ? new MarkdownWorker() : new JsonWorker()
    const result = await new Promise<ExportResult>((resolve) => {
      exporter.onmessage = (event: MessageEvent<ExportResult>) => resolve(event.data)
      const request: ExportRequest = { format, documents, failures }
      exporter.postMessage(request)
    })
    exporter.terminate()
    if (!result.ok) {
      status.textContent = result.message
      return
    }
    const names = { xlsx: t.workbookName, json: 'jxmb.json', markdown: 'jxmb.md' }
    const types = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', json: 'application/json', markdown: 'text/markdown' }
    const url = URL.createObjectURL(new Blob([result.bytes as BlobPart], { type: types[format] }))
    const link = element('a', { href: url, download: names[format] }) as HTMLAnchorElement
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
  } finally {
    button.disabled = false
  }
}

// Dropped folders are walked with the entries API; plain files come as they are.
async function droppedFiles(items: DataTransferItemList): Promise<File[]> {
  const entries = [...items].map((item) => item.webkitGetAsEntry?.()).filter((entry): entry is FileSystemEntry => !!entry)
  const files: File[] = []
  const walk = async (entry: FileSystemEntry, folder: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject))
      Object.defineProperty(file, 'jxmbPath', { value: folder + file.name })
      files.push(file)
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader()
      // readEntries hands out a folder in batches: read until it returns none.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject))
        if (batch.length === 0) break
        for (const child of batch) if (!child.name.startsWith('.')) await walk(child, `${folder}${entry.name}/`)
      }
    }
  }
  for (const entry of entries) await walk(entry, '')
  return files
}

drop.addEventListener('dragover', (event) => {
  event.preventDefault()
  drop.classList.add('over')
})
drop.addEventListener('dragleave', () => drop.classList.remove('over'))
drop.addEventListener('drop', (event) => {
  event.preventDefault()
  drop.classList.remove('over')
  const transfer = event.dataTransfer
  if (!transfer) return
  const hasEntries = [...transfer.items].some((item) => typeof item.webkitGetAsEntry === 'function' && item.webkitGetAsEntry())
  void (hasEntries ? droppedFiles(transfer.items) : Promise.resolve([...transfer.files])).then(add)
})
for (const input of [filesInput, folderInput]) {
  input.addEventListener('change', () => {
    void add([...(input.files ?? [])])
    input.value = ''
  })
}

/**
 * What each export worker runs: a request in, the file's bytes out. One worker per format, each
 * its own inline bundle started when its button is pressed, so that ExcelJS is parsed only for
 * the workbook and unified only for Markdown, never at page load.
 */
import type { ExportRequest, ExportResult } from './protocol.js'

export function serveExport(write: (request: ExportRequest) => Promise<Uint8Array> | Uint8Array): void {
  const scope = self as unknown as { onmessage: ((event: MessageEvent<ExportRequest>) => void) | null; postMessage(message: ExportResult, transfer?: Transferable[]): void }
  scope.onmessage = async (event) => {
    try {
      const bytes = await write(event.data)
      scope.postMessage({ ok: true, bytes }, [bytes.buffer])
    } catch (error) {
      scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) })
    }
  }
}

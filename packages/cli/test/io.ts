import { Writable } from 'node:stream'

/** Captured stdout/stderr for `run`. */
export function captureIo() {
  const chunks = { stdout: '', stderr: '' }
  const sink = (key: keyof typeof chunks) =>
    new Writable({
      write(chunk, _encoding, done) {
        chunks[key] += chunk.toString()
        done()
      },
    })
  return { io: { stdout: sink('stdout'), stderr: sink('stderr') }, chunks }
}

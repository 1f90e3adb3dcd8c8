import { basename } from 'node:path'
import type { CommandTexts } from '@jxmb/messages'


/** What the batch tells the person watching. */
export interface Progress {
  /** A live line is shown: routine lines can be left out. */
  readonly interactive: boolean
  /** A line that stays (a file's result, a warning, a failure): written at once, never cut. */
  log(line: string): void
  /** A file is done. */
  tick(file: string): void
  stop(): void
}

type Stream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number }

/**
 * On a terminal: one live line under the log (done/total, elapsed, time left,
 * the current file's name), redrawn after each line logged, so that no line is
 * held back or lost; lines wrap as the terminal wraps them. Off a terminal
 * (CI, pipes, files): plain lines only.
 */
export async function createProgress(total: number, stream: Stream, texts: CommandTexts, now: () => number = Date.now): Promise<Progress> {
  if (!stream.isTTY || total < 2) {
    return { interactive: false, log: (line) => void stream.write(line + '\n'), tick: () => {}, stop: () => {} }
  }
  // Loaded only for a live line: off a terminal they would be start-up time for nothing.
  const [{ createLogUpdate }, { fitLine }] = await Promise.all([import('log-update'), import('./fit-line.js')])
  const started = now()
  const update = createLogUpdate(stream)
  let done = 0
  let current = ''
  const draw = () => {
    const elapsed = (now() - started) / 1000
    const eta = done > 0 ? (elapsed / done) * (total - done) : undefined
    const head = texts.progress(done, total, elapsed, eta)
    // One column spare: a line that fills the last column makes some terminals wrap early.
    const room = (stream.columns ?? 80) - 1
    update(fitLine(head, current, room))
  }
  draw()
  // Time moves on while a long file converts.
  const timer = setInterval(draw, 1000)
  timer.unref()
  return {
    interactive: true,
    log(line) {
      update.clear()
      stream.write(line + '\n')
      draw()
    },
    tick(file) {
      done++
      current = basename(file)
      draw()
    },
    stop() {
      clearInterval(timer)
      update.clear()
      update.done()
    },
  }
}


import { MultiBar, Presets } from 'cli-progress'

/** What the batch tells the person watching. */
export interface Progress {
  /** A live display is shown: routine lines can be left out. */
  readonly interactive: boolean
  /** A line that stays (a file's result, a warning). */
  log(line: string): void
  /** A file is done. */
  tick(file: string): void
  stop(): void
}

/**
 * On a terminal: a live bar with done/total, the current file, elapsed time and ETA.
 * Off a terminal (CI, pipes): plain lines only, one per file.
 */
export function createProgress(total: number, stream: NodeJS.WritableStream & { isTTY?: boolean }): Progress {
  if (!stream.isTTY || total < 2) {
    return { interactive: false, log: (line) => void stream.write(line + '\n'), tick: () => {}, stop: () => {} }
  }
  const bars = new MultiBar(
    {
      stream: stream as NodeJS.WritableStream as never,
      format: ' {bar} {value}/{total} | {duration_formatted} elapsed, ETA {eta_formatted} | {file}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    Presets.shades_classic,
  )
  const bar = bars.create(total, 0, { file: '' })
  return {
    interactive: true,
    log: (line) => bars.log(line + '\n'),
    tick: (file) => bar.increment(1, { file }),
    stop: () => bars.stop(),
  }
}

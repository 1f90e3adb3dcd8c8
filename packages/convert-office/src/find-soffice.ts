/** Where LibreOffice's `soffice` is: named by an option, by `JXMB_SOFFICE`, or found on PATH; `none` for never. */
import { accessSync, constants, statSync } from 'node:fs'
import { delimiter, join } from 'node:path'

export interface FindSofficeOptions {
  /** A path given by the user (`--soffice`): used as it is, or nothing when it is not an executable file; `none`: LibreOffice is not used. */
  explicit?: string | undefined
  env?: Readonly<Record<string, string | undefined>>
}

const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice']
// Where the Windows and macOS installers put it, when it is not on PATH.
const usual =
  process.platform === 'win32'
    ? ['C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe']
    : process.platform === 'darwin'
      ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice']
      : []

export function findSoffice(options: FindSofficeOptions = {}): string | undefined {
  const env = options.env ?? process.env
  const named = options.explicit ?? (env.JXMB_SOFFICE || undefined)
  if (named === 'none') return undefined
  if (named !== undefined) return executable(named) ? named : undefined
  for (const folder of (env.PATH ?? '').split(delimiter)) {
    if (!folder) continue
    for (const name of names) if (executable(join(folder, name))) return join(folder, name)
  }
  return usual.find(executable)
}

function executable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

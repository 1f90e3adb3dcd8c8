/**
 * Checks on a .docx container before anything is inflated: what kind of file
 * it is, whether its zip directory is whole, and the sizes its parts declare.
 */
import { JxmbError } from '@jxmb/model'
import { unzipSync } from 'fflate'

const oleSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

export interface ContainerLimits {
  /** Largest declared uncompressed size of one zip entry. Default 200 MiB. */
  maxEntrySize?: number
  /** Largest declared uncompressed size of all entries together. Default 500 MiB. */
  maxTotalSize?: number
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06)
}

export function isOle(bytes: Uint8Array): boolean {
  return oleSignature.every((byte, index) => bytes[index] === byte)
}

/** Throws a coded `JxmbError` unless `bytes` look like a whole, reasonable .docx. */
export function checkDocxContainer(bytes: Uint8Array, file?: string, limits: ContainerLimits = {}): void {
  const { maxEntrySize = 200 * 2 ** 20, maxTotalSize = 500 * 2 ** 20 } = limits
  if (bytes.length === 0) throw new JxmbError('EMPTY', undefined, { file })
  if (isOle(bytes)) {
    throw new JxmbError(
      'OLE',
      'This is an old Word .doc file or an encrypted (password-protected) document, which jxmb cannot read. ' +
        'Open it in Word or WPS and save it as .docx (without a password).',
      { file },
    )
  }
  if (!isZip(bytes)) throw new JxmbError('NOT_ZIP', undefined, { file })

  const names: string[] = []
  let total = 0
  let oversized: { name: string; size: number } | undefined
  try {
    // The filter sees each central-directory entry and inflates nothing.
    unzipSync(bytes, {
      filter: ({ name, originalSize }) => {
        names.push(name)
        total += originalSize
        if (originalSize > maxEntrySize && !oversized) oversized = { name, size: originalSize }
        return false
      },
    })
  } catch (cause) {
    throw new JxmbError('TRUNCATED', 'The .docx is truncated or damaged: its zip directory cannot be read.', { file, cause })
  }
  if (oversized) {
    throw new JxmbError(
      'ZIP_BOMB',
      `The part ${oversized.name} declares ${oversized.size} bytes uncompressed, over the limit of ${maxEntrySize}; refused unread.`,
      { file },
    )
  }
  if (total > maxTotalSize) {
    throw new JxmbError('ZIP_BOMB', `The parts declare ${total} bytes uncompressed in all, over the limit of ${maxTotalSize}; refused unread.`, { file })
  }
  if (!names.includes('word/document.xml')) throw new JxmbError('NO_DOCUMENT_XML', undefined, { file })
}

/**
 * The text encoding of a CSV file, from its first bytes. Excel's "Unicode text" and other Windows
 * tools save UTF-16LE with a byte order mark, which the parse reads (as UTF-8 it transcodes it
 * to); other UTF-16 (big-endian, or without a mark) would be read as UTF-8, a NUL between every
 * two characters, so such a file is refused with a clear error rather than imported altered.
 */

import { AppError } from '../../../shared/errors.ts';
import { utf16Flavour } from '../unreadable-content.ts';
import type { CsvDeclaredEncoding } from './mapping.ts';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

function startsWithUtf8Mark(head: Uint8Array): boolean {
  return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
}

/** The encoding a byte order mark names; UTF-8 without one. */
export function encodingByMark(head: Uint8Array): CsvEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/**
 * The encoding the parse reads the file in: UTF-16LE after its byte order mark, else the one the
 * mapping declares, else UTF-8; throws AppError('E_IMPORT_FORMAT') for UTF-16 it cannot read.
 */
export function readableCsvEncoding(head: Uint8Array, file: string, declared: CsvDeclaredEncoding = 'utf-8'): 'utf-16le' | CsvDeclaredEncoding {
  const marked = encodingByMark(head);
  if (marked === 'utf-16le') return marked;
  if (declared !== 'utf-8' && marked === 'utf-8' && !startsWithUtf8Mark(head)) return declared;
  const flavour = utf16Flavour(head);
  if (flavour === null) return 'utf-8';
  throw new AppError('E_IMPORT_FORMAT', `${file}: the file is UTF-16 text (${flavour}); a CSV is read as UTF-8, or as UTF-16LE after its byte order mark (Excel's "Unicode text"): convert it to UTF-8 and record that step. Nothing was imported.`);
}

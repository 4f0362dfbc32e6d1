/**
 * What two MMS headers mean, read the same way by both MMS importers (SMS Backup & Restore XML,
 * Android mmssms.db): a part's media type, and the subject as Android stores it.
 */

import { repairMojibake } from '../meta/mojibake.ts';
import { decodeMmsText, MIB_UTF_8 } from './text-charsets.ts';

/** A content type's media type, without parameters ("text/plain; charset=utf-8" → "text/plain"); lower case. */
export function bareContentType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * AOSP's PduPersister stores an encoded header string (the subject) as its raw bytes read as
 * ISO-8859-1, with the real charset in `sub_cs`: a UTF-8 "Poză" is stored as "PozÄ\u0083". With
 * `sub_cs` 106 (UTF-8) the text is read back as UTF-8 only when it provably is such bytes (every
 * character a byte, together valid UTF-8); real text, and every other charset, is left as stored.
 * For a backup whose writer may or may not have decoded the column (SMS Backup & Restore).
 */
export function mmsSubjectText(stored: string, charset: number | null): string {
  return charset === MIB_UTF_8 ? repairMojibake(stored) : stored;
}

/**
 * The subject as the phone's own messaging app reads the provider's column: PduPersister.load
 * turns the stored text back into bytes as ISO-8859-1 and decodes them in `sub_cs`, whatever
 * the charset (a windows-1251 "Привет" is stored as "Ïðèâåò"). Left as stored when it cannot be
 * such bytes (a character above U+00FF: already text), when the charset is not one
 * text-charsets.ts reads, or when the bytes are not valid in it.
 */
export function storedMmsSubjectText(stored: string, charset: number | null): string {
  if (charset === null) return stored;
  if (charset === MIB_UTF_8) return repairMojibake(stored);
  const bytes = new Uint8Array(stored.length);
  for (let index = 0; index < stored.length; index += 1) {
    const code = stored.charCodeAt(index);
    if (code > 0xff) return stored;
    bytes[index] = code;
  }
  return decodeMmsText(bytes, String(charset)) ?? stored;
}

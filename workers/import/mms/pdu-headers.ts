/**
 * What two MMS headers mean, read the same way by both MMS importers (SMS Backup & Restore XML,
 * Android mmssms.db): a part's media type, and the subject as Android stores it.
 */

import { repairMojibake } from '../meta/mojibake.ts';
import { MIB_UTF_8 } from './text-charsets.ts';

/** A content type's media type, without parameters ("text/plain; charset=utf-8" → "text/plain"); lower case. */
export function bareContentType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * AOSP's PduPersister stores an encoded header string (the subject) as its raw bytes read as
 * ISO-8859-1, with the real charset in `sub_cs`: a UTF-8 "Poză" is stored as "PozÄ\u0083". With
 * `sub_cs` 106 (UTF-8) the text is read back as UTF-8 only when it provably is such bytes (every
 * character a byte, together valid UTF-8); real text, and every other charset, is left as stored.
 */
export function mmsSubjectText(stored: string, charset: number | null): string {
  return charset === MIB_UTF_8 ? repairMojibake(stored) : stored;
}

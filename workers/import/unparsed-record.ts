/**
 * The one way an importer builds an 'unparsed' record (FORMATS.md §0: nothing is silently
 * dropped): what could not be read is kept as its raw text, cut to RAW_TEXT_LIMIT characters,
 * with the reason it could not be read and, when it was cut, a note saying so.
 */

import type { ParsedMessage, ParsedTime, SourceLocator } from '../../shared/contracts/parsed-source.ts';
import { truncateRaw, truncateRawBytes } from './import-limits.ts';

export interface UnparsedRecordFields {
  chatKey: string;
  /** The text as written in the source; cut here to RAW_TEXT_LIMIT characters. */
  raw: string;
  /**
   * Characters of the whole raw text when `raw` holds only its start (a streaming reader keeps
   * no more than RAW_TEXT_LIMIT of it), so the reason can say how much was cut.
   */
  rawChars?: number | undefined;
  /**
   * Set instead of `rawChars` when `raw` was decoded from only the first `decoded` bytes of the
   * record (`total` bytes; `totalIsLowerBound` when reading stopped before its end), so the
   * reason can say how much of the source was cut in bytes, the only unit known.
   */
  rawBytes?: { decoded: number; total: number; totalIsLowerBound?: boolean } | undefined;
  locator: SourceLocator;
  /** Why the record could not be read; a note is appended when the raw text was cut. */
  reason: string;
  /** What the record still tells, when the importer could read that much of it (undefined: not known). */
  sender?: string | null | undefined;
  senderId?: string | null | undefined;
  direction?: 'incoming' | 'outgoing' | null | undefined;
  time?: ParsedTime | undefined;
  timestampText?: string | undefined;
  edited?: boolean | undefined;
  extra?: Record<string, unknown> | undefined;
}

export function unparsedRecord(fields: UnparsedRecordFields): ParsedMessage {
  const bytes = fields.rawBytes;
  const kept = bytes === undefined ? truncateRaw(fields.raw, fields.rawChars) : truncateRawBytes(fields.raw, bytes.decoded, bytes.total, bytes.totalIsLowerBound);
  return {
    chatKey: fields.chatKey,
    kind: 'unparsed',
    sender: fields.sender ?? null,
    ...(fields.senderId === undefined ? {} : { senderId: fields.senderId }),
    ...(fields.direction === undefined ? {} : { direction: fields.direction }),
    time: fields.time ?? null,
    timestampText: fields.timestampText ?? '',
    text: kept.text,
    attachments: [],
    deleted: false,
    edited: fields.edited ?? false,
    locator: fields.locator,
    reason: `${fields.reason}${kept.note}`,
    ...(fields.extra === undefined ? {} : { extra: fields.extra }),
  };
}

/**
 * Public data shapes of the WhatsApp "Export chat" text parser.
 *
 * The parser never converts to UTC: WhatsApp writes device-local wall-clock time with no
 * zone, so the caller applies the timezone assumption it records as data (FORMATS.md §0.1).
 */

import type { WallTime } from '../../../shared/time/zoned-time.ts';

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** Device-local wall-clock time. Month 1-12, hour 0-23, Gregorian year (0 = year unknown). */
export type WallClock = WallTime;

export interface WhatsAppParseOptions {
  /** Forces the day/month order of numeric dates whose year is not written first. */
  dateOrder?: DateOrder;
  /**
   * Year of the first year-less header (old ≈2012–2015 exports such as `Mar 5, 8:11 PM - `).
   * Later year-less headers advance the year when the month goes backwards by more than a
   * delayed line can (timestamps.ts). Without it, and
   * without an earlier header that states a year, year-less headers get year 0 and a warning.
   */
  defaultYear?: number;
}

/** 1-based inclusive lines; byte offsets into the original bytes, byteEnd exclusive. */
export interface LineLocator {
  lineStart: number;
  lineEnd: number;
  byteStart: number;
  byteEnd: number;
}

export type WhatsAppRecordKind = 'message' | 'system' | 'unparsed';

export type WhatsAppMediaType =
  | 'image'
  | 'video'
  | 'audio'
  | 'sticker'
  | 'gif'
  | 'document'
  | 'contact'
  /** A location share whose place the export left out (WhatsApp Web's `<Location omitted>`). */
  | 'location'
  | 'unknown';

export interface WhatsAppMedia {
  kind: 'omitted' | 'attached';
  mediaType?: WhatsAppMediaType;
  fileName?: string;
}

export interface WhatsAppRecord {
  kind: WhatsAppRecordKind;
  locator: LineLocator;
  /** The header's date/time text exactly as written, without brackets or separator. */
  timestampText: string;
  wallClock: WallClock | null;
  /** Null for system messages; direction marks and the iOS `~ ` non-contact marker removed. */
  sender: string | null;
  /**
   * Body with continuation lines joined by '\n', as written: direction marks and other invisible
   * characters the writer put in are kept. Only a system line or placeholder (WhatsApp's own
   * wording) loses the marks WhatsApp put before it; they are then listed in `leadingMarks`.
   */
  text: string;
  /** The marks cut from the start of a system line or placeholder, as code points ("U+200E"). */
  leadingMarks?: string;
  media: WhatsAppMedia | null;
  /**
   * Set when the body's later lines name more attached files than `media` (its first line's),
   * each its own attachment, in the order the lines name them.
   */
  moreMedia?: WhatsAppMedia[];
  deleted: boolean;
  edited: boolean;
  /** For 'unparsed' records: why the lines could not be read as messages. */
  reason?: string;
  /**
   * For 'system' records only: the name an iOS export wrote before the colon of a system
   * line (the chat or group name, or the participant the notice is about).
   */
  attributedTo?: string;
  /** For 'system' records: the lines carried `Name: ` but were judged a notice (see authors.ts). */
  systemReason?: string;
  /** True when the line began with a location share (`location: https://maps…`, Android's `live location shared`). */
  location?: boolean;
  /** True when the body is `Waiting for this message…`: a message was sent, its content is not in the export. */
  waiting?: boolean;
  /**
   * Set when the body opens with WhatsApp Web's `[Forwarded] ` (or `[Forwarded many times] `):
   * the prefix is its export's mark of a forwarded message (WAWebExportChatPlainTextFormatter).
   */
  forwarded?: 'once' | 'many times';
  /** Set only where the file shows who exported it (WhatsApp Web's "You"; web-export.ts). */
  direction?: 'incoming' | 'outgoing';
}

export interface WhatsAppParseWarning {
  line: number;
  message: string;
}

export interface WhatsAppParseResult {
  platform: 'android' | 'ios' | 'unknown';
  dateOrder: DateOrder;
  dateOrderSource: 'override' | 'inferred' | 'default';
  dateOrderEvidence: string;
  clock: '12h' | '24h' | 'mixed';
  /** Group or private, as the file shows it (chat-kind.ts); 'unknown' when nothing tells. */
  chatKind: 'group' | 'private' | 'unknown';
  /** What chatKind rests on: a group event's line and text, or the distinct senders. */
  chatKindEvidence: string;
  /** What shows the file is WhatsApp Web's export, whose "You" is the exporter; null when nothing does. */
  webExportEvidence: string | null;
  records: WhatsAppRecord[];
  /** Lines in the file; a trailing newline does not add a line. */
  lineCount: number;
  warnings: WhatsAppParseWarning[];
}

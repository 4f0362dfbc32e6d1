/**
 * Content sniffing for e-mail: an mbox opens with a "From " postmark followed by a header field;
 * a single message (.eml) opens with a block of RFC 5322 header fields. The block must hold a
 * From field, or two fields that only mail carries (Received, Message-ID, Return-Path...), and
 * every line up to the blank line that ends it must be a field or a folded continuation, which
 * prose, CSV, chat exports, JSON and XML never are. A binary file named .eml matches nothing.
 * A UTF-8 byte order mark before the first line is passed over, as the other sniffers do.
 */

import { isPostmark, latin1, startsWithByteOrderMark, UTF8_BYTE_ORDER_MARK } from './mbox-splitter.ts';

const SNIFF_BYTE_LIMIT = 64 * 1024;
const FIELD = /^([!-9;-~]+):/u;
const CONTINUATION = /^[ \t]/u;
/** Fields that mark a message as mail rather than some other "Name: value" text. */
const MAIL_FIELDS = new Set([
  'from', 'to', 'cc', 'bcc', 'subject', 'date', 'message-id', 'received', 'return-path', 'delivered-to', 'mime-version', 'reply-to',
  'sender', 'in-reply-to', 'references', 'x-mailer', 'user-agent', 'dkim-signature', 'authentication-results', 'x-gm-thrid', 'x-received',
  'content-type', 'content-transfer-encoding', 'x-original-to', 'envelope-to',
]);
/** Fields a mail transfer or a mail client writes; two of them make mail even without From. */
const ORIGIN_FIELDS = new Set(['date', 'message-id', 'received', 'return-path', 'delivered-to', 'mime-version', 'x-received', 'envelope-to', 'x-original-to']);
/** MHTML web-page archives share the syntax; they are not messages. */
const WEB_ARCHIVE_FIELD = 'snapshot-content-location';
const MIN_MAIL_FIELDS = 2;

export type EmailShape = 'mbox' | 'eml';

export function sniffEmail(head: Uint8Array): EmailShape | null {
  const start = startsWithByteOrderMark(head) ? UTF8_BYTE_ORDER_MARK.length : 0;
  const lines = latin1(head.subarray(start, SNIFF_BYTE_LIMIT)).split('\n').map((line) => line.replace(/\r$/u, ''));
  if (isPostmark(lines[0] ?? '')) return isHeaderBlock(lines.slice(1)) ? 'mbox' : null;
  return isHeaderBlock(lines) ? 'eml' : null;
}

function isHeaderBlock(lines: string[]): boolean {
  const names: string[] = [];
  // The last line may be cut by the 64 KiB window; it is not judged.
  for (const line of lines.slice(0, -1)) {
    if (line === '') break;
    const field = FIELD.exec(line);
    if (field !== null) names.push((field[1] ?? '').toLowerCase());
    else if (!CONTINUATION.test(line) || names.length === 0) return false;
  }
  if (names.includes(WEB_ARCHIVE_FIELD)) return false;
  const mail = names.filter((name) => MAIL_FIELDS.has(name));
  const origin = new Set(names.filter((name) => ORIGIN_FIELDS.has(name)));
  return mail.length >= MIN_MAIL_FIELDS && (names.includes('from') || origin.size >= MIN_MAIL_FIELDS);
}

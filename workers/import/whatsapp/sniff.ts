/**
 * Content sniffing: does a file start like a WhatsApp text export?
 *
 * Exports open with a header line (usually the end-to-end notice) and most lines are
 * headers. JSON, XML, CSV and prose never put `date, time - ` / `[date, time] ` at the start
 * of several lines, so a few matching lines are enough.
 *
 * A chat of one message exported without the notice (a business chat, an export the user cut)
 * has one header only. Its first line is then taken as proof when it is a whole message
 * header: an Android or iOS stamp that names a real date and time, a separator and "Name: ".
 * A note that merely opens with a date (`12/31/21 shopping list`) has no such line.
 */

import { findSplitPoints } from './authors.ts';
import { buildWallClock, readDate } from './timestamps.ts';
import { matchHeader, type HeaderMatch } from './header-grammar.ts';
import { decodeUtf8 } from './split-lines.ts';

/** How much of the file is looked at. */
export const SNIFF_BYTE_LIMIT = 64 * 1024;
/** Non-empty lines examined at most. */
const SNIFF_LINE_LIMIT = 200;
/** Headers needed when the first non-empty line is itself a header. */
const MIN_HEADERS_AFTER_HEADER_START = 2;
/** Headers needed otherwise (a preamble of junk before the chat), and their minimum share. */
const MIN_HEADERS_ANYWHERE = 5;
const MIN_HEADER_SHARE = 0.2;
/** Stands in for the year of a year-less header when checking that its date can exist (a leap year). */
const ANY_LEAP_YEAR = 2000;
/**
 * signal-export text files write `[2019-12-24, 12:23] Name: text` (its reader also takes the
 * stamp without the comma): an iOS-like header with an ISO date and no seconds, which real iOS
 * WhatsApp exports never write (they always carry seconds). A head whose headers all look like
 * that is left to a Signal importer.
 */
const SIGNAL_EXPORT_STAMP = /^\d{4}-\d{2}-\d{2},? \d{2}:\d{2}$/u;

/** True when several lines of the head match the WhatsApp header grammar, or only its first line does and is a whole message header. */
export function sniffWhatsAppText(head: Uint8Array): boolean {
  const text = decodeUtf8(head.subarray(0, SNIFF_BYTE_LIMIT));
  let examined = 0;
  let headers = 0;
  let firstIsHeader = false;
  let firstIsWholeHeader = false;
  let signalShaped = 0;
  let position = 0;
  while (position < text.length && examined < SNIFF_LINE_LIMIT) {
    const feed = text.indexOf('\n', position);
    const end = feed === -1 ? text.length : feed;
    const line = text.slice(position, end).replace(/\r$/u, '');
    position = end + 1;
    if (line.trim() === '') {
      continue;
    }
    const header = matchHeader(line);
    const isHeader = header !== null;
    if (header !== null && header.style === 'bracket' && SIGNAL_EXPORT_STAMP.test(line.slice(header.stampStart, header.stampEnd))) {
      signalShaped += 1;
    }
    if (examined === 0) {
      firstIsHeader = isHeader;
      firstIsWholeHeader = header !== null && isWholeMessageHeader(line, header);
    }
    examined += 1;
    if (isHeader) {
      headers += 1;
    }
  }
  if (headers > 0 && signalShaped === headers) {
    return false;
  }
  if (firstIsHeader && headers >= MIN_HEADERS_AFTER_HEADER_START) {
    return true;
  }
  if (firstIsWholeHeader && headers === 1) {
    return true;
  }
  return headers >= MIN_HEADERS_ANYWHERE && headers >= examined * MIN_HEADER_SHARE;
}

/**
 * True for an Android (`date, time - `) or iOS (`[date, time] `) header whose date and time can
 * exist in some day/month order and which names its author. The old colon form
 * (`date time: `) is left out: a dated note line (`12/31/21 10:00: dentist`) looks the same.
 */
function isWholeMessageHeader(line: string, header: HeaderMatch): boolean {
  if (header.style === 'colon') return false;
  if (findSplitPoints(line.slice(header.bodyStart)).length === 0) return false;
  return (['dmy', 'mdy', 'ymd'] as const).some((order) => {
    const date = readDate(header, order);
    return buildWallClock(header, date, date.year ?? ANY_LEAP_YEAR) !== null;
  });
}

/**
 * The header that starts each message of a signal-export (carderne/signal-export) chat file:
 * `[2019-05-29, 15:04] Name: text` in older releases, `[2024-01-05 14:03:22] Name: text` in newer
 * ones. signal-export's own reader (utils.parse_datetime) accepts exactly these four stamps:
 * with or without the comma, with or without seconds. The time is the exporting computer's local
 * wall clock (Python's datetime.fromtimestamp), so it carries no zone.
 */

import type { WallTime } from '../../../shared/time/zoned-time.ts';

const HEADER = /^\[(\d{4})-(\d{2})-(\d{2})(,?) (\d{2}):(\d{2})(?::(\d{2}))?\] /u;
/** signal-export writes "Name: " even when the body is empty (a quote or an attachment follows). */
const AUTHOR_SEPARATOR = ': ';
const BYTE_ORDER_MARK = /^\uFEFF/u;

export interface SignalHeader {
  /** The stamp as written, without the brackets. */
  stamp: string;
  wall: WallTime;
  /** `[YYYY-MM-DD, HH:MM]` (comma) or `[YYYY-MM-DD HH:MM...]` (no comma). */
  comma: boolean;
  seconds: boolean;
  /** Null when the line has the stamp but no "Name: " after it. */
  sender: string | null;
  /** What follows "Name: " on the header line ('' when the body starts on the next line). */
  rest: string;
}

export function matchSignalHeader(line: string): SignalHeader | null {
  const content = line.replace(BYTE_ORDER_MARK, '');
  const match = HEADER.exec(content);
  if (match === null) return null;
  const [whole, year, month, day, comma, hour, minute, second] = match;
  const after = content.slice(whole.length);
  const cut = after.indexOf(AUTHOR_SEPARATOR);
  const bareColon = cut === -1 && after.endsWith(':') ? after.length - 1 : -1;
  const senderEnd = cut === -1 ? bareColon : cut;
  return {
    stamp: whole.slice(1, -2),
    wall: { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: second === undefined ? 0 : Number(second) },
    comma: comma === ',',
    seconds: second !== undefined,
    sender: senderEnd <= 0 ? null : after.slice(0, senderEnd),
    rest: senderEnd <= 0 ? after : after.slice(senderEnd + (cut === -1 ? 1 : AUTHOR_SEPARATOR.length)),
  };
}

/**
 * WhatsApp's times, with its placeholders. The databases write -1 (and 0) where a time is not
 * known (a receipt not yet come, an edit without its time, a row restored from an old backup), and
 * decoded as a date these show as 1969-12-31 / 1970-01-01 (iOS: 2000-12-31 / 2001-01-01): a fake
 * date an analyst would take as the phone's. A time before WhatsApp existed is never one it wrote
 * (the app refuses to run on a phone whose clock is that far off), so such a value is no time: its
 * original text is kept, and a note says why no date is given.
 */

import type { SqlValue } from 'sql.js';
import type { DecodedTime } from '../sqlite/index.ts';
import { appleTime, isoOrNull, unixTime } from '../sqlite/index.ts';

/** WhatsApp's first release was in 2009: no time it wrote lies before 2009-01-01 UTC. */
const FIRST_WHATSAPP_TIME_MS = Date.UTC(2009, 0, 1);

export interface WaTime extends DecodedTime {
  /** Set when the column held a value that is not a time (a placeholder such as -1): why no date is given. */
  placeholderNote?: string;
}

/**
 * How a column's 0 reads. A message's own time is never rightly 0 (a placeholder, noted); in the
 * other time columns (received, edited, expiry…) 0 is how WhatsApp says "not yet", as NULL is.
 */
export type ZeroMeans = 'placeholder' | 'not set';

/** An Android time (Unix epoch, unit by magnitude), a placeholder read as no time. */
export function waUnixTime(column: string, zero: ZeroMeans, value: SqlValue | undefined, exactText?: SqlValue): WaTime {
  return withoutPlaceholder(column, zero, value, unixTime(value, exactText));
}

/** An iOS time (seconds since 2001, unit by magnitude), a placeholder read as no time. */
export function waAppleTime(column: string, zero: ZeroMeans, value: SqlValue | undefined, exactText?: SqlValue): WaTime {
  return withoutPlaceholder(column, zero, value, appleTime(value, exactText));
}

/**
 * NULL and empty stay "not set" without a note (and 0 where it means so). Every other value that
 * gives no date after 2009 (-1, any negative, a date before WhatsApp) is a placeholder: no time,
 * its text kept, a note.
 */
function withoutPlaceholder(column: string, zero: ZeroMeans, value: SqlValue | undefined, decoded: DecodedTime): WaTime {
  if (value === null || value === undefined || decoded.timestampText.trim() === '') return decoded;
  if (zero === 'not set' && Number(value) === 0) return decoded;
  const utcMs = decoded.time !== null && 'utcMs' in decoded.time ? decoded.time.utcMs : null;
  if (utcMs !== null && utcMs >= FIRST_WHATSAPP_TIME_MS) return decoded;
  return { ...decoded, time: null, placeholderNote: `${column} ${decoded.timestampText} ${whyNoTime(decoded)}: no date given` };
}

/** Why a value that is there gives no date: the note says which, so none reads as a placeholder wrongly. */
function whyNoTime(decoded: DecodedTime): string {
  if (decoded.unit === null) return Number(decoded.timestampText) === 0 ? PLACEHOLDER : 'is not a number';
  if (decoded.time === null) return 'is beyond any date';
  return PLACEHOLDER;
}

const PLACEHOLDER = 'is not a time (a placeholder, or before WhatsApp existed)';

/** The ISO text of a time, or null; its placeholder note, if any, is added to `notes`. */
export function isoNoting(time: WaTime, notes: string[]): string | null {
  if (time.placeholderNote !== undefined) notes.push(time.placeholderNote);
  return isoOrNull(time);
}

/**
 * UTC milliseconds as ISO 8601 text, exactly as `new Date(ms).toISOString()` writes them
 * (`2023-01-15T08:05:27.677Z`; years outside 0000–9999 as ±YYYYYY), or null for a time no Date
 * can hold (beyond ±8.64e15 ms: toISOString throws for those, and a hostile 16-digit epoch in a
 * backup is one). Quicker than building a Date per message: the date part is made once per UTC
 * day, the time of day from the remainder.
 */

const DAY_MS = 86_400_000;
/** ECMAScript's time value range (TimeClip). */
const MAX_TIME_MS = 8.64e15;
const TWO_DIGITS = Array.from({ length: 60 }, (_unused, value) => String(value).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_unused, value) => String(value).padStart(3, '0'));

let cachedDay = Number.NaN;
/** `YYYY-MM-DDT` of cachedDay. */
let cachedDatePart = '';

export function utcIso(utcMs: number): string | null {
  if (!Number.isFinite(utcMs)) return null;
  // A Date keeps whole milliseconds, cut toward zero.
  const ms = Math.trunc(utcMs) + 0;
  if (Math.abs(ms) > MAX_TIME_MS) return null;
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    cachedDatePart = new Date(day * DAY_MS).toISOString().slice(0, -'00:00:00.000Z'.length);
    cachedDay = day;
  }
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${cachedDatePart}${TWO_DIGITS[hours] ?? ''}:${TWO_DIGITS[minutes] ?? ''}:${TWO_DIGITS[seconds] ?? ''}.${THREE_DIGITS[rest - seconds * 1000] ?? ''}Z`;
}

import { EngineError } from '../api/client.ts';
import { formatCount, formatNumber } from '../../../shared/text/count-text.ts';

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2022-03-23 13:31 UTC"; seconds only when the source recorded them. Always UTC, never local. */
export function formatUtc(iso: string | null): string {
  if (iso === null) return 'no time';
  const date = parse(iso);
  if (date === null) return iso;
  const seconds = date.getUTCSeconds();
  const clock = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}${seconds === 0 ? '' : `:${pad(seconds)}`}`;
  return `${formatUtcDay(date)} ${clock} UTC`;
}

function formatUtcDay(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** A compact day range for lists: "2022-03-23 – 2022-04-01 UTC". */
export function formatUtcDayRange(first: string | null, last: string | null): string {
  const start = first === null ? null : parse(first);
  const end = last === null ? null : parse(last);
  if (start === null && end === null) return 'no time';
  const startText = start === null ? 'no time' : formatUtcDay(start);
  const endText = end === null ? 'no time' : formatUtcDay(end);
  return startText === endText ? `${startText} UTC` : `${startText} – ${endText} UTC`;
}

export { formatCount, formatNumber };

/** "5 messages · 1 unparsed" for 6 rows of which 1 kept unparsed: the unparsed records are not counted as messages (SourceRecord.messageCount). */
export function formatMessagesOf(rows: number, unparsed: number): string {
  const messages = formatCount(rows - unparsed, 'message');
  return unparsed > 0 ? `${messages} · ${formatNumber(unparsed)} unparsed` : messages;
}

/** Last segment of a path written with either separator. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

export function describeError(error: unknown): string {
  if (error instanceof EngineError) return `${error.message} (${error.code})`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Reading column values defensively: a phone database may store anything in any column (SQLite
 * is dynamically typed), so every read says what it wants and gets null when the value is not that.
 */

import type { SqlValue } from 'sql.js';
import type { Row } from './rows.ts';

const utf8 = new TextDecoder('utf-8', { fatal: false });
/** How much of a row is copied into an 'unparsed' record's text. */
const RAW_ROW_TEXT_LIMIT = 4000;

/** Text, or null. Blobs are decoded as UTF-8 (some apps store text as BLOB). */
export function textValue(value: SqlValue | undefined): string | null {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return utf8.decode(value);
  if (typeof value === 'number') return String(value);
  return null;
}

/** Non-empty text, or null. */
export function nonEmptyText(value: SqlValue | undefined): string | null {
  const text = textValue(value);
  return text === null || text === '' ? null : text;
}

/** A finite number, or null (numeric text is accepted: columns without affinity keep text). */
export function numberValue(value: SqlValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/** An integer, or null. */
export function integerValue(value: SqlValue | undefined): number | null {
  const number = numberValue(value);
  return number !== null && Number.isInteger(number) ? number : null;
}

/** True when the value is a non-zero number (SQLite booleans are integers). */
export function flagValue(value: SqlValue | undefined): boolean {
  const number = numberValue(value);
  return number !== null && number !== 0;
}

export function blobValue(value: SqlValue | undefined): Uint8Array | null {
  return value instanceof Uint8Array ? value : null;
}

/**
 * The raw content of a row as text, for an 'unparsed' record: "column=value" per line, blobs
 * summarised by size, bounded in length.
 */
export function rawRowText(row: Row): string {
  const lines: string[] = [];
  let length = 0;
  for (const [column, value] of Object.entries(row)) {
    if (value === null || column.endsWith('__text') || column.endsWith('__length')) continue;
    const shown = value instanceof Uint8Array ? `<${value.byteLength} bytes>` : String(value);
    const line = `${column}=${shown}`;
    length += line.length + 1;
    if (length > RAW_ROW_TEXT_LIMIT) {
      lines.push('…');
      break;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** Adds `value` to `extra` under `key` unless it is null/undefined. */
export function putExtra(extra: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== null && value !== undefined) extra[key] = value;
}

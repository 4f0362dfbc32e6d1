/**
 * Reading column values defensively: a phone database may store anything in any column (SQLite
 * is dynamically typed), so every read says what it wants and gets null when the value is not that.
 */

import type { SqlValue } from 'sql.js';
import { RAW_TEXT_LIMIT } from '../import-limits.ts';
import type { Row } from './rows.ts';

const utf8 = new TextDecoder('utf-8', { fatal: false });

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
 * The raw content of a row as text, for an 'unparsed' record: "column=value" per line. Blobs are
 * shown by size only (binary is unreadable as text, and the bytes stay in the database at the
 * record's locator); a blob the scan left unread for its size says so. The text is built only up
 * to the shared RAW_TEXT_LIMIT, but `totalChars` counts the whole rendering, so unparsedRecord
 * can say how much was cut instead of cutting silently.
 */
export function rawRowText(row: Row): { text: string; totalChars: number } {
  const parts: string[] = [];
  let kept = 0;
  let totalChars = 0;
  for (const [column, value] of Object.entries(row)) {
    if (column.endsWith('__text') || column.endsWith('__length')) continue;
    const shown = shownValue(row, column, value);
    if (shown === null) continue;
    const line = `${totalChars === 0 ? '' : '\n'}${column}=`;
    totalChars += line.length + shown.length;
    // A 50 MB text column is measured, not copied: only what fits under the limit is sliced out.
    const room = RAW_TEXT_LIMIT - kept;
    if (room <= 0) continue;
    const piece = line.length + shown.length <= room ? line + shown : (line + shown.slice(0, room)).slice(0, room);
    parts.push(piece);
    kept += piece.length;
  }
  return { text: parts.join(''), totalChars };
}

function shownValue(row: Row, column: string, value: SqlValue): string | null {
  if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
  if (value !== null) return String(value);
  // selectExpressions reads a blob over its maxBytes as NULL and puts its length beside it.
  const length = row[`${column}__length`];
  return typeof length === 'number' ? `<${length} bytes, too large to read>` : null;
}

/** Adds `value` to `extra` under `key` unless it is null/undefined. */
export function putExtra(extra: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== null && value !== undefined) extra[key] = value;
}

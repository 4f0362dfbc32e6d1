/**
 * Reading Signal Desktop's `json` columns. Each row keeps the whole object the app held in memory;
 * its fields drift between versions (sourceUuid became sourceServiceId, uuid became serviceId and
 * then aci), so every read names the field it wants and gets null when it is missing or of
 * another type, never a guess.
 */

import type { SqlValue } from 'sql.js';

export type JsonObject = Record<string, unknown>;

/** The parsed `json` column: the object, absent (NULL or empty), or why it could not be read. */
export type JsonColumn = { ok: true; value: JsonObject } | { ok: false; reason: string } | { ok: 'absent' };

const utf8 = new TextDecoder('utf-8', { fatal: false });

export function parseJsonColumn(raw: SqlValue | undefined): JsonColumn {
  const text = typeof raw === 'string' ? raw : raw instanceof Uint8Array ? utf8.decode(raw) : null;
  if (text === null || text.trim() === '') return { ok: 'absent' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `the json column is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isObject(value)) return { ok: false, reason: `the json column holds ${value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`}, not an object` };
  return { ok: true, value };
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string field, or null. */
export function jsonText(object: JsonObject | null, key: string): string | null {
  const value = object?.[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A finite number field (numeric strings accepted: some versions wrote timestamps as text), or null. */
export function jsonNumber(object: JsonObject | null, key: string): number | null {
  const value = object?.[key];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/u.test(value)) return Number(value);
  return null;
}

export function jsonFlag(object: JsonObject | null, key: string): boolean {
  const value = object?.[key];
  return value === true || value === 1;
}

/** The objects of an array field; other entries are skipped. */
export function jsonObjects(object: JsonObject | null, key: string): JsonObject[] {
  const value = object?.[key];
  return Array.isArray(value) ? value.filter(isObject) : [];
}

export function jsonObject(object: JsonObject | null, key: string): JsonObject | null {
  const value = object?.[key];
  return isObject(value) ? value : null;
}

/** The first of several names a field has had across versions. */
export function firstText(object: JsonObject | null, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = jsonText(object, key);
    if (value !== null) return value;
  }
  return null;
}

/**
 * An identifier from a typed column, or from the json object when the column lost it. Signal
 * declared many columns `STRING`, which SQLite gives NUMERIC affinity, so a phone number such as
 * "+15550001" in `source` or in an old e164-keyed `id` is stored as the integer 15550001: the
 * json copy still has the text as written. Without one, the digits are given back their "+",
 * since Signal only ever wrote phone numbers in E.164 (its own schema migration 1270 repairs
 * `source` the same way: '+' || legacySource).
 */
export function identifierOf(column: SqlValue | undefined, json: JsonObject | null, keys: readonly string[]): string | null {
  if (typeof column === 'string' && column !== '') return column;
  const fromJson = firstText(json, keys);
  if (fromJson !== null) return fromJson;
  if (typeof column === 'number' && Number.isInteger(column) && column > 0) return `+${column}`;
  return null;
}

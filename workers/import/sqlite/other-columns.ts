/**
 * Columns a table has that an importer does not read by name: a vendor's own (MIUI's
 * `block_type`, Samsung's `spam_report`, Huawei's `is_secret`), or a newer Android's. They are
 * read too and kept in the record's `extra.otherColumns`, so nothing the phone stored about a
 * message is out of an analyst's sight because no one here knew the column. Values that say
 * nothing are left out: NULL, 0 and the empty string (the defaults of flags and counters); a blob
 * is given by its length and, when short, its bytes in hex.
 */

import type { SqlValue } from 'sql.js';
import type { ParsedMessage } from '../../../shared/contracts/parsed-source.ts';
import type { Row } from './rows.ts';
import type { ColumnRequest } from './schema.ts';
import { quoteIdentifier } from './schema.ts';

/** Output names of these columns start with this, apart from the columns read by name. */
const PREFIX = 'other__';
/** Blobs longer than this are read as their length only; texts longer than this are cut here. */
const MAX_VALUE_LENGTH = 4096;
/** Blobs up to this many bytes are kept as hex. */
const MAX_HEX_BYTES = 64;

export interface OtherColumns {
  names: string[];
  select: string[];
}

/** The columns of `available` that `requests` do not name, and the SELECT expressions reading them. */
export function otherColumns(available: ReadonlySet<string>, alias: string, requests: readonly (string | ColumnRequest)[]): OtherColumns {
  const known = new Set(requests.map((request) => (typeof request === 'string' ? request : request.name).toLowerCase()));
  const names = [...available].filter((name) => !known.has(name)).sort();
  const select = names.flatMap((name) => {
    const column = `${alias}.${quoteIdentifier(name)}`;
    const long = `length(${column}) > ${MAX_VALUE_LENGTH}`;
    return [
      `CASE WHEN typeof(${column}) = 'blob' AND ${long} THEN NULL WHEN typeof(${column}) = 'text' AND ${long} THEN substr(${column}, 1, ${MAX_VALUE_LENGTH}) ELSE ${column} END AS ${quoteIdentifier(PREFIX + name)}`,
      `CASE WHEN ${long} THEN length(${column}) END AS ${quoteIdentifier(`${PREFIX}${name}__length`)}`,
    ];
  });
  return { names, select };
}

/** The values of those columns in `row` that say something, or null when none does. */
export function otherColumnValues(row: Row, columns: OtherColumns): Record<string, unknown> | null {
  const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  let any = false;
  for (const name of columns.names) {
    const value = shown(row[PREFIX + name], row[`${PREFIX}${name}__length`] ?? null);
    if (value === undefined) continue;
    values[name] = value;
    any = true;
  }
  return any ? values : null;
}

/** One such column's value as read (undefined when the table has no such column): for a reader that needs it in one case only. */
export function otherColumnValue(row: Row, name: string): SqlValue | undefined {
  return row[PREFIX + name.toLowerCase()];
}

/** The message with the row's other columns that say something in extra.otherColumns. */
export function withOtherColumns(message: ParsedMessage, row: Row, columns: OtherColumns): ParsedMessage {
  const values = otherColumnValues(row, columns);
  return values === null ? message : { ...message, extra: { ...message.extra, otherColumns: values } };
}

/** `cutLength`: the whole length of a value too long to read whole (NULL otherwise). */
function shown(value: SqlValue | undefined, cutLength: SqlValue): unknown {
  // A blob too long to read comes as NULL with its length beside it.
  if (value === null || value === undefined) return typeof cutLength === 'number' ? { blobBytes: cutLength } : undefined;
  if (value === 0 || value === '') return undefined;
  if (typeof value === 'string' && typeof cutLength === 'number') return { text: value, cutFromChars: cutLength };
  if (value instanceof Uint8Array) {
    if (value.byteLength === 0) return undefined;
    return value.byteLength <= MAX_HEX_BYTES ? { blobBytes: value.byteLength, hex: Buffer.from(value).toString('hex') } : { blobBytes: value.byteLength };
  }
  return value;
}

/**
 * Table names straight from the bytes of a SQLite file, without SQLite.
 *
 * Format detection runs on the head of a file (64 KiB) and must be cheap and synchronous, so it
 * cannot start sql.js. The schema table (sqlite_master) is a table b-tree rooted at page 1, almost
 * always within the first pages; this walks that b-tree (fileformat2 §1.6, §2.1) and reads the
 * first two columns (type, name) of each record from the local part of the cell. Anything that
 * does not look exactly right makes it give up (null): detection then falls back to the parsers'
 * own checks after opening the database properly.
 */

import { headerPageSize, sniffSqlite } from './sniff-sqlite.ts';

const DATABASE_HEADER_BYTES = 100;
const RESERVED_BYTES_OFFSET = 20;
const TEXT_ENCODING_OFFSET = 56;
const PAGE_INTERIOR_TABLE = 0x05;
const PAGE_LEAF_TABLE = 0x0d;
/** Bounds for hostile input: the schema b-tree of a real app database has a handful of pages. */
const MAX_SCHEMA_PAGES = 256;
const MAX_SCHEMA_ENTRIES = 20_000;

/** The part of TextDecoder used here (typed locally: the node layer has no DOM lib). */
interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}

export interface SchemaEntry {
  type: string;
  name: string;
}

export interface SchemaRead {
  entries: SchemaEntry[];
  /** False when some schema pages lie beyond the bytes given (a head of the file). */
  complete: boolean;
}

/**
 * Reads the schema entries (type and name of each table, index, view, trigger) from `bytes`, or
 * returns null when the schema pages do not parse. Pages beyond the end of `bytes` are skipped
 * and reported as `complete: false`.
 */
export function readSchemaFromBytes(bytes: Uint8Array): SchemaRead | null {
  if (!sniffSqlite(bytes) || bytes.byteLength < DATABASE_HEADER_BYTES) return null;
  const pageSize = headerPageSize(bytes);
  if (pageSize === null) return null;
  const usable = pageSize - (bytes[RESERVED_BYTES_OFFSET] ?? 0);
  const decoder = textDecoderFor(readUint32(bytes, TEXT_ENCODING_OFFSET));
  if (decoder === null || usable < 480) return null;
  const entries: SchemaEntry[] = [];
  let complete = true;
  const visited = new Set<number>();
  const pending = [1];
  try {
    while (pending.length > 0) {
      const page = pending.pop() ?? 0;
      if (visited.has(page) || visited.size >= MAX_SCHEMA_PAGES) return null;
      visited.add(page);
      const pageStart = (page - 1) * pageSize;
      if (page < 1) return null;
      if (pageStart + pageSize > bytes.byteLength) {
        complete = false;
        continue;
      }
      const headerStart = page === 1 ? DATABASE_HEADER_BYTES : pageStart;
      const type = bytes[headerStart];
      const cellCount = readUint16(bytes, headerStart + 3);
      const headerBytes = type === PAGE_INTERIOR_TABLE ? 12 : 8;
      if (type === PAGE_INTERIOR_TABLE) pending.push(readUint32(bytes, headerStart + 8));
      else if (type !== PAGE_LEAF_TABLE) return null;
      for (let cell = 0; cell < cellCount; cell++) {
        const cellOffset = pageStart + readUint16(bytes, headerStart + headerBytes + cell * 2);
        if (cellOffset >= pageStart + pageSize) return null;
        if (type === PAGE_INTERIOR_TABLE) {
          pending.push(readUint32(bytes, cellOffset));
          continue;
        }
        const entry = readSchemaCell(bytes, cellOffset, pageStart + pageSize, usable, decoder);
        if (entry !== null) entries.push(entry);
        if (entries.length > MAX_SCHEMA_ENTRIES) return null;
      }
    }
  } catch {
    return null;
  }
  return { entries, complete };
}

/** Lower-cased names of the tables found in `bytes`, or null when the schema cannot be read from them. */
export function tableNamesFromBytes(bytes: Uint8Array): { tables: Set<string>; complete: boolean } | null {
  const read = readSchemaFromBytes(bytes);
  if (read === null) return null;
  return { tables: new Set(read.entries.filter((entry) => entry.type === 'table').map((entry) => entry.name.toLowerCase())), complete: read.complete };
}

function readSchemaCell(bytes: Uint8Array, offset: number, pageEnd: number, usable: number, decoder: Utf8Decoder): SchemaEntry | null {
  const payload = readVarint(bytes, offset);
  const rowid = readVarint(bytes, offset + payload.length);
  const payloadStart = offset + payload.length + rowid.length;
  // Only the part of the payload stored on this page is read; overflow pages are not followed.
  const local = Math.min(payload.value, localPayloadBytes(payload.value, usable));
  const end = Math.min(payloadStart + local, pageEnd);
  const headerSize = readVarint(bytes, payloadStart);
  let typeCursor = payloadStart + headerSize.length;
  const headerEnd = payloadStart + headerSize.value;
  if (headerEnd > end) return null;
  let valueCursor = headerEnd;
  const values: string[] = [];
  while (values.length < 2 && typeCursor < headerEnd) {
    const serial = readVarint(bytes, typeCursor);
    typeCursor += serial.length;
    if (serial.value < 13 || serial.value % 2 === 0) return null; // type and name are always text
    const length = (serial.value - 13) / 2;
    if (valueCursor + length > end) return null;
    values.push(decoder.decode(bytes.subarray(valueCursor, valueCursor + length)));
    valueCursor += length;
  }
  const [type, name] = values;
  return type === undefined || name === undefined ? null : { type, name };
}

/** Bytes of a table-leaf payload kept on the page itself (fileformat2 §1.6). */
function localPayloadBytes(payload: number, usable: number): number {
  const maxLocal = usable - 35;
  if (payload <= maxLocal) return payload;
  const minLocal = Math.floor(((usable - 12) * 32) / 255) - 23;
  const candidate = minLocal + ((payload - minLocal) % (usable - 4));
  return candidate <= maxLocal ? candidate : minLocal;
}

/** SQLite varint: 1-9 bytes, big-endian, 7 bits per byte except a full 9th byte. */
function readVarint(bytes: Uint8Array, offset: number): { value: number; length: number } {
  let value = 0;
  for (let index = 0; index < 9; index++) {
    const byte = bytes[offset + index];
    if (byte === undefined) throw new RangeError('varint past the end');
    if (index === 8) return { value: value * 256 + byte, length: 9 };
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return { value, length: index + 1 };
  }
  return { value, length: 9 };
}

function readUint16(bytes: Uint8Array, offset: number): number {
  if (offset + 2 > bytes.byteLength) throw new RangeError('read past the end');
  return ((bytes[offset] ?? 0) << 8) | (bytes[offset + 1] ?? 0);
}

function readUint32(bytes: Uint8Array, offset: number): number {
  if (offset + 4 > bytes.byteLength) throw new RangeError('read past the end');
  return new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0);
}

function textDecoderFor(encoding: number): Utf8Decoder | null {
  // 0: not set yet. SQLite records the encoding with the first table, so a new database (often
  // all the main file holds while its tables are still in the -wal) has 0 and an empty schema.
  if (encoding === 0 || encoding === 1) return new TextDecoder('utf-8');
  if (encoding === 2) return new TextDecoder('utf-16le');
  if (encoding === 3) return new TextDecoder('utf-16be');
  return null;
}

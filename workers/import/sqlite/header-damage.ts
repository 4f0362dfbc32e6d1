/**
 * What is wrong with a SQLite file whose header or size does not add up, in words an examiner can
 * act on ("cut short", "page size impossible"), for errors that would otherwise only say
 * "database disk image is malformed". Reads the 100-byte header only (fileformat2 §1.3).
 */

import { isValidPageSize, sniffSqlite } from './sniff-sqlite.ts';

const HEADER_BYTES = 100;
const PAGE_SIZE_OFFSET = 16;
const CHANGE_COUNTER_OFFSET = 24;
const PAGE_COUNT_OFFSET = 28;
const VERSION_VALID_FOR_OFFSET = 92;

/** A sentence naming the damage, or null when the header and the file size are consistent. */
export function describeHeaderDamage(bytes: Uint8Array): string | null {
  if (!sniffSqlite(bytes)) return null;
  if (bytes.byteLength < HEADER_BYTES) return `the file is ${bytes.byteLength} bytes, shorter than the ${HEADER_BYTES}-byte SQLite header: it was cut short`;
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const rawPageSize = view.getUint16(PAGE_SIZE_OFFSET);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (!isValidPageSize(pageSize)) return `the header's page-size field says ${rawPageSize}, which SQLite never writes (a power of two from 512 to 65536): the header is damaged`;
  // The page count in the header is only trusted when written by a SQLite that maintains it.
  const countValid = view.getUint32(CHANGE_COUNTER_OFFSET) === view.getUint32(VERSION_VALID_FOR_OFFSET);
  const pages = view.getUint32(PAGE_COUNT_OFFSET);
  if (countValid && pages > 0 && pages * pageSize > bytes.byteLength) {
    return `the header says ${pages} pages of ${pageSize} bytes (${pages * pageSize} bytes) but the file holds ${bytes.byteLength}: it was cut short`;
  }
  if (bytes.byteLength % pageSize !== 0) return `the file (${bytes.byteLength} bytes) is not a whole number of ${pageSize}-byte pages: it was cut short or has bytes appended`;
  return null;
}

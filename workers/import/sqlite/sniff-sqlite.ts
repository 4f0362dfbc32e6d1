/** Content sniffing for SQLite database files: the 16-byte magic string every database starts with. */

/** "SQLite format 3" followed by a NUL byte. */
export const SQLITE_MAGIC = new Uint8Array([
  0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74, 0x20, 0x33, 0x00,
]);

/** True when the head of a file is the SQLite 3 header. */
export function sniffSqlite(head: Uint8Array): boolean {
  if (head.byteLength < SQLITE_MAGIC.byteLength) return false;
  for (let index = 0; index < SQLITE_MAGIC.byteLength; index++) {
    if (head[index] !== SQLITE_MAGIC[index]) return false;
  }
  return true;
}

/** The page size the header declares (offset 16, big-endian; the value 1 means 65536), or null when invalid. */
export function headerPageSize(head: Uint8Array): number | null {
  if (head.byteLength < 18) return null;
  const raw = ((head[16] ?? 0) << 8) | (head[17] ?? 0);
  const size = raw === 1 ? 65536 : raw;
  return isValidPageSize(size) ? size : null;
}

/** SQLite page sizes are powers of two from 512 to 65536. */
export function isValidPageSize(size: number): boolean {
  return size >= 512 && size <= 65536 && (size & (size - 1)) === 0;
}

import { seededRandom } from '../../scripts/bench/random.ts';

/**
 * Deterministic damage for real sample files: each variant is a named, reproducible mutation
 * (its offsets are in its description), drawn from a seeded generator so a failure names
 * everything needed to rebuild the exact bytes.
 */

export interface DamagedVariant {
  /** Short, stable name of the kind of damage (used by the known-failures list). */
  kind: string;
  /** The kind with its offsets and lengths, for a failure message. */
  description: string;
  bytes: Uint8Array;
}

/** A truncated two-byte sequence, then 0xFF, which UTF-8 never uses. */
const INVALID_UTF8 = [0xc3, 0x28, 0xff];
const SQLITE_MAGIC = 'SQLite format 3\0';
/** Page 1 holds the 100-byte database header before its b-tree page header. */
const DATABASE_HEADER_BYTES = 100;

/** A stable 32-bit seed per sample, so adding a sample does not change the others' variants. */
export function seedFor(baseSeed: number, sample: string): number {
  let hash = baseSeed >>> 0;
  for (let i = 0; i < sample.length; i++) hash = Math.imul(hash ^ sample.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

export function isSqlite(bytes: Uint8Array): boolean {
  return bytes.byteLength >= DATABASE_HEADER_BYTES && new TextDecoder('latin1').decode(bytes.subarray(0, 16)) === SQLITE_MAGIC;
}

/** The page size from the database header (1 stands for 65536). */
function sqlitePageSize(bytes: Uint8Array): number {
  const raw = (bytes[16] ?? 0) * 256 + (bytes[17] ?? 0);
  return raw === 1 ? 65_536 : raw;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** Every variant for one file; `seed` alone decides the offsets. */
export function damagedVariants(original: Uint8Array, seed: number): DamagedVariant[] {
  const random = seededRandom(seed);
  /** An integer in [low, high), or low when the range is empty. */
  const between = (low: number, high: number): number => (high <= low ? low : low + Math.floor(random() * (high - low)));
  const length = original.byteLength;
  const variants: DamagedVariant[] = [];
  const cut = (kind: string, at: number): void => {
    variants.push({ kind, description: `${kind}: cut at byte ${at} of ${length}`, bytes: original.slice(0, at) });
  };
  const flip = (kind: string, offsets: number[]): void => {
    const bytes = original.slice();
    const masks = offsets.map(() => between(1, 256));
    offsets.forEach((offset, index) => {
      bytes[offset] = (bytes[offset] ?? 0) ^ (masks[index] ?? 1);
    });
    const where = offsets.map((offset, index) => `${offset}^0x${(masks[index] ?? 1).toString(16)}`).join(', ');
    variants.push({ kind, description: `${kind}: bytes ${where}`, bytes });
  };

  cut('truncate-first-KiB', between(1, Math.min(1024, length)));
  cut('truncate-middle', between(Math.floor(length / 4), Math.floor((3 * length) / 4)));
  cut('truncate-near-end', Math.max(0, length - between(1, Math.min(64, length))));
  flip('flip-bytes', [0, 1, 2].map(() => between(0, length)));
  // Bit rot spread through the file, so text formats lose structure in many places at once.
  flip('flip-many-bytes', Array.from({ length: 32 }, () => between(0, length)));
  const zeroStart = between(0, length);
  const zeroEnd = Math.min(length, zeroStart + between(16, 2048));
  const zeroed = original.slice();
  zeroed.fill(0, zeroStart, zeroEnd);
  variants.push({ kind: 'zeroed-run', description: `zeroed-run: bytes ${zeroStart}..${zeroEnd} set to 0x00`, bytes: zeroed });
  const insertAt = between(0, length);
  variants.push({
    kind: 'invalid-utf8',
    description: `invalid-utf8: C3 28 FF inserted at byte ${insertAt}`,
    bytes: concat(original.subarray(0, insertAt), Uint8Array.from(INVALID_UTF8), original.subarray(insertAt)),
  });
  const chunkStart = between(0, length);
  const chunkEnd = Math.min(length, chunkStart + between(16, 4096));
  const pasteAt = between(0, length);
  variants.push({
    kind: 'duplicate-chunk',
    description: `duplicate-chunk: bytes ${chunkStart}..${chunkEnd} copied again at byte ${pasteAt}`,
    bytes: concat(original.subarray(0, pasteAt), original.subarray(chunkStart, chunkEnd), original.subarray(pasteAt)),
  });

  if (isSqlite(original)) addSqliteVariants(original, between, cut, flip);
  return variants;
}

/** Damage that lands on SQLite's own structure: page boundaries, b-tree page headers, the database header. */
function addSqliteVariants(
  original: Uint8Array,
  between: (low: number, high: number) => number,
  cut: (kind: string, at: number) => void,
  flip: (kind: string, offsets: number[]) => void,
): void {
  const pageSize = sqlitePageSize(original);
  const pages = Math.floor(original.byteLength / pageSize);
  if (pageSize < 512 || pages < 2) return;
  cut('sqlite-truncate-page-boundary', between(1, pages) * pageSize);
  cut('sqlite-truncate-mid-page', between(0, pages - 1) * pageSize + Math.floor(pageSize / 2));
  // A b-tree page header: its first 8 bytes (type, first freeblock, cell count, content start).
  const page = between(1, pages);
  flip('sqlite-flip-page-header', [page * pageSize + between(0, 8)]);
  // Cells sit at the end of a page: a flip there changes a record's serial types or values, which the database engine returns without complaint.
  const cellPage = between(0, pages);
  flip('sqlite-flip-cell-bytes', Array.from({ length: 8 }, () => cellPage * pageSize + between(Math.floor(pageSize / 2), pageSize)));
  flip('sqlite-flip-page1-btree-header', [DATABASE_HEADER_BYTES + between(0, 8)]);
  flip('sqlite-flip-database-header', [between(16, DATABASE_HEADER_BYTES)]);
}

/**
 * Replays a SQLite write-ahead log (`-wal`) onto a copy of the main database bytes, in memory.
 *
 * A phone database in WAL mode keeps its newest transactions in the -wal file until a checkpoint
 * copies them into the main file. Reading the main file alone misses those messages; letting
 * SQLite open the pair would checkpoint them into the evidence. So the log is parsed here, by
 * the rules of https://www.sqlite.org/fileformat2.html#walformat, and only the pages SQLite itself
 * would trust are applied: frames whose salts match the header and whose cumulative checksum
 * validates, up to the last commit frame. Everything else is counted and reported.
 */

import { headerPageSize, isValidPageSize } from './sniff-sqlite.ts';
import { MAX_EVIDENCE_DATABASE_BYTES } from '../import-limits.ts';

export const WAL_HEADER_BYTES = 32;
export const WAL_FRAME_HEADER_BYTES = 24;
/** Magic numbers: the low bit says which byte order the checksums read the data in. */
export const WAL_MAGIC_LITTLE_ENDIAN = 0x377f0682;
export const WAL_MAGIC_BIG_ENDIAN = 0x377f0683;
/** The only WAL format version SQLite has written. */
export const WAL_FORMAT_VERSION = 3007000;

/** Database header fields patched in the replayed copy (fileformat2 §1.3). */
const HEADER_WRITE_VERSION = 18;
const HEADER_READ_VERSION = 19;
const HEADER_PAGE_COUNT = 28;
const LEGACY_JOURNAL_VERSION = 1;
const WAL_JOURNAL_VERSION = 2;

/** What the replay did, for the source's details (a court may ask which bytes were read). */
export interface WalFacts {
  walBytes: number;
  applied: boolean;
  /** Why the log was not used at all (bad magic, header checksum, page size...). */
  rejectedBecause?: string;
  pageSize?: number;
  checksumByteOrder?: 'little-endian' | 'big-endian';
  checkpointSequence?: number;
  salts?: [number, number];
  /** Whole frames present in the file. */
  framesInFile: number;
  /** Frames whose pages were copied (every valid frame up to and including the last commit). */
  framesApplied: number;
  /** Valid frames after the last commit: a transaction that never committed. */
  framesUncommitted: number;
  /** Frames from the first bad salt or checksum onwards (a torn write, or leftovers of an older log). */
  framesInvalid: number;
  /** Bytes after the last whole frame. */
  trailingBytes: number;
  commitFrames: number;
  distinctPagesApplied: number;
  /** Database size in pages after the last valid commit. */
  pagesAfterReplay?: number;
  /** Header bytes changed in the in-memory copy so SQLite reads it without a log (never in the evidence). */
  headerPatched?: string[];
}

export interface WalReplayResult {
  /** The bytes to open: a patched copy when frames were applied, otherwise the main bytes unchanged. */
  bytes: Uint8Array;
  facts: WalFacts;
}

/**
 * SQLite's WAL checksum: pairs of 32-bit words, accumulated into (s0, s1). `bigEndian` picks the
 * byte order the words are read in (from the magic number). Exported for tests and tools.
 */
export function walChecksum(
  data: Uint8Array,
  offset: number,
  length: number,
  seed: readonly [number, number],
  bigEndian: boolean,
): [number, number] {
  const view = new DataView(data.buffer, data.byteOffset + offset, length);
  let s0 = seed[0];
  let s1 = seed[1];
  for (let position = 0; position + 8 <= length; position += 8) {
    s0 = (s0 + view.getUint32(position, !bigEndian) + s1) >>> 0;
    s1 = (s1 + view.getUint32(position + 4, !bigEndian) + s0) >>> 0;
  }
  return [s0, s1];
}

function emptyFacts(walBytes: number): WalFacts {
  return {
    walBytes,
    applied: false,
    framesInFile: 0,
    framesApplied: 0,
    framesUncommitted: 0,
    framesInvalid: 0,
    trailingBytes: 0,
    commitFrames: 0,
    distinctPagesApplied: 0,
  };
}

function reject(main: Uint8Array, facts: WalFacts, why: string): WalReplayResult {
  facts.rejectedBecause = why;
  return { bytes: main, facts };
}

/** Applies the committed frames of `wal` to a copy of `main`. Never modifies either input. */
export function replayWal(main: Uint8Array, wal: Uint8Array): WalReplayResult {
  const facts = emptyFacts(wal.byteLength);
  if (wal.byteLength === 0) return reject(main, facts, 'the log is empty (fully checkpointed)');
  if (wal.byteLength < WAL_HEADER_BYTES) return reject(main, facts, `the log is ${wal.byteLength} bytes, shorter than its 32-byte header`);

  const header = new DataView(wal.buffer, wal.byteOffset, WAL_HEADER_BYTES);
  const magic = header.getUint32(0);
  if (magic !== WAL_MAGIC_LITTLE_ENDIAN && magic !== WAL_MAGIC_BIG_ENDIAN) {
    return reject(main, facts, `the log does not start with a WAL magic number (found 0x${magic.toString(16).padStart(8, '0')})`);
  }
  const bigEndian = magic === WAL_MAGIC_BIG_ENDIAN;
  facts.checksumByteOrder = bigEndian ? 'big-endian' : 'little-endian';
  const version = header.getUint32(4);
  if (version !== WAL_FORMAT_VERSION) return reject(main, facts, `unknown WAL format version ${version}`);
  const pageSize = header.getUint32(8);
  facts.pageSize = pageSize;
  if (!isValidPageSize(pageSize)) return reject(main, facts, `invalid page size ${pageSize} in the log header`);
  const mainPageSize = main.byteLength === 0 ? pageSize : headerPageSize(main);
  if (mainPageSize !== pageSize) {
    return reject(main, facts, `the log's page size ${pageSize} differs from the database's ${mainPageSize ?? 'unreadable'} page size`);
  }
  facts.checkpointSequence = header.getUint32(12);
  const salt1 = header.getUint32(16);
  const salt2 = header.getUint32(20);
  facts.salts = [salt1, salt2];
  let checksum = walChecksum(wal, 0, 24, [0, 0], bigEndian);
  if (checksum[0] !== header.getUint32(24) || checksum[1] !== header.getUint32(28)) {
    // SQLite treats a log with a bad header checksum as empty.
    return reject(main, facts, 'the log header checksum does not validate');
  }

  const frameBytes = WAL_FRAME_HEADER_BYTES + pageSize;
  const frameCount = Math.floor((wal.byteLength - WAL_HEADER_BYTES) / frameBytes);
  facts.framesInFile = frameCount;
  facts.trailingBytes = (wal.byteLength - WAL_HEADER_BYTES) % frameBytes;

  // Walk the chain of valid frames; SQLite stops at the first frame that does not validate.
  let validFrames = 0;
  let lastCommitFrame = -1;
  let commitPageCount = 0;
  for (let frame = 0; frame < frameCount; frame++) {
    const offset = WAL_HEADER_BYTES + frame * frameBytes;
    const frameHeader = new DataView(wal.buffer, wal.byteOffset + offset, WAL_FRAME_HEADER_BYTES);
    const pageNumber = frameHeader.getUint32(0);
    if (pageNumber === 0 || frameHeader.getUint32(8) !== salt1 || frameHeader.getUint32(12) !== salt2) break;
    const next = walChecksum(wal, offset, 8, checksum, bigEndian);
    const withPage = walChecksum(wal, offset + WAL_FRAME_HEADER_BYTES, pageSize, next, bigEndian);
    if (withPage[0] !== frameHeader.getUint32(16) || withPage[1] !== frameHeader.getUint32(20)) break;
    checksum = withPage;
    validFrames += 1;
    const commitSize = frameHeader.getUint32(4);
    if (commitSize !== 0) {
      lastCommitFrame = frame;
      commitPageCount = commitSize;
      facts.commitFrames += 1;
    }
  }
  facts.framesApplied = lastCommitFrame + 1;
  facts.framesUncommitted = validFrames - facts.framesApplied;
  facts.framesInvalid = frameCount - validFrames;
  if (lastCommitFrame < 0) return reject(main, facts, 'the log holds no committed transaction');

  // The newest copy of each page wins; pages past the committed size are not part of the database.
  const latestFrameOfPage = new Map<number, number>();
  for (let frame = 0; frame <= lastCommitFrame; frame++) {
    const offset = WAL_HEADER_BYTES + frame * frameBytes;
    const pageNumber = new DataView(wal.buffer, wal.byteOffset + offset, 4).getUint32(0);
    if (pageNumber <= commitPageCount) latestFrameOfPage.set(pageNumber, offset);
  }
  const size = commitPageCount * pageSize;
  // The commit size is the log's word, checksummed but not trustworthy: a hostile one asks for terabytes.
  if (size > MAX_EVIDENCE_DATABASE_BYTES) return reject(main, facts, `the database after its last commit would be ${size} bytes, more than the ${MAX_EVIDENCE_DATABASE_BYTES} bytes a database can be read in memory`);
  const bytes = new Uint8Array(size);
  bytes.set(main.subarray(0, Math.min(main.byteLength, size)));
  for (const [pageNumber, offset] of latestFrameOfPage) {
    const start = offset + WAL_FRAME_HEADER_BYTES;
    bytes.set(wal.subarray(start, start + pageSize), (pageNumber - 1) * pageSize);
  }
  facts.applied = true;
  facts.distinctPagesApplied = latestFrameOfPage.size;
  facts.pagesAfterReplay = commitPageCount;
  facts.headerPatched = patchHeaderForReading(bytes, commitPageCount);
  return { bytes, facts };
}

/**
 * After a replay the copy is a complete database on its own: mark it as a rollback-journal
 * database (so SQLite looks for no log) and record its page count in the header.
 */
function patchHeaderForReading(bytes: Uint8Array, pageCount: number): string[] {
  const patched: string[] = [];
  if (bytes.byteLength < 100) return patched;
  if (bytes[HEADER_WRITE_VERSION] === WAL_JOURNAL_VERSION || bytes[HEADER_READ_VERSION] === WAL_JOURNAL_VERSION) {
    bytes[HEADER_WRITE_VERSION] = LEGACY_JOURNAL_VERSION;
    bytes[HEADER_READ_VERSION] = LEGACY_JOURNAL_VERSION;
    patched.push('file format read/write versions 2 (WAL) -> 1');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, 100);
  const declared = view.getUint32(HEADER_PAGE_COUNT);
  if (declared !== pageCount) {
    view.setUint32(HEADER_PAGE_COUNT, pageCount);
    patched.push(`in-header page count ${declared} -> ${pageCount}`);
  }
  return patched;
}

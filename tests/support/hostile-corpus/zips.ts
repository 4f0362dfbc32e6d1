import { constants, crc32, deflateRawSync } from 'node:zlib';
import type { TestZipEntry } from '../zip-writer.ts';
import { buildZip } from '../zip-writer.ts';

/**
 * Hostile zip archives: names that try to leave the archive, bombs, size lies, deep nesting and
 * floods of entries. Everything is built in memory from small pieces; the 1 GB bomb is a
 * repeated, independently flushed deflate block, so it costs ~1 MB and a CRC pass, not 1 GB.
 */

const MEBIBYTE = 1024 * 1024;

/** Names a zip-slip attack uses; each is next to a real `_chat.txt` so the rest must import. */
export const SLIP_NAMES = ['../../escaped-relative.txt', '/etc/escaped-absolute', 'C:\\escaped-drive.txt', '..\\..\\escaped-backslash.txt', 'media/..//../escaped-normalised.txt'];

/** A symbolic-link entry (Unix mode 120777) whose "content" is the path it points at. */
export function symlinkEntry(name: string, target: string): TestZipEntry {
  return { name, data: target, unixMode: 0o120777 };
}

export function slipEntries(): TestZipEntry[] {
  return [...SLIP_NAMES.map((name) => ({ name, data: 'written outside the case?' })), symlinkEntry('media/passwd.jpg', '/etc/passwd')];
}

/**
 * `mebibytes` MiB of zeros as raw deflate. Each MiB is compressed with a full flush (no back
 * references across it, byte-aligned, not final), so the same block repeats; a final empty block closes it.
 */
export function zerosDeflated(mebibytes: number): { body: Buffer; crc: number; size: number } {
  const made = deflatedZeros.get(mebibytes);
  if (made !== undefined) return made;
  const zeros = Buffer.alloc(MEBIBYTE);
  const block = deflateRawSync(zeros, { finishFlush: constants.Z_FULL_FLUSH });
  const closing = deflateRawSync(Buffer.alloc(0));
  let crc = 0;
  for (let index = 0; index < mebibytes; index += 1) crc = crc32(zeros, crc);
  const blocks: Buffer[] = [];
  for (let index = 0; index < mebibytes; index += 1) blocks.push(block);
  const result = { body: Buffer.concat([...blocks, closing]), crc, size: mebibytes * MEBIBYTE };
  deflatedZeros.set(mebibytes, result);
  return result;
}

/** The CRC of a gigabyte takes a second; two bombs share one. */
const deflatedZeros = new Map<number, { body: Buffer; crc: number; size: number }>();

/** A zip whose `_chat.txt` (or another name) inflates to 1 GiB of zeros from about 1 MB. */
export function gigabyteBomb(entryName: string, companions: TestZipEntry[] = []): Buffer {
  return buildZip([...companions, { name: entryName, data: '', precompressed: zerosDeflated(1024) }]);
}

/** A zip nested `depth` levels deep, the innermost holding `inner`. */
export function nestedZip(depth: number, inner: TestZipEntry[]): Buffer {
  let archive = buildZip(inner);
  for (let level = depth; level > 1; level -= 1) archive = buildZip([{ name: `level-${level}.zip`, data: archive }]);
  return archive;
}

/** `count` one-byte entries, then the real export last (where a sniffer that gives up early misses it). */
export function floodZip(count: number, last: TestZipEntry): Buffer {
  const entries: TestZipEntry[] = [];
  for (let index = 0; index < count; index += 1) entries.push({ name: `flood/${index}.bin`, data: 'x' });
  return buildZip([...entries, last]);
}

/** A zip whose single entry's central-directory size says 0xFFFFFFFF (a ZIP64 marker with no ZIP64 record). */
export function zip64Liar(entry: TestZipEntry): Buffer {
  return buildZip([{ ...entry, declaredSize: 0xffffffff }]);
}

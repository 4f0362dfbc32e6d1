import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { copyWithSha256, sha256Text } from './hashing.ts';
import type { HashedBytes } from './hashing.ts';

export const PAYLOAD_DIR = 'data';
export const MANIFEST = 'manifest-sha256.txt';
export const TAG_MANIFEST = 'tagmanifest-sha256.txt';

/**
 * Writes the files of one bag and remembers the SHA-256 and size of each, so the manifests and
 * Payload-Oxum are computed from the bytes actually written, never re-read or guessed.
 */
export class BagWriter {
  private readonly entries = new Map<string, HashedBytes>();

  constructor(readonly root: string) {}

  /** Writes a UTF-8 text or binary file at a bag-relative path (forward slashes). */
  writeFile(relativePath: string, content: string | Uint8Array): HashedBytes {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const target = this.prepare(relativePath);
    writeFileSync(target, bytes, { flag: 'wx' });
    const entry = { sha256: sha256Text(bytes), bytes: bytes.length };
    this.entries.set(relativePath, entry);
    return entry;
  }

  /** Streams a file into the bag and refuses it when its bytes do not have the expected hash. */
  async copyFile(relativePath: string, source: string, expectedSha256: string, signal?: AbortSignal): Promise<HashedBytes> {
    const entry = await copyWithSha256(source, this.prepare(relativePath), signal);
    if (entry.sha256 !== expectedSha256.toLowerCase()) {
      throw new AppError('E_HASH_MISMATCH', `${source}: SHA-256 is ${entry.sha256}, the case recorded ${expectedSha256}; the file changed since intake and was not packaged`);
    }
    this.entries.set(relativePath, entry);
    return entry;
  }

  has(relativePath: string): boolean {
    return this.entries.has(relativePath);
  }

  /** The payload files (under data/) with their hashes, sorted by path. */
  payload(): [string, HashedBytes][] {
    return [...this.entries].filter(([path]) => path.startsWith(`${PAYLOAD_DIR}/`)).sort(([a], [b]) => compareCodeUnits(a, b));
  }

  /** The tag files written so far (everything outside data/), sorted by path. */
  tags(): [string, HashedBytes][] {
    return [...this.entries].filter(([path]) => !path.startsWith(`${PAYLOAD_DIR}/`)).sort(([a], [b]) => compareCodeUnits(a, b));
  }

  files(): string[] {
    return [...this.entries.keys()].sort(compareCodeUnits);
  }

  totalBytes(): number {
    let total = 0;
    for (const entry of this.entries.values()) total += entry.bytes;
    return total;
  }

  private prepare(relativePath: string): string {
    if (this.entries.has(relativePath)) throw new AppError('E_INTERNAL', `${relativePath} written twice`, { expected: false });
    const target = join(this.root, ...relativePath.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    return target;
  }
}

/** Payload-Oxum (RFC 8493 §2.2.2): total payload octets, a dot, the number of payload files. */
export function payloadOxum(payload: readonly [string, HashedBytes][]): string {
  let octets = 0;
  for (const [, entry] of payload) octets += entry.bytes;
  return `${octets}.${payload.length}`;
}

/**
 * A manifest line per file: "<sha256>  <path>" (two spaces, the form `sha256sum -c` reads), sorted
 * by path. RFC 8493 §2.1.3 requires CR, LF and % in paths to be percent-encoded; Threadline's own
 * file names never contain them, so the manifest stays readable by coreutils as well.
 */
export function manifestText(entries: readonly [string, HashedBytes][]): string {
  return entries.map(([path, entry]) => `${entry.sha256}  ${encodeManifestPath(path)}\n`).join('');
}

export function encodeManifestPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function decodeManifestPath(path: string): string {
  return path.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

/** Sorting by UTF-16 code units: stable across locales, unlike localeCompare. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

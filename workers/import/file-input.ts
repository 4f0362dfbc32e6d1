import { closeSync, createReadStream, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { NearbyFile, ParserInput } from '../../shared/contracts/parsed-source.ts';
import { AppError } from '../../shared/errors.ts';
import { MAX_EVIDENCE_DATABASE_BYTES } from './import-limits.ts';

const STREAM_CHUNK_BYTES = 1 << 20;
/**
 * Files of the source's folder offered as nearby at most: an extraction folder can hold thousands,
 * and a parser that looks for a companion by content reads the head of each.
 */
export const MAX_NEARBY_FILES = 5000;

/**
 * A ParserInput over a file on disk. Every open is read-only ('r'); nothing is ever written.
 * `importedWith` are the other files of the same import (absolute paths), offered as nearby.
 */
export function fileInput(path: string, size: number, importedWith: readonly string[] = []): ParserInput {
  return { ...plainFileInput(path, size), nearby: () => Promise.resolve(nearbyFiles(path, importedWith)) };
}

/** A file on disk as a ParserInput with no nearby files of its own. */
function plainFileInput(path: string, size: number): ParserInput {
  return {
    path,
    displayName: basename(path),
    size,
    readAll: async () => new Uint8Array(await readFile(path, { flag: 'r' })),
    stream: () => createReadStream(path, { flags: 'r', highWaterMark: STREAM_CHUNK_BYTES }) as AsyncIterable<Uint8Array>,
    async companion(name) {
      // Only a plain sibling name: a companion can never point outside the source's folder.
      if (name !== basename(name)) return null;
      const companionPath = join(dirname(path), name);
      const size = fileSize(companionPath);
      if (size === null) return null;
      // Read whole, it would fail past 2 GiB and be taken for absent: a -wal's newest rows lost without a word.
      if (size > MAX_EVIDENCE_DATABASE_BYTES) throw new AppError('E_IMPORT_READ', `${name}: ${size} bytes, more than the ${MAX_EVIDENCE_DATABASE_BYTES} bytes a file beside a source can be read in memory`);
      try {
        return new Uint8Array(await readFile(companionPath, { flag: 'r' }));
      } catch {
        return null;
      }
    },
    nearby: () => Promise.resolve([]),
  };
}

/**
 * The regular files beside `path` (symbolic links are not followed: in a seized folder they may
 * point anywhere), in name order, then the files imported with it that are in other folders.
 */
export function nearbyFiles(path: string, importedWith: readonly string[]): NearbyFile[] {
  const folder = dirname(resolve(path));
  const own = basename(path);
  let names: string[] = [];
  try {
    names = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== own)
      .map((entry) => entry.name)
      .sort()
      .slice(0, MAX_NEARBY_FILES);
  } catch {
    // A folder that cannot be listed has nothing to offer.
  }
  const beside = names.map((name) => diskFile(join(folder, name), 'same-folder')).filter((file): file is NearbyFile => file !== null);
  return [...beside, ...importedFiles(importedWith.filter((other) => dirname(resolve(other)) !== folder))];
}

/** Other files of the same import, as nearby files. */
export function importedFiles(paths: readonly string[]): NearbyFile[] {
  return paths.map((path) => diskFile(path, 'same-import')).filter((file): file is NearbyFile => file !== null);
}

function diskFile(path: string, relation: NearbyFile['relation']): NearbyFile | null {
  let size: number;
  let modifiedMs: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return null;
    size = stats.size;
    modifiedMs = stats.mtimeMs;
  } catch {
    return null;
  }
  return { relation, input: plainFileInput(path, size), head: (length) => Promise.resolve(readHead(path, length)), fingerprint: `${size}:${modifiedMs}` };
}

function readHead(path: string, length: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(length);
    return buffer.subarray(0, readSync(fd, buffer, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}

/** The size of a regular file, or null when there is none at `path`. */
function fileSize(path: string): number | null {
  try {
    const stats = statSync(path);
    return stats.isFile() ? stats.size : null;
  } catch {
    return null;
  }
}

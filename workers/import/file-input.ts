import { closeSync, createReadStream, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { NearbyFile, NearbyGap, ParserInput } from '../../shared/contracts/parsed-source.ts';
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
  // Listed once, when first asked: the files offered and the folders left out are of one listing.
  let listing: NearbyListing | null = null;
  const listed = (): NearbyListing => (listing ??= nearbyListing(path, importedWith));
  return { ...plainFileInput(path, size), nearby: () => Promise.resolve(listed().files), nearbyUnlisted: () => Promise.resolve(listed().unlisted) };
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
    nearbyUnlisted: () => Promise.resolve([]),
  };
}

/** The files near a source, and the folders whose files are not all among them. */
export interface NearbyListing {
  files: NearbyFile[];
  unlisted: NearbyGap[];
}

/**
 * The regular files beside `path` (symbolic links are not followed: in a seized folder they may
 * point anywhere), in name order, then the files imported with it that are in other folders.
 */
export function nearbyFiles(path: string, importedWith: readonly string[]): NearbyFile[] {
  return nearbyListing(path, importedWith).files;
}

/**
 * nearbyFiles, with the source's folder named in `unlisted` when it could not be listed, when it
 * holds more files than MAX_NEARBY_FILES (only the first by name are offered), or when files in
 * it could not be looked at: a parser must not take what is offered for all that is there.
 */
export function nearbyListing(path: string, importedWith: readonly string[]): NearbyListing {
  const folder = dirname(resolve(path));
  const own = basename(path);
  const unlisted: NearbyGap[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== own)
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    unlisted.push({ relation: 'same-folder', folder, reason: `it could not be listed (${error instanceof Error ? error.message : String(error)})` });
    // The files of the import in this folder are known without a listing, and are still offered.
    names = [...new Set(importedWith.filter((other) => dirname(resolve(other)) === folder).map((other) => basename(other)))].filter((name) => name !== own).sort();
  }
  if (names.length > MAX_NEARBY_FILES) {
    unlisted.push({ relation: 'same-folder', folder, reason: `it holds ${names.length} other files, more than the ${MAX_NEARBY_FILES} offered: only the first ${MAX_NEARBY_FILES} by name were looked at` });
    names = names.slice(0, MAX_NEARBY_FILES);
  }
  const beside = names.map((name) => diskFile(join(folder, name), 'same-folder'));
  const found = beside.filter((file): file is NearbyFile => file !== null);
  if (found.length < beside.length) {
    unlisted.push({ relation: 'same-folder', folder, reason: `${beside.length - found.length} of the files listed in it could not be looked at (no longer a regular file, or not readable)` });
  }
  return { files: [...found, ...importedFiles(importedWith.filter((other) => dirname(resolve(other)) !== folder))], unlisted };
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

/** The first `length` bytes of the file at `path` (all of it when shorter), read-only. Throws as openSync does. */
export function readHead(path: string, length: number): Uint8Array {
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

/**
 * The file called `name` in each folder right below `folder` (symbolic links are not followed),
 * looked for in at most `maxFolders` folders by name, as nearby files of the same import (an
 * export's root asset is told by the chats in its folders: signal/companions.ts). `unlisted`
 * names `folder` when it could not be listed or held more folders than were looked into.
 */
export function fileInSubfolders(folder: string, name: string, maxFolders: number): NearbyListing {
  const unlisted: NearbyGap[] = [];
  let folders: string[] = [];
  try {
    folders = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    unlisted.push({ relation: 'same-folder', folder, reason: `it could not be listed (${error instanceof Error ? error.message : String(error)})` });
  }
  if (folders.length > maxFolders) {
    unlisted.push({ relation: 'same-folder', folder, reason: `it holds ${folders.length} folders: only the first ${maxFolders} by name were looked into` });
    folders = folders.slice(0, maxFolders);
  }
  const files = folders.map((child) => diskFile(join(folder, child, name), 'same-import')).filter((file): file is NearbyFile => file !== null);
  return { files, unlisted };
}

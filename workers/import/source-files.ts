import { createHash } from 'node:crypto';
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, normalize, posix, relative, resolve, sep } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { safeEntryName } from './zip/zip-archive.ts';
import type { ZipArchive, ZipEntryInfo } from './zip/zip-archive.ts';

export interface FileDigests {
  sha256: string;
  md5: string;
  size: number;
  /**
   * The name the bytes were found under, when it differs from the one asked for (by Unicode
   * normalisation, or another zip of a split download as `<zip>!/<entry>`): the record must name
   * the place the bytes really are.
   */
  foundAs?: string;
  /** Where the bytes were copied into the case's store (attachments/…), when they lie in no file of the source. */
  storedPath?: string;
}

/** What the other parts of a split download say of a path: the bytes found in one of them, or why none is taken (null: not looked for). */
export type OtherPartsLookup = { digests: FileDigests & { foundAs: string; storedPath: string } } | { why: string | null };

/**
 * The files that travel with a source (media beside a chat export, entries of the same zip), as
 * attachment resolution needs them: a digest of the bytes at a path the export names, or null
 * when there is no such file. Never reaches outside the source's own folder or archive.
 */
export interface SourceFiles {
  digest(path: string): Promise<FileDigests | null>;
  /** Why `path` leads to no file, when the source can tell (a zip knows its entries); for the analyst. */
  explainMissing?(path: string): string;
  /**
   * The file at exactly `downloadPath` (ParsedAttachment.downloadPath) in the other zips picked
   * with this one, when the source holds no file of its name (zip/split-parts.ts).
   */
  inOtherParts?(downloadPath: string): Promise<OtherPartsLookup>;
}

/**
 * Files in the source's folder and below it, and in the `sharedFolders` its format writes beside
 * that folder (signal-export's ../exported_stickers): nowhere else.
 */
export function folderFiles(sourcePath: string, sharedFolders: readonly string[] = []): SourceFiles {
  return {
    async digest(path) {
      const candidate = confinedFile(sourcePath, sharedFolders, path);
      return candidate === null ? null : digestStream(createReadStream(candidate, { flags: 'r' }) as AsyncIterable<Buffer>);
    },
  };
}

/**
 * The absolute path of the file `path` names relative to the source's folder, when it lies in that
 * folder or its `sharedFolders` and is a regular file; null otherwise. Throws when a symbolic link
 * leads outside. Shared with parsers that must read such a file themselves (Signal's encrypted ones).
 */
export function confinedFile(sourcePath: string, sharedFolders: readonly string[], path: string): string | null {
  const folder = dirname(sourcePath);
  const roots = [folder, ...sharedFolders.map((shared) => resolve(folder, '..', shared))];
  const candidate = resolve(folder, normalize(path.replaceAll('\\', '/')));
  const root = roots.find((allowed) => isInside(allowed, candidate));
  if (root === undefined) return null;
  if (!existsSync(candidate) || !statSync(candidate).isFile()) return null;
  // A symbolic link in a seized folder may point anywhere on the examiner's disk: the path
  // as written stays inside, but the bytes read must too.
  if (!isInside(realpathSync(root), realpathSync(candidate))) {
    throw new AppError('E_IMPORT_READ', `${path} is a symbolic link to a file outside the export folder; not followed`);
  }
  return candidate;
}

function isInside(folder: string, candidate: string): boolean {
  const rel = relative(folder, candidate);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
}

/** Entries of the zip that holds `entryName`: next to it first, then from the archive root, then by a unique file name. */
export function zipFiles(archive: ZipArchive, entryName: string): SourceFiles {
  const folder = posix.dirname(entryName);
  return {
    async digest(path) {
      const found = locateEntry(archive, folder, path.replaceAll('\\', '/'));
      if (found.entry === undefined) return null;
      const digests = await digestStream((await archive.stream(found.entry)) as AsyncIterable<Buffer>);
      return found.how === 'normalisation' ? { ...digests, foundAs: nameFrom(folder, found.entry.name) } : digests;
    },
    explainMissing(path) {
      return locateEntry(archive, folder, path.replaceAll('\\', '/')).why ?? `the zip holds no entry named ${path}`;
    },
  };
}

/** The entry a referenced name leads to and how it was matched, or why there is none. */
export type EntryLocation = { entry: ZipEntryInfo; how: 'exact' | 'normalisation' | 'file-name'; why?: undefined } | { entry?: undefined; why: string };

export function lookup(archive: ZipArchive, folder: string, wanted: string): ZipEntryInfo | undefined {
  return locateEntry(archive, folder, wanted).entry;
}

export function locateEntry(archive: ZipArchive, folder: string, wanted: string): EntryLocation {
  const beside = posix.normalize(posix.join(folder, wanted));
  const rooted = posix.normalize(wanted);
  const exact = archive.find(beside) ?? archive.find(rooted);
  if (exact !== undefined) return { entry: exact, how: 'exact' };
  // Only a unique match: of two entries that differ only by normalisation, neither is the one meant.
  const twins = [...new Set([...archive.findAcrossNormalisation(beside), ...archive.findAcrossNormalisation(rooted)])];
  const [twin] = twins;
  if (twins.length === 1 && twin !== undefined) return { entry: twin, how: 'normalisation' };
  if (twins.length > 1) return { why: `${twins.length} entries differ from the name only by Unicode normalisation (${twins.map((entry) => entry.name).join(', ')}); none is taken` };
  const name = posix.basename(wanted);
  const byName = archive.findByBaseName(name);
  const [only] = byName;
  if (byName.length === 1 && only !== undefined) return { entry: only, how: 'file-name' };
  return { why: whyNoEntry(archive, [beside, rooted], wanted) };
}

/** The entries the zip reader set aside (never read) that the wanted name may mean, else plain absence. */
function whyNoEntry(archive: ZipArchive, paths: readonly string[], wanted: string): string {
  const name = posix.basename(wanted);
  const link = archive.linkNames.find((raw) => paths.includes(safeEntryName(raw) ?? '') || posix.basename(raw) === name);
  if (link !== undefined) return `the entry ${link} is a symbolic link; not followed`;
  const unsafe = archive.unsafeNames.find((raw) => posix.basename(raw.replaceAll('\\', '/')) === name);
  if (unsafe !== undefined) return `the entry ${unsafe} names a place outside the archive; not read`;
  return `the zip holds no entry named ${wanted}`;
}

/** An entry's name as a path from `folder` when it lies below it, else from the archive root (lookup finds both). */
function nameFrom(folder: string, entryName: string): string {
  return folder !== '.' && entryName.startsWith(`${folder}/`) ? entryName.slice(folder.length + 1) : entryName;
}

export async function digestStream(stream: AsyncIterable<Buffer | Uint8Array>): Promise<FileDigests> {
  const sha256 = createHash('sha256');
  const md5 = createHash('md5');
  let size = 0;
  for await (const chunk of stream) {
    sha256.update(chunk);
    md5.update(chunk);
    size += chunk.byteLength;
  }
  return { sha256: sha256.digest('hex'), md5: md5.digest('hex'), size };
}

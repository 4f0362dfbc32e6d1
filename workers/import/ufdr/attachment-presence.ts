/**
 * Is an attachment's file really in the UFDR? The report names files (taggedFiles `Local Path`)
 * that an export can leave out, or that a damaged copy lost. The record writer then stores the
 * attachment as missing; this check lets the importer also say so as an issue naming the
 * message, so the examiner learns of it at import and not in court. It looks where the writer
 * looks: beside report.xml inside the same zip (or from the zip's root, or by a unique file
 * name), or under report.xml's folder on disk. It only tests presence; bytes are hashed later.
 */

import { existsSync, statSync } from 'node:fs';
import { dirname, normalize, posix, relative, resolve, sep } from 'node:path';
import { lookup } from '../source-files.ts';
import { ZipArchive } from '../zip/zip-archive.ts';

export interface AttachmentPresence {
  has(path: string): boolean;
  close(): void;
}

/** A presence check for the source at `sourcePath` (a file, or `<zip>!/<entry>`); null when there is nothing on disk to check (an in-memory test input). */
export async function attachmentPresence(sourcePath: string): Promise<AttachmentPresence | null> {
  const split = sourcePath.indexOf('!/');
  if (split !== -1) {
    const archive = await ZipArchive.open(sourcePath.slice(0, split)).catch(() => null);
    if (archive === null) return null;
    const folder = posix.dirname(sourcePath.slice(split + 2));
    return { has: (path) => lookup(archive, folder, path.replaceAll('\\', '/')) !== undefined, close: () => archive.close() };
  }
  if (!existsSync(sourcePath)) return null;
  const folder = dirname(sourcePath);
  return {
    has(path) {
      const candidate = resolve(folder, normalize(path.replaceAll('\\', '/')));
      const rel = relative(folder, candidate);
      if (rel === '' || rel.startsWith('..') || rel.startsWith(sep)) return false;
      return existsSync(candidate) && statSync(candidate).isFile();
    },
    close: () => undefined,
  };
}

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
  /** Is the file there? A file found counts as named by the report (unnamed()). */
  has(path: string): boolean;
  /**
   * The entries below report.xml's folder in the same zip that nothing tested with has() found
   * (the report itself aside), in archive order; null outside a zip, where the engine lists the
   * files beside report.xml itself (engine/import/cellebrite-folder.ts).
   */
  unnamed(): string[] | null;
  close(): void;
}

/** A presence check for the source at `sourcePath` (a file, or `<zip>!/<entry>`); null when there is nothing on disk to check (an in-memory test input). */
export async function attachmentPresence(sourcePath: string): Promise<AttachmentPresence | null> {
  const split = sourcePath.indexOf('!/');
  if (split !== -1) {
    const archive = await ZipArchive.open(sourcePath.slice(0, split)).catch(() => null);
    if (archive === null) return null;
    const reportName = sourcePath.slice(split + 2);
    const folder = posix.dirname(reportName);
    const found = new Set<string>([reportName]);
    return {
      has(path) {
        const entry = lookup(archive, folder, path.replaceAll('\\', '/'));
        if (entry !== undefined) found.add(entry.name);
        return entry !== undefined;
      },
      unnamed: () => archive.entries.filter((entry) => isBelow(folder, entry.name) && !entry.name.endsWith('/') && !found.has(entry.name)).map((entry) => entry.name),
      close: () => archive.close(),
    };
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
    unnamed: () => null,
    close: () => undefined,
  };
}

/** An entry below the zip folder `folder` ('.' for the zip's root). */
function isBelow(folder: string, name: string): boolean {
  return folder === '.' || name.startsWith(`${folder}/`);
}

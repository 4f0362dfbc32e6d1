import { closeSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../shared/errors.ts';

export interface CollectedFile {
  path: string;
  size: number;
}

/**
 * Expands the user's paths into files: a folder contributes every regular file below it, in a
 * stable (sorted) order. Symbolic links are not followed, so a seized folder cannot lead the
 * import outside itself. A folder holding a Cellebrite report.xml is an unzipped UFDR: it is one
 * source, its report.xml, whose importer finds the extracted files beside it as attachments
 * (otherwise every extracted file would be tried as a source of its own).
 */
export function collectFiles(paths: string[]): { files: CollectedFile[]; problems: { path: string; reason: string }[] } {
  const files: CollectedFile[] = [];
  const problems: { path: string; reason: string }[] = [];
  const visit = (path: string): void => {
    let stats;
    try {
      stats = lstatSync(path);
    } catch (error) {
      problems.push({ path, reason: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
      return;
    }
    if (stats.isSymbolicLink()) problems.push({ path, reason: 'is a symbolic link; not followed' });
    else if (stats.isDirectory()) {
      const entries = readdirSync(path).sort();
      const report = cellebriteReportIn(path, entries);
      if (report !== null) files.push(report);
      else for (const entry of entries) visit(join(path, entry));
    }
    else if (stats.isFile()) files.push({ path, size: stats.size });
    else problems.push({ path, reason: 'is not a regular file' });
  };
  for (const path of paths) visit(resolve(path));
  if (files.length === 0 && problems.length === 0) throw new AppError('E_IMPORT_EMPTY', `No files found in ${paths.join(', ')}`);
  return { files, problems };
}

/** Physical Analyzer's report namespace, and the first bytes of a password-protected report.xml. */
const CELLEBRITE_NAMESPACE = 'http://pa.cellebrite.com/report/2.0';
const PROTECTED_REPORT_MAGIC = [0x2d, 0x06, 0x52, 0x6d];
const REPORT_HEAD_BYTES = 4096;

function cellebriteReportIn(folder: string, entries: string[]): CollectedFile | null {
  const name = entries.find((entry) => entry.toLowerCase() === 'report.xml');
  if (name === undefined) return null;
  const path = join(folder, name);
  const stats = lstatSync(path);
  if (!stats.isFile()) return null;
  const head = new Uint8Array(REPORT_HEAD_BYTES);
  const fd = openSync(path, 'r');
  let length: number;
  try {
    length = readSync(fd, head, 0, REPORT_HEAD_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  const isProtected = PROTECTED_REPORT_MAGIC.every((byte, index) => head[index] === byte);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, length));
  return isProtected || text.includes(CELLEBRITE_NAMESPACE) ? { path, size: stats.size } : null;
}

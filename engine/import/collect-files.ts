import { lstatSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../shared/errors.ts';

export interface CollectedFile {
  path: string;
  size: number;
}

/**
 * Expands the user's paths into files: a folder contributes every regular file below it, in a
 * stable (sorted) order. Symbolic links are not followed, so a seized folder cannot lead the
 * import outside itself.
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
    else if (stats.isDirectory()) for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    else if (stats.isFile()) files.push({ path, size: stats.size });
    else problems.push({ path, reason: 'is not a regular file' });
  };
  for (const path of paths) visit(resolve(path));
  if (files.length === 0 && problems.length === 0) throw new AppError('E_IMPORT_EMPTY', `No files found in ${paths.join(', ')}`);
  return { files, problems };
}

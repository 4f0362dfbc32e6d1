import { lstatSync, readdirSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { AUDIT_LOG_FILE } from '../case/audit-log.ts';
import type { CollectedFile } from './collected-file.ts';
import { filesAttachedByManifests } from './manifest-attachments.ts';
import { folderOwners } from './owned-folders.ts';
import { isRsmfManifest } from './rsmf-folder.ts';
import type { OwnedFolder } from './owned-folders.ts';

export type { CollectedFile } from './collected-file.ts';

export const OWN_CASE_REASON = "a file of the case itself (Threadline's database, log or index), not evidence: not imported";

/** A named path that gives no file to import; `code` when it is not a read failure. */
export interface CollectProblem {
  path: string;
  reason: string;
  code?: 'E_IMPORT_EMPTY';
}

/** What the user's paths expand to: the files to import, and what is listed instead, with why. */
export interface Collection {
  files: CollectedFile[];
  problems: CollectProblem[];
  ownedFolders: OwnedFolder[];
  skipped: { path: string; reason: string }[];
}

/**
 * Expands the user's paths into files: a folder contributes every regular file below it, in a
 * stable (sorted) order. Symbolic links are not followed, so a seized folder cannot lead the
 * import outside itself. A folder holding a Cellebrite report.xml (an unzipped UFDR) is that
 * report's: it is one source, whose importer finds the files beside it as attachments (otherwise
 * a copied database would be imported beside the report, every chat twice). The files beside it
 * are returned with it in `ownedFolders`, so the ones it does not name can be listed
 * (owned-folders.ts); below such a folder no other folder is owned. An RSMF manifest owns only
 * the files its events attach (manifest-attachments.ts): the rest of its folder is collected as
 * usual. A manifest named as a file owns what it attaches among the files named with it.
 */
export async function collectFiles(paths: string[], options: { caseFolder?: string } = {}): Promise<Collection> {
  const files: CollectedFile[] = [];
  const problems: CollectProblem[] = [];
  const ownedFolders: OwnedFolder[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const manifests = new Set<string>();
  const caseFolder = options.caseFolder === undefined ? null : resolve(options.caseFolder);
  const visit = (path: string, into: CollectedFile[] = files): void => {
    // The case may be kept inside the folder being imported: its own database, log and index
    // are not evidence (and change while the import runs). Listed, never read. Anything else in
    // the case folder is read as usual (the browser's uploads wait in its intake folder).
    if (caseFolder !== null && isCaseOwnEntry(path, caseFolder)) {
      skipped.push({ path, reason: OWN_CASE_REASON });
      return;
    }
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
      const owners = into === files ? folderOwners(path, entries) : [];
      // Beside a report, a manifest is one of the folder's owners; on its own it owns no folder.
      if (!owners.some((owner) => owner.kind === 'cellebrite-report')) {
        for (const owner of owners) manifests.add(owner.path);
        for (const entry of entries) visit(join(path, entry), into);
      } else {
        for (const owner of owners) files.push({ path: owner.path, size: owner.size });
        const owned = new Set(owners.map((owner) => owner.path));
        const beside: CollectedFile[] = [];
        for (const entry of entries) if (!owned.has(join(path, entry))) visit(join(path, entry), beside);
        ownedFolders.push({ folder: path, owners, beside });
      }
    }
    else if (stats.isFile()) into.push({ path, size: stats.size });
    else problems.push({ path, reason: 'is not a regular file' });
  };
  for (const path of paths) {
    const before = files.length + problems.length + skipped.length;
    visit(resolve(path));
    // A manifest picked as a file owns what it attaches among the other files picked, as in its folder.
    if (files.length > before && isPickedManifest(resolve(path))) manifests.add(resolve(path));
    // A folder the analyst named that holds no file is said, not dropped: the named evidence
    // may be the wrong folder. (An empty folder met below a named one is not a source.)
    if (files.length + problems.length + skipped.length === before) problems.push({ path: resolve(path), reason: 'is a folder with no files in it', code: 'E_IMPORT_EMPTY' });
  }
  if (files.length === 0 && problems.length === 0) throw new AppError('E_IMPORT_EMPTY', `No files found in ${paths.join(', ')}`);
  const attached = await filesAttachedByManifests([...manifests], files);
  return { files: files.filter((file) => !attached.has(file.path)), problems, ownedFolders, skipped };
}

/** A file named by the user (not a folder) that is an RSMF manifest by its content. */
function isPickedManifest(path: string): boolean {
  const name = basename(path);
  if (!name.toLowerCase().endsWith('.json')) return false;
  try {
    return lstatSync(path).isFile() && isRsmfManifest(path, name);
  } catch {
    return false;
  }
}

/** The case database (with its journal, WAL and lock files), the audit log and the search index: the case's own entries. */
const CASE_OWN_ENTRY = new RegExp(`^(?:case\\.sqlite(?:[-.].*)?|${AUDIT_LOG_FILE.replace('.', '\\.')}|index)$`, 'u');

/** `path` is one of the case's own entries, or lies below one. */
function isCaseOwnEntry(path: string, caseFolder: string): boolean {
  const rest = relative(caseFolder, path);
  if (rest === '' || isAbsolute(rest) || rest === '..' || rest.startsWith(`..${sep}`)) return false;
  return CASE_OWN_ENTRY.test(rest.split(sep)[0] ?? '');
}

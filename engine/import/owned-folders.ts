import { lstatSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isCellebriteReport, namesInReport, NOT_REFERENCED_REASON } from './cellebrite-folder.ts';
import type { CollectedFile } from './collected-file.ts';
import { isRsmfManifest, namesInManifest } from './rsmf-folder.ts';

/**
 * Folders whose files are the attachments of a source inside them, not sources of their own: an
 * unzipped UFDR (its report.xml). Otherwise every file of such a folder would be tried as a
 * source: a UFDR's copied database imported beside the report, every chat twice. An RSMF
 * manifest beside the report is an owner too (a file either names is read through it); an RSMF
 * manifest on its own owns only the files its events attach (manifest-attachments.ts). The zip
 * importer folds a zip's folders the same way (workers/import/zip/zip-source.ts, ownsItsFolder).
 */

export type FolderOwnerKind = 'cellebrite-report' | 'rsmf-manifest';

export interface FolderOwner extends CollectedFile {
  kind: FolderOwnerKind;
}

/** A folder, its owners (the sources), and every other file below it. */
export interface OwnedFolder {
  folder: string;
  owners: FolderOwner[];
  beside: CollectedFile[];
}

export const NOT_NAMED_BY_EITHER_REASON = 'not imported: beside a Cellebrite report and an RSMF manifest, named by neither';

/**
 * The owners a folder may have, by content: a Cellebrite report.xml (its name any case, as the
 * UFDR layout has it) and every RSMF manifest among its `.json` files (the name only picks which
 * files are looked at; RSMF-Inspector writes `<name>_rsmf_manifest.json`). A folder holding a
 * report is the report's, and the manifests' beside it: each is a source, and a file either names
 * is read through it. Manifests alone own no folder (collect-files.ts).
 */
export function folderOwners(folder: string, entries: readonly string[]): FolderOwner[] {
  const owners: FolderOwner[] = [];
  for (const name of entries) {
    const lower = name.toLowerCase();
    const kind = lower === 'report.xml' ? 'cellebrite-report' : lower.endsWith('.json') ? 'rsmf-manifest' : null;
    if (kind === null) continue;
    const path = join(folder, name);
    const stats = statOrNull(path);
    // Gone or unreadable now: not an owner; visiting it as a file of the folder says why.
    if (stats === null || !stats.isFile()) continue;
    if (kind === 'cellebrite-report' ? isCellebriteReport(path) : isRsmfManifest(path, name)) owners.push({ path, size: stats.size, kind });
  }
  return owners;
}

function statOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/** The files of owned folders no owner names, and the owners that could not be read to tell. */
export interface OwnedFolderListing {
  /** Neither imported nor read as an attachment: listed with the reason, never silently left out. */
  files: (CollectedFile & { reason: string })[];
  /** Owners gone or unreadable since they were collected (removed, a permission changed), with why. */
  problems: { path: string; reason: string }[];
}

/**
 * The files of owned folders that no owner names. An owner that cannot be read is listed as a
 * problem, and the files it may name as not checked: the import's other sources go on (a throw
 * here cost the whole import, or the detect step, its result).
 */
export async function unreferencedInOwnedFolders(folders: readonly OwnedFolder[]): Promise<OwnedFolderListing> {
  const listing: OwnedFolderListing = { files: [], problems: [] };
  for (const { folder, owners, beside } of folders) {
    const wanted = new Set(beside.map((file) => relativeName(folder, file.path)));
    const named = new Set<string>();
    let unread: string | null = null;
    for (const owner of owners) {
      try {
        const names = owner.kind === 'cellebrite-report' ? await namesInReport(owner.path, wanted) : await namesInManifest(owner.path, wanted);
        for (const name of names) named.add(name);
      } catch (error) {
        listing.problems.push({ path: owner.path, reason: `cannot be read to tell which files of its folder it names: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
        unread ??= owner.path;
      }
    }
    const reason = unread === null ? reasonFor(new Set(owners.map((owner) => owner.kind))) : notCheckedReason(unread);
    for (const file of beside) if (!named.has(relativeName(folder, file.path))) listing.files.push({ ...file, reason });
  }
  return listing;
}

/** Why a file of an owned folder is listed when an owner that may name it could not be read. */
export function notCheckedReason(owner: string): string {
  return `not imported: beside ${owner}, which could not be read to tell whether it names this file`;
}

/** Owned folders are a report's: with a manifest beside it too, neither named the file. */
function reasonFor(kinds: ReadonlySet<FolderOwnerKind>): string {
  return kinds.has('rsmf-manifest') ? NOT_NAMED_BY_EITHER_REASON : NOT_REFERENCED_REASON;
}

/** A file's path under the folder, '/'-separated as the report's Local Paths and the manifest's ids are read. */
function relativeName(folder: string, path: string): string {
  return relative(folder, path).split(sep).join('/');
}

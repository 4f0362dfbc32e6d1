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

/**
 * The files of owned folders that no owner names: neither imported nor read as an attachment,
 * so they are listed with the reason rather than silently left out.
 */
export async function unreferencedInOwnedFolders(folders: readonly OwnedFolder[]): Promise<(CollectedFile & { reason: string })[]> {
  const unreferenced: (CollectedFile & { reason: string })[] = [];
  for (const { folder, owners, beside } of folders) {
    const wanted = new Set(beside.map((file) => relativeName(folder, file.path)));
    const named = new Set<string>();
    for (const owner of owners) {
      const names = owner.kind === 'cellebrite-report' ? await namesInReport(owner.path, wanted) : await namesInManifest(owner.path, wanted);
      for (const name of names) named.add(name);
    }
    const reason = reasonFor(new Set(owners.map((owner) => owner.kind)));
    for (const file of beside) if (!named.has(relativeName(folder, file.path))) unreferenced.push({ ...file, reason });
  }
  return unreferenced;
}

/** Owned folders are a report's: with a manifest beside it too, neither named the file. */
function reasonFor(kinds: ReadonlySet<FolderOwnerKind>): string {
  return kinds.has('rsmf-manifest') ? NOT_NAMED_BY_EITHER_REASON : NOT_REFERENCED_REASON;
}

/** A file's path under the folder, '/'-separated as the report's Local Paths and the manifest's ids are read. */
function relativeName(folder: string, path: string): string {
  return relative(folder, path).split(sep).join('/');
}

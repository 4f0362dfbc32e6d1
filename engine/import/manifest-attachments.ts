import { dirname, relative, sep } from 'node:path';
import type { CollectedFile } from './collected-file.ts';
import { namesInManifest } from './rsmf-folder.ts';

/**
 * An extracted RSMF production's manifest owns only the files its events attach: the RSMF
 * importer reads those beside it as attachments (workers/import/rsmf/attachments.ts,
 * besideManifest), so they are no sources of their own (an attached chat export imported beside
 * the conversation that attaches it would give its words twice, once out of their production).
 * Every other file of the folder is a source as if no manifest were there: analysts drop a
 * production into an evidence folder beside a phone's other exports. (A UFDR's report.xml owns its
 * whole folder instead: owned-folders.ts.)
 */

/**
 * The paths of `files` that one of `manifests` attaches (a manifest never counts as attached: it
 * is a source itself). A manifest that cannot be read attaches nothing: the files beside it are
 * then imported as sources, and the manifest's own import says why it could not be read.
 */
export async function filesAttachedByManifests(manifests: readonly string[], files: readonly CollectedFile[]): Promise<Set<string>> {
  const attached = new Set<string>();
  const isManifest = new Set(manifests);
  for (const manifest of manifests) {
    const folder = dirname(manifest);
    const below = new Map<string, string>();
    for (const file of files) {
      if (isManifest.has(file.path) || !file.path.startsWith(`${folder}${sep}`)) continue;
      below.set(relative(folder, file.path).split(sep).join('/'), file.path);
    }
    for (const name of await namesOrNone(manifest, new Set(below.keys()))) {
      const path = below.get(name);
      if (path !== undefined) attached.add(path);
    }
  }
  return attached;
}

async function namesOrNone(manifest: string, wanted: ReadonlySet<string>): Promise<Set<string>> {
  try {
    return await namesInManifest(manifest, wanted);
  } catch {
    return new Set();
  }
}

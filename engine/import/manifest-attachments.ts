import { dirname, relative, sep } from 'node:path';
import { opensWithHeaderField, RSMF_MESSAGE_OPENING_BYTES, RSMF_MESSAGE_SNIFF_BYTES, sniffRsmfMessage } from '../../shared/formats/rsmf-message-sniff.ts';
import type { CollectedFile } from './collected-file.ts';
import { readFileHead } from './file-head.ts';
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
 * is a source itself, and neither does an attached `.rsmf`). A manifest that cannot be read attaches nothing: the files beside it are
 * then imported as sources, and the manifest's own import says why it could not be read.
 */
export async function filesAttachedByManifests(manifests: readonly string[], files: readonly CollectedFile[]): Promise<Set<string>> {
  const attached = new Set<string>();
  if (manifests.length === 0) return attached;
  const isManifest = new Set(manifests);
  // Sorted, the files below a folder are one run: an evidence folder of many productions is not scanned once per manifest.
  const paths = files.map((file) => file.path).sort();
  for (const manifest of manifests) {
    const folder = dirname(manifest);
    const below = new Map<string, string>();
    for (const path of pathsBelow(paths, `${folder}${sep}`)) if (!isManifest.has(path)) below.set(relative(folder, path).split(sep).join('/'), path);
    for (const name of await namesOrNone(manifest, new Set(below.keys()))) {
      const path = below.get(name);
      if (path !== undefined && !isProduction(path)) attached.add(path);
    }
  }
  return attached;
}

/**
 * An attached `.rsmf` is a production of its own: the manifest keeps its bytes as the event's
 * attachment, and nothing would read its conversations. It is imported as a source too (its
 * messages are nowhere else in the case, so nothing comes twice).
 */
function isProduction(path: string): boolean {
  const opening = readFileHead(path, RSMF_MESSAGE_OPENING_BYTES);
  if (opening === null || !opensWithHeaderField(opening)) return false;
  const head = readFileHead(path, RSMF_MESSAGE_SNIFF_BYTES);
  return head !== null && sniffRsmfMessage(head);
}

/** The paths of `sorted` that start with `prefix`. */
function pathsBelow(sorted: readonly string[], prefix: string): string[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? '') < prefix) low = middle + 1;
    else high = middle;
  }
  const below: string[] = [];
  for (let index = low; index < sorted.length && (sorted[index] ?? '').startsWith(prefix); index += 1) below.push(sorted[index] ?? '');
  return below;
}

async function namesOrNone(manifest: string, wanted: ReadonlySet<string>): Promise<Set<string>> {
  try {
    return await namesInManifest(manifest, wanted);
  } catch {
    return new Set();
  }
}

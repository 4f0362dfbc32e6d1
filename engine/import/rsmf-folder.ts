import { createReadStream } from 'node:fs';
import { RsmfAttachmentIdScanner } from '../../shared/formats/rsmf-attachment-ids.ts';
import { RSMF_MANIFEST_SNIFF_BYTES, sniffRsmfManifest } from '../../shared/formats/rsmf-manifest.ts';
import { readFileHead } from './file-head.ts';

/**
 * An extracted RSMF production: rsmf_manifest.json (any name its content allows) with the files
 * its events attach beside it. The schemas (relativitydev/rsmf-validator-samples,
 * RSMFManifestSchema/rsmf_schema_1_0_0.json and 2_0_0.json) name an event's attachment by its
 * `id`, which "should correspond to the name of a file within the rsmf.zip", and the RSMF
 * importer looks it up beside the manifest (workers/import/rsmf/attachments.ts, besideManifest).
 */

/** Is this file an RSMF manifest? The same test the RSMF importer's sniff makes. */
export function isRsmfManifest(path: string, name: string): boolean {
  // Not readable now: the folder is then collected file by file, and reading the manifest says why.
  const head = readFileHead(path, RSMF_MANIFEST_SNIFF_BYTES);
  return head !== null && sniffRsmfManifest(head, name);
}

/**
 * Which of `wanted` (paths below the manifest's folder, '/'-separated) an event attaches, of the
 * ids the importer reads (shared/formats/rsmf-attachment-ids.ts), each read as the path the
 * importer looks up (backslashes made slashes, `.` parts dropped; one climbing out with `..`,
 * written absolute or as a URL names nothing). Streamed, so a manifest of gigabytes is read once
 * and never held; a damaged manifest gives the names read up to the damage. Throws when the
 * manifest cannot be read at all.
 */
export async function namesInManifest(manifestPath: string, wanted: ReadonlySet<string>): Promise<Set<string>> {
  const found = new Set<string>();
  if (wanted.size === 0) return found;
  const scanner = new RsmfAttachmentIdScanner((id) => {
    const name = attachmentPath(id);
    if (name !== null && wanted.has(name)) found.add(name);
  });
  for await (const chunk of createReadStream(manifestPath, { encoding: 'utf8' }) as AsyncIterable<string>) scanner.feed(chunk);
  scanner.end();
  return found;
}

/** An attachment id as the path the importer looks up (import-limits.ts safeRelativePath: a URL names none), or null. */
function attachmentPath(id: string): string | null {
  const slashed = id.replaceAll('\\', '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/u.test(slashed) || /^[a-z][a-z0-9+.-]*:\/\//iu.test(slashed)) return null;
  const parts = slashed.split('/').filter((part) => part !== '' && part !== '.');
  return parts.length === 0 || parts.includes('..') ? null : parts.join('/');
}

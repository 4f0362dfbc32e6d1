import { posix } from 'node:path';
import type { SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { RsmfAttachmentIdScanner } from '../../../shared/formats/rsmf-attachment-ids.ts';
import { safeRelativePath } from '../import-limits.ts';
import { locateEntry } from '../source-files.ts';
import type { ZipArchive, ZipEntryInfo } from './zip-archive.ts';

/**
 * A zipped RSMF production (a bare rsmf.zip, or an extracted one zipped again) owns only the
 * entries its manifest's events attach: the RSMF importer reads those as attachments, so they are
 * not exports of their own (an attached chat.txt or .eml would otherwise come twice, once out of
 * its production). Every other entry of the zip is surveyed as usual, as on disk
 * (engine/import/manifest-attachments.ts).
 */

/** The RSMF importer's format: an `.rsmf` message, or a manifest read on its own. */
const RSMF_FORMAT = 'rsmf';

/** A recognised entry that is an RSMF manifest (a JSON object), not an `.rsmf` message (an e-mail, which attaches nothing of the zip). */
export function isRsmfManifestEntry(parser: SourceParser, head: Uint8Array): boolean {
  return parser.format === RSMF_FORMAT && startsWithJsonObject(head);
}

function startsWithJsonObject(head: Uint8Array): boolean {
  let index = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (index < head.length && (head[index] === 0x20 || head[index] === 0x09 || head[index] === 0x0a || head[index] === 0x0d)) index += 1;
  return head[index] === 0x7b;
}

/**
 * The names of the entries `manifest` attaches, each id looked up as the import looks it up
 * (besideManifest's safeRelativePath, then source-files.ts zipFiles: beside the manifest, from the
 * zip's root, across Unicode normalisation, by a unique file name). The manifest is streamed from
 * its entry within the zip limits (ZipArchive.stream refuses a bomb) and never held. A damaged
 * manifest (cut short, not JSON past some point) attaches the entries named up to the damage, as
 * the importer reads them. One whose bytes cannot be read (a bomb, encrypted, a bad CRC) attaches
 * nothing, as the importer cannot read it either: the entries are surveyed as exports, and the
 * manifest's own import says why it failed.
 */
export async function entriesAttachedByManifest(archive: ZipArchive, manifest: ZipEntryInfo): Promise<Set<string>> {
  const attached = new Set<string>();
  const folder = posix.dirname(manifest.name);
  const scanner = new RsmfAttachmentIdScanner((id) => {
    const path = safeRelativePath(id);
    const entry = path === null ? undefined : locateEntry(archive, folder, path).entry;
    if (entry !== undefined && entry !== manifest) attached.add(entry.name);
  });
  try {
    const stream = await archive.stream(manifest);
    stream.setEncoding('utf8');
    for await (const chunk of stream as AsyncIterable<string>) scanner.feed(chunk);
  } catch {
    return new Set();
  }
  scanner.end();
  return attached;
}

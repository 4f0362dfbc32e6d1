import { posix } from 'node:path';
import type { SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { RsmfAttachmentIdScanner } from '../../../shared/formats/rsmf-attachment-ids.ts';
import { RSMF_MANIFEST_SNIFF_BYTES, sniffRsmfManifest } from '../../../shared/formats/rsmf-manifest.ts';
import { opensWithHeaderField, RSMF_MESSAGE_OPENING_BYTES, RSMF_MESSAGE_SNIFF_BYTES, sniffRsmfMessage } from '../../../shared/formats/rsmf-message-sniff.ts';
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
 * The names of the entries `manifest` attaches (but a production: an `.rsmf` or another manifest),
 * each id looked up as the import looks it up (besideManifest's safeRelativePath, then
 * source-files.ts zipFiles: beside the manifest, from the zip's root, across Unicode
 * normalisation, by a unique file name). Only entries below the manifest's folder are its own, as
 * on disk: one elsewhere in the zip that an id finds only from the root or by its file name (the
 * production does not hold the file it names) is another export's, the phone's chat.txt beside
 * the production, and is surveyed as usual (the import still reads it as the attachment, and says
 * how it was found). The manifest is streamed from
 * its entry within the zip limits (ZipArchive.stream refuses a bomb) and never held. A damaged
 * manifest (cut short, not JSON past some point) attaches the entries named up to the damage, as
 * the importer reads them. One whose bytes cannot be read (a bomb, encrypted, a bad CRC) attaches
 * nothing, as the importer cannot read it either: the entries are surveyed as exports, and the
 * manifest's own import says why it failed.
 */
export async function entriesAttachedByManifest(archive: ZipArchive, manifest: ZipEntryInfo): Promise<Set<string>> {
  const folder = posix.dirname(manifest.name);
  const below = folder === '.' ? '' : `${folder}/`;
  const named = new Set<ZipEntryInfo>();
  const scanner = new RsmfAttachmentIdScanner((id) => {
    const path = safeRelativePath(id);
    const entry = path === null ? undefined : locateEntry(archive, folder, path).entry;
    if (entry !== undefined && entry !== manifest && entry.name.startsWith(below)) named.add(entry);
  });
  try {
    const stream = await archive.stream(manifest);
    stream.setEncoding('utf8');
    for await (const chunk of stream as AsyncIterable<string>) scanner.feed(chunk);
  } catch {
    return new Set();
  }
  scanner.end();
  const attached = new Set<string>();
  for (const entry of named) if (!(await isProductionEntry(archive, entry))) attached.add(entry.name);
  return attached;
}

/**
 * An attached `.rsmf` entry is a production of its own: the manifest keeps its bytes as the
 * event's attachment, and nothing would read its conversations, so it is surveyed as an export
 * too. So is an attached manifest, as on disk, where a manifest is never taken as attached (the
 * first manifest looked at took it, and its production was not imported). (A zipped production
 * attached is a zip inside the zip: never opened.)
 */
async function isProductionEntry(archive: ZipArchive, entry: ZipEntryInfo): Promise<boolean> {
  try {
    if (sniffRsmfManifest(await archive.head(entry, RSMF_MANIFEST_SNIFF_BYTES), entry.name)) return true;
    if (!opensWithHeaderField(await archive.head(entry, RSMF_MESSAGE_OPENING_BYTES))) return false;
    return sniffRsmfMessage(await archive.head(entry, RSMF_MESSAGE_SNIFF_BYTES));
  } catch {
    // Unreadable: taken as attached, and the import says why its bytes could not be read.
    return false;
  }
}

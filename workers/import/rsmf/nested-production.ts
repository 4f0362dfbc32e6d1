/**
 * A production attached inside a production: an `.rsmf`, or a zip holding a manifest, among the
 * files of an rsmf.zip held in memory. Its conversations are not read: the outer .rsmf (up to
 * MAX_RSMF_BYTES) and its rsmf.zip are in memory already, and opening the inner one there would
 * hold a second production (and, attached to it, a third) beside them. Its bytes are kept as the
 * attachment they are, and the attachment says what it is, so that nothing of it is passed over
 * without a word: extracted and imported on its own, it is read as any production is.
 */

import { sniffRsmfManifest } from '../../../shared/formats/rsmf-manifest.ts';
import { ZipArchive } from '../zip/zip-archive.ts';
import { sniffRsmfMessage } from './sniff.ts';
import { sniffZip } from '../../../shared/formats/zip-magic.ts';

const MANIFEST_SNIFF_BYTES = 64 * 1024;
/** Entries of a nested zip looked at for a manifest: one named like it, so a flood of entries costs no reads. */
const MANIFEST_NAME = /(?:^|\/)[^/]*rsmf_manifest\.json$/iu;

/** Why an attachment's bytes are a production whose conversations are not imported, or null when they are none. */
export async function nestedProductionNote(bytes: Uint8Array, where: string): Promise<string | null> {
  if (sniffRsmfMessage(bytes)) return `${where} is an RSMF production inside this production: kept as this attachment, its conversations are not imported (extract it and import it on its own to read them)`;
  if (!sniffZip(bytes)) return null;
  let archive: ZipArchive;
  try {
    archive = await ZipArchive.fromBytes(bytes, where);
  } catch {
    return null;
  }
  try {
    for (const entry of archive.entries.filter((candidate) => MANIFEST_NAME.test(candidate.name))) {
      if (sniffRsmfManifest(await archive.head(entry, MANIFEST_SNIFF_BYTES), entry.name)) {
        return `${where} is an RSMF production inside this production (a zip holding ${entry.name}): kept as this attachment, its conversations are not imported (extract it and import it on its own to read them)`;
      }
    }
    return null;
  } catch {
    // An entry that cannot be read (a bomb, encrypted) tells nothing: the attachment is kept as it is.
    return null;
  } finally {
    archive.close();
  }
}

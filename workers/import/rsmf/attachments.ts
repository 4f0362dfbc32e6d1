/**
 * Where an event's attachment lies. The schemas say an attachment's id "should correspond to the
 * name of a file within the rsmf.zip, including any extension" (rsmf_schema_1_0_0.json and
 * rsmf_schema_2_0_0.json, events/items/attachments/items/id); `display` is the name to show and
 * `size` is "used for display purposes only", so the bytes found are what is recorded.
 *
 * - A manifest read on its own (an entry of a bare rsmf.zip, or extracted to a folder): the id is
 *   a path beside the manifest, which the import looks up and hashes as it does for every zip or
 *   folder source (record-writer.ts, source-files.ts).
 * - A manifest inside an .rsmf: rsmf.zip is held in memory (decoded from its MIME part), so the
 *   entry is inflated here, bounded, and handed over as bytes to hash and store.
 *
 * An id that climbs out of the archive ("../x", "/etc/x", "C:\x") is never looked up.
 */

import type { MediaType, ParsedAttachment } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import { safeRelativePath } from '../import-limits.ts';
import { locateEntry } from '../source-files.ts';
import type { ZipArchive } from '../zip/zip-archive.ts';
import { nestedProductionNote } from './nested-production.ts';

/**
 * Largest attachment inflated from an in-memory rsmf.zip, one at a time. Larger files are
 * recorded as not read, with the reason; extracting rsmf.zip and importing it reads them from disk.
 */
export const MAX_EMBEDDED_ATTACHMENT_BYTES = 512 * 1024 * 1024;

export interface AttachmentNamed {
  id: string;
  display: string | null;
  size: number | null;
}

export interface FoundAttachment {
  attachment: ParsedAttachment;
  /** Why the bytes could not be had, when this reader already knows (the import says so itself otherwise). */
  problem: string | null;
  /** The bytes were found, but not at the entry the id names exactly (said, so the match is not taken for the id's). */
  note?: string;
}

export interface AttachmentReader {
  find(named: AttachmentNamed): Promise<FoundAttachment>;
}

/** The schemas' rule for inline display: a display name ending .png, .jpg, .jpeg or .gif is an image. */
const IMAGE_DISPLAY = /\.(?:png|jpe?g|gif)$/iu;

function described(named: AttachmentNamed): ParsedAttachment {
  const mediaType: MediaType = IMAGE_DISPLAY.test(named.display ?? named.id) ? 'image' : 'unknown';
  return { kind: 'attached', mediaType, fileName: named.display ?? named.id, ...(named.size === null ? {} : { size: named.size }) };
}

/** Attachments beside a manifest that is itself the source (the import resolves and hashes them). */
export function besideManifest(): AttachmentReader {
  return {
    find(named) {
      const path = safeRelativePath(named.id);
      if (path === null) return Promise.resolve({ attachment: described(named), problem: `the attachment id "${named.id}" names a place outside the archive; not read` });
      return Promise.resolve({ attachment: { ...described(named), path }, problem: null });
    },
  };
}

/** Attachments inside an rsmf.zip held in memory; `where` names it ("sample.rsmf!rsmf.zip", "day-1/sample.rsmf!rsmf.zip" in a zip). */
export function inEmbeddedZip(archive: ZipArchive, where: string): AttachmentReader {
  return {
    async find(named) {
      const base = described(named);
      const path = safeRelativePath(named.id);
      if (path === null) return { attachment: base, problem: `the attachment id "${named.id}" names a place outside the archive; not read` };
      const found = locateEntry(archive, '', path);
      if (found.entry === undefined) return { attachment: base, problem: `${where}: ${found.why}` };
      try {
        const bytes = await archive.read(found.entry, MAX_EMBEDDED_ATTACHMENT_BYTES);
        // The size found replaces the one the manifest states ("for display purposes only"). The
        // path names the entry the bytes came from through its layers, from the .rsmf on (as the
        // locators do): in a zip of several productions, each has its own IMG_0001.jpg. One not
        // found gets none, so that nothing is looked for beside the .rsmf on disk.
        const { size: _stated, ...rest } = base;
        const attachment: ParsedAttachment = { ...rest, path: `${where}!${found.entry.name}`, bytes };
        const notes = [await nestedProductionNote(bytes, `${where}!${found.entry.name}`)];
        if (found.how !== 'exact') {
          const how = found.how === 'file-name' ? 'by its file name alone (the only entry of that name, in another folder)' : 'by its name in another Unicode normalisation (NFC/NFD)';
          notes.unshift(`the attachment id "${named.id}" names no entry of ${where} exactly; the entry ${found.entry.name}, found ${how}, is read as the attachment`);
        }
        const note = notes.filter((each) => each !== null).join('; ');
        return note === '' ? { attachment, problem: null } : { attachment, problem: null, note };
      } catch (error) {
        // A bomb, an encrypted entry, a CRC or size the bytes belie: the attachment, never the import.
        if (error instanceof AppError && error.code === 'E_CANCELLED') throw error;
        return { attachment: base, problem: `${where}!${found.entry.name}: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
  };
}

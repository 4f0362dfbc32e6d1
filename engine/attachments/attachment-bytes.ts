import { existsSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { sharedExportFolders } from '../../shared/contracts/parsed-source.ts';
import type { CaseSession } from '../case/case-session.ts';

/** Where an attachment's bytes can be: the case store, beside its source file, or inside a zip source. */
export interface AttachmentPlace {
  attachmentId: number;
  sha256: string;
  /** The file (or zip entry) the message was read from: attachment paths are relative to it. */
  entryName: string;
  sourceFile: string;
  sourceFormat: string;
  sourcePath: string | null;
  storedPath: string | null;
}

/**
 * The bytes on disk, or null: stored by Threadline, or beside the source file (never outside its
 * folder, but for a folder its format shares between sources: signal-export's stickers, the Media
 * folder beside a WhatsApp Databases folder).
 */
export function attachmentPathOnDisk(casePath: string, place: AttachmentPlace): string | null {
  if (place.storedPath !== null) return join(casePath, place.storedPath);
  if (place.sourcePath === null || place.sourceFormat === 'zip') return null;
  const folder = dirname(place.sourceFile);
  const candidate = resolve(folder, normalize(place.sourcePath));
  const roots = [folder, ...sharedExportFolders(place.sourceFormat, place.sourceFile).map((shared) => resolve(folder, '..', shared))];
  const inside = roots.some((root) => !relative(root, candidate).startsWith('..'));
  return !inside || !existsSync(candidate) ? null : candidate;
}

/**
 * Attachments held inside zip sources (WhatsApp media, UFDR tagged files) are copied into the
 * case's attachment store, verified against the hash taken at import, and recorded there; OCR,
 * the image viewer and packages then read them like any other file. The zip is only read.
 */
export async function copyZipAttachments<T extends AttachmentPlace>(session: CaseSession, places: T[]): Promise<T[]> {
  const inZips = places.filter((place) => place.storedPath === null && place.sourceFormat === 'zip' && place.sourcePath !== null);
  if (inZips.length === 0) return places;
  const importer = await session.importer();
  const stored = new Map<number, string>();
  for (const zipPath of new Set(inZips.map((place) => place.sourceFile))) {
    const items = inZips.filter((place) => place.sourceFile === zipPath).map((place) => ({ attachmentId: place.attachmentId, fromEntry: place.entryName, path: place.sourcePath ?? '', sha256: place.sha256 }));
    for (const result of await importer.client.call('extractZipAttachments', { zipPath, casePath: session.path, items })) {
      if (result.storedPath === null) continue;
      await session.db.client.call('setStoredPath', { attachmentId: result.attachmentId, storedPath: result.storedPath });
      stored.set(result.attachmentId, result.storedPath);
    }
  }
  return places.map((place) => ({ ...place, storedPath: stored.get(place.attachmentId) ?? place.storedPath }));
}

import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { lookup } from '../source-files.ts';
import { ZipArchive } from './zip-archive.ts';
import { storeZipEntry } from './store-entry.ts';
import { storedAttachmentPath } from '../attachment-store.ts';

export interface ZipAttachmentRequest {
  attachmentId: number;
  /** The zip entry the message was read from (attachment paths are relative to its folder). */
  fromEntry: string;
  path: string;
  /** The SHA-256 recorded at import: the copy must have exactly these bytes. */
  sha256: string;
}

/**
 * Copies attachments that live inside a zip source into the case's content-addressed store
 * (attachments/<sha256>, read-only), so OCR, the viewer and packages can use them. The evidence
 * zip is only read; a copy whose hash differs from the one recorded at import is discarded.
 */
export async function extractZipAttachments(zipPath: string, casePath: string, items: ZipAttachmentRequest[]): Promise<{ attachmentId: number; storedPath: string | null; problem: string | null }[]> {
  const archive = await ZipArchive.open(zipPath);
  try {
    const results: { attachmentId: number; storedPath: string | null; problem: string | null }[] = [];
    for (const item of items) {
      const entry = lookup(archive, posix.dirname(item.fromEntry), item.path.replaceAll('\\', '/'));
      if (entry === undefined) {
        results.push({ attachmentId: item.attachmentId, storedPath: null, problem: `${item.path} is not in ${zipPath}` });
        continue;
      }
      const storedPath = storedAttachmentPath(item.sha256);
      if (existsSync(join(casePath, storedPath))) {
        results.push({ attachmentId: item.attachmentId, storedPath, problem: null });
        continue;
      }
      if ((await storeZipEntry(archive, entry, casePath, item.sha256)) === null) {
        results.push({ attachmentId: item.attachmentId, storedPath: null, problem: `${entry.name}: bytes differ from the hash recorded at import` });
        continue;
      }
      results.push({ attachmentId: item.attachmentId, storedPath, problem: null });
    }
    return results;
  } finally {
    archive.close();
  }
}

import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { posix } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { lookup } from '../source-files.ts';
import { ZipArchive } from './zip-archive.ts';

export interface ZipAttachmentRequest {
  attachmentId: number;
  /** The zip entry the message was read from (attachment paths are relative to its folder). */
  fromEntry: string;
  path: string;
  /** The SHA-256 recorded at import: the copy must have exactly these bytes. */
  sha256: string;
}

const STORED_ATTACHMENTS = 'attachments';

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
      const storedPath = join(STORED_ATTACHMENTS, item.sha256.slice(0, 2), item.sha256);
      const target = join(casePath, storedPath);
      if (existsSync(target)) {
        results.push({ attachmentId: item.attachmentId, storedPath, problem: null });
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      const temporary = `${target}.partial`;
      const hash = createHash('sha256');
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          done(null, chunk);
        },
      });
      await pipeline(await archive.stream(entry), tap, createWriteStream(temporary, { mode: 0o400 }));
      if (hash.digest('hex') !== item.sha256) {
        rmSync(temporary, { force: true });
        results.push({ attachmentId: item.attachmentId, storedPath: null, problem: `${entry.name}: bytes differ from the hash recorded at import` });
        continue;
      }
      renameSync(temporary, target);
      results.push({ attachmentId: item.attachmentId, storedPath, problem: null });
    }
    return results;
  } finally {
    archive.close();
  }
}

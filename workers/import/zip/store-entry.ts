import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../shared/errors.ts';
import type { ZipArchive, ZipEntryInfo } from './zip-archive.ts';
import { ATTACHMENT_STORE, storedAttachmentPath } from '../attachment-store.ts';

export interface StoredEntry {
  sha256: string;
  md5: string;
  size: number;
  /** Relative to the case folder (storedAttachmentPath). */
  storedPath: string;
}

/**
 * Copies a zip entry into the case's store (read-only), hashing the bytes as they pass: the
 * evidence zip is only read, so OCR, the viewer and packages can read the copy. With `expected`,
 * bytes of another SHA-256 are not kept (null); a copy already in the store is kept as it is.
 * A fault of the zip library (a size its headers lie about, a bad CRC) is an AppError naming the
 * entry: it costs the attachment, not the source.
 */
export async function storeZipEntry(archive: ZipArchive, entry: ZipEntryInfo, casePath: string): Promise<StoredEntry>;
export async function storeZipEntry(archive: ZipArchive, entry: ZipEntryInfo, casePath: string, expected: string): Promise<StoredEntry | null>;
export async function storeZipEntry(archive: ZipArchive, entry: ZipEntryInfo, casePath: string, expected?: string): Promise<StoredEntry | null> {
  const folder = join(casePath, ATTACHMENT_STORE);
  mkdirSync(folder, { recursive: true });
  // Named apart: two attachments of one message may be read at once.
  const temporary = join(folder, `.part-${randomUUID()}.partial`);
  const sha256 = createHash('sha256');
  const md5 = createHash('md5');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sha256.update(chunk);
      md5.update(chunk);
      size += chunk.byteLength;
      done(null, chunk);
    },
  });
  try {
    await pipeline(await archive.stream(entry), tap, createWriteStream(temporary, { mode: 0o400 }));
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error instanceof AppError ? error : new AppError('E_IMPORT_READ', `${entry.name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const digest = sha256.digest('hex');
  const storedPath = storedAttachmentPath(digest);
  const target = join(casePath, storedPath);
  if ((expected !== undefined && digest !== expected) || existsSync(target)) rmSync(temporary, { force: true });
  else {
    mkdirSync(dirname(target), { recursive: true });
    renameSync(temporary, target);
  }
  if (expected !== undefined && digest !== expected) return null;
  return { sha256: digest, md5: md5.digest('hex'), size, storedPath };
}

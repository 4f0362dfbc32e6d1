import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { HASH_CHUNK_BYTES } from '../package/hashing.ts';
import { DigestThread } from './digest-thread.ts';

export interface FileDigests {
  sha256: string;
  md5: string;
  sha1: string;
  size: number;
}

/**
 * From this size on MD5 is computed on a thread of its own (DigestThread) while this thread
 * computes SHA-256 and SHA-1 from the same chunks; below it, starting the thread costs more
 * than it saves.
 */
export const DIGEST_THREAD_MIN_BYTES = 32 * 1024 * 1024;

/**
 * Streams a file once through SHA-256, MD5 and SHA-1 (MD5 and SHA-1 only to match vendor
 * reports). Streamed so multi-GB sources hash in constant memory. Opened read-only.
 */
export async function hashFile(path: string, signal?: AbortSignal, onBytes?: (done: number) => void): Promise<FileDigests> {
  const sha256 = createHash('sha256');
  const sha1 = createHash('sha1');
  const md5Thread = (await sizeOf(path)) >= DIGEST_THREAD_MIN_BYTES ? new DigestThread('md5') : null;
  const md5 = md5Thread === null ? createHash('md5') : null;
  let size = 0;
  try {
    for await (const chunk of readChunks(path, signal)) {
      const handedOver = md5Thread?.update(chunk);
      sha256.update(chunk);
      sha1.update(chunk);
      md5?.update(chunk);
      size += chunk.byteLength;
      onBytes?.(size);
      await handedOver;
    }
    const md5Digest = md5 !== null ? md5.digest('hex') : await (md5Thread as DigestThread).digest();
    return { sha256: sha256.digest('hex'), md5: md5Digest, sha1: sha1.digest('hex'), size };
  } finally {
    await md5Thread?.close();
  }
}

/** The size stat gives, or 0 when it fails: the read that follows then fails with the reason. */
async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

function readChunks(path: string, signal: AbortSignal | undefined): AsyncIterable<Buffer> {
  return createReadStream(path, { flags: 'r', highWaterMark: HASH_CHUNK_BYTES, ...(signal === undefined ? {} : { signal }) });
}

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export interface FileDigests {
  sha256: string;
  md5: string;
  sha1: string;
  size: number;
}

/**
 * Streams a file once through SHA-256, MD5 and SHA-1 (MD5 and SHA-1 only to match vendor
 * reports). Streamed so multi-GB sources hash in constant memory. Opened read-only.
 */
export async function hashFile(path: string, signal?: AbortSignal, onBytes?: (done: number) => void): Promise<FileDigests> {
  const sha256 = createHash('sha256');
  const md5 = createHash('md5');
  const sha1 = createHash('sha1');
  let size = 0;
  const stream = createReadStream(path, { flags: 'r', highWaterMark: 1 << 20, ...(signal === undefined ? {} : { signal }) });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    sha256.update(chunk);
    md5.update(chunk);
    sha1.update(chunk);
    size += chunk.byteLength;
    onBytes?.(size);
  }
  return { sha256: sha256.digest('hex'), md5: md5.digest('hex'), sha1: sha1.digest('hex'), size };
}

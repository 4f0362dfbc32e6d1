import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

/**
 * Streamed SHA-256: files go through the hash in fixed-size chunks, so memory stays constant
 * whatever the size of a seized video. 1 MiB chunks keep the per-chunk overhead of streams
 * small next to the hashing itself (64 KiB, Node's default, costs ~10% throughput).
 */
export const HASH_CHUNK_BYTES = 1024 * 1024;

export interface HashedBytes {
  sha256: string;
  bytes: number;
}

/** `onBytes` hears the bytes hashed so far after every chunk (progress of a long hash). */
export async function sha256File(path: string, signal?: AbortSignal, onBytes?: (done: number) => void): Promise<HashedBytes> {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = createReadStream(path, { flags: 'r', highWaterMark: HASH_CHUNK_BYTES, ...(signal === undefined ? {} : { signal }) });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    onBytes?.(bytes);
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Copies a file by streaming, hashing the bytes as they pass; never overwrites the target. */
export async function copyWithSha256(source: string, target: string, signal?: AbortSignal): Promise<HashedBytes> {
  const hash = createHash('sha256');
  let bytes = 0;
  async function* tap(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      hash.update(chunk);
      bytes += chunk.length;
      yield chunk;
    }
  }
  const input = createReadStream(source, { highWaterMark: HASH_CHUNK_BYTES });
  const output = createWriteStream(target, { flags: 'wx' });
  await (signal === undefined ? pipeline(input, tap, output) : pipeline(input, tap, output, { signal }));
  return { sha256: hash.digest('hex'), bytes };
}

export function sha256Text(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

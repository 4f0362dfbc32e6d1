import { createHash, randomFillSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DigestThread } from '../../../../engine/import/digest-thread.ts';
import { DIGEST_THREAD_MIN_BYTES, hashFile } from '../../../../engine/import/hash-file.ts';
import { sha256File } from '../../../../engine/package/hashing.ts';
import { tempFolder } from '../../../support/temp-case.ts';

function expected(bytes: Uint8Array): { sha256: string; md5: string; sha1: string; size: number } {
  const digest = (algorithm: string): string => createHash(algorithm).update(bytes).digest('hex');
  return { sha256: digest('sha256'), md5: digest('md5'), sha1: digest('sha1'), size: bytes.byteLength };
}

function fileOf(bytes: Uint8Array): string {
  const path = join(tempFolder(), 'source.bin');
  writeFileSync(path, bytes);
  return path;
}

describe('hashFile', () => {
  it('gives the three digests of a small file (hashed on this thread)', async () => {
    const bytes = randomFillSync(new Uint8Array(3 * 1024 * 1024 + 17));
    expect(await hashFile(fileOf(bytes))).toEqual(expected(bytes));
  });

  it('gives the same digests when MD5 runs on a thread of its own (a file of many chunks)', async () => {
    const bytes = randomFillSync(new Uint8Array(DIGEST_THREAD_MIN_BYTES + 5 * 1024 * 1024 + 3));
    const progress: number[] = [];
    expect(await hashFile(fileOf(bytes), undefined, (done) => progress.push(done))).toEqual(expected(bytes));
    expect(progress.at(-1)).toBe(bytes.byteLength);
  });

  it('hashes an empty file', async () => {
    expect(await hashFile(fileOf(new Uint8Array(0)))).toEqual(expected(new Uint8Array(0)));
  });

  it('rejects for a missing file, naming it', async () => {
    const missing = join(tempFolder(), 'gone.bin');
    await expect(hashFile(missing)).rejects.toThrow(/gone\.bin/);
  });

  it('stops when cancelled while MD5 runs on its thread', async () => {
    const path = fileOf(new Uint8Array(DIGEST_THREAD_MIN_BYTES + 8 * 1024 * 1024));
    const controller = new AbortController();
    const read: number[] = [];
    const hashing = hashFile(path, controller.signal, (done) => {
      read.push(done);
      if (read.length === 2) controller.abort();
    });
    await expect(hashing).rejects.toThrow(/abort/i);
    expect(read.at(-1)).toBeLessThan(DIGEST_THREAD_MIN_BYTES);
  });
});

describe('sha256File (the hash after import)', () => {
  it('gives the SHA-256 and size that hashFile gives, and reports progress', async () => {
    const bytes = randomFillSync(new Uint8Array(2 * 1024 * 1024 + 1));
    const path = fileOf(bytes);
    const { sha256, size } = await hashFile(path);
    const progress: number[] = [];
    expect(await sha256File(path, undefined, (done) => progress.push(done))).toEqual({ sha256, bytes: size });
    expect(progress).toEqual([1024 * 1024, 2 * 1024 * 1024, size]);
  });
});

describe('DigestThread', () => {
  it('digests the chunks handed to it in order, each copied at hand-over', async () => {
    const thread = new DigestThread('sha1');
    const chunk = new Uint8Array([1, 2, 3]);
    const first = thread.update(chunk);
    chunk.fill(9); // the caller's buffer is reused for the next read
    await first;
    await thread.update(chunk);
    expect(await thread.digest()).toBe(createHash('sha1').update(new Uint8Array([1, 2, 3, 9, 9, 9])).digest('hex'));
  });

  it('refuses work once closed instead of waiting for a thread that is gone', async () => {
    const thread = new DigestThread('md5');
    await thread.close();
    await expect(thread.update(new Uint8Array(4))).rejects.toThrow(/closed/);
    await expect(thread.digest()).rejects.toThrow(/closed/);
  });
});

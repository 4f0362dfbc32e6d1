import { closeSync, openSync, readSync } from 'node:fs';

/**
 * The first `bytes` bytes of the file at `path` (fewer when it is shorter), or null when it
 * cannot be opened or read now: callers then treat it as not what they look for, and reading it
 * later (hashing, importing) says why.
 */
export function readFileHead(path: string, bytes: number): Uint8Array | null {
  const head = new Uint8Array(bytes);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    return head.subarray(0, readSync(fd, head, 0, bytes, 0));
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

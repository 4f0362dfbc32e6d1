import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function tempFolder(prefix = 'threadline-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeTemp(folder: string, name: string, content: string | Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

/** Writes `path`, making the folders above it first (a test laying out an export or a phone's folders). */
export function writeWithFolders(path: string, content: string | Uint8Array): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

export const REPO_ROOT = process.cwd();
export const SAMPLES = join(REPO_ROOT, '..', 'shared', 'samples');
export const CLI = join(REPO_ROOT, 'bin', 'threadline.mjs');

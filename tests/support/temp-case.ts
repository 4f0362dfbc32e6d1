import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempFolder(prefix = 'threadline-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeTemp(folder: string, name: string, content: string | Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

export const REPO_ROOT = process.cwd();
export const SAMPLES = join(REPO_ROOT, '..', 'shared', 'samples');
export const CLI = join(REPO_ROOT, 'bin', 'threadline.mjs');

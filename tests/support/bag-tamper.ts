import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Helpers that alter a bag the way a careless or dishonest hand would. */
export function listBagFiles(root: string, prefix = ''): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    return entry.isDirectory() ? listBagFiles(root, path) : [path];
  }).sort();
}

/** Flips the lowest bit of the byte in the middle of a file; returns a function that restores it. */
export function flipByte(root: string, path: string): () => void {
  const file = join(root, path);
  const original = readFileSync(file);
  const changed = Buffer.from(original);
  const at = Math.floor(changed.length / 2);
  changed[at] = (changed[at] ?? 0) ^ 0x01;
  writeFileSync(file, changed);
  return () => writeFileSync(file, original);
}

/** Rewrites the manifest line of `path` so it matches the file's current bytes (covering tracks). */
export function rehashManifestLine(root: string, manifest: string, path: string): void {
  const digest = createHash('sha256').update(readFileSync(join(root, path))).digest('hex');
  const file = join(root, manifest);
  const lines = readFileSync(file, 'utf8').split('\n').map((line) => (line.endsWith(`  ${path}`) ? `${digest}  ${path}` : line));
  writeFileSync(file, lines.join('\n'));
}

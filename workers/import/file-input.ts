import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ParserInput } from '../../shared/contracts/parsed-source.ts';

const STREAM_CHUNK_BYTES = 1 << 20;

/** A ParserInput over a file on disk. Every open is read-only ('r'); nothing is ever written. */
export function fileInput(path: string, size: number): ParserInput {
  return {
    path,
    displayName: basename(path),
    size,
    readAll: async () => new Uint8Array(await readFile(path, { flag: 'r' })),
    stream: () => createReadStream(path, { flags: 'r', highWaterMark: STREAM_CHUNK_BYTES }) as AsyncIterable<Uint8Array>,
    async companion(name) {
      // Only a plain sibling name: a companion can never point outside the source's folder.
      if (name !== basename(name)) return null;
      try {
        return new Uint8Array(await readFile(join(dirname(path), name), { flag: 'r' }));
      } catch {
        return null;
      }
    },
  };
}

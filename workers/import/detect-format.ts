import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { DetectedFormat } from '../../shared/contracts/import-worker.ts';
import { PARSERS } from './parsers.ts';

const SNIFF_BYTES = 64 * 1024;

/** Reads the head of a file (read-only) and asks each importer whether it recognises the content. */
export function detectFormat(path: string): { format: DetectedFormat | null; reason: string } {
  const head = readHead(path);
  if (head.byteLength === 0) return { format: null, reason: 'the file is empty' };
  const parser = PARSERS.find((candidate) => candidate.sniff(head, basename(path)));
  if (parser !== undefined) return { format: parser.format, reason: `content recognised as ${parser.format}` };
  return { format: null, reason: `the content matches no supported export format (supported: ${PARSERS.map((candidate) => candidate.format).join(', ')})` };
}

function readHead(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    const length = readSync(fd, buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { DetectedFormat } from '../../shared/contracts/import-worker.ts';
import { PARSERS } from './parsers.ts';
import { describeZip, sniffZip, ZIP_FORMAT } from './zip/zip-source.ts';

const SNIFF_BYTES = 64 * 1024;

/** Reads the head of a file (read-only) and asks each importer whether it recognises the content. */
export async function detectFormat(path: string): Promise<{ format: DetectedFormat | null; reason: string }> {
  const head = readHead(path);
  if (head.byteLength === 0) return { format: null, reason: 'the file is empty' };
  if (sniffZip(head)) {
    const zip = await describeZip(path, PARSERS).catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }));
    if ('error' in zip) return { format: null, reason: zip.error };
    if (zip.formats.length === 0) return { format: null, reason: `a zip with ${zip.entries} entries, none of them an export Threadline recognises` };
    return { format: ZIP_FORMAT, reason: `a zip holding ${zip.formats.join(', ')}` };
  }
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

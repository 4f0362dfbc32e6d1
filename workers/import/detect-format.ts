import { closeSync, openSync, readSync } from 'node:fs';
import type { DetectedFormat } from '../../shared/contracts/import-worker.ts';
import { sniffWhatsAppText } from './whatsapp/index.ts';

const SNIFF_BYTES = 64 * 1024;

/** Reads the head of a file (read-only) and asks each importer whether it recognises it. */
export function detectFormat(path: string): { format: DetectedFormat | null; reason: string } {
  const head = readHead(path);
  if (head.byteLength === 0) return { format: null, reason: 'the file is empty' };
  if (sniffWhatsAppText(head)) return { format: 'whatsapp-txt', reason: 'lines start with WhatsApp message headers' };
  return { format: null, reason: 'the content matches no supported export format (this version reads WhatsApp chat .txt exports)' };
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

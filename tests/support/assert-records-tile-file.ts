import { expect } from 'vitest';
import type { WhatsAppParseResult } from '../../workers/import/whatsapp/index.ts';

/**
 * No lost lines: the records' line ranges cover 1..lineCount and their byte ranges cover
 * the whole file, each contiguous with no gap or overlap.
 */
export function assertRecordsTileFile(result: WhatsAppParseResult, bytes: Uint8Array): void {
  if (result.lineCount === 0) {
    expect(result.records).toEqual([]);
    return;
  }
  let nextLine = 1;
  let nextByte = 0;
  for (const record of result.records) {
    expect(record.locator.lineStart).toBe(nextLine);
    expect(record.locator.lineEnd).toBeGreaterThanOrEqual(record.locator.lineStart);
    expect(record.locator.byteStart).toBe(nextByte);
    expect(record.locator.byteEnd).toBeGreaterThan(record.locator.byteStart);
    nextLine = record.locator.lineEnd + 1;
    nextByte = record.locator.byteEnd;
  }
  expect(nextLine - 1).toBe(result.lineCount);
  expect(nextByte).toBe(bytes.length);
}

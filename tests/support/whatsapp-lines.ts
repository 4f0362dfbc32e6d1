import { expect } from 'vitest';

import { wallTimeToUtc } from '../../shared/time/zoned-time.ts';
import {
  parseWhatsAppText,
  type LineLocator,
  type WhatsAppParseOptions,
  type WhatsAppParseResult,
  type WhatsAppRecord,
} from '../../workers/import/whatsapp/index.ts';
import { assertRecordsTileFile } from './assert-records-tile-file.ts';

/**
 * Small synthetic WhatsApp exports written line by line in a test, in the exact shapes
 * FORMATS.md §1 lists: the lines are joined with LF and end with one, as Android writes them.
 */
const encoder = new TextEncoder();
const LINE_FEED_BYTES = 1;

export function exportText(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}

/** Parses the lines as one export; every byte must land in exactly one record. */
export function parseLines(lines: readonly string[], options: WhatsAppParseOptions = {}): WhatsAppParseResult {
  const bytes = encoder.encode(exportText(lines));
  const result = parseWhatsAppText(bytes, options);
  assertRecordsTileFile(result, bytes);
  return result;
}

/**
 * Where lines `first`..`last` (1-based) of `lines` sit in the file exportText() makes,
 * counted from the lines themselves rather than from the parser.
 */
export function expectedLocator(lines: readonly string[], first: number, last: number = first): LineLocator {
  let byteStart = 0;
  for (let index = 0; index < first - 1; index += 1) byteStart += encoder.encode(lines[index] ?? '').length + LINE_FEED_BYTES;
  let byteEnd = byteStart;
  for (let index = first - 1; index < last; index += 1) byteEnd += encoder.encode(lines[index] ?? '').length + LINE_FEED_BYTES;
  return { lineStart: first, lineEnd: last, byteStart, byteEnd };
}

/** The record that starts on 1-based `line`. */
export function recordOnLine(result: WhatsAppParseResult, line: number): WhatsAppRecord {
  const found = result.records.find((record) => record.locator.lineStart === line);
  if (found === undefined) throw new Error(`no record starts on line ${line}`);
  return found;
}

/** The UTC instant (ISO 8601) of a record's wall clock read in the IANA zone `timeZone`, as the importer stores it. */
export function utcIn(record: WhatsAppRecord, timeZone: string): string {
  expect(record.wallClock, `line ${record.locator.lineStart} has no wall clock`).not.toBeNull();
  if (record.wallClock === null) return '';
  return new Date(wallTimeToUtc(record.wallClock, timeZone).utcMs).toISOString();
}

/** Warnings about one line (1-based), messages only. */
export function warningsOn(result: WhatsAppParseResult, line: number): string[] {
  return result.warnings.filter((warning) => warning.line === line).map((warning) => warning.message);
}

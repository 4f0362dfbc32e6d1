/**
 * The header of a CSV file, for the mapping UI: its column names and the delimiter it seems to
 * use. Read from the head of the file only (the first 64 KiB).
 */

import { parse } from 'csv-parse/sync';
import { encodingByMark } from './encoding.ts';
import { holdsMappedColumns, TITLE_ROWS_LOOKED_AT } from './mapping.ts';
import type { CsvDeclaredEncoding, CsvMapping } from './mapping.ts';

const SNIFF_BYTES = 64 * 1024;
const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;
/** Excel's first line naming the delimiter ("sep=;"), which it writes and reads in European locales. */
const EXCEL_SEP_LINE = /^sep=(.)[ \t]*(?:\r\n|\n|\r|$)/iu;

export interface CsvLayout {
  columns: string[];
  delimiter: string;
}

/** Header names (trimmed) of the header row (see sniffCsvLayout); [] when the head holds no row. */
export function sniffCsvColumns(head: Uint8Array, delimiter?: string, encoding?: CsvDeclaredEncoding, mapping?: CsvMapping): string[] {
  return sniffCsvLayout(head, delimiter, encoding, mapping).columns;
}

/**
 * `encoding`: the one a mapping declares, used unless a byte order mark names another. The header
 * is found as the import finds it: below blank rows and a report's title and case lines, the
 * first row that holds the mapping's columns (without a mapping: the first that starts a table).
 */
export function sniffCsvLayout(head: Uint8Array, delimiter?: string, encoding: CsvDeclaredEncoding = 'utf-8', mapping?: CsvMapping): CsvLayout {
  // A UTF-16 file (Excel's "Unicode text") is shown by its byte order mark; the decoder drops the mark.
  const marked = encodingByMark(head);
  const text = new TextDecoder(marked === 'utf-8' ? encoding : marked, { fatal: false }).decode(head.subarray(0, SNIFF_BYTES));
  // Blank rows above the header (empty lines, ",,,") are skipped, as the import skips them.
  let fromHeader = text.slice(headerStart(text));
  // Excel's "sep=;" line names the delimiter; the header is the line after it.
  const sepLine = EXCEL_SEP_LINE.exec(fromHeader);
  if (sepLine !== null) fromHeader = fromHeader.slice(sepLine[0].length);
  const named = delimiter ?? sepLine?.[1];
  for (const start of contentLineStarts(fromHeader, TITLE_ROWS_LOOKED_AT + 1)) {
    const candidate = fromHeader.slice(start);
    const chosen = named ?? guessDelimiter(firstLine(candidate));
    const [header, next] = firstRows(candidate, chosen, 2);
    if (header === undefined) continue;
    if (mapping === undefined ? startsTable(header, next) : holdsMappedColumns(header, mapping)) return { columns: header.map((name) => name.trim()), delimiter: chosen };
  }
  // No row is the header: the first row, the one the import's error names.
  const chosen = named ?? guessDelimiter(firstLine(fromHeader));
  return { columns: (firstRows(fromHeader, chosen, 1)[0] ?? []).map((name) => name.trim()), delimiter: chosen };
}

/** The first `count` rows of the text; [] when they cannot be read. */
function firstRows(text: string, delimiter: string, count: number): string[][] {
  try {
    return parse(text, { delimiter, to: count, relax_quotes: true, relax_column_count: true, skip_records_with_error: true, skip_empty_lines: true }) as string[][];
  } catch {
    return [];
  }
}

/** Offsets of the first `count` lines with anything but spaces and delimiters (a title, the header, rows). */
function contentLineStarts(text: string, count: number): number[] {
  const starts: number[] = [];
  for (const line of text.matchAll(/^[ \t,;|]*[^\s,;|]/gmu)) {
    if (starts.length === count) break;
    starts.push(line.index);
  }
  return starts;
}

/**
 * Without a mapping, a header "looks like" one when it starts a table: two or more names, and
 * the row below (if any) as wide (or one wider with an empty last field: a trailing delimiter).
 * A title ("Chats report") is one field; a case line with a comma is not as wide as the rows below.
 * A row with a cell starting with a digit (a date, a number) is data, not names: rows wider than
 * their header (unquoted commas in the text) must not make the first of them the header.
 */
function startsTable(header: readonly string[], next: readonly string[] | undefined): boolean {
  if (header.length < 2 || header.some((name) => /^\s*\d/u.test(name))) return false;
  if (next === undefined || next.length === header.length) return true;
  return next.length === header.length + 1 && next.at(-1) === '';
}

function firstLine(text: string): string {
  const end = text.search(/\r?\n/u);
  return end === -1 ? text : text.slice(0, end);
}

/** Where the first line with anything but spaces and delimiters starts: the header, below any blank rows. */
function headerStart(text: string): number {
  const found = /^[ \t,;|]*[^\s,;|]/mu.exec(text);
  return found === null ? 0 : found.index;
}

/** The candidate found most often outside quotes in the first line (',' on a tie or none). */
function guessDelimiter(line: string): string {
  const unquoted = line.replace(/"[^"]*"/gu, '');
  let best: string = ',';
  let bestCount = 0;
  for (const candidate of CANDIDATE_DELIMITERS) {
    const count = unquoted.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Controls other than tab and line breaks: not a text file. (Bytes that are not UTF-8 are no
 * sign: a table saved in a legacy code page has them.)
 */
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/u;

/** Rows looked at to call a file a table: the header and up to this many below it. */
const TABLE_ROWS_LOOKED_AT = 5;
/** Longer than this, a "column name" is a sentence, not a header cell. */
const LONGEST_COLUMN_NAME = 64;

/**
 * The column names when the head of a file reads as a delimited table (a header of two or more
 * short, non-empty names, and every whole row below it with as many fields), else null. Only to
 * tell the examiner that a file no importer recognised can be imported as CSV with a mapping:
 * CSV itself is never imported without one.
 */
export function csvTableColumns(head: Uint8Array): string[] | null {
  const text = new TextDecoder(encodingByMark(head), { fatal: false }).decode(head.subarray(0, SNIFF_BYTES));
  // Binary data (a plist, a database page) may hold commas and line breaks; a table is text.
  if (NOT_TEXT.test(text)) return null;
  // Whole lines only: the head may end inside a row.
  const whole = text.slice(0, text.lastIndexOf('\n') + 1);
  // Below a report's title and case lines, as the import finds its header.
  for (const start of contentLineStarts(whole, TITLE_ROWS_LOOKED_AT + 1)) {
    const columns = tableFrom(whole.slice(start));
    if (columns !== null) return columns;
  }
  return null;
}

/** The header's names when the text starts with a table: every row below it starts one with it (startsTable), and the names are short. */
function tableFrom(text: string): string[] | null {
  const delimiter = guessDelimiter(firstLine(text));
  const [header, ...below] = firstRows(text, delimiter, TABLE_ROWS_LOOKED_AT + 1);
  if (header === undefined || below.length === 0 || !below.every((row) => startsTable(header, row))) return null;
  const columns = header.map((name) => name.trim());
  return columns.some((name) => name === '' || name.length > LONGEST_COLUMN_NAME) ? null : columns;
}

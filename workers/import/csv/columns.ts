/**
 * The header of a CSV file, for the mapping UI: its column names and the delimiter it seems to
 * use. Read from the head of the file only (the first 64 KiB).
 */

import { parse } from 'csv-parse/sync';
import { encodingByMark } from './encoding.ts';
import type { CsvDeclaredEncoding } from './mapping.ts';

const SNIFF_BYTES = 64 * 1024;
const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;
/** Excel's first line naming the delimiter ("sep=;"), which it writes and reads in European locales. */
const EXCEL_SEP_LINE = /^sep=(.)[ \t]*(?:\r\n|\n|\r|$)/iu;

export interface CsvLayout {
  columns: string[];
  delimiter: string;
}

/** Header names (trimmed) of the first row; [] when the head holds no row. */
export function sniffCsvColumns(head: Uint8Array, delimiter?: string, encoding?: CsvDeclaredEncoding): string[] {
  return sniffCsvLayout(head, delimiter, encoding).columns;
}

/** `encoding`: the one a mapping declares, used unless a byte order mark names another. */
export function sniffCsvLayout(head: Uint8Array, delimiter?: string, encoding: CsvDeclaredEncoding = 'utf-8'): CsvLayout {
  // A UTF-16 file (Excel's "Unicode text") is shown by its byte order mark; the decoder drops the mark.
  const marked = encodingByMark(head);
  const text = new TextDecoder(marked === 'utf-8' ? encoding : marked, { fatal: false }).decode(head.subarray(0, SNIFF_BYTES));
  // Blank rows above the header (empty lines, ",,,") are skipped, as the import skips them.
  let fromHeader = text.slice(headerStart(text));
  // Excel's "sep=;" line names the delimiter; the header is the line after it.
  const sepLine = EXCEL_SEP_LINE.exec(fromHeader);
  if (sepLine !== null) fromHeader = fromHeader.slice(sepLine[0].length);
  const chosen = delimiter ?? sepLine?.[1] ?? guessDelimiter(firstLine(fromHeader));
  try {
    const rows = parse(fromHeader, { delimiter: chosen, to: 1, relax_quotes: true, relax_column_count: true, skip_records_with_error: true }) as string[][];
    return { columns: (rows[0] ?? []).map((name) => name.trim()), delimiter: chosen };
  } catch {
    return { columns: [], delimiter: chosen };
  }
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
  // Whole lines only: the head may end inside a row.
  const whole = text.slice(0, text.lastIndexOf('\n') + 1);
  const fromHeader = whole.slice(headerStart(whole));
  const delimiter = guessDelimiter(firstLine(fromHeader));
  let rows: string[][];
  try {
    rows = parse(fromHeader, { delimiter, to: TABLE_ROWS_LOOKED_AT + 1, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch {
    return null;
  }
  const [header, ...below] = rows;
  if (header === undefined || header.length < 2 || below.length === 0) return null;
  const columns = header.map((name) => name.trim());
  if (columns.some((name) => name === '' || name.length > LONGEST_COLUMN_NAME)) return null;
  return below.every((row) => row.length === columns.length) ? columns : null;
}


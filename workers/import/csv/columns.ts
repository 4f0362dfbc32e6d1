/**
 * The header of a CSV file, for the mapping UI: its column names and the delimiter it seems to
 * use. Read from the head of the file only (the first 64 KiB).
 */

import { parse } from 'csv-parse/sync';
import { encodingByMark } from './encoding.ts';

const SNIFF_BYTES = 64 * 1024;
const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;

export interface CsvLayout {
  columns: string[];
  delimiter: string;
}

/** Header names (trimmed) of the first row; [] when the head holds no row. */
export function sniffCsvColumns(head: Uint8Array, delimiter?: string): string[] {
  return sniffCsvLayout(head, delimiter).columns;
}

export function sniffCsvLayout(head: Uint8Array, delimiter?: string): CsvLayout {
  // A UTF-16 file (Excel's "Unicode text") is shown by its byte order mark; the decoder drops the mark.
  const text = new TextDecoder(encodingByMark(head), { fatal: false }).decode(head.subarray(0, SNIFF_BYTES));
  const chosen = delimiter ?? guessDelimiter(firstLine(text));
  try {
    const rows = parse(text, { delimiter: chosen, to: 1, relax_quotes: true, relax_column_count: true, skip_records_with_error: true }) as string[][];
    return { columns: (rows[0] ?? []).map((name) => name.trim()), delimiter: chosen };
  } catch {
    return { columns: [], delimiter: chosen };
  }
}

function firstLine(text: string): string {
  const end = text.search(/\r?\n/u);
  return end === -1 ? text : text.slice(0, end);
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

/**
 * Rows a broken quote merged. A cell that opens a quote and never closes it on its line ("5550002,
 * "unclosed start,2020-06-22 10:01:00") makes the parser read on, past the line end, until some
 * later quote closes it: the rows between become text inside that one cell, and with relaxed
 * quoting the record can even end with the header's number of fields, so nothing looked wrong and
 * the rows were lost as separate messages. Such a record is recognised by its own lines: its first
 * line alone is not a whole row, while every later line alone is one whose timestamp reads as a
 * time. A message that truly spans lines (its text on several lines) has continuation lines that
 * are text, not rows, and is left alone; so is a record that reads whole without relaxing any
 * quote, even when its lines look like rows (a pasted or forwarded log quoted in one message):
 * only a quote that cannot close where it does shows that rows were merged.
 */

import { parse } from 'csv-parse/sync';
import type { CsvMapping, ResolvedColumns } from './mapping.ts';
import { readCsvTimestamp } from './timestamps.ts';

export interface MergedRows {
  /** The first line: the row with the quote that does not close. */
  broken: string;
  /** The lines after it, each a row of its own. */
  rows: { fields: string[]; line: string }[];
}

/** Lines looked at; a record spanning more is taken as one long text, not a run of merged rows. */
const MAX_LINES_SPLIT = 10_000;

export function splitMergedRows(recordText: string, header: readonly string[], columns: ResolvedColumns, delimiter: string, mapping: CsvMapping): MergedRows | null {
  const lines = recordText.split(/\r\n|\n|\r/u);
  if (lines.length < 2 || lines.length > MAX_LINES_SPLIT) return null;
  const [broken, ...rest] = lines;
  if (isWholeRecord(recordText, delimiter, header.length)) return null;
  if (broken === undefined || fieldsOfLine(broken, delimiter)?.length === header.length) return null;
  const rows: MergedRows['rows'] = [];
  for (const line of rest) {
    const fields = fieldsOfLine(line, delimiter);
    if (fields === null || fields.length !== header.length) return null;
    const time = `${fields[columns.timestamp] ?? ''}${columns.time === null ? '' : ` ${fields[columns.time] ?? ''}`}`;
    if (readCsvTimestamp(time, mapping.timestampFormat, mapping.timeZoneAware === true).time === null) return null;
    rows.push({ fields, line });
  }
  return { broken, rows };
}

/** Whether the text is one well-formed record of `fieldCount` fields, every quote where CSV allows it. */
function isWholeRecord(text: string, delimiter: string, fieldCount: number): boolean {
  try {
    const records: unknown = parse(text, { delimiter });
    return Array.isArray(records) && records.length === 1 && Array.isArray(records[0]) && records[0].length === fieldCount;
  } catch {
    return false;
  }
}

/** One line read alone as a CSV row, or null when it is not one (its quote does not close). */
function fieldsOfLine(line: string, delimiter: string): string[] | null {
  try {
    const records: unknown = parse(line, { delimiter, relax_quotes: true, relax_column_count: true });
    if (!Array.isArray(records) || records.length !== 1 || !Array.isArray(records[0])) return null;
    return (records[0] as unknown[]).map((field) => String(field));
  } catch {
    return null;
  }
}

/**
 * The records csv-parse gives, in file order, read against the mapping: blank rows skipped, the
 * header row found (below any title rows, which become unparsed records), rows merged by a quote
 * that does not close split again, and each data row made a message (row-message.ts) or, when it
 * cannot be read, an unparsed record with its raw text and the reason.
 */

import type { ParsedMessage, ParseSink } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import type { WarningLimiter } from '../import-limits.ts';
import { unparsedRecord, type UnparsedRecordFields } from '../unparsed-record.ts';
import { resolveColumns, TITLE_ROWS_LOOKED_AT } from './mapping.ts';
import type { CsvMapping, ResolvedColumns } from './mapping.ts';
import { readCsvTimestamp } from './timestamps.ts';
import { splitMergedRows } from './merged-rows.ts';
import { rowMessage } from './row-message.ts';

/** `rawBytes`: the raw text was decoded from only the start of the row (see UnparsedRecordFields). */
export type Queued = { kind: 'record'; fields: string[]; raw: string } | { kind: 'skip'; reason: string; raw: string; rawBytes?: UnparsedRecordFields['rawBytes'] };

export interface ParseState {
  header: string[] | null;
  columns: ResolvedColumns | null;
  /** Line the next record starts on (1-based). */
  line: number;
  /** Records seen, header included (the header is row 1, as in a spreadsheet). */
  row: number;
  messages: number;
  unparsed: number;
  blankRows: number;
  /** Data rows read with the empty field after their last delimiter dropped (see readRecord). */
  trailingEmptyFieldRows: number;
  undated: number;
  /** Rows whose timestamp had a date but no time of day (read as midnight). */
  dateOnly: number;
  chats: Set<string>;
  /** Rows before the header that do not hold the mapped columns (a report's title), while the header is looked for. */
  titleRows: TitleRow[];
  /** The field delimiter, to read a record's lines alone (merged-rows.ts). */
  delimiter: string;
  /** Records found to be rows merged by a quote that does not close, and split (merged-rows.ts). */
  mergedRecords: number;
}

interface TitleRow {
  raw: string;
  row: number;
  line: number;
  /** Why the row is not the header; the error given if no row is. */
  error: unknown;
}

export async function readRecord(item: Queued, state: ParseState, mapping: CsvMapping, file: string, sink: ParseSink, warnings: WarningLimiter): Promise<void> {
  const merged = mergedRowsOf(item, state, mapping);
  if (merged !== null) {
    state.mergedRecords += 1;
    for (const part of merged) await readRecord(part, state, mapping, file, sink, warnings);
    return;
  }
  const line = state.line;
  // csv-parse's raw text ends with the record delimiter minus its last character ("\n" of LF,
  // "\r" of CRLF); a last record without a line end has none.
  state.line += countNewlines(item.raw) + (item.raw.endsWith('\n') ? 0 : 1);
  state.row += 1;
  const raw = item.raw.replace(/\r?\n$|\r$/u, '');
  // An empty line, or a spreadsheet's empty row written as delimiters only (",,,"): no record.
  // Checked before the header is taken: reports and spreadsheets may have blank rows above it.
  if (item.kind === 'record' && item.fields.every((field) => field.trim() === '')) {
    state.blankRows += 1;
    return;
  }
  // Without a header no row can be read; "no header row" would send the examiner looking for a missing line.
  if (item.kind === 'skip' && state.header === null) {
    throw new AppError('E_IMPORT_FORMAT', `${file}:${line}: the header row cannot be read (${item.reason.replace(/ at line \d+$/u, '')}); nothing was imported`);
  }
  if (item.kind === 'record' && state.header === null) {
    // Guessed only for the first row with content: below a title, a row is the header or a title.
    const readsAsData = mapping.header === undefined && state.titleRows.length === 0 && readsAsMessage(item.fields, mapping);
    if (mapping.header === false || readsAsData) {
      // No header row: the first row is data, and the columns are numbered.
      state.header = item.fields.map((_field, index) => String(index));
      state.columns = resolveColumns(state.header, mapping, `${file}:${line}`);
      if (readsAsData) sink.warning({ place: `${file}:${line}`, message: 'the first row reads as a message (the timestamp column, mapped by number, holds a time in it): the file is read as having no header row. Map it with "header": true if the row is a header after all' });
    } else {
      await takeHeaderOrTitle(item.fields, raw, line, state, mapping, file, sink);
      return;
    }
  }
  const locator = { kind: 'csv-row' as const, file, row: state.row, line };
  const chatKey = file;
  const header = state.header ?? [];
  const columns = state.columns;
  // Some tools end every data row with the delimiter, the header without: the field after it is
  // empty and holds nothing, and reading it as a misfit would leave every row of the file unparsed.
  if (item.kind === 'record' && item.fields.length === header.length + 1 && item.fields.at(-1) === '') {
    item.fields.pop();
    state.trailingEmptyFieldRows += 1;
  }
  const repeatsHeader = item.kind === 'record' && isHeaderAgain(item.fields, header);
  if (item.kind === 'skip' || columns === null || item.fields.length !== header.length || repeatsHeader) {
    const reason = item.kind === 'skip'
      ? item.reason.replace(/ at line \d+$/u, '')
      : repeatsHeader
        ? 'the row repeats the header row (files joined into one?); it is not a message'
        : `the row has ${item.fields.length} fields but the header has ${header.length} (an unquoted delimiter or quote inside a value?)`;
    // No warning here: the import worker lists each unparsed record with its reason and place.
    state.unparsed += 1;
    const rawBytes = item.kind === 'skip' ? item.rawBytes : undefined;
    await emit(sink, state, unparsedRecord({ chatKey, raw, rawBytes, locator, reason }), chatKey);
    return;
  }
  const { message, title } = rowMessage(item.fields, header, columns, mapping, locator, state, warnings);
  state.messages += 1;
  await emit(sink, state, message, message.chatKey, title);
}

/**
 * A record that is rows merged by a quote that does not close (merged-rows.ts), as the records it
 * should have been: its first line unparsed, saying why, and each later line a row of its own,
 * on its own line. Null for any other record.
 */
function mergedRowsOf(item: Queued, state: ParseState, mapping: CsvMapping): Queued[] | null {
  if (item.kind !== 'record' || state.header === null || state.columns === null) return null;
  const ending = /\r?\n$|\r$/u.exec(item.raw)?.[0] ?? '';
  const text = item.raw.slice(0, item.raw.length - ending.length);
  if (!/[\r\n]/u.test(text)) return null;
  const split = splitMergedRows(text, state.header, state.columns, state.delimiter, mapping);
  if (split === null) return null;
  const reason = `a quote in this row does not close on its line, which merged the ${split.rows.length} rows after it into its text; each of those lines reads as a row of its own and is read so`;
  return [
    { kind: 'skip', reason, raw: `${split.broken}\n` },
    ...split.rows.map((row, index): Queued => ({ kind: 'record', fields: row.fields, raw: `${row.line}${index === split.rows.length - 1 ? ending : '\n'}` })),
  ];
}

/**
 * Reports put a title and case lines above the header ("Chats report", "Case: 42"). A row that
 * does not hold the mapped columns is held as such a line while a later row may still be the
 * header (up to TITLE_ROWS_LOOKED_AT); once one is, the held lines become unparsed records, so
 * nothing is dropped. If none is, the first row's error stands.
 */
async function takeHeaderOrTitle(fields: string[], raw: string, line: number, state: ParseState, mapping: CsvMapping, file: string, sink: ParseSink): Promise<void> {
  let columns: ResolvedColumns;
  try {
    columns = resolveColumns(fields, mapping, `${file}:${line}`);
  } catch (error) {
    state.titleRows.push({ raw, row: state.row, line, error });
    if (state.titleRows.length > TITLE_ROWS_LOOKED_AT) throw state.titleRows[0]?.error ?? error;
    return;
  }
  state.header = fields;
  state.columns = columns;
  for (const title of state.titleRows.splice(0)) {
    const locator = { kind: 'csv-row' as const, file, row: title.row, line: title.line };
    state.unparsed += 1;
    await emit(sink, state, unparsedRecord({ chatKey: file, raw: title.raw, locator, reason: 'the row is above the header row (a title or note of the report?)' }), file);
  }
}

/**
 * A row with the header's names again (ignoring case, spaces and a BOM): a second file's header,
 * joined on. Not with one column: a message may well be the one word its header is.
 */
function isHeaderAgain(fields: readonly string[], header: readonly string[]): boolean {
  const name = (cell: string): string => cell.replace(/^\uFEFF/u, '').trim().toLowerCase();
  return header.length > 1 && fields.length === header.length && fields.every((field, index) => name(field) === name(header[index] ?? ''));
}

async function emit(sink: ParseSink, state: ParseState, message: ParsedMessage, key: string, title: string = key): Promise<void> {
  if (!state.chats.has(key)) {
    state.chats.add(key);
    sink.chat({ key, title, kind: 'unknown' });
  }
  await sink.message(message);
}

/**
 * A first row that is a message, not a header: the columns are mapped by number (a header would
 * let them be named) and the timestamp cell reads as a time, which no header's name does. Taking
 * it for the header would lose the file's first message (a real iOS sms.db dump has no header).
 */
function readsAsMessage(fields: readonly string[], mapping: CsvMapping): boolean {
  if (typeof mapping.timestamp !== 'number') return false;
  const cell = fields[mapping.timestamp];
  if (cell === undefined || cell.trim() === '') return false;
  return readCsvTimestamp(cell, mapping.timestampFormat, mapping.timeZoneAware === true).time !== null;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}

/**
 * A CSV file of messages, read with a column mapping the examiner supplies (there is no standard
 * layout). csv-parse splits records as the bytes stream in; each data row becomes one message, or
 * an 'unparsed' record with its raw line and the reason when it cannot be read (a wrong number of
 * fields, a broken quote). The header row is required.
 */

import { parse } from 'csv-parse';
import { callChatTitle, callConversationKey, callText, timeSpanSeconds } from '../sms-xml/call-log.ts';
import type { ParsedMessage, ParseOutcome, ParserInput, ParseSink, SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import { defineField, PROGRESS_EVERY_RECORDS, RAW_TEXT_LIMIT, WarningLimiter } from '../import-limits.ts';
import { unparsedRecord, type UnparsedRecordFields } from '../unparsed-record.ts';
import { describeUtf8Problems, Utf8ChunkDecoder } from '../telegram/utf8-chunks.ts';
import { sniffCsvLayout } from './columns.ts';
import { directionKey, resolveColumns, TITLE_ROWS_LOOKED_AT, validateCsvMapping } from './mapping.ts';
import type { CsvDeclaredEncoding, CsvMapping, ResolvedColumns } from './mapping.ts';
import { readCsvTimestamp } from './timestamps.ts';
import { readableCsvEncoding } from './encoding.ts';
import { INVISIBLE_MARKS } from './invisible-marks.ts';
import { splitMergedRows } from './merged-rows.ts';

export const CSV_PARSER_VERSION = '1.16.0';

/**
 * Longest record accepted. A quote that never closes swallows the rest of the file into one
 * field; past this the file is treated as broken there instead of holding gigabytes in memory.
 */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;
/** Bytes kept from the start of the record being read, to show it if it has to be reported. */
const PENDING_BYTES_KEPT = 4 * RAW_TEXT_LIMIT;

const INCOMING = /^(?:in|incoming|inbound|received|receive|recv|inbox|rx|1)$/iu;
const OUTGOING = /^(?:out|outgoing|outbound|sent|send|outbox|tx|2)$/iu;

/** The direction a cell names: by the mapping's values when it gives them, else by the usual words. */
function directionOf(text: string, values: CsvMapping['directionValues']): 'incoming' | 'outgoing' | null {
  if (values !== undefined) {
    const key = directionKey(text);
    if (values.incoming.some((value) => directionKey(value) === key)) return 'incoming';
    return values.outgoing.some((value) => directionKey(value) === key) ? 'outgoing' : null;
  }
  return INCOMING.test(text) ? 'incoming' : OUTGOING.test(text) ? 'outgoing' : null;
}

/** `rawBytes`: the raw text was decoded from only the start of the row (see UnparsedRecordFields). */
type Queued = { kind: 'record'; fields: string[]; raw: string } | { kind: 'skip'; reason: string; raw: string; rawBytes?: UnparsedRecordFields['rawBytes'] };

interface ParseState {
  header: string[] | null;
  columns: ResolvedColumns | null;
  /** Line the next record starts on (1-based). */
  line: number;
  /** Records seen, header included (the header is row 1, as in a spreadsheet). */
  row: number;
  messages: number;
  unparsed: number;
  blankRows: number;
  /** Data rows read with the empty field after their last delimiter dropped (see handle). */
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

export async function parseCsv(input: ParserInput, sink: ParseSink, mapping: CsvMapping): Promise<ParseOutcome> {
  const valid = validateCsvMapping(mapping);
  const file = input.displayName;
  const warnings = new WarningLimiter(sink, file);
  const validator = new Utf8ChunkDecoder();
  const queue: Queued[] = [];
  const state: ParseState = { header: null, columns: null, line: 1, row: 0, messages: 0, unparsed: 0, blankRows: 0, trailingEmptyFieldRows: 0, undated: 0, dateOnly: 0, chats: new Set(), titleRows: [], delimiter: ',', mergedRecords: 0 };
  let recordEnd = 0;
  let failure: string | null = null;
  /** Line the failure is at: handing the runaway row on as unparsed moves state.line past it. */
  let failureLine: number | null = null;
  const pending: { start: number; bytes: Uint8Array }[] = [];

  // Without a delimiter in the mapping, the one the file's header row is written with (the
  // detection found the file's columns with it; a ';' file read with ',' has none of them).
  const delimiter = valid.delimiter ?? sniffCsvLayout(await headOf(input), undefined, valid.encoding ?? 'utf-8', valid).delimiter;
  state.delimiter = delimiter;
  const parser = parse({
    delimiter,
    bom: true,
    raw: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    on_record: (record: unknown) => {
      const { fields, raw, bytes } = recordParts(record);
      queue.push({ kind: 'record', fields, raw });
      recordEnd = bytes;
      return null;
    },
    on_skip: (error, raw) => {
      queue.push({ kind: 'skip', reason: error?.message ?? 'csv-parse skipped the record', raw: raw ?? '' });
      recordEnd = parser.info.bytes;
      return undefined;
    },
  });
  parser.on('error', (error: Error) => {
    failure ??= error.message;
  });
  const ended = new Promise<void>((resolve) => {
    parser.on('end', () => resolve());
    parser.on('error', () => resolve());
  });
  // Records are taken in on_record; nothing reaches the readable side, but it must flow to end.
  parser.resume();

  const drain = async (): Promise<void> => {
    for (const item of queue.splice(0, queue.length)) {
      await handle(item, state, valid, file, sink, warnings);
      if (state.row % PROGRESS_EVERY_RECORDS === 0) sink.throwIfCancelled();
    }
  };

  const write = (bytes: Uint8Array): Promise<void> => new Promise<void>((resolve) => {
    parser.write(bytes, () => resolve());
  });
  /** Bytes of the file read. */
  let done = 0;
  /** Bytes given to csv-parse (the file's, or their UTF-8 form for a UTF-16 file); record offsets count these. */
  let offset = 0;
  // A file not in UTF-8 is given to csv-parse as UTF-8 (its own UTF-16 reading misdecodes a row's
  // raw text, and it reads no other encoding); offsets in locators then count those UTF-8 bytes.
  let transcoder: InstanceType<typeof TextDecoder> | null = null;
  let encoding: string = 'utf-8';
  for await (const chunk of input.stream()) {
    sink.throwIfCancelled();
    if (done === 0) {
      encoding = readableEncoding(chunk, file, parser, valid.encoding);
      if (encoding !== 'utf-8') transcoder = new TextDecoder(encoding);
    }
    done += chunk.length;
    if (transcoder === null) validator.decode(chunk);
    const bytes = transcoder === null ? chunk : utf8Of(transcoder.decode(chunk, { stream: true }));
    pending.push({ start: offset, bytes });
    offset += bytes.length;
    await write(bytes);
    await drain();
    keepPendingFrom(pending, recordEnd);
    sink.progress(done, input.size);
    if (failure !== null) break;
    // csv-parse updates its byte count at record ends only, so the bytes written are counted here.
    if (offset - recordEnd > MAX_RECORD_BYTES) {
      failureLine = state.line;
      failure = `the row starting at line ${state.line} is longer than ${MAX_RECORD_BYTES} bytes (a quote that never closes?)`;
      // Only the start of the row is still held (PENDING_BYTES_KEPT); the record says how much of it that is.
      const held = concat(pending, recordEnd);
      const raw = new TextDecoder('utf-8', { fatal: false }).decode(held);
      const rawBytes = { decoded: held.byteLength, total: offset - recordEnd, totalIsLowerBound: true };
      await handle({ kind: 'skip', reason: failure, raw, rawBytes }, state, valid, file, sink, warnings);
      break;
    }
  }
  validator.end();
  if (failure === null) {
    // A last odd byte of a UTF-16 file (a cut multi-byte character) is read as U+FFFD.
    if (transcoder !== null) await write(utf8Of(transcoder.decode()));
    parser.end();
    await ended;
    await drain();
  } else {
    parser.destroy();
  }

  if (state.header === null) {
    if (failure === null && state.titleRows[0] !== undefined) throw state.titleRows[0].error;
    throw new AppError('E_IMPORT_FORMAT', failure === null ? `${file}: the file has no header row; a CSV import needs one naming the columns` : `${file}:${failureLine ?? state.line}: ${failure}; nothing could be read before it`);
  }
  if (failure !== null) {
    sink.warning({ place: `${file}:${failureLine ?? state.line}`, message: `${failure}; reading stopped there: the ${state.messages} rows before it were imported, anything after it was not` });
  }
  if (state.messages === 0 && state.unparsed === 0) sink.warning({ place: file, message: 'the file has a header row but no data rows' });
  if (state.undated > 0) sink.warning({ place: file, message: `${state.undated} rows have a timestamp that could not be read (they are imported without a time)` });
  if (state.dateOnly > 0) {
    sink.warning({ place: file, message: `${state.dateOnly} rows have a date but no time of day: they are read as midnight in the case's zone. If the time is in a column of its own, map it as "time"` });
  }
  const utf8 = describeUtf8Problems(validator.report);
  if (utf8 !== null) sink.warning({ place: file, message: `${utf8}. If the file was saved in a legacy code page (Excel's plain "CSV" on Windows saves the machine's), name it in the mapping, e.g. "encoding": "windows-1252", and import it again` });
  warnings.finish();
  return {
    formatVersion: 'csv',
    details: {
      mapping: valid,
      columns: state.header,
      messages: state.messages,
      unparsed: state.unparsed,
      encoding,
      blankRows: state.blankRows,
      trailingEmptyFieldRows: state.trailingEmptyFieldRows,
      mergedRecordsSplit: state.mergedRecords,
      undatedRows: state.undated,
      dateOnlyRows: state.dateOnly,
      delimiter,
      chats: state.chats.size,
      complete: failure === null,
      invalidUtf8Sequences: validator.report.invalidSequences,
    },
  };
}

async function handle(item: Queued, state: ParseState, mapping: CsvMapping, file: string, sink: ParseSink, warnings: WarningLimiter): Promise<void> {
  const merged = mergedRowsOf(item, state, mapping);
  if (merged !== null) {
    state.mergedRecords += 1;
    for (const part of merged) await handle(part, state, mapping, file, sink, warnings);
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
  // A cell's text is evidence and is kept as written (spaces, line ends); only lookups (the time,
  // the direction words, the chat key) read its trimmed form.
  const verbatim = (index: number | null): string | null => (index === null ? null : (item.fields[index] ?? ''));
  const cell = (index: number | null): string | null => verbatim(index)?.trim() ?? null;
  // A time of day in a column of its own joins the date (the text as read is kept as the time as written).
  const dateText = verbatim(columns.timestamp) ?? '';
  const timeOfDay = cell(columns.time);
  const timestampText = timeOfDay === null || timeOfDay === '' ? dateText : `${dateText.trim()} ${timeOfDay}`;
  const { time, problem } = readCsvTimestamp(timestampText, mapping.timestampFormat, mapping.timeZoneAware === true);
  if (problem === null && time !== null && isDateOnly(timestampText, mapping.timestampFormat)) state.dateOnly += 1;
  const extra: Record<string, unknown> = {};
  if (problem !== null) {
    state.undated += 1;
    extra['timestampProblem'] = problem;
    warnings.add('timestamp', `${file}:${line}`, problem);
  }
  // A duration is read into the call only in a call log; beside a text it stays in extra as written.
  const mapped = new Set([columns.timestamp, columns.time, columns.text, columns.text === null ? columns.duration : null, columns.sender, columns.party, columns.chat, columns.direction]);
  header.forEach((name, index) => {
    if (!mapped.has(index)) defineField(extra, extraKeyOf(extra, name, index), item.fields[index] ?? '');
  });
  // Invisible direction marks (FORMATS.md §0.3) are no part of the word.
  const directionText = verbatim(columns.direction)?.replace(INVISIBLE_MARKS, '').trim() ?? null;
  const direction = directionText === null || directionText === '' ? null : directionOf(directionText, mapping.directionValues);
  if (directionText !== null && directionText !== '' && direction === null) extra['directionText'] = verbatim(columns.direction);
  // The sender is a participant: named by the cell's trimmed text, so a padded column ("  ana ")
  // does not make a second "ana"; the cell as written is kept beside it when it differs.
  // The other party (mapping.party) is the sender of what came in; what went out is the owner's.
  const partyValue = cell(columns.party);
  if (partyValue !== null && partyValue !== '') extra['party'] = partyValue;
  const senderCell = columns.sender !== null ? verbatim(columns.sender) : direction === 'incoming' ? verbatim(columns.party) : null;
  const sender = senderCell?.trim() ?? null;
  if (senderCell !== null && sender !== null && sender !== '' && senderCell !== sender) extra['senderAsWritten'] = senderCell;
  const chatValue = cell(columns.chat);
  const conversation = columns.chat !== null
    ? chatValue === null || chatValue === '' ? '(no chat)' : chatValue
    : columns.party !== null
      ? partyValue === null || partyValue === '' ? '(no party)' : partyValue
      : chatKey;
  // A call log (a duration mapped, no text): each row is a call, kept apart from the party's texts as other importers keep calls.
  const call = columns.text === null ? callFacts(verbatim(columns.duration), direction, extra) : null;
  const key = call !== null && columns.chat === null ? callConversationKey(conversation) : conversation;
  const message: ParsedMessage = {
    chatKey: key,
    kind: call === null ? 'message' : 'system',
    sender: sender === null || sender === '' ? null : sender,
    direction,
    time,
    timestampText,
    text: call ?? verbatim(columns.text) ?? '',
    attachments: [],
    deleted: false,
    edited: false,
    locator,
    extra,
  };
  state.messages += 1;
  await emit(sink, state, message, key, call !== null && columns.chat === null ? callChatTitle(null, partyValue === null || partyValue === '' ? null : partyValue) : key);
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
 * A call-log row's sentence ("Outgoing call, 2 min 0 s"), its facts put in `extra` (recordType
 * 'call', the length in seconds and as written). What became of the call (missed, rejected) is
 * only in the export's own columns, which stay in extra as written: nothing is guessed from them.
 */
function callFacts(durationText: string | null, direction: 'incoming' | 'outgoing' | null, extra: Record<string, unknown>): string {
  const seconds = durationText === null || durationText.trim() === '' ? null : timeSpanSeconds(durationText);
  extra['recordType'] = 'call';
  extra['durationSeconds'] = seconds;
  if (durationText !== null && String(seconds) !== durationText) extra['durationAsWritten'] = durationText;
  return callText({ direction, outcome: 'unknown', durationSeconds: seconds, video: null, app: null });
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

/**
 * The key an unmapped cell is kept under: its header name, or its column number when the name is
 * empty or already taken (a header may repeat a name; the second cell must not overwrite the first).
 */
function extraKeyOf(extra: Record<string, unknown>, name: string, index: number): string {
  const trimmed = name.trim();
  if (trimmed === '') return `column ${index + 1}`;
  return Object.hasOwn(extra, trimmed) ? `${trimmed} (column ${index + 1})` : trimmed;
}

async function emit(sink: ParseSink, state: ParseState, message: ParsedMessage, key: string, title: string = key): Promise<void> {
  if (!state.chats.has(key)) {
    state.chats.add(key);
    sink.chat({ key, title, kind: 'unknown' });
  }
  await sink.message(message);
}

function recordParts(record: unknown): { fields: string[]; raw: string; bytes: number } {
  const value = record as { record?: unknown; raw?: unknown; info?: { bytes?: unknown } };
  const fields = Array.isArray(value.record) ? value.record.map((field) => String(field)) : [];
  return { fields, raw: typeof value.raw === 'string' ? value.raw : '', bytes: typeof value.info?.bytes === 'number' ? value.info.bytes : 0 };
}

/** Drops chunks wholly before `from`; stops keeping bytes once enough of the record is held. */
function keepPendingFrom(pending: { start: number; bytes: Uint8Array }[], from: number): void {
  while (pending.length > 0 && (pending[0]?.start ?? 0) + (pending[0]?.bytes.length ?? 0) <= from) pending.shift();
  let kept = 0;
  for (let index = 0; index < pending.length; index += 1) {
    const item = pending[index];
    if (item === undefined) continue;
    if (kept > PENDING_BYTES_KEPT) {
      pending.length = index;
      break;
    }
    kept += item.start + item.bytes.length - Math.max(from, item.start);
  }
}

function concat(pending: readonly { start: number; bytes: Uint8Array }[], from: number): Uint8Array {
  return Buffer.concat(pending.map((item) => item.bytes.subarray(Math.max(0, from - item.start))));
}

/** The encoding of the file, from its first bytes; refuses (and stops csv-parse) UTF-16 it cannot read. */
function readableEncoding(head: Uint8Array, file: string, parser: { destroy: () => void }, declared: CsvDeclaredEncoding | undefined): string {
  try {
    return readableCsvEncoding(head, file, declared);
  } catch (error) {
    parser.destroy();
    throw error;
  }
}

/** The file's first chunk, for the delimiter its header row is written with. */
async function headOf(input: ParserInput): Promise<Uint8Array> {
  for await (const chunk of input.stream()) return chunk;
  return new Uint8Array(0);
}

/** Formats read as a date with an optional time; a value of them with no ':' has no time of day. */
const DATE_FORMATS: ReadonlySet<string | undefined> = new Set(['iso', 'dmy', 'mdy', 'ymd', undefined]);

/** A clock after the date: "18:00", "6.12", "T09:30" (the date readers take ':' or '.' between hour and minute). */
const CLOCK_AFTER_DATE = /[ T,]\d{1,2}[:.]\d{2}(?!\d)/u;

function isDateOnly(value: string, format: CsvMapping['timestampFormat']): boolean {
  const trimmed = value.trim();
  return DATE_FORMATS.has(format) && !CLOCK_AFTER_DATE.test(trimmed) && !/^-?\d+(?:[.,]\d+)?$/u.test(trimmed);
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

function utf8Of(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}

/** A SourceParser for one mapping (CSV is imported only when the examiner supplies one). */
export function createCsvParser(mapping: CsvMapping): SourceParser {
  const valid = validateCsvMapping(mapping);
  return {
    format: 'csv',
    parserVersion: CSV_PARSER_VERSION,
    sniff: () => false,
    parse: (input, sink) => parseCsv(input, sink, valid),
  };
}

/** The CSV format without a mapping: never sniffed, and parse() says a mapping is needed. */
export const csvParser: SourceParser = {
  format: 'csv',
  parserVersion: CSV_PARSER_VERSION,
  sniff: () => false,
  parse: (input) => Promise.reject(new AppError('E_USAGE', `${input.displayName}: a CSV file is imported only with a column mapping (timestamp, text, and optionally sender, chat, direction); create the parser with createCsvParser(mapping)`)),
};

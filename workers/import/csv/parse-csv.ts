/**
 * A CSV file of messages, read with a column mapping the examiner supplies (there is no standard
 * layout). csv-parse splits records as the bytes stream in; each data row becomes one message, or
 * an 'unparsed' record with its raw line and the reason when it cannot be read (a wrong number of
 * fields, a broken quote). The header row is required. This module streams the bytes and keeps
 * what a runaway record needs reported; csv-rows.ts reads the records, row-message.ts the cells.
 */

import { parse } from 'csv-parse';
import type { ParseOutcome, ParserInput, ParseSink, SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import { PROGRESS_EVERY_RECORDS, RAW_TEXT_LIMIT, WarningLimiter } from '../import-limits.ts';
import { describeUtf8Problems, Utf8ChunkDecoder } from '../telegram/utf8-chunks.ts';
import { sniffCsvLayout } from './columns.ts';
import { validateCsvMapping } from './mapping.ts';
import type { CsvDeclaredEncoding, CsvMapping } from './mapping.ts';
import { readableCsvEncoding } from './encoding.ts';
import { readRecord } from './csv-rows.ts';
import type { ParseState, Queued } from './csv-rows.ts';

export const CSV_PARSER_VERSION = '1.17.1';

/**
 * Longest record accepted. A quote that never closes swallows the rest of the file into one
 * field; past this the file is treated as broken there instead of holding gigabytes in memory.
 */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;
/** Bytes kept from the start of the record being read, to show it if it has to be reported. */
const PENDING_BYTES_KEPT = 4 * RAW_TEXT_LIMIT;

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
      await readRecord(item, state, valid, file, sink, warnings);
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
      await readRecord({ kind: 'skip', reason: failure, raw, rawBytes }, state, valid, file, sink, warnings);
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

function utf8Of(text: string): Uint8Array {
  return new TextEncoder().encode(text);
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

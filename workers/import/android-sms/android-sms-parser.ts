/**
 * Android `mmssms.db` (com.android.providers.telephony) as a SourceParser: SMS from `sms` (and
 * Samsung's `spam_sms`), MMS from `pdu` + `part` + `addr`, conversations from `threads` +
 * `canonical_addresses`. Rows deleted by the user survive only in free pages; recovering them is
 * carving, out of scope here.
 */

import type { ParseOutcome, ParseSink, ParsedMessage, ParserInput, SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import type { EvidenceDatabase, ScanErrorCause, Row, WarningCap } from '../sqlite/index.ts';
import {
  ChatRegistry,
  countUnreadTables,
  RowPacer,
  columnsOf,
  hasTable,
  otherColumns,
  withOtherColumns,
  rowCount,
  scanErrorMessage,
  scanRows,
  selectExpressions,
  evidenceDatabaseParser,
  unparsedRow,
} from '../sqlite/index.ts';
import { MmsReader, PDU_COLUMNS } from './mms-rows.ts';
import { SMS_COLUMNS, smsRowToMessage } from './sms-rows.ts';
import { loadThreads } from './threads.ts';
import { pendingPartsCondition, RAW_COLUMNS, RAW_TABLE, rawPartToMessage } from './raw-segments.ts';
import type { ThreadBook } from './threads.ts';

/** Reported on every source this parser reads; bump when its output changes. */
export const ANDROID_SMS_PARSER_VERSION = '1.10.2';

/**
 * Tables that may hold messages this parser does not read, with what they are: their row counts
 * go into the details, and a warning when they are not empty.
 */
const UNREAD_MESSAGE_TABLES: Record<string, string> = {
  im: 'Samsung RCS chat messages',
  ft: 'Samsung RCS file transfers',
  wpm: 'WAP push messages',
  spam_pdu: 'MMS filtered as spam',
  spam_im: 'Samsung RCS chat messages filtered as spam',
  spam_ft: 'Samsung RCS file transfers filtered as spam',
  cmas: 'emergency (cell broadcast) alerts',
  // Android 10's RcsProvider keeps RCS in mmssms.db too; no shipping app is known to fill it.
  rcs_message: 'RCS messages of Android 10\'s RCS message store',
  rcs_file_transfer: 'RCS file transfers of Android 10\'s RCS message store',
  rcs_thread_event: 'RCS group events of Android 10\'s RCS message store',
  rcs_participant_event: 'RCS participant events of Android 10\'s RCS message store',
};
/** Samsung tables that copy sms/pdu rows (kept in sync by triggers): reading them would duplicate messages. */
const MIRROR_TABLES = ['messages', 'sms_restricted', 'pdu_restricted'];

export const androidSmsDbParser: SourceParser = evidenceDatabaseParser({ format: 'android-mmssms-db', parserVersion: ANDROID_SMS_PARSER_VERSION, kind: 'android-sms', read: parseMmsSms });

async function parseMmsSms(evidence: EvidenceDatabase, input: ParserInput, sink: ParseSink, warnings: WarningCap): Promise<ParseOutcome> {
  const { db } = evidence;
  const file = input.displayName;
  if (!hasTable(db, 'sms')) {
    throw new AppError('E_IMPORT_FORMAT', `${file}: a SQLite database, but not an Android mmssms.db (no sms table)`);
  }
  const registry = new ChatRegistry(sink);
  const threads = loadThreads(db, registry, (message) => warnings.add('read', file, message));
  const smsTables = ['sms', ...(hasTable(db, 'spam_sms') ? ['spam_sms'] : [])];
  const hasPdu = hasTable(db, 'pdu');
  const counts: Record<string, number | null> = {};
  for (const table of [...smsTables, ...(hasPdu ? ['pdu'] : []), 'part', 'addr', 'threads', 'canonical_addresses']) {
    if (hasTable(db, table)) counts[table] = rowCount(db, table);
  }
  const hasRaw = hasTable(db, RAW_TABLE);
  if (hasRaw) counts[RAW_TABLE] = rowCount(db, RAW_TABLE);
  const totalRows = smsTables.reduce((sum, table) => sum + (counts[table] ?? 0), 0) + (hasPdu ? counts['pdu'] ?? 0 : 0) + (hasRaw ? counts[RAW_TABLE] ?? 0 : 0);
  const pacer = new RowPacer(sink, totalRows, input.size);
  const tally = { messages: 0, unparsed: 0 };

  const emit = async (table: string, row: Row, build: () => Promise<ParsedMessage>): Promise<void> => {
    let message: ParsedMessage;
    try {
      message = await build();
    } catch (error) {
      message = unparsedRow(file, table, row, fallbackChat(threads), error);
      tally.unparsed += 1;
      warnings.add('row', `${file}:${table}`, message.reason ?? 'unreadable row');
    }
    if (message.kind !== 'unparsed') tally.messages += 1;
    await sink.message(message);
    pacer.tick();
  };

  for (const table of smsTables) {
    const columns = columnsOf(db, table);
    // _id is the row's rowid, which the locator holds.
    const others = otherColumns(columns, 't', [...SMS_COLUMNS, '_id']);
    const select = [...selectExpressions(columns, 't', SMS_COLUMNS), ...others.select];
    const onError = (message: string, from: number | null, to: number | null, cause: ScanErrorCause): void => warnings.add('damaged', `${file}:${table}`, scanErrorMessage(table, message, from, to, cause));
    for (const row of scanRows(db, { table, select }, onError)) {
      await emit(table, row, () => Promise.resolve(withOtherColumns(smsRowToMessage(row, table, file, threads), row, others)));
    }
  }
  if (hasPdu) {
    const reader = new MmsReader(db, input);
    try {
      const columns = columnsOf(db, 'pdu');
      const others = otherColumns(columns, 't', PDU_COLUMNS);
      const select = [...selectExpressions(columns, 't', PDU_COLUMNS), ...others.select];
      const onError = (message: string, from: number | null, to: number | null, cause: ScanErrorCause): void => warnings.add('damaged', `${file}:pdu`, scanErrorMessage('pdu', message, from, to, cause));
      for (const row of scanRows(db, { table: 'pdu', select }, onError)) {
        await emit('pdu', row, async () => withOtherColumns(await reader.toMessage(row, file, threads), row, others));
      }
    } finally {
      reader.free();
    }
  }
  const incompleteParts = hasRaw ? await readPendingParts(db, file, threads, warnings, emit) : 0;
  pacer.finish();

  const unread = countUnreadTables(db, UNREAD_MESSAGE_TABLES, file, warnings);
  const mirrors = MIRROR_TABLES.filter((table) => hasTable(db, table));
  const warningCounts = warnings.finish(file);
  const vendor = hasTable(db, 'im') || hasTable(db, 'spam_sms') || hasTable(db, 'wpm') ? 'samsung' : null;
  return {
    formatVersion: evidence.facts.sqliteUserVersion === null ? null : `telephony db ${evidence.facts.sqliteUserVersion}`,
    details: {
      ...evidence.facts,
      vendor,
      rowCounts: counts,
      messages: tally.messages,
      unparsed: tally.unparsed,
      incompleteMultipartParts: incompleteParts,
      chats: registry.size,
      threads: threads.threadCount,
      unreadTables: unread,
      mirrorTablesSkipped: mirrors,
      warningCounts,
      deletedRowsRecovered: false,
    },
  };
}

/**
 * The parts in `raw` of texts never put together, each a record of its own (raw-segments.ts); the
 * parts of assembled texts (marked deleted) repeat what `sms` holds and are not read.
 */
async function readPendingParts(db: EvidenceDatabase['db'], file: string, threads: ThreadBook, warnings: WarningCap, emit: (table: string, row: Row, build: () => Promise<ParsedMessage>) => Promise<void>): Promise<number> {
  const columns = columnsOf(db, RAW_TABLE);
  const others = otherColumns(columns, 't', [...RAW_COLUMNS, 'deleted', '_id']);
  const select = [...selectExpressions(columns, 't', RAW_COLUMNS), ...others.select];
  const where = pendingPartsCondition(columns);
  const onError = (message: string, from: number | null, to: number | null, cause: ScanErrorCause): void => warnings.add('damaged', `${file}:${RAW_TABLE}`, scanErrorMessage(RAW_TABLE, message, from, to, cause));
  let parts = 0;
  for (const row of scanRows(db, { table: RAW_TABLE, select, ...(where === undefined ? {} : { where }) }, onError)) {
    parts += 1;
    await emit(RAW_TABLE, row, () => Promise.resolve(withOtherColumns(rawPartToMessage(row, file, threads), row, others)));
  }
  if (parts > 0) warnings.add('read', `${file}:${RAW_TABLE}`, `${parts} part(s) of multipart SMS whose other parts never arrived were read from the raw table, each as a record of its own (the text was never put together)`);
  return parts;
}

function fallbackChat(threads: ThreadBook): string {
  return threads.chatKeyFor(null, []);
}

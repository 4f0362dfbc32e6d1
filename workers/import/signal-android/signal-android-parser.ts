/**
 * Signal Android's database after decryption (signalbackup-tools `--output`, which writes the
 * database of an Android `.backup` as a plain SQLite file with Signal-Android's own schema) as a
 * SourceParser: one chat per row of `thread`, one record per row of the message tables (`sms`
 * then `mms` in databases before version 174, `message` from it on), with the people of
 * `recipient`, the groups of `groups`, attachments from `attachment`/`part` and reactions from
 * `reaction`. Identified by its tables (sqlite/identify.ts), never by its name. README.md in this
 * folder gives the source of every column and code read.
 */

import type { ParseOutcome, ParseSink, ParsedMessage, ParserInput, SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import type { EvidenceDatabase, ScanErrorCause, WarningCap } from '../sqlite/index.ts';
import { ChatRegistry, RowPacer, columnsOf, countUnreadTables, evidenceDatabaseParser, hasTable, integerValue, otherColumns, rowCount, rowidOf, scanErrorMessage, scanRows, selectExpressions, unparsedRow, withOtherColumns } from '../sqlite/index.ts';
import { AttachmentReader } from './attachments.ts';
import { messageColumns, messageRowToMessage, messageTableSpec } from './message-row.ts';
import type { MessageContext } from './message-row.ts';
import { MentionReader } from './mentions.ts';
import { ReactionReader } from './reactions.ts';
import { loadRecipientBook } from './recipients.ts';
import { SignalThreads } from './threads.ts';

/** Reported on every source this parser reads; bump when its output changes. */
export const SIGNAL_ANDROID_PARSER_VERSION = '1.0.0';

/** The message tables, in the order they are read. */
const MESSAGE_TABLES = ['sms', 'mms', 'message'] as const;

/** Tables that may hold what this parser does not read, with what they are. */
const UNREAD_TABLES: Record<string, string> = {
  call: 'the call log (each call also has a message row of a call type, which is read)',
  story_sends: 'stories sent',
};

export const signalAndroidDbParser: SourceParser = evidenceDatabaseParser({
  format: 'signal-android-db',
  parserVersion: SIGNAL_ANDROID_PARSER_VERSION,
  kind: 'signal-android',
  read: parseSignalAndroidDb,
});

interface Tally {
  messages: number;
  system: number;
  unparsed: number;
  attachments: number;
  remoteDeleted: number;
  failed: number;
  unknownTypes: number;
}

async function parseSignalAndroidDb(evidence: EvidenceDatabase, input: ParserInput, sink: ParseSink, warnings: WarningCap): Promise<ParseOutcome> {
  const { db } = evidence;
  const file = input.displayName;
  const tables = MESSAGE_TABLES.filter((table) => hasTable(db, table));
  if (!hasTable(db, 'thread') || !hasTable(db, 'recipient') || tables.length === 0) {
    throw new AppError('E_IMPORT_FORMAT', `${file}: a SQLite database, but not a decrypted Signal Android database (it needs the tables thread, recipient, and sms/mms or message)`);
  }
  const registry = new ChatRegistry(sink);
  const book = loadRecipientBook(db, (table, message) => warnings.add('damaged', `${file}:${table}`, message));
  const threads = new SignalThreads(db, book, registry, (message) => warnings.add('damaged', `${file}:thread`, message));
  const attachments = new AttachmentReader(db);
  if (attachments.namesUnchecked !== null) warnings.add('damaged', `${file}:${attachments.table ?? 'attachment'}`, attachments.namesUnchecked);
  const reactions = new ReactionReader(db, book);
  if (reactions.unreadable !== null) warnings.add('damaged', `${file}:reaction`, `the reaction table could not be read (${reactions.unreadable}); messages are read without their reactions`);
  const mentions = new MentionReader(db, book);
  if (mentions.unreadable !== null) warnings.add('damaged', `${file}:mention`, `the mention table could not be read (${mentions.unreadable}); messages are read without their mentions`);
  const counts: Record<string, number | null> = {};
  for (const table of [...tables, 'thread', 'recipient', 'groups', 'group_membership', 'attachment', 'part', 'reaction', 'mention']) {
    if (hasTable(db, table)) counts[table] = rowCount(db, table);
  }
  const totalRows = tables.reduce((sum, table) => sum + (counts[table] ?? 0), 0);
  const pacer = new RowPacer(sink, totalRows, input.size);
  const tally: Tally = { messages: 0, system: 0, unparsed: 0, attachments: 0, remoteDeleted: 0, failed: 0, unknownTypes: 0 };
  const columnNames: Record<string, Record<string, string>> = {};
  try {
    for (const table of tables) {
      const columns = columnsOf(db, table);
      const spec = messageTableSpec(table, columns);
      columnNames[table] = { dateSent: spec.dateSent, dateReceived: spec.dateReceived, type: spec.type, party: spec.party };
      const read = messageColumns(spec);
      const others = otherColumns(columns, 't', read);
      const select = [...selectExpressions(columns, 't', read), ...others.select];
      const context: MessageContext = { file, spec, book, threads, attachments, reactions, mentions };
      const onError = (message: string, from: number | null, to: number | null, cause: ScanErrorCause): void => warnings.add('damaged', `${file}:${table}`, scanErrorMessage(table, message, from, to, cause));
      for (const row of scanRows(db, { table, select }, onError)) {
        let message: ParsedMessage;
        const place = `${file}:${table}#${rowidOf(row)}`;
        try {
          const result = messageRowToMessage(row, context);
          message = withOtherColumns(result.message, row, others);
          count(tally, message);
          const unknown = result.typeProblem ?? result.reading?.unknown ?? null;
          if (unknown !== null) {
            tally.unknownTypes += 1;
            warnings.add('type', place, `${unknown}; the row is kept as a message with its type as a number (extra.typeValue)`);
          }
          if (result.attachmentsUnreadable !== null) warnings.add('damaged', `${file}:${attachments.table ?? 'attachment'}`, `the attachments of ${table} row ${rowidOf(row)} could not be read (${result.attachmentsUnreadable}); the message is kept without them`);
        } catch (error) {
          // Kept in its chat when the row names one, so it is seen where it belongs.
          message = unparsedRow(file, table, row, threads.chatKeyFor(integerValue(row['thread_id'])), error);
          tally.unparsed += 1;
          warnings.add('row', place, message.reason ?? 'unreadable row');
        }
        await sink.message(message);
        pacer.tick();
      }
    }
  } finally {
    attachments.free();
    reactions.free();
    mentions.free();
  }
  pacer.finish();

  const unread = countUnreadTables(db, UNREAD_TABLES, file, warnings);
  const userVersion = evidence.facts.sqliteUserVersion;
  return {
    formatVersion: `Signal Android database${userVersion === null ? '' : ` version ${userVersion}`} (${tables.includes('message') ? 'one message table' : 'separate sms and mms tables'})`,
    details: {
      ...evidence.facts,
      messageTables: tables,
      columnNames,
      attachmentTable: attachments.table,
      rowCounts: counts,
      ...tally,
      threads: threads.size,
      recipients: book.recipients.size,
      groups: book.groupCount,
      chats: registry.size,
      unreadTables: unread,
      warningCounts: warnings.finish(file),
      deletedRowsRecovered: false,
    },
  };
}

function count(tally: Tally, message: ParsedMessage): void {
  if (message.kind === 'system') tally.system += 1;
  else tally.messages += 1;
  tally.attachments += message.attachments.length;
  if (message.deleted) tally.remoteDeleted += 1;
  if (message.extra?.['failed'] === true) tally.failed += 1;
}

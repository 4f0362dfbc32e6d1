/**
 * Google Messages' database (com.google.android.apps.messaging/databases/bugle_db, often with a
 * -wal beside it) as a SourceParser: one chat per row of `conversations`, one record per row of
 * `messages` with its `parts` as text and attachments. The default SMS app of most Android phones
 * keeps its RCS chats here only, not in mmssms.db. AOSP Messaging (com.android.messaging) writes
 * the same database under the same name, and is read the same way.
 *
 * Sources: the schema of AOSP packages/apps/Messaging (DatabaseHelper.java, MessageData.java,
 * ParticipantData.java) and ALEAPP's scripts/artifacts/googleMessages.py (Josh Hickman), which
 * reads Google Messages' bugle_db on real phones (Android 13 to 16): parts joined to messages,
 * participants and conversations, parts.timestamp in milliseconds, direction from the sender's
 * sub_id. Columns neither names are kept under their own names in extra.otherColumns. Rows the
 * user deleted are gone from these tables; a table of deleted-message tombstones
 * (cms_deleted_messages_buffer, named by a recovery write-up on cellphoneforensics.ca) is counted
 * and reported, not read, since no public source gives its columns.
 */

import type { ParseOutcome, ParseSink, ParsedMessage, ParserInput, SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import type { EvidenceDatabase, ScanErrorCause, WarningCap } from '../sqlite/index.ts';
import { ChatRegistry, countUnreadTables, RowPacer, columnsOf, evidenceDatabaseParser, hasTable, integerValue, otherColumns, rowCount, rowidOf, scanErrorMessage, scanRows, selectExpressions, unparsedRow, withOtherColumns } from '../sqlite/index.ts';
import { BugleConversations } from './conversations.ts';
import { PartsReader } from './message-parts.ts';
import { MESSAGE_COLUMNS, messageRowToMessage } from './message-row.ts';
import type { MessageContext } from './message-row.ts';
import { loadParticipants } from './participants.ts';

/** Reported on every source this parser reads; bump when its output changes. */
export const GOOGLE_MESSAGES_PARSER_VERSION = '1.4.1';

/** Tables that may hold messages this parser does not read, with what they are. */
const UNREAD_MESSAGE_TABLES: Record<string, string> = {
  cms_deleted_messages_buffer: 'records of deleted messages',
};

export const googleMessagesDbParser: SourceParser = evidenceDatabaseParser({
  format: 'google-messages-db',
  parserVersion: GOOGLE_MESSAGES_PARSER_VERSION,
  kind: 'google-messages',
  read: parseBugleDb,
});

async function parseBugleDb(evidence: EvidenceDatabase, input: ParserInput, sink: ParseSink, warnings: WarningCap): Promise<ParseOutcome> {
  const { db } = evidence;
  const file = input.displayName;
  const messageColumns = columnsOf(db, 'messages');
  if (!hasTable(db, 'parts') || !messageColumns.has('conversation_id')) {
    throw new AppError('E_IMPORT_FORMAT', `${file}: a SQLite database, but not a Google Messages bugle_db (no parts table, or a messages table without conversation_id)`);
  }
  const registry = new ChatRegistry(sink);
  const participants = loadParticipants(db, (message) => warnings.add('damaged', `${file}:participants`, message));
  const conversations = new BugleConversations(db, participants, registry, (table, message) => warnings.add('damaged', `${file}:${table}`, message));
  const parts = new PartsReader(db);
  if (parts.noRowid !== null) warnings.add('schema', `${file}:parts`, parts.noRowid);
  const context: MessageContext = { file, participants, conversations, parts };
  const counts: Record<string, number | null> = {};
  for (const table of ['messages', 'parts', 'conversations', 'participants', 'conversation_participants']) {
    if (hasTable(db, table)) counts[table] = rowCount(db, table);
  }
  const pacer = new RowPacer(sink, counts['messages'] ?? 0, input.size);
  const tally = { messages: 0, unparsed: 0, attachments: 0, failed: 0, notYetSent: 0, tombstones: 0, withoutParts: 0, partsUnreadable: 0 };
  // _id is the row's rowid, which the locator holds.
  const others = otherColumns(messageColumns, 't', MESSAGE_COLUMNS);
  const select = [...selectExpressions(messageColumns, 't', MESSAGE_COLUMNS), ...others.select];
  const onError = (message: string, from: number | null, to: number | null, cause: ScanErrorCause): void => warnings.add('damaged', `${file}:messages`, scanErrorMessage('messages', message, from, to, cause));
  try {
    for (const row of scanRows(db, { table: 'messages', select }, onError)) {
      let message: ParsedMessage;
      try {
        message = withOtherColumns(messageRowToMessage(row, context), row, others);
        count(tally, message);
        const partsProblem = message.extra?.['partsUnreadable'];
        if (typeof partsProblem === 'string') warnings.add('damaged', `${file}:parts`, `the parts (text and media) of messages row ${rowidOf(row)} could not be read (${partsProblem}); the message is kept without them`);
      } catch (error) {
        // Kept in its conversation when the row names one, so it is seen where it belongs.
        message = unparsedRow(file, 'messages', row, conversations.chatKeyFor(integerValue(row['conversation_id'])), error);
        tally.unparsed += 1;
        warnings.add('row', `${file}:messages#${rowidOf(row)}`, message.reason ?? 'unreadable row');
      }
      await sink.message(message);
      pacer.tick();
    }
  } finally {
    parts.free();
  }
  pacer.finish();

  const unread = countUnreadTables(db, UNREAD_MESSAGE_TABLES, file, warnings, 'no public source describes its columns');
  const userVersion = evidence.facts.sqliteUserVersion;
  return {
    formatVersion: userVersion === null ? null : `bugle_db version ${userVersion}`,
    details: {
      ...evidence.facts,
      rowCounts: counts,
      ...tally,
      conversations: conversations.size,
      participants: participants.size,
      chats: registry.size,
      unreadTables: unread,
      warningCounts: warnings.finish(file),
      deletedRowsRecovered: false,
    },
  };
}

function count(tally: { messages: number; attachments: number; failed: number; notYetSent: number; tombstones: number; withoutParts: number; partsUnreadable: number }, message: ParsedMessage): void {
  tally.messages += 1;
  tally.attachments += message.attachments.length;
  if (message.extra?.['failed'] === true) tally.failed += 1;
  if (message.extra?.['notYetSent'] === true) tally.notYetSent += 1;
  if (message.extra?.['tombstone'] === true) tally.tombstones += 1;
  if (message.extra?.['noParts'] === true) tally.withoutParts += 1;
  if (message.extra?.['partsUnreadable'] !== undefined) tally.partsUnreadable += 1;
}

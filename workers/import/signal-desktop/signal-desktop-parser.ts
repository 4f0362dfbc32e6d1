/**
 * A decrypted Signal Desktop database (`sql/db.sqlite` after SQLCipher decryption, or what
 * `sigtop export-database` writes) as a SourceParser: one chat per row of `conversations`, one
 * record per row of `messages`. The database as Signal keeps it is SQLCipher-encrypted and does not
 * start with "SQLite format 3"; it is refused by openEvidenceDatabase with that reason.
 */

import type { ParseOutcome, ParseSink, ParsedMessage, ParserInput, SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import type { EvidenceDatabase, ScanErrorCause, WarningCap } from '../sqlite/index.ts';
import { ChatRegistry, RowPacer, columnsOf, evidenceDatabaseParser, hasTable, rowCount, rowidOf, scanErrorMessage, scanRows, selectExpressions, unparsedRow } from '../sqlite/index.ts';
import { SignalAttachmentTable } from './attachment-table.ts';
import { SignalConversations } from './conversations.ts';
import { decryptSignalAttachments } from './encrypted-attachments.ts';
import { identifierOf } from './json-fields.ts';
import { MESSAGE_COLUMNS, readMessageRow } from './message-row.ts';
import type { RowNotes } from './message-row.ts';
import { bump, tallyMessage } from './message-tally.ts';

/** Reported on every source this parser reads; bump when its output changes. */
export const SIGNAL_DESKTOP_PARSER_VERSION = '1.4.5';

export const signalDesktopDbParser: SourceParser = evidenceDatabaseParser({
  format: 'signal-desktop-db',
  parserVersion: SIGNAL_DESKTOP_PARSER_VERSION,
  kind: 'signal-desktop',
  read: parseSignalDesktop,
});

async function parseSignalDesktop(evidence: EvidenceDatabase, input: ParserInput, sink: ParseSink, warnings: WarningCap): Promise<ParseOutcome> {
  const { db } = evidence;
  const file = input.displayName;
  const messageColumns = columnsOf(db, 'messages');
  if (!hasTable(db, 'conversations') || !(messageColumns.has('json') || messageColumns.has('body'))) {
    throw new AppError('E_IMPORT_FORMAT', `${file}: a SQLite database, but not a Signal Desktop one (no conversations table, or a messages table without json and body columns)`);
  }
  const registry = new ChatRegistry(sink);
  const conversations = new SignalConversations(db, registry, (place, message) => warnings.add('conversation', `${file}:${place}`, message));
  const pacer = new RowPacer(sink, rowCount(db, 'messages') ?? 0, input.size);
  const tally: Record<string, number> = { messages: 0, system: 0, unparsed: 0, deleted: 0, edited: 0, attachments: 0, jsonUnreadable: 0, attachmentsNotListed: 0, attachmentsEncryptedOnDisk: 0, attachmentsDecrypted: 0, attachmentsNotDecrypted: 0 };
  const attachmentTable = new SignalAttachmentTable(db);
  const select = selectExpressions(messageColumns, 't', MESSAGE_COLUMNS);
  const onError = (message: string, from: number | null, to: number | null, cause: ScanErrorCause): void => warnings.add('damaged', `${file}:messages`, scanErrorMessage('messages', message, from, to, cause));
  try {
    for (const row of scanRows(db, { table: 'messages', select }, onError)) {
      const place = `${file}:messages#${rowidOf(row)}`;
      const notes: RowNotes = {};
      let message: ParsedMessage;
      try {
        message = readMessageRow(row, file, conversations, attachmentTable, notes);
        if (notes.jsonProblem !== undefined) warnings.add('json', place, `${notes.jsonProblem}; the message was read from its typed columns, without what only the object held (quote, reactions, edits; attachments before schema 1360)`);
      } catch (error) {
        // Kept in its conversation when the typed column names it, so it is seen where it belongs.
        message = unparsedRow(file, 'messages', row, conversations.chatKeyFor(identifierOf(row['conversationid'], null, [])), error);
        warnings.add('row', place, message.reason ?? 'unreadable row');
      }
      if (notes.attachmentsNotListed === true) warnings.add('attachments', place, 'hasAttachments is set but neither the message object nor message_attachments lists any: the database may be damaged or partly copied');
      if (notes.encrypted !== undefined) {
        const decryption = await decryptSignalAttachments(notes.encrypted, input, tally);
        message.extra = { ...message.extra, ...decryption.extra };
        for (const failure of decryption.failures) warnings.add('encrypted-attachment', place, failure);
      }
      count(tally, message, notes);
      await sink.message(message);
      pacer.tick();
    }
  } finally {
    attachmentTable.free();
  }
  pacer.finish();
  const userVersion = evidence.facts.sqliteUserVersion;
  return {
    formatVersion: userVersion === null ? null : `Signal Desktop schema ${userVersion}`,
    details: {
      ...evidence.facts,
      ...tally,
      conversations: conversations.size,
      chats: registry.size,
      warningCounts: warnings.finish(file),
      deletedRowsRecovered: false,
    },
  };
}

function count(tally: Record<string, number>, message: ParsedMessage, notes: RowNotes): void {
  tallyMessage(tally, message);
  if (notes.jsonProblem !== undefined) bump(tally, 'jsonUnreadable');
  if (notes.attachmentsNotListed === true) bump(tally, 'attachmentsNotListed');
  if (notes.encrypted !== undefined) bump(tally, 'attachmentsEncryptedOnDisk', notes.encrypted.length);
}

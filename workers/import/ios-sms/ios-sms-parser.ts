/**
 * iOS `sms.db` (Messages: SMS, MMS, iMessage, RCS) as a SourceParser. Works across iOS versions by
 * reading columns that exist and NULL for the rest. Messages in iOS 16+ "Recently Deleted" are
 * still in `message`, joined to their chat by `chat_recoverable_message_join`: they are read,
 * marked deleted (see chats.ts). Messages deleted for good are gone from `message` (only their
 * guids may remain in `deleted_messages` / `sync_deleted_messages`, counted in the details);
 * recovering them from free pages is carving, out of scope here.
 */

import type { ParseOutcome, ParseSink, ParsedMessage, ParserInput, SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import type { EvidenceDatabase, ScanErrorCause, Row, WarningCap } from '../sqlite/index.ts';
import {
  ChatRegistry,
  RowPacer,
  UNATTRIBUTED_CHAT_KEY,
  columnsOf,
  hasTable,
  otherColumns,
  withOtherColumns,
  rowCount,
  rowidOf,
  scanErrorMessage,
  scanRows,
  selectExpressions,
  evidenceDatabaseParser,
  nonEmptyText,
  unattributedChat,
  unparsedRow,
} from '../sqlite/index.ts';
import { IosChats } from './chats.ts';
import { IosMessageReader, MESSAGE_COLUMNS } from './message-row.ts';
import { IosTapbacks } from './tapbacks.ts';
import type { RowNotes } from './message-row.ts';
import { unparsedRecord } from '../unparsed-record.ts';

/** Reported on every source this parser reads; bump when its output changes. */
export const IOS_SMS_PARSER_VERSION = '1.9.1';

const DELETED_GUID_TABLES = ['deleted_messages', 'sync_deleted_messages', 'chat_recoverable_message_join'];

export const iosSmsDbParser: SourceParser = evidenceDatabaseParser({ format: 'ios-sms-db', parserVersion: IOS_SMS_PARSER_VERSION, kind: 'ios-sms', read: parseSmsDb });

async function parseSmsDb(evidence: EvidenceDatabase, input: ParserInput, sink: ParseSink, warnings: WarningCap): Promise<ParseOutcome> {
  const { db } = evidence;
  const file = input.displayName;
  if (!hasTable(db, 'message') || !hasTable(db, 'handle')) {
    throw new AppError('E_IMPORT_FORMAT', `${file}: a SQLite database, but not an iOS sms.db (no message and handle tables)`);
  }
  const registry = new ChatRegistry(sink);
  const chats = new IosChats(db, registry, (message) => warnings.add('damaged', file, message));
  const reader = new IosMessageReader(db, chats);
  if (reader.attachmentNote !== null) warnings.add('schema', `${file}:attachment`, reader.attachmentNote);
  const available = columnsOf(db, 'message');
  const pacer = new RowPacer(sink, rowCount(db, 'message') ?? 0, input.size);
  const tally = { messages: 0, system: 0, unparsed: 0, fromAttributedBody: 0, textDiffersFromAttributedBody: 0, edited: 0, unsent: 0, nanosecondDates: 0, secondDates: 0, tapbacksOnTheirMessage: 0, hiddenAttachments: 0, attachmentsNotTransferred: 0 };
  const damaged = (message: string): void => warnings.add('damaged', `${file}:message`, message);
  const tapbacks = new IosTapbacks(db, chats.handles, damaged);
  // The message table's other columns (there are dozens, varying by iOS version) kept in extra.otherColumns.
  const others = otherColumns(available, 't', [...MESSAGE_COLUMNS, 'rowid']);
  const select = [...selectExpressions(available, 't', MESSAGE_COLUMNS), ...others.select];
  const onError = (message: string, from: number | null, to: number | null, cause: ScanErrorCause): void => damaged(scanErrorMessage('message', message, from, to, cause));
  const record = async (row: Row): Promise<void> => {
    const message = withOtherColumns(toRecord(row, { file, registry, reader, warnings, tapbacks }), row, others);
    count(tally, message, row['date__text']);
    await sink.message(message);
  };
  try {
    for (const row of scanRows(db, { table: 'message', select }, onError)) {
      // A tapback is shown on the message it reacts to (see tapbacks.ts), not as a record of its own.
      if (tapbacks.placeOf(rowidOf(row)) === 'on-its-message') tally.tapbacksOnTheirMessage += 1;
      else await record(row);
      pacer.tick();
    }
    const unclaimed = tapbacks.takeUnclaimed();
    if (unclaimed.length > 0) {
      for (const row of scanRows(db, { table: 'message', select, where: `t.rowid IN (${unclaimed.join(', ')})` }, onError)) {
        tally.tapbacksOnTheirMessage -= 1;
        await record(row);
      }
    }
  } finally {
    reader.free();
  }
  pacer.finish();

  const deletedGuids: Record<string, number | null> = {};
  for (const table of DELETED_GUID_TABLES) if (hasTable(db, table)) deletedGuids[table] = rowCount(db, table);
  return {
    formatVersion: iosGeneration(available),
    details: {
      ...evidence.facts,
      ...tally,
      chats: chats.chatCount,
      recentlyDeleted: chats.recentlyDeletedCount,
      handles: chats.handles.size,
      attachments: hasTable(db, 'attachment') ? rowCount(db, 'attachment') : null,
      deletedMessageGuidTables: deletedGuids,
      warningCounts: warnings.finish(file),
      deletedRowsRecovered: false,
    },
  };
}

interface RecordContext {
  file: string;
  registry: ChatRegistry;
  reader: IosMessageReader;
  warnings: WarningCap;
  tapbacks: IosTapbacks;
}

/** The record for one row of `message`, with the tapbacks on it; an unreadable row is kept raw. */
function toRecord(row: Row, context: RecordContext): ParsedMessage {
  const { file, registry, reader, warnings, tapbacks } = context;
  const notes: RowNotes = {};
  let message: ParsedMessage;
  try {
    message = reader.toMessage(row, file, notes);
  } catch (error) {
    registry.ensure(UNATTRIBUTED_CHAT_KEY, unattributedChat);
    message = unparsedRow(file, 'message', row, UNATTRIBUTED_CHAT_KEY, error);
    warnings.add('row', `${file}:message#${rowidOf(row)}`, message.reason ?? 'unreadable row');
  }
  if (notes.textProblem !== undefined) {
    warnings.add('text', `${file}:message#${rowidOf(row)}`, notes.textProblem);
    // A message whose only text could not be read, with nothing else to show, is not a message.
    if (message.kind === 'message' && message.text === '' && message.attachments.length === 0 && !message.deleted) {
      const { chatKey, locator, sender, senderId, direction, time, timestampText, edited, extra } = message;
      const raw = String(extra?.['attributedBodyPrintable'] ?? '');
      message = unparsedRecord({ chatKey, raw, locator, reason: notes.textProblem, sender, senderId, direction, time, timestampText, edited, extra });
    }
  }
  const place = tapbacks.placeOf(rowidOf(row));
  if (place === 'message-missing' || place === 'message-unread') message = orphanTapback(message, place === 'message-missing' ? 'is not in this database' : 'could not be read');
  const reactions = tapbacks.claim(nonEmptyText(row['guid']));
  if (reactions !== null) message.extra = { ...message.extra, reactions };
  return message;
}

/**
 * A tapback whose message is not in the database (deleted, or never synced to this phone), or
 * whose message row could not be read (damaged pages): a notice of its own, not a line someone typed. Its text is iOS's own ("Liked “…”").
 */
function orphanTapback(message: ParsedMessage, why: string): ParsedMessage {
  if (message.kind !== 'message') return message;
  const tapback = message.extra?.['tapback'] as Record<string, unknown> | undefined;
  const reaction = String(tapback?.['reaction'] ?? 'tapback');
  const target = String(tapback?.['targetGuid'] ?? '(no guid)');
  const who = message.direction === 'outgoing' ? 'You' : message.sender ?? 'Someone';
  return {
    ...message,
    kind: 'system',
    text: message.text === '' ? `${who} reacted (${reaction}) to a message that ${why}` : message.text,
    extra: { ...message.extra, systemReason: `a tapback (${reaction}) on message ${target}, which ${why}`, ...(message.text === '' ? { textGenerated: true } : {}) },
  };
}

function count(tally: Record<string, number>, message: ParsedMessage, rawDate: unknown): void {
  const bump = (key: string): void => {
    tally[key] = (tally[key] ?? 0) + 1;
  };
  bump(message.kind === 'unparsed' ? 'unparsed' : message.kind === 'system' ? 'system' : 'messages');
  if (message.extra?.['textSource'] === 'attributedBody') bump('fromAttributedBody');
  if (message.extra?.['attributedBodyText'] !== undefined) bump('textDiffersFromAttributedBody');
  if (message.edited) bump('edited');
  // Recently Deleted rows are deleted by the owner, not unsent by the sender; they are counted apart.
  if (message.deleted && message.extra?.['recentlyDeleted'] !== true) bump('unsent');
  if (typeof rawDate === 'string' && rawDate !== '0') bump(rawDate.replace('-', '').length > 12 ? 'nanosecondDates' : 'secondDates');
  const attachmentFacts = message.extra?.['attachmentFacts'];
  if (Array.isArray(attachmentFacts)) {
    for (const fact of attachmentFacts as Record<string, unknown>[]) {
      if (fact['hidden'] === true) bump('hiddenAttachments');
      if (fact['transferNotFinished'] === true) bump('attachmentsNotTransferred');
    }
  }
}

/** A rough generation from the columns present (the file records no iOS version). */
function iosGeneration(columns: Set<string>): string {
  if (columns.has('date_edited') || columns.has('date_retracted')) return 'iOS 16 or later';
  if (columns.has('associated_message_type')) return 'iOS 10 to 15';
  return 'before iOS 10';
}

/**
 * Android WhatsApp `msgstore.db` (decrypted) as a SourceParser, for the legacy (`messages`), new
 * (`message` + `chat` + `jid`) and transitional (both) layouts, picked by the tables present.
 * In a transitional database the same message can sit in both tables; it is reported once (the
 * new layout's row wins) and the skipped duplicates are counted. Names come from WhatsApp's
 * contacts database (wa.db on the phone) when one is found near it by its tables, whatever its
 * name (contacts.ts). Calls come from `call_log` (android-calls.ts). Deleted rows in free pages
 * are carving, out of scope here.
 */

import type { ParseOutcome, ParseSink, ParsedMessage, ParserInput, SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { sharedExportFolders } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import type { EvidenceDatabase, Row, ScanErrorCause, TableScan ,
  WarningCap} from '../sqlite/index.ts';
import {
  ChatRegistry,
  RowPacer,
  baseName,
  columnsOf,
  hasTable,
  rowCount,
  rowidOf,
  scanErrorMessage,
  scanRows,
  evidenceDatabaseParser,
  openEvidenceDatabase,
  sqliteRowLocator,
  unparsedRow,
} from '../sqlite/index.ts';
import { AndroidChats } from './android-chats.ts';
import { messageKey } from './android-fields.ts';
import type { WaFields } from './android-fields.ts';
import { buildMessage } from './android-message.ts';
import { CallLogReader } from './android-calls.ts';
import { LegacyLayoutReader } from './android-legacy.ts';
import { NewLayoutReader } from './android-new.ts';
import { readLidDisplayNames } from './lid-names.ts';
import { ContactBook, findContactsDatabase, nameOf, readWaContacts } from './contacts.ts';
import type { FoundContacts } from './contacts.ts';
import { JidBook } from './jids.ts';
import { placedMediaPath } from './media-data-path.ts';
import { readChatSettings } from './chat-settings.ts';

/** Reported on every source this parser reads; bump when its output changes. */
export const WHATSAPP_ANDROID_DB_PARSER_VERSION = '1.43.1';

const FORMAT = 'whatsapp-android-db';

interface LayoutReader {
  scan(): TableScan;
  isPlaceholder(row: Row): boolean;
  fields(row: Row): WaFields;
}

export const whatsappAndroidDbParser: SourceParser = evidenceDatabaseParser({ format: FORMAT, parserVersion: WHATSAPP_ANDROID_DB_PARSER_VERSION, kind: 'whatsapp-android', read: parseMsgstore });

async function parseMsgstore(evidence: EvidenceDatabase, input: ParserInput, sink: ParseSink, warnings: WarningCap): Promise<ParseOutcome> {
  const { db } = evidence;
  const file = input.displayName;
  const hasNew = hasTable(db, 'message') && hasTable(db, 'chat') && hasTable(db, 'jid');
  const hasLegacy = hasTable(db, 'messages') && columnsOf(db, 'messages').has('key_remote_jid');
  if (!hasNew && !hasLegacy) {
    throw new AppError('E_IMPORT_FORMAT', `${file}: a SQLite database, but not a WhatsApp msgstore.db (no messages table, nor message + chat + jid)`);
  }
  const layout = hasNew && hasLegacy ? 'transitional' : hasNew ? 'new' : 'legacy';
  // In the phone's own layout (…/WhatsApp/Databases/msgstore.db) media lie under the app root's Media.
  const inAppRoot = sharedExportFolders(FORMAT, input.path).length > 0;

  const contacts = new ContactBook();
  const foundContacts = await readContacts(input, contacts, warnings);

  const registry = new ChatRegistry(sink);
  const jids = new JidBook(db, (message) => warnings.add('damaged', file, message));
  const lidNames = readLidDisplayNames(db, jids, contacts, (message) => warnings.add('damaged', file, message));
  const chats = new AndroidChats(db, registry, contacts, jids);
  const newReader = hasNew ? new NewLayoutReader(db, jids, (message) => warnings.add('damaged', file, message)) : null;
  const chatSettings = hasNew ? readChatSettings(db, jids, (message) => warnings.add('damaged', file, message)) : null;
  const readers: [string, LayoutReader][] = [];
  if (newReader !== null) readers.push(['message', newReader]);
  const legacyReader = hasLegacy ? new LegacyLayoutReader(db, (message) => warnings.add('damaged', file, message), jids, newReader?.legacySideTables() ?? null) : null;
  if (legacyReader !== null) readers.push(['messages', legacyReader]);
  // Calls are kept in call_log, apart from the messages: without it they would be lost.
  const callReader = CallLogReader.present(db) ? new CallLogReader(db, jids) : null;
  const callCounts = callReader?.counts() ?? null;
  if (callReader !== null) readers.push(['call_log', callReader]);
  /** Rows each table reports from: call_log without the calls its linked message rows stand for. */
  const rowsOf = (table: string): number | null => (table === 'call_log' ? callCounts?.rows ?? null : rowCount(db, table));

  const totalRows = readers.reduce((sum, [table]) => sum + (rowsOf(table) ?? 0), 0);
  const pacer = new RowPacer(sink, totalRows, input.size);
  /** Key ids seen (messageKey), with the group sender of each row that had it. */
  const seenKeys = new Map<string, (string | null)[]>();
  /** Transitional: keys whose reported row names mentions, and legacy duplicates whose mentions only they held. */
  const keysWithMentions = new Set<string>();
  const mentionsNotCarried: number[] = [];
  const tally = { messages: 0, system: 0, unparsed: 0, deleted: 0, placeholderRows: 0, duplicatesAcrossLayouts: 0, duplicateJoinRows: 0 };
  try {
    for (const [table, reader] of readers) {
      const onError = (message: string, from: number | null, to: number | null, cause: ScanErrorCause): void => warnings.add('damaged', `${file}:${table}`, scanErrorMessage(table, message, from, to, cause));
      let previousRowid: number | null = null;
      for (const row of scanRows(db, reader.scan(), onError)) {
        pacer.tick();
        const rowid = rowidOf(row);
        // A side table without a unique key could repeat a message through the join: keep the first.
        if (rowid === previousRowid) {
          tally.duplicateJoinRows += 1;
          continue;
        }
        previousRowid = rowid;
        let message: ParsedMessage;
        try {
          if (reader.isPlaceholder(row)) {
            tally.placeholderRows += 1;
            continue;
          }
          const fields = withPlacedMedia(reader.fields(row), inAppRoot);
          const key = messageKey(fields);
          if (key !== null && layout === 'transitional') {
            const sender = fields.groupSender?.jid ?? null;
            if (table === 'messages' && isSeen(seenKeys, key, sender)) {
              tally.duplicatesAcrossLayouts += 1;
              // The message table's row is the one reported: mentions only this one held would go unsaid.
              if (namesMentions(fields) && !keysWithMentions.has(key)) mentionsNotCarried.push(rowid);
              continue;
            }
            seenKeys.set(key, [...(seenKeys.get(key) ?? []), sender]);
            if (namesMentions(fields)) keysWithMentions.add(key);
          }
          const chatKey = chats.keyFor(fields.chatJid, fields.chatSubject, fields.unreadableChatRow);
          message = buildMessage(fields, chatKey, contacts, sqliteRowLocator(file, table, row));
        } catch (error) {
          message = unparsedRow(file, table, row, chats.keyFor(null, null), error);
          warnings.add('row', `${file}:${table}#${rowid}`, message.reason ?? 'unreadable row');
        }
        tally[message.kind === 'unparsed' ? 'unparsed' : message.kind === 'system' ? 'system' : 'messages'] += 1;
        if (message.deleted) tally.deleted += 1;
        await sink.message(message);
      }
    }
    if (newReader !== null) {
      warnUnclaimedReactions(newReader, file, warnings);
      warnUnclaimedMentions(newReader, file, warnings);
    }
    if (mentionsNotCarried.length > 0) {
      const shown = mentionsNotCarried.slice(0, 20).join(', ') + (mentionsNotCarried.length > 20 ? ', …' : '');
      warnings.add('damaged', `${file}:messages`, `${mentionsNotCarried.length} legacy row(s) (messages row ${shown}) were not reported, being the same message as a row of the message table, and named mentions that row does not: they are on no record`);
    }
  } finally {
    newReader?.free();
    legacyReader?.free();
    chats.free();
  }
  pacer.finish();

  return {
    formatVersion: evidence.facts.sqliteUserVersion === null ? layout : `${layout} (user_version ${evidence.facts.sqliteUserVersion})`,
    details: {
      ...evidence.facts,
      layout,
      ...tally,
      rowCounts: Object.fromEntries(readers.map(([table]) => [table, rowsOf(table)])),
      callLogRowsWithMessage: callCounts?.withMessage ?? 0,
      chats: registry.size,
      lidMappings: jids.lidMappings,
      contactsSource: contacts.source,
      contactsSourceSha256: foundContacts?.sha256 ?? null,
      contactsSourceFound: foundContacts === null ? null : foundContacts.file.relation === 'same-folder' ? 'in the same folder' : 'in the same import',
      contactNames: contacts.size - lidNames,
      lidDisplayNames: lidNames,
      ...(chatSettings === null ? {} : { chatsWithDisappearingMessages: chatSettings.chatsWithTimer, disappearingMessageSettings: chatSettings.disappearing }),
      database: baseName(file),
      warningCounts: warnings.finish(file),
      deletedRowsRecovered: false,
    },
  };
}

/**
 * True when a row with this key (and group sender) was already reported. In a group a key id is
 * unique only with its sender ([verified schema] message_key_index is UNIQUE on chat_row_id,
 * from_me, key_id, sender_jid_row_id): two rows naming different senders are two messages.
 * A row whose sender is not known is taken for the one already seen, as before.
 */
function isSeen(seenKeys: Map<string, (string | null)[]>, key: string, sender: string | null): boolean {
  const senders = seenKeys.get(key);
  if (senders === undefined) return false;
  return sender === null || senders.some((seen) => seen === null || seen === sender);
}

/** Reactions are kept on the message they answer: those whose message was not read are named, not lost unseen. */
function warnUnclaimedReactions(reader: NewLayoutReader, file: string, warnings: WarningCap): void {
  const { count, parentRowIds } = reader.unclaimedReactions();
  if (count === 0) return;
  const shown = parentRowIds.slice(0, 20).join(', ') + (parentRowIds.length > 20 ? ', …' : '');
  warnings.add('damaged', `${file}:message_add_on`, `${count} reaction(s) answer a message that was not read (message row ${shown}: missing from the message table or unreadable); they are in message_add_on but on no record`);
}

/** True when the row names people it @mentions, or holds a mention list that could not be read. */
function namesMentions(fields: WaFields): boolean {
  return (fields.mentions?.length ?? 0) > 0 || fields.mentionedJidsAsStored !== undefined;
}

/** Mentions are kept on the message they name: rows whose message was not read are named, not lost unseen. */
function warnUnclaimedMentions(reader: NewLayoutReader, file: string, warnings: WarningCap): void {
  const { rows, messageRowIds } = reader.unclaimedMentions();
  if (rows === 0) return;
  const shown = messageRowIds.slice(0, 20).join(', ') + (messageRowIds.length > 20 ? ', …' : '');
  warnings.add('damaged', `${file}:message_mentions`, `${rows} mention row(s) name a message that was not read (message row ${shown}: missing, unreadable, or in a transitional database no legacy messages row of that _id); they are in message_mentions but on no record`);
}

/** The row's media path as attachment lookup reads it (placedMediaPath); the database's own string is kept. */
function withPlacedMedia(fields: WaFields, inAppRoot: boolean): WaFields {
  const media = fields.media;
  if (media?.path === null || media?.path === undefined) return fields;
  const path = placedMediaPath(media.path, inAppRoot);
  if (path === media.path) return fields;
  return { ...fields, media: { ...media, path, pathFound: media.pathFound ?? media.path } };
}

/** Finds the contacts database near `input` and reads its names into `contacts`; warns when it cannot. */
async function readContacts(input: ParserInput, contacts: ContactBook, warnings: WarningCap): Promise<FoundContacts | null> {
  const found = await findContactsDatabase(input, (place, message) => warnings.add('contacts', place, message));
  if (found === null) return null;
  const name = nameOf(found.file);
  try {
    const evidence = await openEvidenceDatabase(found.file.input, (warning) => warnings.add('contacts', warning.place, warning.message));
    try {
      readWaContacts(evidence.db, name, contacts, (message) => warnings.add('contacts', name, message));
    } finally {
      evidence.close();
    }
  } catch (error) {
    warnings.add('contacts', name, error instanceof AppError ? error.message : `${name} cannot be read: ${String(error)}`);
  }
  return found;
}

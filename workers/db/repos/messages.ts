import { insertPackedRows, type SqlConnection as Database, type SqlValue } from '../sql-connection.ts';
import { readBatchFacts, type BatchFacts } from './message-batch-facts.ts';
import { MESSAGE_ROW_COLUMNS } from '../../../shared/contracts/db-worker.ts';
import type { ImportedChatSummary, MessageBatch, NewChat } from '../../../shared/contracts/db-worker.ts';
import type { IndexDocument } from '../../../shared/contracts/index-worker.ts';
import { deviceIdentity } from '../../../shared/domain/device.ts';
import { indexFlags } from '../../../shared/search/index-flags.ts';
import type { AttachmentRecord, ConversationSourceFacts, ConversationSummary, Locator, Message, MessageKind, MessageLocation, MessageOrder, MessagePage } from '../../../shared/domain/message.ts';
import { chatParticipants, chatSenders } from './chat-participants.ts';
import { CHAT_MESSAGES, CHAT_NUMBER } from './chat-order-sql.ts';
import { countOutOfTimeOrder, timePosition, writeTimeOrder } from './chat-time-order.ts';
import { asNullableString, asNumber, asString, directionOf, run, selectAll, selectOne } from './rows.ts';

const ATTACHMENTS_JSON = `(SELECT json_group_array(json_object('kind', a.kind, 'mediaType', a.media_type, 'fileName', a.file_name,
  'mimeType', a.mime_type, 'sourcePath', a.source_path, 'size', a.size, 'sha256', a.sha256, 'status', a.status))
  FROM (SELECT * FROM attachments WHERE message_rowid = m.rowid ORDER BY position) a)`;


const MESSAGE_COLUMNS = `m.rowid AS rowid, m.id, m.source_id, m.chat_id, m.seq, m.kind, m.sender, m.sender_id, m.direction, m.timestamp,
  m.timestamp_text, m.text, m.lang, m.lang_confidence, m.deleted, m.edited, m.locator, m.extra, ${ATTACHMENTS_JSON} AS attachments`;

function toMessage(row: Record<string, SqlValue>): Message {
  const extra = asNullableString(row['extra']);
  return {
    id: asString(row['id']),
    sourceId: asString(row['source_id']),
    chatId: asString(row['chat_id']),
    seq: asNumber(row['seq']),
    kind: asString(row['kind']) as MessageKind,
    sender: asNullableString(row['sender']),
    senderId: asNullableString(row['sender_id']),
    direction: directionOf(row['direction']),
    timestamp: asNullableString(row['timestamp']),
    timestampText: asString(row['timestamp_text']),
    text: asString(row['text']),
    lang: asString(row['lang']),
    langConfidence: asNumber(row['lang_confidence']),
    attachments: JSON.parse(asString(row['attachments'] ?? '[]')) as AttachmentRecord[],
    deleted: row['deleted'] === 1,
    edited: row['edited'] === 1,
    locator: JSON.parse(asString(row['locator'])) as Locator,
    extra: extra === null ? null : (JSON.parse(extra) as Record<string, unknown>),
  };
}

export function insertChats(db: Database, chats: NewChat[]): void {
  for (const chat of chats) {
    // A chat already stored keeps its title (but see retitle below); an 'unknown' kind is settled by a later, better-informed announcement.
    run(db, "INSERT INTO chats (id, title, kind) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind WHERE chats.kind = 'unknown'", [chat.id, chat.title, chat.kind]);
    // Sent again, whole, when the source names more participants of the chat; its facts about the chat (migration 0170) once given stay.
    run(
      db,
      'INSERT INTO chat_sources (chat_id, source_id, participants, extra) VALUES (?, ?, ?, ?) ON CONFLICT (chat_id, source_id) DO UPDATE SET participants = excluded.participants, extra = coalesce(chat_sources.extra, excluded.extra)',
      [chat.id, chat.sourceId, JSON.stringify(chat.participants), chat.extra === undefined ? null : JSON.stringify(chat.extra)],
    );
    // A title the source settled later replaces the one it gave first, never one another source gave.
    if (chat.retitle === true) run(db, 'UPDATE chats SET title = ? WHERE id = ? AND NOT EXISTS (SELECT 1 FROM chat_sources WHERE chat_id = ? AND source_id <> ?)', [chat.title, chat.id, chat.id, chat.sourceId]);
    // A kind the source states replaces the one it guessed first, never one another source gave.
    if (chat.kindStated === true) run(db, 'UPDATE chats SET kind = ? WHERE id = ? AND NOT EXISTS (SELECT 1 FROM chat_sources WHERE chat_id = ? AND source_id <> ?)', [chat.kind, chat.id, chat.id, chat.sourceId]);
  }
}

/**
 * Every value bound from the packed batch (ADR 0015), many rows to a statement. Before, SQLite
 * unpacked a JSON batch (`INSERT … SELECT … FROM jsonb_each(?)`): reading the eighteen fields of
 * each row out of JSON took as long as storing the row.
 */
const INSERT_MESSAGES = `INSERT INTO messages (${MESSAGE_ROW_COLUMNS.join(', ')})`;

/** Stores a batch of messages with their attachments; returns their rowids in batch order. */
export function insertMessages(db: Database, batch: MessageBatch): number[] {
  const { count, columns } = batch.rows;
  if (count === 0) return [];
  if (columns !== MESSAGE_ROW_COLUMNS.length) throw new Error(`a message row has ${MESSAGE_ROW_COLUMNS.length} values, not ${columns}`);
  // Read in JavaScript, where a bad cell cannot reach memory; insertPackedRows checks every cell before SQLite sees one.
  const facts = readBatchFacts(batch.rows);
  const before = asNumber(selectOne(db, "SELECT seq FROM sqlite_sequence WHERE name = 'messages'")?.['seq']);
  const first = before + 1;
  let last = 0;
  // A row that fails must take the rows before it in the batch with it.
  db.exec('SAVEPOINT insert_messages');
  try {
    insertPackedRows(db, INSERT_MESSAGES, batch.rows);
    // AUTOINCREMENT numbers the rows of one writer consecutively after the largest rowid ever used.
    last = asNumber(selectOne(db, 'SELECT last_insert_rowid() AS last')?.['last']);
    if (last - first + 1 !== count) throw new Error(`stored rows ${first}..${last} for ${count} messages`);
    // The batch's place in each chat's order, all at once (migrations 0090, 0100). A row whose
    // chat the case does not have finds no number and is left out: the count tells (what the
    // message table's reference to chats checked until migration 0100). Binding the numbers
    // from JavaScript instead measured slower (5 against 3 µs a row).
    run(db, 'INSERT INTO chat_order (chat, seq, message_rowid) SELECT c.number, m.seq, m.rowid FROM messages m JOIN chats c ON c.id = m.chat_id WHERE m.rowid BETWEEN ? AND ?', [
      first,
      last,
    ]);
    if (changes(db) !== count) throw new Error(`a message of rows ${first}..${last} names a chat the case does not have`);
    countStoredBatch(db, facts, first, count);
    db.exec('RELEASE insert_messages');
  } catch (error) {
    db.exec('ROLLBACK TO insert_messages; RELEASE insert_messages');
    throw error;
  }
  const rowids = Array.from({ length: count }, (_row, index) => first + index);
  if (batch.attachments.length > 0) insertAttachments(db, batch, rowids);
  return rowids;
}

/**
 * Adds a batch's rows, counted from the cells SQLite bound (readBatchFacts), to its source's
 * row: the source's figures grow with its import, and finishing it reads none of its rows
 * again (that re-read was most of finishing a 1M-message source). The first batch also names
 * where the source's rows begin (migration 0070). The source must be one the case has: what the
 * messages table's reference to sources checked until migration 0100.
 */
function countStoredBatch(db: Database, facts: BatchFacts, first: number, count: number): void {
  run(db, 'UPDATE sources SET message_count = message_count + ?, unparsed_count = unparsed_count + ?, first_rowid = coalesce(first_rowid, ?) WHERE id = ?', [
    count,
    facts.unparsed,
    first,
    facts.sourceId,
  ]);
  if (changes(db) !== 1) throw new Error(`the messages of rows ${first}..${first + count - 1} name a source the case does not have (${facts.sourceId})`);
}

/** Rows the last INSERT, UPDATE or DELETE changed. */
function changes(db: Database): number {
  return asNumber(selectOne(db, 'SELECT changes() AS n')?.['n']);
}

function insertAttachments(db: Database, batch: MessageBatch, rowids: number[]): void {
  const insertAttachment = db.prepare(
    `INSERT INTO attachments (message_rowid, source_id, position, kind, media_type, file_name, mime_type, source_path, size, sha256,
       vendor_md5, vendor_sha256, status, stored_path) VALUES (?, (SELECT source_id FROM messages WHERE rowid = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  try {
    for (const { row, attachments } of batch.attachments) {
      const rowid = rowids[row] ?? null;
      attachments.forEach((attachment, position) => {
        insertAttachment.run([
          rowid, rowid, position, attachment.kind, attachment.mediaType, attachment.fileName, attachment.mimeType, attachment.sourcePath,
          attachment.size, attachment.sha256, attachment.vendorMd5, attachment.vendorSha256, attachment.status, attachment.storedPath,
        ]);
      });
    }
  } finally {
    insertAttachment.free();
  }
}

/**
 * Puts each chat the source touched in order and caches its figures. A chat fed by one source
 * keeps source order (exports are not always in time order, and the file order is evidence
 * too; such a chat gets a time order as well, chat-time-order.ts); a chat merged from several
 * sources is ordered by time, then source, then position.
 *
 * Sequences and summarises the chats a finished source fed. `known` holds the import's own
 * figures per chat (ImportedChatSummary): for a chat that source alone feeds, still numbered as
 * the import numbered it, they replace reading every row of the chat again (at a million
 * messages, most of finishing a source); their row count is checked against the table first.
 */
export function summariseChats(db: Database, sourceId: string, known: readonly ImportedChatSummary[] = []): void {
  const figuresOf = new Map(known.map((summary) => [summary.chatId, summary]));
  for (const chat of selectAll(db, 'SELECT chat_id FROM chat_sources WHERE source_id = ?', [sourceId])) {
    const chatId = asString(chat['chat_id']);
    const sourceCount = asNumber(selectOne(db, 'SELECT count(*) AS n FROM chat_sources WHERE chat_id = ?', [chatId])?.['n']);
    // The import numbers a single-source chat's messages 0..n-1 in source order already (RecordWriter):
    // renumbering would rewrite every row of the chat for nothing.
    const rows = sourceCount === 1 ? rowsInSourceOrder(db, chatId) : null;
    if (rows !== null) {
      const figures = figuresOf.get(chatId);
      if (figures !== undefined && figures.count === rows) writeChatSummary(db, chatId, figures);
      else summariseChat(db, chatId, false);
      continue;
    }
    const order = sourceCount > 1 ? 'm.timestamp IS NULL, m.timestamp, s.imported_at, m.source_position' : 'm.source_position';
    run(
      db,
      `UPDATE messages SET seq = ordered.position FROM (
         SELECT m.rowid AS target, row_number() OVER (ORDER BY ${order}) - 1 AS position
         FROM chat_order o JOIN messages m ON m.rowid = o.message_rowid JOIN sources s ON s.id = m.source_id WHERE o.chat = ${CHAT_NUMBER}) AS ordered
       WHERE messages.rowid = ordered.target`,
      [chatId],
    );
    // Merged from several sources, the chat was just numbered by time: none is out of time order.
    summariseChat(db, chatId, sourceCount > 1);
  }
}

/**
 * The chat's row count when its seq numbers are 0..n-1, else null. Called for a chat fed by one
 * source, whose import numbered its messages in source order as it read them (RecordWriter); a
 * gap means rows were removed since, and the chat is renumbered. Read from the chat's order
 * alone (chat_order).
 */
function rowsInSourceOrder(db: Database, chatId: string): number | null {
  const figures = selectOne(db, `SELECT count(*) AS n, min(seq) AS low, max(seq) AS high FROM chat_order WHERE chat = ${CHAT_NUMBER}`, [chatId]);
  const count = asNumber(figures?.['n']);
  return count === 0 || (asNumber(figures?.['low']) === 0 && asNumber(figures?.['high']) === count - 1) ? count : null;
}

/**
 * Caches a chat's message count, first and last time and participants on the chat row: its
 * senders, then whoever its sources name as taking part without sending (conversationParticipants).
 * `numberedByTime`: the chat was just numbered by time, so no message is out of time order and its
 * rows need not be read again to count them.
 */
function summariseChat(db: Database, chatId: string, numberedByTime: boolean): void {
  const figures = selectOne(db, `SELECT count(*) AS n, coalesce(sum(m.kind = 'unparsed'), 0) AS unparsed, min(m.timestamp) AS first, max(m.timestamp) AS last FROM ${CHAT_MESSAGES} WHERE o.chat = ${CHAT_NUMBER}`, [chatId]);
  writeChatSummary(db, chatId, {
    count: asNumber(figures?.['n']),
    unparsed: asNumber(figures?.['unparsed']),
    first: asNullableString(figures?.['first']),
    last: asNullableString(figures?.['last']),
    outOfTimeOrder: numberedByTime ? 0 : countOutOfTimeOrder(db, chatId),
    senders: chatSenders(db, chatId),
  });
}

function writeChatSummary(db: Database, chatId: string, figures: Omit<ImportedChatSummary, 'chatId'>): void {
  const participants = chatParticipants(db, chatId, figures.senders);
  run(db, 'UPDATE chats SET message_count = ?, unparsed_count = ?, first_timestamp = ?, last_timestamp = ?, participants = ? WHERE id = ?', [
    figures.count,
    figures.unparsed,
    figures.first,
    figures.last,
    JSON.stringify(participants),
    chatId,
  ]);
  writeTimeOrder(db, chatId, figures.outOfTimeOrder);
}

/** Removes a source's rows from the chats it fed; chats left without any source go too. */
export function removeSourceFromChats(db: Database, sourceId: string): void {
  const chats = selectAll(db, 'SELECT chat_id FROM chat_sources WHERE source_id = ?', [sourceId]).map((row) => asString(row['chat_id']));
  // No message of the source lies before the first its import stored (migration 0070).
  const from = asNumber(selectOne(db, 'SELECT coalesce(first_rowid, 0) AS first FROM sources WHERE id = ?', [sourceId])?.['first']);
  run(db, 'DELETE FROM attachments WHERE source_id = ?', [sourceId]);
  run(db, 'DELETE FROM tags WHERE message_rowid IN (SELECT rowid FROM messages WHERE rowid >= ? AND source_id = ?)', [from, sourceId]);
  run(db, 'DELETE FROM identifiers WHERE source_id = ?', [sourceId]);
  run(db, 'DELETE FROM messages WHERE rowid >= ? AND source_id = ?', [from, sourceId]);
  run(db, 'DELETE FROM chat_sources WHERE source_id = ?', [sourceId]);
  for (const chatId of chats) run(db, 'DELETE FROM chats WHERE id = ? AND NOT EXISTS (SELECT 1 FROM chat_sources WHERE chat_id = ?)', [chatId, chatId]);
}

/** "Phone 1" and "phone  1" are one device (shared/domain/device.ts): listed once, in the first spelling by code point. */
function oneLabelPerDevice(labels: string[]): string[] {
  const byIdentity = new Map<string, string>();
  for (const label of labels) if (!byIdentity.has(deviceIdentity(label))) byIdentity.set(deviceIdentity(label), label);
  return [...byIdentity.values()];
}

export function listConversations(db: Database): ConversationSummary[] {
  return selectAll(
    db,
    `SELECT c.*, (SELECT json_group_array(cs.source_id) FROM chat_sources cs JOIN sources s ON s.id = cs.source_id
       WHERE cs.chat_id = c.id AND s.status = 'imported') AS source_ids,
       (SELECT json_group_array(device) FROM (SELECT DISTINCT s.device FROM chat_sources cs JOIN sources s ON s.id = cs.source_id
         WHERE cs.chat_id = c.id AND s.status = 'imported' AND s.device IS NOT NULL ORDER BY s.device)) AS devices,
       (SELECT count(*) FROM chat_sources cs JOIN sources s ON s.id = cs.source_id
         WHERE cs.chat_id = c.id AND s.status = 'imported' AND cs.extra IS NOT NULL) AS sources_with_facts
     FROM chats c WHERE EXISTS (SELECT 1 FROM chat_sources cs JOIN sources s ON s.id = cs.source_id WHERE cs.chat_id = c.id AND s.status = 'imported')
     ORDER BY c.last_timestamp DESC, c.title`,
  ).map((row) => {
    const sourcesWithFacts = asNumber(row['sources_with_facts']);
    return {
      id: asString(row['id']),
      sourceIds: JSON.parse(asString(row['source_ids'])) as string[],
      devices: oneLabelPerDevice(JSON.parse(asString(row['devices'])) as string[]),
      title: asString(row['title']),
      kind: asString(row['kind']) as ConversationSummary['kind'],
      messageCount: asNumber(row['message_count']),
      unparsedCount: asNumber(row['unparsed_count']),
      participants: JSON.parse(asString(row['participants'])) as string[],
      firstTimestamp: asNullableString(row['first_timestamp']),
      lastTimestamp: asNullableString(row['last_timestamp']),
      outOfTimeOrder: asNumber(row['out_of_time_order']),
      ...(sourcesWithFacts === 0 ? {} : { sourcesWithFacts }),
    };
  });
}

/** What each imported source keeps about one chat (ConversationSummary.sourcesWithFacts says how many do), in import order. */
export function conversationSourceFacts(db: Database, chatId: string): ConversationSourceFacts[] {
  return selectAll(
    db,
    `SELECT cs.source_id, cs.extra FROM chat_sources cs JOIN sources s ON s.id = cs.source_id
     WHERE cs.chat_id = ? AND s.status = 'imported' AND cs.extra IS NOT NULL ORDER BY s.imported_at, s.id`,
    [chatId],
  ).map((row) => ({ sourceId: asString(row['source_id']), extra: JSON.parse(asString(row['extra'])) as Record<string, unknown> }));
}

export function messagesRange(db: Database, chatId: string, offset: number, limit: number, order: MessageOrder = 'source'): MessagePage {
  const chat = selectOne(db, 'SELECT message_count, out_of_time_order FROM chats WHERE id = ?', [chatId]);
  const total = asNumber(chat?.['message_count']);
  // A chat in time order has no time order of its own: its seq is its place by time too.
  if (order === 'time' && asNumber(chat?.['out_of_time_order'] ?? 0) > 0) {
    const rows = selectAll(
      db,
      `SELECT ${MESSAGE_COLUMNS}, t.position AS position FROM chat_time_order t JOIN messages m ON m.rowid = t.message_rowid
       WHERE t.chat = ${CHAT_NUMBER} AND t.position >= ? AND t.position < ? ORDER BY t.position`,
      [chatId, offset, offset + limit],
    );
    return { total, messages: rows.map(toMessage), positions: rows.map((row) => asNumber(row['position'])) };
  }
  const rows = selectAll(db, `SELECT ${MESSAGE_COLUMNS} FROM ${CHAT_MESSAGES} WHERE o.chat = ${CHAT_NUMBER} AND o.seq >= ? AND o.seq < ? ORDER BY o.seq, o.message_rowid`, [chatId, offset, offset + limit]);
  const messages = rows.map(toMessage);
  return { total, messages, positions: messages.map((message) => message.seq) };
}

export function messagesByRowids(db: Database, rowids: number[]): (Message & { rowid: number; sourceName: string; chatTitle: string })[] {
  const result: (Message & { rowid: number; sourceName: string; chatTitle: string })[] = [];
  const CHUNK = 500;
  for (let start = 0; start < rowids.length; start += CHUNK) {
    const chunk = rowids.slice(start, start + CHUNK);
    const placeholders = chunk.map(() => '?').join(',');
    const rows = selectAll(
      db,
      `SELECT ${MESSAGE_COLUMNS}, s.display_name AS source_name, c.title AS chat_title FROM messages m
       JOIN sources s ON s.id = m.source_id JOIN chats c ON c.id = m.chat_id
       WHERE m.rowid IN (${placeholders}) AND s.status = 'imported'`,
      chunk,
    );
    const byRowid = new Map(rows.map((row) => [asNumber(row['rowid']), row]));
    for (const rowid of chunk) {
      const row = byRowid.get(rowid);
      if (row === undefined) continue;
      result.push({ ...toMessage(row), rowid, sourceName: asString(row['source_name']), chatTitle: asString(row['chat_title']) });
    }
  }
  return result;
}

export function locateMessage(db: Database, messageId: string): MessageLocation | null {
  const row = selectOne(db, 'SELECT rowid, chat_id, seq FROM messages WHERE id = ?', [messageId]);
  if (row === null) return null;
  const seq = asNumber(row['seq']);
  return { chatId: asString(row['chat_id']), seq, timePosition: timePosition(db, asNumber(row['rowid']), seq) };
}

export function indexDocuments(db: Database, sourceIds: string[], afterRowid: number, limit: number): IndexDocument[] {
  if (sourceIds.length === 0) return [];
  const placeholders = sourceIds.map(() => '?').join(',');
  return selectAll(
    db,
    `SELECT m.rowid, m.text, m.timestamp, m.chat_id, m.sender, m.source_id, m.lang, m.kind, m.deleted,
       EXISTS (SELECT 1 FROM attachments a WHERE a.message_rowid = m.rowid AND a.kind = 'attached') AS has_attachment
     FROM messages m WHERE m.rowid > ? AND m.source_id IN (${placeholders}) ORDER BY m.rowid LIMIT ?`,
    [afterRowid, ...sourceIds, limit],
  ).map((row) => {
    const timestamp = asNullableString(row['timestamp']);
    return {
      rowid: asNumber(row['rowid']),
      text: asString(row['text']),
      time: timestamp === null ? null : Date.parse(timestamp),
      chatId: asString(row['chat_id']),
      sender: asNullableString(row['sender']),
      sourceId: asString(row['source_id']),
      lang: asString(row['lang']),
      flags: indexFlags({ hasAttachment: row['has_attachment'] === 1, deleted: row['deleted'] === 1, system: row['kind'] === 'system', hasOcr: false }),
    };
  });
}

/** Messages of imported sources: each source's count is fixed when it finishes (completeSource), so no row is read. */
/** The imported sources' messages and the records they kept unparsed (a source's message_count holds both). */
export function countMessages(db: Database): { messages: number; unparsed: number } {
  const row = selectOne(db, "SELECT coalesce(sum(message_count - unparsed_count), 0) AS messages, coalesce(sum(unparsed_count), 0) AS unparsed FROM sources WHERE status = 'imported'");
  return { messages: asNumber(row?.['messages']), unparsed: asNumber(row?.['unparsed']) };
}

export function languagePending(db: Database, sourceId: string, afterRowid: number, limit: number): { rowid: number; text: string; chatId: string; sender: string | null }[] {
  return selectAll(
    db,
    // Placeholders ("<Media omitted>") are stored as 'zxx' (no linguistic content) by the importer.
    `SELECT rowid, text, chat_id, sender FROM messages WHERE source_id = ? AND rowid > ? AND kind = 'message' AND deleted = 0 AND lang = 'und'
     ORDER BY rowid LIMIT ?`,
    [sourceId, afterRowid, limit],
  ).map((row) => ({ rowid: asNumber(row['rowid']), text: asString(row['text']), chatId: asString(row['chat_id']), sender: asNullableString(row['sender']) }));
}

export function setLanguages(db: Database, results: { rowid: number; lang: string; confidence: number }[]): void {
  const statement = db.prepare('UPDATE messages SET lang = ?, lang_confidence = ? WHERE rowid = ?');
  try {
    for (const result of results) statement.run([result.lang, result.confidence, result.rowid]);
  } finally {
    statement.free();
  }
}

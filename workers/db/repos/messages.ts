import type { Database, SqlValue } from 'sql.js';
import type { NewChat, NewMessage, IndexDocument } from '../../../shared/contracts/db-worker.ts';
import type { ConversationSummary, Locator, MediaReference, Message, MessageKind } from '../../../shared/domain/message.ts';
import { asNullableString, asNumber, asString, run, selectAll, selectOne } from './rows.ts';

const MESSAGE_COLUMNS = `m.rowid AS rowid, m.id, m.source_id, m.chat_id, m.seq, m.kind, m.sender, m.timestamp, m.timestamp_text, m.text,
  m.lang, m.lang_confidence, m.media, m.deleted, m.edited, m.locator`;

function toMessage(row: Record<string, SqlValue>): Message {
  const media = asNullableString(row['media']);
  return {
    id: asString(row['id']),
    sourceId: asString(row['source_id']),
    chatId: asString(row['chat_id']),
    seq: asNumber(row['seq']),
    kind: asString(row['kind']) as MessageKind,
    sender: asNullableString(row['sender']),
    timestamp: asNullableString(row['timestamp']),
    timestampText: asString(row['timestamp_text']),
    text: asString(row['text']),
    lang: asString(row['lang']),
    langConfidence: asNumber(row['lang_confidence']),
    media: media === null ? null : (JSON.parse(media) as MediaReference),
    deleted: row['deleted'] === 1,
    edited: row['edited'] === 1,
    locator: JSON.parse(asString(row['locator'])) as Locator,
  };
}

export function insertChats(db: Database, chats: NewChat[]): void {
  for (const chat of chats) run(db, 'INSERT INTO chats (id, source_id, title) VALUES (?, ?, ?)', [chat.id, chat.sourceId, chat.title]);
}

export function insertMessages(db: Database, messages: NewMessage[]): number[] {
  const statement = db.prepare(
    `INSERT INTO messages (id, source_id, chat_id, seq, kind, sender, timestamp, timestamp_text, text, lang, lang_confidence,
       media, deleted, edited, locator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rowid`,
  );
  const rowids: number[] = [];
  try {
    for (const message of messages) {
      statement.bind([
        message.id, message.sourceId, message.chatId, message.seq, message.kind, message.sender, message.timestamp,
        message.timestampText, message.text, message.lang, message.langConfidence,
        message.media === null ? null : JSON.stringify(message.media), Number(message.deleted), Number(message.edited),
        JSON.stringify(message.locator),
      ]);
      statement.step();
      rowids.push(asNumber(statement.get()[0]));
      statement.reset();
    }
  } finally {
    statement.free();
  }
  return rowids;
}

/** Caches per-chat figures once a source is complete so the conversation list stays cheap. */
export function summariseChats(db: Database, sourceId: string): void {
  for (const chat of selectAll(db, 'SELECT id FROM chats WHERE source_id = ?', [sourceId])) {
    const chatId = asString(chat['id']);
    const figures = selectOne(db, 'SELECT count(*) AS n, min(timestamp) AS first, max(timestamp) AS last FROM messages WHERE chat_id = ?', [chatId]);
    const senders = selectAll(db, "SELECT DISTINCT sender FROM messages WHERE chat_id = ? AND sender IS NOT NULL AND kind = 'message' ORDER BY sender", [chatId]);
    run(db, 'UPDATE chats SET message_count = ?, first_timestamp = ?, last_timestamp = ?, participants = ? WHERE id = ?', [
      asNumber(figures?.['n']),
      asNullableString(figures?.['first']),
      asNullableString(figures?.['last']),
      JSON.stringify(senders.map((row) => asString(row['sender']))),
      chatId,
    ]);
  }
}

export function listConversations(db: Database): ConversationSummary[] {
  return selectAll(
    db,
    `SELECT c.* FROM chats c JOIN sources s ON s.id = c.source_id WHERE s.status = 'imported'
     ORDER BY c.last_timestamp DESC, c.title`,
  ).map((row) => ({
    id: asString(row['id']),
    sourceId: asString(row['source_id']),
    title: asString(row['title']),
    messageCount: asNumber(row['message_count']),
    participants: JSON.parse(asString(row['participants'])) as string[],
    firstTimestamp: asNullableString(row['first_timestamp']),
    lastTimestamp: asNullableString(row['last_timestamp']),
  }));
}

export function messagesRange(db: Database, chatId: string, offset: number, limit: number): { total: number; messages: Message[] } {
  const total = asNumber(selectOne(db, 'SELECT message_count AS n FROM chats WHERE id = ?', [chatId])?.['n']);
  const rows = selectAll(db, `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.chat_id = ? AND m.seq >= ? AND m.seq < ? ORDER BY m.seq`, [chatId, offset, offset + limit]);
  return { total, messages: rows.map(toMessage) };
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

export function locateMessage(db: Database, messageId: string): { chatId: string; seq: number } | null {
  const row = selectOne(db, 'SELECT chat_id, seq FROM messages WHERE id = ?', [messageId]);
  return row === null ? null : { chatId: asString(row['chat_id']), seq: asNumber(row['seq']) };
}

export function indexDocuments(db: Database, sourceIds: string[], afterRowid: number, limit: number): IndexDocument[] {
  if (sourceIds.length === 0) return [];
  const placeholders = sourceIds.map(() => '?').join(',');
  return selectAll(db, `SELECT rowid, text FROM messages WHERE rowid > ? AND source_id IN (${placeholders}) ORDER BY rowid LIMIT ?`, [afterRowid, ...sourceIds, limit]).map(
    (row) => ({ rowid: asNumber(row['rowid']), text: asString(row['text']) }),
  );
}

export function countMessages(db: Database): number {
  return asNumber(selectOne(db, "SELECT count(*) AS n FROM messages m JOIN sources s ON s.id = m.source_id WHERE s.status = 'imported'")?.['n']);
}

export function languagePending(db: Database, sourceId: string, afterRowid: number, limit: number): { rowid: number; text: string }[] {
  return selectAll(
    db,
    `SELECT rowid, text FROM messages WHERE source_id = ? AND rowid > ? AND kind = 'message' AND media IS NULL AND deleted = 0
     ORDER BY rowid LIMIT ?`,
    [sourceId, afterRowid, limit],
  ).map((row) => ({ rowid: asNumber(row['rowid']), text: asString(row['text']) }));
}

export function setLanguages(db: Database, results: { rowid: number; lang: string; confidence: number }[]): void {
  const statement = db.prepare('UPDATE messages SET lang = ?, lang_confidence = ? WHERE rowid = ?');
  try {
    for (const result of results) statement.run([result.lang, result.confidence, result.rowid]);
  } finally {
    statement.free();
  }
}

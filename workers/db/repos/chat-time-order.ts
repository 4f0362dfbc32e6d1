import type { SqlConnection as Database } from '../sql-connection.ts';
import { CHAT_MESSAGES, CHAT_NUMBER } from './chat-order-sql.ts';
import { asNumber, run, selectOne } from './rows.ts';

/**
 * A conversation read by time (MessageOrder 'time', migration 0180). A chat fed by one source
 * keeps the source's order (seq), which is evidence too; when some of its messages are earlier
 * than a message listed before them (a device clock put back, a report listing a chat in its own
 * order), `chat_time_order` gives every message its place by UTC time as well. Chats in time
 * order already (most, and every chat merged from several sources, which is ordered by time)
 * have no rows there: their time order is their seq.
 */


/**
 * The rows of the chats `chats` (SQL naming chat numbers) in time order: by UTC time, a message
 * without one keeping the time of the nearest message with one listed before it (so it stays
 * after that message), ties in the chat's own order. `g` counts the timed messages up to each
 * row: a group of one timed message and the untimed ones after it, whose largest time is its.
 */
function timeOrderSelect(chats: string): string {
  return `SELECT chat, row_number() OVER (PARTITION BY chat ORDER BY sort_time, seq, message_rowid) - 1 AS position, message_rowid FROM (
      SELECT chat, seq, message_rowid, max(t) OVER (PARTITION BY chat, g) AS sort_time FROM (
        SELECT o.chat, o.seq, o.message_rowid, m.timestamp AS t,
          count(m.timestamp) OVER (PARTITION BY o.chat ORDER BY o.seq, o.message_rowid) AS g
        FROM ${CHAT_MESSAGES} WHERE o.chat IN (${chats})))`;
}

/**
 * Per chat of `chats`, its messages earlier than the latest time of a message before them in
 * the chat's order (what RecordWriter counts as it writes: ImportedChatSummary.outOfTimeOrder).
 */
function outOfTimeOrderSelect(chats: string): string {
  return `SELECT chat, count(*) AS n FROM (
      SELECT o.chat, m.timestamp AS t,
        max(m.timestamp) OVER (PARTITION BY o.chat ORDER BY o.seq, o.message_rowid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
      FROM ${CHAT_MESSAGES} WHERE o.chat IN (${chats}))
    WHERE t < before GROUP BY chat`;
}

/** Counts the chat's messages out of time order by reading it (for a chat the import's own count does not fit). */
export function countOutOfTimeOrder(db: Database, chatId: string): number {
  return asNumber(selectOne(db, `SELECT coalesce((SELECT n FROM (${outOfTimeOrderSelect(CHAT_NUMBER)})), 0) AS n`, [chatId])?.['n']);
}

/** Records the chat's count and makes its time order again: rows only when some message is out of time order. */
export function writeTimeOrder(db: Database, chatId: string, outOfTimeOrder: number): void {
  run(db, 'UPDATE chats SET out_of_time_order = ? WHERE id = ?', [outOfTimeOrder, chatId]);
  run(db, `DELETE FROM chat_time_order WHERE chat = ${CHAT_NUMBER}`, [chatId]);
  if (outOfTimeOrder > 0) run(db, `INSERT INTO chat_time_order (chat, position, message_rowid) ${timeOrderSelect(CHAT_NUMBER)}`, [chatId]);
}

/** The message's place in its chat read by time: its seq when the chat is in time order. */
export function timePosition(db: Database, messageRowid: number, seq: number): number {
  const row = selectOne(db, 'SELECT position FROM chat_time_order WHERE message_rowid = ?', [messageRowid]);
  return row === null ? seq : asNumber(row['position']);
}

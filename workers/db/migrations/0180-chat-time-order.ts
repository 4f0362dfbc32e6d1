import type { Migration } from './migration.ts';

/**
 * A conversation can be read by time as well as in its source's order (repos/chat-time-order.ts):
 * `chats.out_of_time_order` counts the messages earlier than a message listed before them, and
 * `chat_time_order` gives each message of such a chat its place by time. A message leaving the
 * case leaves its place (the chat's summary makes the order again). Cases made before count and
 * order their chats here, once, as repos/chat-time-order.ts does (written out: a migration that
 * has shipped never changes). Only rows of imported sources count: a source still 'importing'
 * died mid-import, and the db worker drops its rows right after (abandonSource), which would leave
 * gaps in the places given here and places past the chat's message count, never read.
 */
export const migration0180: Migration = {
  version: 180,
  name: 'chat-time-order',
  up: `
    ALTER TABLE chats ADD COLUMN out_of_time_order INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE chat_time_order (
      chat INTEGER NOT NULL,
      position INTEGER NOT NULL,
      message_rowid INTEGER NOT NULL,
      PRIMARY KEY (chat, position)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX chat_time_order_message ON chat_time_order (message_rowid);
    CREATE TRIGGER messages_leave_chat_time_order AFTER DELETE ON messages BEGIN
      DELETE FROM chat_time_order WHERE message_rowid = old.rowid;
    END;
    UPDATE chats SET out_of_time_order = counted.n FROM (
      SELECT chat, count(*) AS n FROM (
        SELECT o.chat, m.timestamp AS t,
          max(m.timestamp) OVER (PARTITION BY o.chat ORDER BY o.seq, o.message_rowid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
        FROM chat_order o JOIN messages m ON m.rowid = o.message_rowid JOIN sources s ON s.id = m.source_id AND s.status = 'imported')
      WHERE t < before GROUP BY chat) AS counted
    WHERE counted.chat = chats.number;
    INSERT INTO chat_time_order (chat, position, message_rowid)
      SELECT chat, row_number() OVER (PARTITION BY chat ORDER BY sort_time, seq, message_rowid) - 1, message_rowid FROM (
        SELECT chat, seq, message_rowid, max(t) OVER (PARTITION BY chat, g) AS sort_time FROM (
          SELECT o.chat, o.seq, o.message_rowid, m.timestamp AS t,
            count(m.timestamp) OVER (PARTITION BY o.chat ORDER BY o.seq, o.message_rowid) AS g
          FROM chat_order o JOIN messages m ON m.rowid = o.message_rowid JOIN sources s ON s.id = m.source_id AND s.status = 'imported'
          WHERE o.chat IN (SELECT number FROM chats WHERE out_of_time_order > 0)));
  `,
};

import type { Migration } from './migration.ts';

/**
 * The order of a chat's messages moves from an index on messages(chat_id, seq) to a table of its
 * own, `chat_order` (chat, seq, message rowid), which an import fills a batch at a time with
 * one INSERT … SELECT after storing the batch's messages. With the index, a backup interleaving
 * hundreds of conversations (an SMS backup: every message in another chat than the one before)
 * paid for an index entry at another place of the index inside every row's insert: storing
 * 200k such rows took 15.9 µs a row with the index, 12.6 with this table, 9.5 with neither
 * (median of five interleaved runs, ADR 0015). Deleting a message or changing its chat or seq
 * (renumbering) keeps the table in step by trigger, as the index was kept by SQLite.
 */
export const migration0090: Migration = {
  version: 90,
  name: 'chat-order',
  up: `
    CREATE TABLE chat_order (
      chat_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      message_rowid INTEGER NOT NULL,
      PRIMARY KEY (chat_id, seq, message_rowid)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO chat_order (chat_id, seq, message_rowid) SELECT chat_id, seq, rowid FROM messages ORDER BY chat_id, seq, rowid;
    DROP INDEX messages_chat_seq;
    CREATE TRIGGER messages_leave_chat_order AFTER DELETE ON messages BEGIN
      DELETE FROM chat_order WHERE chat_id = old.chat_id AND seq = old.seq AND message_rowid = old.rowid;
    END;
    CREATE TRIGGER messages_move_in_chat_order AFTER UPDATE OF chat_id, seq ON messages BEGIN
      UPDATE chat_order SET chat_id = new.chat_id, seq = new.seq WHERE chat_id = old.chat_id AND seq = old.seq AND message_rowid = old.rowid;
    END;
  `,
};

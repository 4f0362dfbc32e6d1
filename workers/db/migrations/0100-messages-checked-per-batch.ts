import type { Migration } from './migration.ts';

/**
 * The message table's per-row checks move to the one place messages are written, a batch at a
 * time (ADR 0016), and the chat order is keyed by a chat number instead of the chat's text id.
 *
 * Every stored message row made SQLite look up its source and its chat (the REFERENCES clauses)
 * and test its kind and direction (CHECK): 200k SMS-shaped rows took ~4.1 µs a row to insert with
 * them, ~2.7 without. insertMessages now checks the same a batch at a time: the batch's rows all
 * of one existing source, every kind and direction allowed (one pass over the batch it already
 * makes to count it), and every chat existing, which the chat-order insert proves by joining
 * each row to its chat (a row whose chat is missing would be left out, and the count would not
 * match). The rows keep their rowids, and AUTOINCREMENT keeps the largest rowid ever used.
 *
 * `chats` gets `number INTEGER PRIMARY KEY`, its rows keeping the rowids they had (an implicit
 * rowid could change under VACUUM; a declared one cannot), and `chat_order` holds that number:
 * its entries are shorter and compare as integers (~0.4 µs a row less to fill). Triggers keep
 * it in step with deletes and renumbering as before, and take the place of the removed
 * references where rows go: a chat that still has messages, or a source that still has
 * messages, cannot be deleted.
 */
export const migration0100: Migration = {
  version: 100,
  name: 'messages-checked-per-batch',
  rebuildsTables: true,
  up: `
    CREATE TABLE chats_0100 (
      number INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL,
      kind TEXT NOT NULL DEFAULT 'unknown' CHECK (kind IN ('private', 'group', 'channel', 'unknown')),
      message_count INTEGER NOT NULL DEFAULT 0,
      participants TEXT NOT NULL DEFAULT '[]',
      first_timestamp TEXT,
      last_timestamp TEXT
    ) STRICT;
    INSERT INTO chats_0100 (number, id, title, kind, message_count, participants, first_timestamp, last_timestamp)
      SELECT rowid, id, title, kind, message_count, participants, first_timestamp, last_timestamp FROM chats;

    CREATE TABLE chat_order_0100 (
      chat INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      message_rowid INTEGER NOT NULL,
      PRIMARY KEY (chat, seq, message_rowid)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO chat_order_0100 (chat, seq, message_rowid)
      SELECT c.number, o.seq, o.message_rowid FROM chat_order o JOIN chats_0100 c ON c.id = o.chat_id ORDER BY 1, 2, 3;

    CREATE TABLE messages_0100 (
      rowid INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      source_id TEXT NOT NULL,
      chat_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      -- Position within its source, in source order: the tie-breaker when chats are re-sequenced.
      source_position INTEGER NOT NULL,
      -- 'message', 'system' or 'unparsed'; direction 'incoming', 'outgoing' or NULL; source and
      -- chat existing: checked a batch at a time as messages are stored (insertMessages).
      kind TEXT NOT NULL,
      sender TEXT,
      sender_id TEXT,
      direction TEXT,
      timestamp TEXT,
      timestamp_text TEXT NOT NULL,
      text TEXT NOT NULL,
      lang TEXT NOT NULL,
      lang_confidence REAL NOT NULL,
      deleted INTEGER NOT NULL,
      edited INTEGER NOT NULL,
      locator TEXT NOT NULL,
      extra TEXT
    ) STRICT;
    INSERT INTO messages_0100 (rowid, id, source_id, chat_id, seq, source_position, kind, sender, sender_id, direction, timestamp,
        timestamp_text, text, lang, lang_confidence, deleted, edited, locator, extra)
      SELECT rowid, id, source_id, chat_id, seq, source_position, kind, sender, sender_id, direction, timestamp,
        timestamp_text, text, lang, lang_confidence, deleted, edited, locator, extra
      FROM messages ORDER BY rowid;
    -- AUTOINCREMENT never gives a rowid twice: the new table starts after the largest the old one gave.
    CREATE TABLE sequence_0100 AS SELECT seq FROM sqlite_sequence WHERE name = 'messages';

    DROP TABLE messages;
    DROP TABLE chat_order;
    DROP TABLE chats;
    ALTER TABLE chats_0100 RENAME TO chats;
    ALTER TABLE chat_order_0100 RENAME TO chat_order;
    ALTER TABLE messages_0100 RENAME TO messages;
    UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sequence_0100), 0)) WHERE name = 'messages';
    INSERT INTO sqlite_sequence (name, seq)
      SELECT 'messages', seq FROM sequence_0100 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'messages');
    DROP TABLE sequence_0100;

    CREATE TRIGGER messages_leave_chat_order AFTER DELETE ON messages BEGIN
      DELETE FROM chat_order
        WHERE chat = (SELECT number FROM chats WHERE id = old.chat_id) AND seq = old.seq AND message_rowid = old.rowid;
    END;
    -- A chat id no chat has makes the number NULL, which chat_order refuses.
    CREATE TRIGGER messages_move_in_chat_order AFTER UPDATE OF chat_id, seq ON messages BEGIN
      UPDATE chat_order SET chat = (SELECT number FROM chats WHERE id = new.chat_id), seq = new.seq
        WHERE chat = (SELECT number FROM chats WHERE id = old.chat_id) AND seq = old.seq AND message_rowid = old.rowid;
    END;
    CREATE TRIGGER messages_change_source BEFORE UPDATE OF source_id ON messages
      WHEN NOT EXISTS (SELECT 1 FROM sources WHERE id = new.source_id) BEGIN
      SELECT RAISE(ABORT, 'a message must belong to a source the case has');
    END;
    CREATE TRIGGER chats_keep_messages BEFORE DELETE ON chats
      WHEN EXISTS (SELECT 1 FROM chat_order WHERE chat = old.number) BEGIN
      SELECT RAISE(ABORT, 'a chat that still has messages cannot be deleted');
    END;
    CREATE TRIGGER sources_keep_messages BEFORE DELETE ON sources
      WHEN EXISTS (SELECT 1 FROM messages WHERE rowid >= coalesce(old.first_rowid, 0) AND source_id = old.id) BEGIN
      SELECT RAISE(ABORT, 'a source that still has messages cannot be deleted');
    END;
  `,
};

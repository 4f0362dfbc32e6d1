import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Regression (a tester's audit against a real msgstore.db schema dump and WhatsApp's own views):
 * when the owner clears a chat, WhatsApp writes a deleted_chat_job row and hides the messages up to
 * its sort_id (`message.sort_id <= job.deleted_message_row_id`), purging them later. They were
 * imported as live messages.
 */
const STORE = `
  CREATE TABLE jid (_id INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT, server TEXT, raw_string TEXT);
  CREATE TABLE chat (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid_row_id INTEGER UNIQUE, subject TEXT);
  CREATE TABLE message (_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, from_me INTEGER NOT NULL, key_id TEXT NOT NULL,
    sender_jid_row_id INTEGER, status INTEGER, timestamp INTEGER, message_type INTEGER, text_data TEXT, starred INTEGER, sort_id INTEGER NOT NULL DEFAULT 0);
  CREATE TABLE deleted_chat_job (_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, block_size INTEGER, deleted_message_row_id INTEGER,
    deleted_starred_message_row_id INTEGER, deleted_messages_remove_files BOOLEAN, deleted_categories_message_row_id INTEGER,
    deleted_categories_starred_message_row_id INTEGER, deleted_categories_remove_files BOOLEAN, deleted_message_categories TEXT);
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net'), (2, '4915100000002', 's.whatsapp.net', '4915100000002@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, NULL), (2, 2, NULL);
  INSERT INTO message VALUES
    (1, 1, 0, 'M1', 0, 0, 1700000000000, 0, 'old, cleared', 0, 1),
    (2, 1, 1, 'M2', 13, 0, 1700000100000, 0, 'old, starred, kept', 1, 2),
    (3, 1, 0, 'M3', 0, 0, 1700000200000, 0, 'at the bound, cleared', 0, 3),
    (4, 1, 0, 'M4', 0, 0, 1700000300000, 0, 'after the clear', 0, 4),
    (5, 2, 0, 'M5', 0, 0, 1700000050000, 0, 'another chat', 0, 1);
  INSERT INTO deleted_chat_job (_id, chat_row_id, deleted_message_row_id, deleted_starred_message_row_id) VALUES (7, 1, 3, NULL);
`;

describe('whatsappAndroidDbParser: chats the owner cleared (deleted_chat_job)', () => {
  it('marks the messages a clear job hides as deleted, saying so, and leaves starred ones it keeps, later ones and other chats', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(STORE), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(run.sink.messages.map((message) => [message.text, message.deleted, (message.extra?.['clearedChat'] as { deletedChatJobRow?: number } | undefined)?.deletedChatJobRow ?? null])).toEqual([
      ['old, cleared', true, 7],
      ['old, starred, kept', false, null],
      ['at the bound, cleared', true, 7],
      ['after the clear', false, null],
      ['another chat', false, null],
    ]);
  });

  it('clears starred messages too when the job covers them', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(`${STORE} UPDATE deleted_chat_job SET deleted_starred_message_row_id = 3;`), 'msgstore.db');
    expect(run.sink.messages.find((message) => message.text === 'old, starred, kept')?.deleted).toBe(true);
  });

  it('applies every job of a chat: one that cleared starred messages too, then a later one that kept them', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(`${STORE}
      UPDATE deleted_chat_job SET deleted_message_row_id = 2, deleted_starred_message_row_id = 2;
      INSERT INTO deleted_chat_job (_id, chat_row_id, deleted_message_row_id, deleted_starred_message_row_id) VALUES (8, 1, 3, NULL);`), 'msgstore.db');
    expect(run.sink.messages.filter((message) => message.deleted).map((message) => [message.text, (message.extra?.['clearedChat'] as { deletedChatJobRow: number }).deletedChatJobRow])).toEqual([
      ['old, cleared', 7],
      ['old, starred, kept', 7],
      ['at the bound, cleared', 8],
    ]);
  });
});

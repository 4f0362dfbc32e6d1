import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * The chat row's disappearing-messages setting, with the columns of a real 2023 msgstore.db schema
 * (frozenspider/chat-history-manager, whatsapp-android_2023-10/msgstore.sql): ephemeral_expiration,
 * ephemeral_setting_timestamp, ephemeral_disappearing_messages_initiator.
 */
const SCHEMA = `
  CREATE TABLE jid (_id INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT NOT NULL, server TEXT NOT NULL, agent INTEGER, device INTEGER, type INTEGER, raw_string TEXT);
  CREATE TABLE chat (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid_row_id INTEGER UNIQUE, hidden INTEGER, subject TEXT, created_timestamp INTEGER,
    ephemeral_expiration INTEGER, last_read_ephemeral_message_row_id INTEGER, ephemeral_setting_timestamp INTEGER,
    unseen_important_message_count INTEGER NOT NULL DEFAULT 0, ephemeral_disappearing_messages_initiator INTEGER);
  CREATE TABLE message (_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, from_me INTEGER NOT NULL, key_id TEXT NOT NULL,
    sender_jid_row_id INTEGER, status INTEGER, timestamp INTEGER, received_timestamp INTEGER, message_type INTEGER, text_data TEXT, sort_id INTEGER NOT NULL DEFAULT 0);
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', 0, 0, 0, '4915100000001@s.whatsapp.net'),
    (2, '4915100000002', 's.whatsapp.net', 0, 0, 0, '4915100000002@s.whatsapp.net');
  INSERT INTO chat (_id, jid_row_id, subject, ephemeral_expiration, ephemeral_setting_timestamp, ephemeral_disappearing_messages_initiator) VALUES
    (148, 1, NULL, 86400, 1696243309000, 0), (149, 2, NULL, 0, 0, 0), (150, 77, NULL, 604800, -1, NULL);
  INSERT INTO message (_id, chat_row_id, from_me, key_id, status, timestamp, message_type, text_data) VALUES
    (1, 148, 0, 'K1', 0, 1696243400000, 0, 'after the timer was set'), (2, 149, 0, 'K2', 0, 1696243400000, 0, 'no timer here');
`;

describe('msgstore.db: a chat\'s disappearing-messages setting (chat.ephemeral_expiration)', () => {
  it('regression: names each chat with a timer, how long and since when, in the source\'s details (the chat row\'s setting was not read)', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(SCHEMA), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(run.sink.messages.map((message) => message.chatKey)).toEqual(['jid:4915100000001@s.whatsapp.net', 'jid:4915100000002@s.whatsapp.net']);
    expect(run.outcome.details['chatsWithDisappearingMessages']).toBe(2);
    expect(run.outcome.details['disappearingMessageSettings']).toEqual([
      { chat: 'jid:4915100000001@s.whatsapp.net', chatRow: 148, durationSeconds: 86400, setAt: '2023-10-02T10:41:49.000Z', initiator: 0 },
      // A chat whose jid cannot be read is named as its messages are; a placeholder time gives no date but a note.
      { chat: 'chat-row:150', chatRow: 150, durationSeconds: 604800, setAt: null, initiator: null, timeNotes: [expect.stringContaining('chat.ephemeral_setting_timestamp -1 is not a time')] },
    ]);
  });

  it('says nothing of it where the chat table has no such column', async () => {
    const bytes = await buildDatabase(`${SCHEMA} ALTER TABLE chat DROP COLUMN ephemeral_expiration;`);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db');
    expect(run.outcome.details).not.toHaveProperty('disappearingMessageSettings');
  });
});

import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { MSGSTORE_CORE_TABLES, byKey } from '../../../../support/msgstore-event-tables.ts';

/**
 * Regressions found auditing FORMATS.md §5.1: the text a reply quotes (new `message_quoted`, legacy
 * `quoted_row_id` -> `messages_quotes`) was dropped although it survives there when the quoted
 * message itself is gone; and an incoming status@broadcast row without its poster was attributed
 * to "status@broadcast" as if that were a person.
 */

const LEGACY = `
  CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_wa_type TEXT, media_size INTEGER, remote_resource TEXT, quoted_row_id INTEGER);
  CREATE TABLE messages_quotes (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_wa_type TEXT, remote_resource TEXT);
  CREATE TABLE chat_list (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT UNIQUE, subject TEXT);
  INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, timestamp, media_wa_type) VALUES ('-1', 0, '-1', -1, 0, '0');
  INSERT INTO messages_quotes (_id, key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type) VALUES
    (1, '4915100000001@s.whatsapp.net', 0, 'GONE', 0, 'meet at the back door', 1623690000000, '0');
  INSERT INTO messages (_id, key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, quoted_row_id, remote_resource) VALUES
    (2, '4915100000001@s.whatsapp.net', 1, 'R1', 13, 'ok', 1623690060000, '0', 1, NULL),
    (3, '4915100000001@s.whatsapp.net', 0, 'R2', 0, 'no reply', 1623690120000, '0', 0, NULL),
    (4, 'status@broadcast', 0, 'ST0', 0, 'who posted this?', 1623690180000, '0', 0, NULL);
`;

const NEW = `
  ${MSGSTORE_CORE_TABLES}
  CREATE TABLE message_quoted (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, parent_message_chat_row_id INTEGER, from_me INTEGER,
    sender_jid_row_id INTEGER, key_id TEXT, timestamp INTEGER, message_type INTEGER, text_data TEXT);
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net'), (2, 'status', 'broadcast', 'status@broadcast');
  INSERT INTO chat VALUES (1, 1, NULL), (2, 2, NULL);
  INSERT INTO message VALUES (1, -1, 0, '-1', 0, -1, 0, 0, NULL),
    (2, 1, 1, 'R3', 0, 13, 1700000060000, 0, 'on my way'),
    (3, 2, 0, 'ST9', 0, 0, 1700000120000, 0, 'poster unknown');
  INSERT INTO message_quoted (message_row_id, chat_row_id, from_me, key_id, timestamp, message_type, text_data) VALUES
    (2, 1, 0, 'Q-DELETED', 1700000000000, 0, 'bring the passports');
`;

describe('whatsappAndroidDbParser: quoted text of replies', () => {
  it('new layout: keeps message_quoted.text_data (and its key) on the reply', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const reply = byKey(run.sink.messages, 'R3');
    expect(reply).toMatchObject({ direction: 'outgoing', sender: null, text: 'on my way', time: { utcMs: 1700000060000 }, locator: { table: 'message', rowid: 2 } });
    expect(reply.extra).toMatchObject({ replyToKeyId: 'Q-DELETED', quote: 'bring the passports' });
  });

  it('legacy layout: follows quoted_row_id to messages_quotes for the quoted key and text', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(LEGACY), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(run.sink.messages).toHaveLength(3);
    const reply = byKey(run.sink.messages, 'R1');
    expect(reply).toMatchObject({ direction: 'outgoing', text: 'ok', time: { utcMs: 1623690060000 }, locator: { table: 'messages', rowid: 2 } });
    expect(reply.extra).toMatchObject({ replyToKeyId: 'GONE', quote: 'meet at the back door' });
    const plain = byKey(run.sink.messages, 'R2');
    expect(plain.extra?.['quote']).toBeUndefined();
    expect(plain.extra?.['replyToKeyId']).toBeUndefined();
  });
});

describe('whatsappAndroidDbParser: status updates without a poster', () => {
  it('legacy: leaves the sender unknown instead of naming status@broadcast', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(LEGACY), 'msgstore.db');
    expect(byKey(run.sink.messages, 'ST0')).toMatchObject({
      chatKey: 'jid:status@broadcast', kind: 'message', sender: null, senderId: null, direction: 'incoming', text: 'who posted this?',
      time: { utcMs: 1623690180000 }, locator: { table: 'messages', rowid: 4 },
    });
  });

  it('new: leaves the sender unknown when sender_jid_row_id is 0', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db');
    expect(byKey(run.sink.messages, 'ST9')).toMatchObject({ chatKey: 'jid:status@broadcast', sender: null, senderId: null, direction: 'incoming', locator: { rowid: 3 } });
  });
});

describe('whatsappAndroidDbParser: who wrote the quoted message', () => {
  it('regression: new layout keeps the quoted author (message_quoted.from_me, sender_jid_row_id) beside the quoted text', async () => {
    const bytes = await buildDatabase(`${NEW}
      INSERT INTO jid VALUES (3, '120363000000000001', 'g.us', '120363000000000001@g.us'), (4, '4915100000002', 's.whatsapp.net', '4915100000002@s.whatsapp.net');
      INSERT INTO chat VALUES (3, 3, 'Transport');
      INSERT INTO message VALUES (4, 3, 1, 'R4', 0, 13, 1700000180000, 0, 'done'), (5, 3, 0, 'R5', 4, 0, 1700000240000, 0, 'and mine?');
      INSERT INTO message_quoted (message_row_id, chat_row_id, from_me, sender_jid_row_id, key_id, timestamp, message_type, text_data) VALUES
        (4, 3, 0, 4, 'Q-BOSS', 1700000170000, 0, 'move the car'), (5, 3, 1, 0, 'R4', 1700000180000, 0, 'done');
    `);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(byKey(run.sink.messages, 'R4').extra).toMatchObject({ quote: 'move the car', quoteAuthor: { fromMe: false, sender: '+4915100000002', senderId: '+4915100000002' } });
    expect(byKey(run.sink.messages, 'R5').extra).toMatchObject({ quote: 'done', quoteAuthor: { fromMe: true, sender: null, senderId: null } });
    // In a private chat a quoted message not from me is the other person's.
    expect(byKey(run.sink.messages, 'R3').extra?.['quoteAuthor']).toEqual({ fromMe: false, sender: '+4915100000001', senderId: '+4915100000001' });
    expect(byKey(run.sink.messages, 'ST9').extra?.['quoteAuthor']).toBeUndefined();
  });

  it('regression: legacy layout keeps the quoted author (messages_quotes.key_from_me, remote_resource)', async () => {
    const bytes = await buildDatabase(`${LEGACY}
      INSERT INTO messages_quotes (_id, key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, remote_resource) VALUES
        (2, '111-222@g.us', 0, 'Q-G', 0, 'who has the keys', 1623690200000, '0', '4915100000002@s.whatsapp.net');
      INSERT INTO messages (_id, key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, quoted_row_id, remote_resource) VALUES
        (5, '111-222@g.us', 1, 'R6', 13, 'I do', 1623690260000, '0', 2, NULL);
    `);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(byKey(run.sink.messages, 'R6').extra).toMatchObject({ quote: 'who has the keys', quoteAuthor: { fromMe: false, sender: '+4915100000002', senderId: '+4915100000002' } });
    expect(byKey(run.sink.messages, 'R1').extra?.['quoteAuthor']).toEqual({ fromMe: false, sender: '+4915100000001', senderId: '+4915100000001' });
  });
});

import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser, whatsappIosDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * WhatsApp writes -1 (or 0) where it has no time (a receipt not come, an edit or a reaction without
 * its time). Decoded, that is 1969-12-31 / 1970-01-01 (iOS: 2000-12-31): a fake date. Such a value
 * must read as no time, its original text kept, with a note saying why.
 */
const NEW = `
  CREATE TABLE jid (_id INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT NOT NULL, server TEXT NOT NULL, raw_string TEXT);
  CREATE TABLE chat (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid_row_id INTEGER UNIQUE, subject TEXT);
  CREATE TABLE message (_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, from_me INTEGER NOT NULL, key_id TEXT NOT NULL,
    sender_jid_row_id INTEGER, status INTEGER, timestamp INTEGER, received_timestamp INTEGER, message_type INTEGER, text_data TEXT);
  CREATE TABLE message_edit_info (message_row_id INTEGER PRIMARY KEY, original_key_id TEXT, edited_timestamp INTEGER);
  CREATE TABLE message_add_on (_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, from_me INTEGER NOT NULL, key_id TEXT NOT NULL,
    sender_jid_row_id INTEGER, parent_message_row_id INTEGER NOT NULL, timestamp INTEGER, status INTEGER, message_add_on_type INTEGER);
  CREATE TABLE message_add_on_reaction (message_add_on_row_id INTEGER PRIMARY KEY, reaction TEXT, sender_timestamp INTEGER);
  CREATE TABLE message_ephemeral (message_row_id INTEGER PRIMARY KEY, duration INTEGER NOT NULL, expire_timestamp INTEGER NOT NULL);
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, NULL);
  INSERT INTO message VALUES (1, 1, 0, 'M1', 0, 0, -1, -1, 0, 'no time known'),
                             (2, 1, 0, 'M2', 0, 0, 0, 0, 0, 'zero time'),
                             (3, 1, 0, 'M3', 0, 0, 1700000000000, -1, 0, 'real time, no receipt');
  INSERT INTO message_edit_info VALUES (3, 'M3', -1);
  INSERT INTO message_ephemeral VALUES (3, 86400, -1);
  INSERT INTO message_add_on VALUES (1, 1, 1, 'A1', 0, 3, -1, 0, 56);
  INSERT INTO message_add_on_reaction VALUES (1, '👍', -1);
`;

describe('whatsappAndroidDbParser: placeholder times (-1, 0)', () => {
  it('reads a message time of -1 or 0 as no time, keeps its text and notes it, instead of 1969/1970', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const [minusOne, zero] = run.sink.messages;
    expect(minusOne).toMatchObject({ time: null, timestampText: '-1', text: 'no time known', locator: { table: 'message', rowid: 1 } });
    expect(minusOne?.extra?.['timeNotes']).toEqual([
      'timestamp -1 is not a time (a placeholder, or before WhatsApp existed): no date given',
      'received_timestamp -1 is not a time (a placeholder, or before WhatsApp existed): no date given',
    ]);
    expect(minusOne?.extra?.['receivedAt']).toBeUndefined();
    expect(zero).toMatchObject({ time: null, timestampText: '0' });
    // The message's own 0 is a placeholder; received_timestamp 0 is WhatsApp's "not yet".
    expect(zero?.extra?.['timeNotes']).toEqual(['timestamp 0 is not a time (a placeholder, or before WhatsApp existed): no date given']);
  });

  it('gives no 1969 date to a receipt, an edit, a reaction or an expiry of -1, and notes each', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db');
    const real = run.sink.messages[2];
    expect(real?.time).toEqual({ utcMs: 1700000000000 });
    expect(JSON.stringify(real?.extra)).not.toMatch(/19[67]\d-/u);
    // The row in message_edit_info still says it was edited, though not when.
    expect(real?.edited).toBe(true);
    expect(real?.extra?.['editedAt']).toBeUndefined();
    expect(real?.extra?.['disappearing']).toEqual({ durationSeconds: 86400, expiresAt: null });
    expect(real?.extra?.['reactions']).toEqual([expect.objectContaining({ emoji: '👍', at: null })]);
    expect(real?.extra?.['timeNotes']).toEqual([
      'received_timestamp -1 is not a time (a placeholder, or before WhatsApp existed): no date given',
      'edited_timestamp -1 is not a time (a placeholder, or before WhatsApp existed): no date given',
      'expire_timestamp -1 is not a time (a placeholder, or before WhatsApp existed): no date given',
      'message_add_on row 1 timestamp -1 is not a time (a placeholder, or before WhatsApp existed): no date given',
    ]);
  });
});

const LEGACY = `
  CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_wa_type TEXT, remote_resource TEXT, received_timestamp INTEGER);
  INSERT INTO messages VALUES (1, '4915100000001@s.whatsapp.net', 0, 'L1', 0, 'legacy no time', -1, '0', NULL, -1);
`;

describe('whatsappAndroidDbParser: placeholder times in the legacy layout', () => {
  it('reads a legacy timestamp of -1 as no time, with a note', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(LEGACY), 'msgstore.db');
    expect(run.sink.messages[0]).toMatchObject({ time: null, timestampText: '-1', text: 'legacy no time' });
    expect(run.sink.messages[0]?.extra?.['timeNotes']).toHaveLength(2);
  });
});

const CHAT_STORAGE = `
  CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZCONTACTJID VARCHAR, ZPARTNERNAME VARCHAR, ZSESSIONTYPE INTEGER);
  CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZISFROMME INTEGER, ZMESSAGEDATE TIMESTAMP, ZSENTDATE TIMESTAMP,
    ZFROMJID VARCHAR, ZTOJID VARCHAR, ZTEXT VARCHAR, ZMESSAGETYPE INTEGER, ZSTANZAID VARCHAR);
  INSERT INTO ZWACHATSESSION VALUES (1, 5, '4915100000001@s.whatsapp.net', 'Anna', 0);
  INSERT INTO ZWAMESSAGE VALUES (1, 1, 0, -1, -1, '4915100000001@s.whatsapp.net', NULL, 'ios no time', 0, 'S1'),
                                (2, 1, 0, 0, 0, '4915100000001@s.whatsapp.net', NULL, 'ios zero', 0, 'S2'),
                                (3, 1, 0, 721692000, -63114076800, '4915100000001@s.whatsapp.net', NULL, 'ios real', 0, 'S3');
`;

describe('whatsappIosDbParser: placeholder times', () => {
  it('reads ZMESSAGEDATE/ZSENTDATE of -1, 0 or before WhatsApp as no time, with a note, instead of 2000/2001', async () => {
    const run = await runParser(whatsappIosDbParser, await buildDatabase(CHAT_STORAGE), 'ChatStorage.sqlite');
    expect(checkParsedInvariants(run, 'ChatStorage.sqlite')).toEqual([]);
    const [minusOne, zero, real] = run.sink.messages;
    expect(minusOne).toMatchObject({ time: null, timestampText: '-1', text: 'ios no time' });
    expect(minusOne?.extra?.['sentAt']).toBeUndefined();
    expect(minusOne?.extra?.['timeNotes']).toHaveLength(2);
    expect(zero).toMatchObject({ time: null });
    expect(zero?.extra?.['timeNotes']).toEqual(['ZMESSAGEDATE 0 is not a time (a placeholder, or before WhatsApp existed): no date given']);
    expect(real?.time).not.toBeNull();
    expect(real?.extra?.['sentAt']).toBeUndefined();
    expect(real?.extra?.['timeNotes']).toHaveLength(1);
  });
});

describe('whatsappAndroidDbParser: a time column holding no number', () => {
  it('says the value is not a number (not a placeholder), keeping its text', async () => {
    const bytes = await buildDatabase(`
      CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
        status INTEGER, data TEXT, timestamp TEXT, media_wa_type TEXT);
      INSERT INTO messages VALUES (1, '4915100000001@s.whatsapp.net', 0, 'L1', 0, 'odd time', '2023-11-14 10:00', '0');
    `);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db');
    expect(run.sink.messages[0]).toMatchObject({ time: null, timestampText: '2023-11-14 10:00' });
    expect(run.sink.messages[0]?.extra?.['timeNotes']).toEqual(['timestamp 2023-11-14 10:00 is not a number: no date given']);
  });
});

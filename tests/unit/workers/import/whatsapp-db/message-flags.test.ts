import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser, whatsappIosDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * FORMATS.md §5.1/§5.2 columns that carry facts beside the text: legacy received_timestamp,
 * starred and forwarded, new origination_flags (bit 0 forwarded), iOS ZSENTDATE and ZSTARRED.
 */
describe('message facts beside the text', () => {
  it('legacy msgstore: received time (ms), starred and forwarded', async () => {
    const bytes = await buildDatabase(`
      CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
        status INTEGER, data TEXT, timestamp INTEGER, media_wa_type TEXT, received_timestamp INTEGER, starred INTEGER, forwarded INTEGER);
      CREATE TABLE chat_list (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT UNIQUE, subject TEXT);
      INSERT INTO messages VALUES (1, '4915100000001@s.whatsapp.net', 0, 'F1', 0, 'passed on', 1623690000000, '0', 1623690002500, 1, 1),
                                  (2, '4915100000001@s.whatsapp.net', 0, 'F2', 0, 'plain', 1623690060000, '0', 0, 0, 0);`);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db');
    const [flagged, plain] = run.sink.messages;
    expect(flagged).toMatchObject({ text: 'passed on', time: { utcMs: 1623690000000 }, locator: { table: 'messages', rowid: 1 } });
    expect(flagged?.extra).toMatchObject({ receivedAt: '2021-06-14T17:00:02.500Z', starred: true, forwarded: true });
    expect(plain?.extra).not.toHaveProperty('starred');
    expect(plain?.extra).not.toHaveProperty('forwarded');
    expect(plain?.extra).not.toHaveProperty('receivedAt');
  });

  it('regression: legacy msgstore keeps a non-zero edit_version (read by the parser, then dropped), as the database holds it', async () => {
    const bytes = await buildDatabase(`
      CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
        status INTEGER, data TEXT, timestamp INTEGER, media_wa_type TEXT, edit_version INTEGER);
      INSERT INTO messages VALUES (1, '4915100000001@s.whatsapp.net', 0, 'E1', 0, NULL, 1623690000000, '15', 7),
                                  (2, '4915100000001@s.whatsapp.net', 0, 'E2', 0, 'plain', 1623690060000, '0', 0);`);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db');
    const [revoked, plain] = run.sink.messages;
    expect(revoked).toMatchObject({ deleted: true, locator: { table: 'messages', rowid: 1 } });
    expect(revoked?.extra?.['editVersion']).toBe(7);
    expect(plain?.extra).not.toHaveProperty('editVersion');
  });

  it('new msgstore: origination_flags bit 0 marks a forwarded message', async () => {
    const bytes = await buildDatabase(`
      CREATE TABLE jid (_id INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT NOT NULL, server TEXT NOT NULL, raw_string TEXT);
      CREATE TABLE chat (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid_row_id INTEGER UNIQUE, subject TEXT);
      CREATE TABLE message (_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, from_me INTEGER NOT NULL, key_id TEXT NOT NULL,
        sender_jid_row_id INTEGER, status INTEGER, timestamp INTEGER, message_type INTEGER, text_data TEXT, origination_flags INTEGER);
      INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net');
      INSERT INTO chat VALUES (1, 1, NULL);
      INSERT INTO message VALUES (1, 1, 0, 'O1', 0, 0, 1700000000000, 0, 'fwd', 1), (2, 1, 0, 'O2', 0, 0, 1700000001000, 0, 'own', 2);`);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db');
    expect(run.sink.messages[0]?.extra?.['forwarded']).toBe(true);
    expect(run.sink.messages[1]?.extra).not.toHaveProperty('forwarded');
  });

  it('ChatStorage: ZSENTDATE (Core Data seconds) beside ZMESSAGEDATE', async () => {
    const bytes = await buildDatabase(`
      CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZISFROMME INTEGER, ZFROMJID VARCHAR, ZTOJID VARCHAR, ZTEXT VARCHAR, ZMESSAGEDATE TIMESTAMP, ZSENTDATE TIMESTAMP);
      INSERT INTO ZWAMESSAGE VALUES (1, 0, '4915100000001@s.whatsapp.net', NULL, 'late', 700000100, 700000000);`);
    const run = await runParser(whatsappIosDbParser, bytes, 'ChatStorage.sqlite');
    expect(run.sink.messages[0]).toMatchObject({ time: { utcMs: 1678307300000 }, text: 'late', locator: { table: 'ZWAMESSAGE', rowid: 1 } });
    expect(run.sink.messages[0]?.extra?.['sentAt']).toBe('2023-03-08T20:26:40.000Z');
  });
});

import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { MSGSTORE_CORE_TABLES, byKey } from '../../../../support/msgstore-event-tables.ts';

/**
 * A reply quoting a location keeps its own copy of the quoted place: new layout
 * `message_quoted_location(message_row_id, latitude, longitude, place_name, place_address, url, thumbnail)`
 * [verified schema on the IPED sample, deleted with its message_quoted row by
 * message_quoted_bd_for_message_quoted_location_trigger], legacy `messages_quotes.latitude/longitude`
 * (the quoted row's copy has the columns of messages) [verified schema on the IPED sample]. The quoted
 * coordinates survive there when the quoted message is gone; they were dropped.
 */

const NEW = `
  ${MSGSTORE_CORE_TABLES}
  CREATE TABLE message_quoted (message_row_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, parent_message_chat_row_id INTEGER NOT NULL,
    from_me INTEGER NOT NULL, sender_jid_row_id INTEGER, key_id TEXT NOT NULL, timestamp INTEGER, message_type INTEGER, origin INTEGER, text_data TEXT);
  CREATE TABLE message_quoted_location (message_row_id INTEGER PRIMARY KEY, latitude REAL, longitude REAL, place_name TEXT, place_address TEXT, url TEXT, thumbnail BLOB);
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, NULL);
  INSERT INTO message VALUES (1, 1, 1, 'R1', 0, 13, 1700000060000, 0, 'is that the warehouse?'),
                             (2, 1, 1, 'R2', 0, 13, 1700000120000, 0, 'plain reply');
  INSERT INTO message_quoted VALUES (1, 1, 1, 0, NULL, 'Q-LOC', 1700000000000, 5, 0, NULL),
                                    (2, 1, 1, 0, NULL, 'Q-TXT', 1700000000000, 0, 0, 'hello');
  INSERT INTO message_quoted_location VALUES (1, 52.5163, 13.3777, 'Brandenburger Tor', 'Pariser Platz, Berlin', 'https://example.org/venue', x'ffd8ffe0');
`;

const LEGACY = `
  CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_wa_type TEXT, latitude REAL, longitude REAL, remote_resource TEXT, quoted_row_id INTEGER);
  CREATE TABLE messages_quotes (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_url TEXT, media_wa_type TEXT, media_name TEXT, latitude REAL, longitude REAL, remote_resource TEXT);
  INSERT INTO messages_quotes VALUES (1, '4915100000001@s.whatsapp.net', 0, 'Q-LOC', 0, NULL, 1623690000000, 'https://example.org/venue', '5', 'Brandenburger Tor', 52.5163, 13.3777, NULL),
                                     (2, '4915100000001@s.whatsapp.net', 0, 'Q-TXT', 0, 'hello', 1623690000000, NULL, '0', NULL, 0, 0, NULL);
  INSERT INTO messages VALUES (1, '4915100000001@s.whatsapp.net', 1, 'R1', 13, 'is that the warehouse?', 1623690060000, '0', 0, 0, NULL, 1),
                              (2, '4915100000001@s.whatsapp.net', 1, 'R2', 13, 'plain reply', 1623690120000, '0', 0, 0, NULL, 2);
`;

/**
 * A transitional database keys message_quoted on the legacy messages._id
 * (messages_bd_for_message_quoted_trigger) and message_quoted_location on message_quoted's key
 * [verified schema on the IPED sample]: a legacy reply's quoted place can be there and not in messages_quotes.
 */
const TRANSITIONAL = `
  CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_wa_type TEXT, latitude REAL, longitude REAL, remote_resource TEXT, quoted_row_id INTEGER);
  CREATE TABLE messages_quotes (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_url TEXT, media_wa_type TEXT, media_name TEXT, latitude REAL, longitude REAL, remote_resource TEXT);
  ${MSGSTORE_CORE_TABLES}
  CREATE TABLE message_quoted (message_row_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, parent_message_chat_row_id INTEGER NOT NULL,
    from_me INTEGER NOT NULL, sender_jid_row_id INTEGER, key_id TEXT NOT NULL, timestamp INTEGER, message_type INTEGER, origin INTEGER, text_data TEXT);
  CREATE TABLE message_quoted_location (message_row_id INTEGER PRIMARY KEY, latitude REAL, longitude REAL, place_name TEXT, place_address TEXT, url TEXT, thumbnail BLOB);
  CREATE TRIGGER messages_bd_for_message_quoted_trigger BEFORE DELETE ON messages BEGIN DELETE FROM message_quoted WHERE message_row_id=old._id; END;
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, NULL);
  INSERT INTO message VALUES (1, -1, 0, '-1', 0, -1, 0, 0, NULL);
  INSERT INTO messages VALUES (1, '-1', 0, '-1', -1, NULL, 0, '0', 0, 0, NULL, 0),
    (7, '4915100000001@s.whatsapp.net', 1, 'R7', 13, 'is that the warehouse?', 1623690060000, '0', 0, 0, NULL, 0),
    (8, '4915100000001@s.whatsapp.net', 1, 'R8', 13, 'ok', 1623690120000, '0', 0, 0, NULL, 0);
  INSERT INTO message_quoted VALUES (7, 1, 1, 0, NULL, 'Q-LOC', 1623690000000, 5, 0, NULL),
                                    (8, 1, 1, 0, NULL, 'Q-TXT', 1623690000000, 0, 0, 'bring the passports');
  INSERT INTO message_quoted_location VALUES (7, 52.5163, 13.3777, 'Brandenburger Tor', 'Pariser Platz, Berlin', NULL, NULL);
`;

describe('whatsappAndroidDbParser: a reply quoting a location', () => {
  it('new layout: keeps message_quoted_location with the quote', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const reply = byKey(run.sink.messages, 'R1');
    expect(reply).toMatchObject({ text: 'is that the warehouse?', locator: { table: 'message', rowid: 1 } });
    expect(reply.extra).toMatchObject({ replyToKeyId: 'Q-LOC' });
    expect(reply.extra?.['quoteLocation']).toEqual({
      latitude: 52.5163, longitude: 13.3777, name: 'Brandenburger Tor', address: 'Pariser Platz, Berlin', url: 'https://example.org/venue',
    });
    expect(byKey(run.sink.messages, 'R2').extra?.['quoteLocation']).toBeUndefined();
  });

  it('legacy layout: keeps the quoted copy\'s coordinates from messages_quotes', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(LEGACY), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const reply = byKey(run.sink.messages, 'R1');
    expect(reply.extra).toMatchObject({ replyToKeyId: 'Q-LOC' });
    expect(reply.extra?.['quoteLocation']).toEqual({
      latitude: 52.5163, longitude: 13.3777, name: 'Brandenburger Tor', address: null, url: 'https://example.org/venue',
    });
    expect(byKey(run.sink.messages, 'R2').extra?.['quoteLocation']).toBeUndefined();
  });

  it('transitional layout: keeps a legacy reply\'s quoted place from message_quoted_location, keyed on messages._id', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(TRANSITIONAL), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const reply = byKey(run.sink.messages, 'R7');
    expect(reply).toMatchObject({ locator: { table: 'messages', rowid: 7 } });
    expect(reply.extra?.['quoteLocation']).toEqual({
      latitude: 52.5163, longitude: 13.3777, name: 'Brandenburger Tor', address: 'Pariser Platz, Berlin', url: null,
    });
  });

  it('transitional layout: keeps a legacy reply\'s quote from message_quoted when messages_quotes has no copy', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(TRANSITIONAL), 'msgstore.db');
    expect(byKey(run.sink.messages, 'R7').extra).toMatchObject({ replyToKeyId: 'Q-LOC', quoteAuthor: { fromMe: false, senderId: '+4915100000001' } });
    expect(byKey(run.sink.messages, 'R8').extra).toMatchObject({ replyToKeyId: 'Q-TXT', quote: 'bring the passports', quoteAuthor: { fromMe: false, senderId: '+4915100000001' } });
  });
});

import { describe, expect, it } from 'vitest';

import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { whatsappAndroidDbParser, whatsappIosDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { MSGSTORE_CORE_TABLES, byKey } from '../../../../support/msgstore-event-tables.ts';

/**
 * A shared place whose coordinates are 0, 0 or NULL but whose row names it (a venue shared without a
 * fix, or a damaged row). Such a row was read as "no place": its name and address were lost. Nothing
 * the database holds may be lost, and 0, 0 is never a position: the place is kept with its position
 * unknown (latitude/longitude null) and a note saying so.
 */

const NEW = `
  ${MSGSTORE_CORE_TABLES}
  CREATE TABLE message_location (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, latitude REAL, longitude REAL, place_name TEXT,
    place_address TEXT, url TEXT);
  CREATE TABLE message_quoted (message_row_id INTEGER PRIMARY KEY AUTOINCREMENT, chat_row_id INTEGER NOT NULL, parent_message_chat_row_id INTEGER NOT NULL,
    from_me INTEGER NOT NULL, sender_jid_row_id INTEGER, key_id TEXT NOT NULL, timestamp INTEGER, message_type INTEGER, origin INTEGER, text_data TEXT);
  CREATE TABLE message_quoted_location (message_row_id INTEGER PRIMARY KEY, latitude REAL, longitude REAL, place_name TEXT, place_address TEXT, url TEXT, thumbnail BLOB);
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, NULL);
  INSERT INTO message VALUES (1, 1, 0, 'ZERO', 0, 0, 1700000000000, 5, NULL),
                             (2, 1, 0, 'NULLS', 0, 0, 1700000060000, 5, NULL),
                             (3, 1, 0, 'EMPTY', 0, 0, 1700000120000, 5, NULL),
                             (4, 1, 1, 'REPLY', 0, 13, 1700000180000, 0, 'there?');
  INSERT INTO message_location VALUES (1, 1, 0, 0, 'Hauptbahnhof', 'Europaplatz 1, Berlin', 'https://example.org/hbf'),
                                      (2, 1, NULL, NULL, 'Cafe Einstein', NULL, NULL),
                                      (3, 1, 0, 0, NULL, NULL, NULL);
  INSERT INTO message_quoted VALUES (4, 1, 1, 0, NULL, 'ZERO', 1700000000000, 5, 0, NULL);
  INSERT INTO message_quoted_location VALUES (4, 0, 0, 'Hauptbahnhof', 'Europaplatz 1, Berlin', NULL, NULL);
`;

const LEGACY = `
  CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_url TEXT, media_wa_type TEXT, media_name TEXT, latitude REAL, longitude REAL, quoted_row_id INTEGER);
  CREATE TABLE messages_quotes (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_url TEXT, media_wa_type TEXT, media_name TEXT, latitude REAL, longitude REAL, remote_resource TEXT);
  INSERT INTO messages_quotes VALUES (1, '4915100000001@s.whatsapp.net', 0, 'ZERO', 0, NULL, 1623690000000, NULL, '5', 'Hauptbahnhof', 0, 0, NULL),
                                     (2, '4915100000001@s.whatsapp.net', 0, 'IMG', 0, NULL, 1623690000000, 'https://mmg.whatsapp.net/x', '1', 'IMG-1.jpg', 0, 0, NULL);
  INSERT INTO messages VALUES (1, '4915100000001@s.whatsapp.net', 0, 'ZERO', 0, NULL, 1623690000000, 'https://example.org/hbf', '5', 'Hauptbahnhof', 0, 0, NULL),
                              (2, '4915100000001@s.whatsapp.net', 1, 'REPLY', 13, 'there?', 1623690060000, NULL, '0', NULL, 0, 0, 1),
                              (3, '4915100000001@s.whatsapp.net', 1, 'REPLY-IMG', 13, 'nice', 1623690120000, NULL, '0', NULL, 0, 0, 2);
`;

describe('whatsappAndroidDbParser: a place without a position', () => {
  it('keeps a message_location venue whose coordinates are 0, 0 or NULL, with its position unknown', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const zero = byKey(run.sink.messages, 'ZERO');
    expect(zero.text).toBe('Hauptbahnhof, Europaplatz 1, Berlin');
    expect(zero.extra?.['location']).toMatchObject({ latitude: null, longitude: null, name: 'Hauptbahnhof', address: 'Europaplatz 1, Berlin', url: 'https://example.org/hbf' });
    expect(zero.extra?.['location']).toHaveProperty('positionNote');
    const nulls = byKey(run.sink.messages, 'NULLS');
    expect(nulls.text).toBe('Cafe Einstein');
    expect(nulls.extra?.['location']).toMatchObject({ latitude: null, longitude: null, name: 'Cafe Einstein' });
    // A row that names nothing at all still shares no place.
    expect(byKey(run.sink.messages, 'EMPTY').extra?.['location']).toBeUndefined();
  });

  it('keeps a quoted venue without a position (message_quoted_location)', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db');
    expect(byKey(run.sink.messages, 'REPLY').extra?.['quoteLocation']).toMatchObject({ latitude: null, longitude: null, name: 'Hauptbahnhof', address: 'Europaplatz 1, Berlin' });
  });

  it('keeps a legacy location row named but at 0, 0, and a quoted one, never as position 0, 0', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(LEGACY), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const zero = byKey(run.sink.messages, 'ZERO');
    expect(zero.text).toBe('Hauptbahnhof');
    expect(zero.extra?.['location']).toMatchObject({ latitude: null, longitude: null, name: 'Hauptbahnhof', url: 'https://example.org/hbf' });
    expect(byKey(run.sink.messages, 'REPLY').extra?.['quoteLocation']).toMatchObject({ latitude: null, longitude: null, name: 'Hauptbahnhof' });
    // A quoted image's file name and link are not a place.
    expect(byKey(run.sink.messages, 'REPLY-IMG').extra?.['quoteLocation']).toBeUndefined();
  });
});

const IOS = `
  CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZCONTACTJID VARCHAR, ZPARTNERNAME VARCHAR, ZSESSIONTYPE INTEGER);
  CREATE TABLE ZWAMEDIAITEM (Z_PK INTEGER PRIMARY KEY, ZMEDIALOCALPATH VARCHAR, ZTITLE VARCHAR, ZFILESIZE INTEGER, ZLATITUDE FLOAT,
    ZLONGITUDE FLOAT, ZMEDIAURL VARCHAR);
  CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZISFROMME INTEGER, ZMESSAGEDATE TIMESTAMP,
    ZFROMJID VARCHAR, ZTOJID VARCHAR, ZTEXT VARCHAR, ZMESSAGETYPE INTEGER, ZMEDIAITEM INTEGER, ZSTANZAID VARCHAR);
  INSERT INTO ZWACHATSESSION VALUES (1, 5, '4915100000001@s.whatsapp.net', 'Anna', 0);
  INSERT INTO ZWAMEDIAITEM VALUES (1, NULL, 'Hauptbahnhof', NULL, 0, 0, 'https://maps.example.org/?q=hbf'),
                                  (2, NULL, 'Cafe Einstein', NULL, NULL, NULL, NULL),
                                  (3, NULL, 'Station', NULL, 52.52, 13.405, NULL);
  INSERT INTO ZWAMESSAGE VALUES (1, 1, 0, 721692000, '4915100000001@s.whatsapp.net', NULL, NULL, 5, 1, 'ZERO'),
                                (2, 1, 0, 721692060, '4915100000001@s.whatsapp.net', NULL, NULL, 5, 2, 'NULLS'),
                                (3, 1, 0, 721692120, '4915100000001@s.whatsapp.net', NULL, NULL, 5, 3, 'FIX');
`;

function byStanza(messages: readonly ParsedMessage[], stanzaId: string): ParsedMessage {
  const found = messages.find((message) => message.extra?.['stanzaId'] === stanzaId);
  if (found === undefined) throw new Error(`no message with stanza id ${stanzaId}`);
  return found;
}

describe('whatsappIosDbParser: a place without a position', () => {
  it('never reports 0, 0 as a position, and keeps a named place whose coordinates are missing', async () => {
    const run = await runParser(whatsappIosDbParser, await buildDatabase(IOS), 'ChatStorage.sqlite');
    expect(checkParsedInvariants(run, 'ChatStorage.sqlite')).toEqual([]);
    const zero = byStanza(run.sink.messages, 'ZERO');
    expect(zero.text).toBe('Hauptbahnhof');
    expect(zero.extra?.['location']).toMatchObject({ latitude: null, longitude: null, name: 'Hauptbahnhof' });
    expect(zero.extra?.['location']).toHaveProperty('positionNote');
    expect(byStanza(run.sink.messages, 'NULLS').extra?.['location']).toMatchObject({ latitude: null, longitude: null, name: 'Cafe Einstein' });
    expect(byStanza(run.sink.messages, 'FIX').extra?.['location']).toEqual({ latitude: 52.52, longitude: 13.405, name: 'Station' });
  });
});

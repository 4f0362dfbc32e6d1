import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { MSGSTORE_CORE_TABLES, byKey } from '../../../../support/msgstore-event-tables.ts';

/**
 * Locations in a transitional database (both `messages` and `message`). [verified schema on the IPED
 * sample] Its triggers key `message_location` on the legacy `messages._id`
 * (messages_bd_for_message_location_trigger) and delete `message` WHERE `_id` = `old._id`
 * (messages_bd_for_message_trigger): a message copied into the new table keeps its legacy _id, so
 * `message_location.message_row_id` names one message whichever table reads it. The legacy
 * `messages` table has no column for a venue's address: in such a database only
 * `message_location.place_address` holds it, and the legacy reader dropped it.
 */
const TRANSITIONAL = `
  CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_url TEXT, media_wa_type TEXT, media_name TEXT, latitude REAL, longitude REAL);
  ${MSGSTORE_CORE_TABLES}
  CREATE TABLE message_location (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, latitude REAL, longitude REAL, place_name TEXT,
    place_address TEXT, url TEXT, live_location_share_duration INTEGER, live_location_sequence_number INTEGER, live_location_final_latitude REAL,
    live_location_final_longitude REAL, live_location_final_timestamp INTEGER, map_download_status INTEGER);
  CREATE TRIGGER messages_bd_for_message_location_trigger BEFORE DELETE ON messages BEGIN DELETE FROM message_location WHERE message_row_id=old._id; END;
  CREATE TRIGGER messages_bd_for_message_trigger BEFORE DELETE ON messages BEGIN DELETE FROM message WHERE _id=old._id; END;
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, NULL);
  INSERT INTO messages VALUES (1, '-1', 0, '-1', -1, NULL, 0, NULL, '0', NULL, 0, 0),
    (2, '4915100000001@s.whatsapp.net', 0, 'BOTH', 0, NULL, 1623690000000, NULL, '5', NULL, 52.52, 13.405),
    (3, '4915100000001@s.whatsapp.net', 1, 'OLD', 13, NULL, 1623690060000, 'https://example.org/cafe', '5', 'Cafe Einstein', 48.137, 11.575);
  INSERT INTO message VALUES (1, -1, 0, '-1', 0, -1, 0, 0, NULL),
    (2, 1, 0, 'BOTH', 0, 0, 1623690000000, 5, NULL),
    (4, 1, 0, 'NEW', 0, 0, 1623690120000, 5, NULL);
  INSERT INTO message_location (message_row_id, chat_row_id, latitude, longitude, place_name, place_address, url) VALUES
    (2, 1, 52.52, 13.405, 'Alexanderplatz', NULL, NULL),
    (3, 1, 48.137, 11.575, 'Cafe Einstein', 'Unter den Linden 42, Berlin', 'https://example.org/cafe'),
    (4, 1, 50.11, 8.68, 'Hauptwache', 'Zeil 1, Frankfurt', NULL);
`;

describe('whatsappAndroidDbParser: locations in a transitional database', () => {
  it('keeps each message_location row on its own message, whichever table holds the message', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(TRANSITIONAL), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(run.sink.messages.map((message) => message.extra?.['keyId']).sort()).toEqual(['BOTH', 'NEW', 'OLD']);
    expect(byKey(run.sink.messages, 'BOTH')).toMatchObject({ locator: { table: 'message', rowid: 2 }, extra: { location: { latitude: 52.52, name: 'Alexanderplatz' } } });
    expect(byKey(run.sink.messages, 'NEW')).toMatchObject({ locator: { table: 'message', rowid: 4 }, extra: { location: { latitude: 50.11, name: 'Hauptwache', address: 'Zeil 1, Frankfurt' } } });
    expect(byKey(run.sink.messages, 'OLD')).toMatchObject({ locator: { table: 'messages', rowid: 3 }, extra: { location: { latitude: 48.137, name: 'Cafe Einstein' } } });
  });

  it('keeps a legacy venue\'s address, which only message_location holds', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(TRANSITIONAL), 'msgstore.db');
    const old = byKey(run.sink.messages, 'OLD');
    expect(old.extra?.['location']).toEqual({
      latitude: 48.137, longitude: 11.575, name: 'Cafe Einstein', address: 'Unter den Linden 42, Berlin', url: 'https://example.org/cafe',
    });
    expect(old.text).toBe('Cafe Einstein, Unter den Linden 42, Berlin');
  });
});

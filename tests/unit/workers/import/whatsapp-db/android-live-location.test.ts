import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { MSGSTORE_CORE_TABLES } from '../../../../support/msgstore-event-tables.ts';

/**
 * A live location (message_type 16) starts at message_location.latitude/longitude; where it ended
 * is in live_location_final_latitude/_longitude/_timestamp, how long it was shared in
 * live_location_share_duration [source: the app's CREATE TABLE message_location and
 * GET_LOCATION_MESSAGE_BY_ROW_ID_SQL]. The final position must not be lost.
 */
const NEW = `
  ${MSGSTORE_CORE_TABLES}
  CREATE TABLE message_location (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, latitude REAL, longitude REAL, place_name TEXT,
    place_address TEXT, url TEXT, live_location_share_duration INTEGER, live_location_sequence_number INTEGER, live_location_final_latitude REAL,
    live_location_final_longitude REAL, live_location_final_timestamp INTEGER, map_download_status INTEGER);
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, NULL);
  INSERT INTO message VALUES (1, 1, 0, 'L1', 0, 0, 1700000000000, 16, NULL), (2, 1, 0, 'L2', 0, 0, 1700000100000, 5, NULL);
  INSERT INTO message_location VALUES (1, 1, 52.52, 13.405, NULL, NULL, NULL, 3600, 42, 52.55, 13.45, 1700003000000, 0),
                                      (2, 1, 48.1, 11.5, 'Station', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0);
`;

describe('whatsappAndroidDbParser: live location', () => {
  it('keeps where a live location ended, when, and how long it was shared, beside where it started', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const [live, still] = run.sink.messages;
    expect(live?.extra?.['location']).toMatchObject({ latitude: 52.52, longitude: 13.405 });
    expect(live?.extra?.['liveLocation']).toEqual({
      shareDuration: 3600,
      sequenceNumber: 42,
      finalLatitude: 52.55,
      finalLongitude: 13.45,
      finalAt: '2023-11-14T23:03:20.000Z',
    });
    expect(still?.extra?.['liveLocation']).toBeUndefined();
  });
});

/**
 * [verified schema on the IPED sample] a transitional database keys message_location on the legacy
 * messages._id (trigger messages_bd_for_message_location_trigger): a legacy live location's end is there.
 */
const LEGACY = `
  CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_wa_type TEXT, latitude REAL, longitude REAL);
  CREATE TABLE message_location (message_row_id INTEGER PRIMARY KEY, chat_row_id INTEGER, latitude REAL, longitude REAL, place_name TEXT,
    place_address TEXT, url TEXT, live_location_share_duration INTEGER, live_location_sequence_number INTEGER, live_location_final_latitude REAL,
    live_location_final_longitude REAL, live_location_final_timestamp INTEGER, map_download_status INTEGER);
  CREATE TRIGGER messages_bd_for_message_location_trigger BEFORE DELETE ON messages BEGIN DELETE FROM message_location WHERE message_row_id=old._id; END;
  INSERT INTO messages VALUES (1, '4915100000001@s.whatsapp.net', 0, 'L1', 0, NULL, 1700000000000, '16', 52.52, 13.405);
  INSERT INTO message_location VALUES (1, NULL, 52.52, 13.405, NULL, NULL, NULL, 900, 7, 52.6, 13.5, 1700000900000, 0);
`;

describe('whatsappAndroidDbParser: live location in the legacy layout', () => {
  it('keeps the end of a legacy live location from message_location, keyed on messages._id', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(LEGACY), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const [live] = run.sink.messages;
    expect(live?.extra?.['location']).toMatchObject({ latitude: 52.52, longitude: 13.405 });
    expect(live?.extra?.['liveLocation']).toEqual({ shareDuration: 900, sequenceNumber: 7, finalLatitude: 52.6, finalLongitude: 13.5, finalAt: '2023-11-14T22:28:20.000Z' });
  });
});

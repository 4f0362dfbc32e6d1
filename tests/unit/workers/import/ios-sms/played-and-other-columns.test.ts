import { describe, expect, it } from 'vitest';

import { iosSmsDbParser } from '../../../../../workers/import/ios-sms/index.ts';
import { IOS_SMS_TABLES_BESIDE_MESSAGE } from '../../../../support/ios-sms-tables.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Regression (a tester's audit against real iOS schemas): when an audio message was listened to
 * (is_played, date_played, iOS 11.2 on) was not read, nor any of the dozens of message columns no
 * one here reads by name (share_status of a location share, a group's cache_roomnames…): they are
 * kept in extra.otherColumns now, defaults left out.
 */
const SCHEMA = `
  CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, text TEXT, handle_id INTEGER DEFAULT 0,
    date INTEGER, is_from_me INTEGER DEFAULT 0, is_audio_message INTEGER DEFAULT 0, is_played INTEGER DEFAULT 0, date_played INTEGER DEFAULT 0,
    share_status INTEGER DEFAULT 0, cache_roomnames TEXT, was_data_detected INTEGER DEFAULT 0);
  ${IOS_SMS_TABLES_BESIDE_MESSAGE}
  INSERT INTO handle VALUES (1, '+15551230001', 'iMessage');
  INSERT INTO chat VALUES (1, 'iMessage;-;+15551230001', 45, '+15551230001', 'iMessage', NULL);
  INSERT INTO chat_handle_join VALUES (1, 1);
  INSERT INTO message (ROWID, guid, text, handle_id, date, is_audio_message, is_played, date_played, share_status, cache_roomnames, was_data_detected) VALUES
    (1, 'A1', NULL, 1, 599079037641931008, 1, 1, 599079099000000000, 0, NULL, 1),
    (2, 'A2', 'plain', 1, 599079037641931009, 0, 0, 0, 0, NULL, 0),
    (3, 'A3', 'loc', 1, 599079037641931010, 0, 0, 0, 1, 'chat123', 0);
  INSERT INTO chat_message_join (chat_id, message_id) SELECT 1, ROWID FROM message;
`;

describe('sms.db: played audio and the columns not read by name', () => {
  it('says when an audio message was played, and keeps the other columns that say something', async () => {
    const run = await runParser(iosSmsDbParser, await buildDatabase(SCHEMA), 'sms.db');
    const [audio, plain, location] = run.sink.messages;
    expect(audio?.extra).toMatchObject({ audioMessage: true, played: true, playedAt: new Date(Date.UTC(2001, 0, 1) + 599079099000).toISOString(), otherColumns: { was_data_detected: 1 } });
    expect(plain?.extra?.['otherColumns']).toBeUndefined();
    expect(plain?.extra?.['playedAt']).toBeUndefined();
    expect(location?.extra?.['otherColumns']).toEqual({ cache_roomnames: 'chat123', share_status: 1 });
  });
});

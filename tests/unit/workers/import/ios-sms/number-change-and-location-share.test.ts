import { describe, expect, it } from 'vitest';

import { iosSmsDbParser } from '../../../../../workers/import/ios-sms/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Two events imessage-exporter tells apart (GroupAction::PhoneNumberChanged, Message::shared_location_kind)
 * that were read as others: an item_type 1 "added" row whose other_handle is the row's own handle is
 * that person changing their number, and a location share (item_type 4) says by share_status
 * whether it started (0) or stopped (1); other_handle set with share_direction 0 is the owner's.
 */
const DATABASE = `
  CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, text TEXT, handle_id INTEGER DEFAULT 0,
    date INTEGER, is_from_me INTEGER DEFAULT 0, item_type INTEGER DEFAULT 0, other_handle INTEGER DEFAULT 0, group_title TEXT,
    group_action_type INTEGER DEFAULT 0, share_status INTEGER DEFAULT 0, share_direction INTEGER DEFAULT 0);
  CREATE TABLE handle (ROWID INTEGER PRIMARY KEY AUTOINCREMENT UNIQUE, id TEXT NOT NULL, service TEXT NOT NULL);
  CREATE TABLE chat (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, style INTEGER, chat_identifier TEXT, service_name TEXT, display_name TEXT);
  CREATE TABLE chat_message_join (chat_id INTEGER, message_id INTEGER, message_date INTEGER DEFAULT 0, PRIMARY KEY (chat_id, message_id));
  CREATE TABLE chat_handle_join (chat_id INTEGER, handle_id INTEGER);
  INSERT INTO handle VALUES (1, '+15551230001', 'iMessage'), (2, '+15551230002', 'iMessage');
  INSERT INTO chat VALUES (1, 'iMessage;+;chat1', 43, 'chat1', 'iMessage', 'Trip');
  INSERT INTO chat_handle_join VALUES (1, 1), (1, 2);
  INSERT INTO message (ROWID, guid, handle_id, date, is_from_me, item_type, group_action_type, other_handle, share_status, share_direction) VALUES
    (1, 'N1', 2, 700000000000000000, 0, 1, 0, 2, 0, 0),
    (2, 'N2', 1, 700000001000000000, 0, 1, 0, 2, 0, 0),
    (3, 'L1', 1, 700000002000000000, 0, 4, 0, 0, 0, 1),
    (4, 'L2', 1, 700000003000000000, 0, 4, 0, 0, 1, 1),
    (5, 'L3', 1, 700000004000000000, 0, 4, 0, 1, 0, 0);
  INSERT INTO chat_message_join (chat_id, message_id) SELECT 1, ROWID FROM message;
`;

describe('sms.db: phone number changes and location shares', () => {
  it('regression: a member changing their number is not "added", and a share says started or stopped and whose it is', async () => {
    const run = await runParser(iosSmsDbParser, await buildDatabase(DATABASE), 'sms.db');
    expect(checkParsedInvariants(run, 'sms.db')).toEqual([]);
    expect(run.sink.messages.map((message) => [message.text, message.direction, message.sender])).toEqual([
      ['+15551230002 changed their phone number', 'incoming', '+15551230002'],
      ['+15551230001 added +15551230002 to the conversation', 'incoming', '+15551230001'],
      ['+15551230001 started sharing location', 'incoming', '+15551230001'],
      ['+15551230001 stopped sharing location', 'incoming', '+15551230001'],
      ['You started sharing location', 'outgoing', null],
    ]);
    expect(run.sink.messages[4]?.extra?.['locationShare']).toMatchObject({ state: 'started' });
    // The columns stay as stored beside the reading.
    expect(run.sink.messages[3]?.extra?.['otherColumns']).toEqual({ share_status: 1, share_direction: 1 });
  });
});

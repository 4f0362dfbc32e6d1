import { describe, expect, it } from 'vitest';

import { iosSmsDbParser } from '../../../../../workers/import/ios-sms/index.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Group events (`item_type` with `group_action_type`), as imessage-exporter reads them:
 * (1,0) added, (1,1) removed, (2,_) renamed, (3,0) left, (3,1) photo changed, (3,2) photo
 * removed, and from iOS 18 (3,4) / (3,6) chat background changed / removed. An action not known
 * must not be read as one that is: "left the conversation" is a fact about a person.
 */

const SCHEMA = `
  CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, text TEXT, handle_id INTEGER DEFAULT 0,
    date INTEGER, is_from_me INTEGER DEFAULT 0, item_type INTEGER DEFAULT 0, other_handle INTEGER DEFAULT 0, group_title TEXT,
    group_action_type INTEGER DEFAULT 0);
  CREATE TABLE handle (ROWID INTEGER PRIMARY KEY AUTOINCREMENT UNIQUE, id TEXT NOT NULL, service TEXT NOT NULL);
  CREATE TABLE chat (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, style INTEGER, chat_identifier TEXT, service_name TEXT, display_name TEXT);
  CREATE TABLE chat_message_join (chat_id INTEGER, message_id INTEGER, message_date INTEGER DEFAULT 0, PRIMARY KEY (chat_id, message_id));
  CREATE TABLE chat_handle_join (chat_id INTEGER, handle_id INTEGER);
  INSERT INTO handle VALUES (1, '+15551230001', 'iMessage'), (2, '+15551230002', 'iMessage');
  INSERT INTO chat VALUES (1, 'iMessage;+;chat1', 43, 'chat1', 'iMessage', 'Trip');
  INSERT INTO chat_handle_join VALUES (1, 1), (1, 2);
  INSERT INTO message (ROWID, guid, handle_id, date, item_type, group_action_type, other_handle) VALUES
    (1, 'E1', 1, 599079037641931008, 3, 0, 0),
    (2, 'E2', 1, 599079037641931009, 3, 4, 0),
    (3, 'E3', 1, 599079037641931010, 3, 6, 0),
    (4, 'E4', 1, 599079037641931011, 3, 9, 0),
    (5, 'E5', 1, 599079037641931012, 1, 7, 2);
  INSERT INTO chat_message_join (chat_id, message_id) SELECT 1, ROWID FROM message;
`;

describe('sms.db group events', () => {
  it('reads the chat background events of iOS 18, and does not call an unknown action a departure or an addition', async () => {
    const run = await runParser(iosSmsDbParser, await buildDatabase(SCHEMA), 'sms.db');
    expect(run.sink.messages.map((message) => [message.kind, message.text])).toEqual([
      ['system', '+15551230001 left the conversation'],
      ['system', '+15551230001 changed the chat background'],
      ['system', '+15551230001 removed the chat background'],
      ['system', 'iMessage event (item_type 3, group_action_type 9)'],
      ['system', 'iMessage event (item_type 1, group_action_type 7)'],
    ]);
  });
});

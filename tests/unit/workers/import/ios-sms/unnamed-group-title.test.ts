import { describe, expect, it } from 'vitest';

import { iosSmsDbParser } from '../../../../../workers/import/ios-sms/index.ts';
import { IOS_SMS_TABLES_BESIDE_MESSAGE } from '../../../../support/ios-sms-tables.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * A group nobody named has no display_name, and its chat_identifier is an internal id
 * ("chat123456789…"): every unnamed group was titled with such a number. Messages titles an
 * unnamed group by its members, and so does the importer now; a named group keeps its name, a
 * 1:1 chat its number or address.
 */
const SCHEMA = `
  CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, text TEXT, handle_id INTEGER DEFAULT 0,
    date INTEGER, is_from_me INTEGER DEFAULT 0);
  ${IOS_SMS_TABLES_BESIDE_MESSAGE}
  INSERT INTO handle VALUES (1, '+15551230001', 'iMessage'), (2, 'friend@example.com', 'iMessage');
  INSERT INTO chat VALUES (1, 'iMessage;+;chat868465312418234', 43, 'chat868465312418234', 'iMessage', NULL),
                          (2, 'iMessage;+;chat111', 43, 'chat111', 'iMessage', 'Weekend'),
                          (3, 'iMessage;+;chat222', 43, 'chat222', 'iMessage', ''),
                          (4, 'iMessage;-;+15551230001', 45, '+15551230001', 'iMessage', NULL);
  INSERT INTO chat_handle_join VALUES (1, 1), (1, 2), (2, 1), (2, 2), (3, 2), (4, 1);
  INSERT INTO message (ROWID, guid, text, handle_id, date) VALUES
    (1, 'M1', 'unnamed', 1, 599079037641931008), (2, 'M2', 'named', 1, 599079037641931009),
    (3, 'M3', 'empty name', 2, 599079037641931010), (4, 'M4', 'one to one', 1, 599079037641931011);
  INSERT INTO chat_message_join (chat_id, message_id) VALUES (1, 1), (2, 2), (3, 3), (4, 4);
`;

describe('sms.db: chat titles', () => {
  it('titles an unnamed group by its members, a named one by its name, a 1:1 chat by its number', async () => {
    const run = await runParser(iosSmsDbParser, await buildDatabase(SCHEMA), 'sms.db');
    expect(run.sink.chats.map((chat) => [chat.key, chat.title])).toEqual([
      ['chat:iMessage;+;chat868465312418234', '+15551230001, friend@example.com'],
      ['chat:iMessage;+;chat111', 'Weekend'],
      ['chat:iMessage;+;chat222', 'friend@example.com'],
      ['chat:iMessage;-;+15551230001', '+15551230001'],
    ]);
  });
});

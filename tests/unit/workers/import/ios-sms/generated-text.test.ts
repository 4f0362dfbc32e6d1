import { describe, expect, it } from 'vitest';

import { iosSmsDbParser } from '../../../../../workers/import/ios-sms/index.ts';
import { IOS_SMS_TABLES_BESIDE_MESSAGE } from '../../../../support/ios-sms-tables.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Regression: the sentence of a group event ("+1555… added +1555… to the conversation") and of a
 * tapback whose message is gone ("… reacted (liked) to a message that is not in this database")
 * is this reader's, and was not marked `extra.textGenerated` as the WhatsApp and Telegram
 * importers mark theirs; an event row's own text was dropped for the sentence. The sentence is
 * marked now and the row's text kept as stored (extra.storedText); iOS's own tapback text
 * ("Liked “…”", stored in the row) stays unmarked.
 */
const SCHEMA = `
  CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, text TEXT, handle_id INTEGER DEFAULT 0,
    date INTEGER, is_from_me INTEGER DEFAULT 0, item_type INTEGER DEFAULT 0, other_handle INTEGER DEFAULT 0, group_title TEXT,
    group_action_type INTEGER DEFAULT 0, associated_message_guid TEXT, associated_message_type INTEGER DEFAULT 0);
  ${IOS_SMS_TABLES_BESIDE_MESSAGE}
  INSERT INTO handle VALUES (1, '+15551230001', 'iMessage'), (2, '+15551230002', 'iMessage');
  INSERT INTO chat VALUES (1, 'iMessage;+;chat1', 43, 'chat1', 'iMessage', 'Trip');
  INSERT INTO chat_handle_join VALUES (1, 1), (1, 2);
  INSERT INTO message (ROWID, guid, text, handle_id, date, item_type, group_action_type, other_handle, group_title, associated_message_guid, associated_message_type) VALUES
    (1, 'WORDS', 'see you at 8', 1, 599079037641931008, 0, 0, 0, NULL, NULL, 0),
    (2, 'RENAMED', NULL, 1, 599079037641931009, 2, 0, 0, 'Road trip', NULL, 0),
    (3, 'ADDED', 'welcome!', 1, 599079037641931010, 1, 0, 2, NULL, NULL, 0),
    (4, 'ORPHAN', NULL, 2, 599079037641931011, 0, 0, 0, NULL, 'p:0/GONE', 2001),
    (5, 'ORPHAN-TEXT', 'Liked “an old message”', 2, 599079037641931012, 0, 0, 0, NULL, 'p:0/GONE2', 2001);
  INSERT INTO chat_message_join (chat_id, message_id) SELECT 1, ROWID FROM message;
`;

describe('sms.db: text this reader wrote is marked so', () => {
  it('marks group event sentences and a gone message\'s tapback notice, keeps an event row\'s text, and leaves stored words unmarked', async () => {
    const run = await runParser(iosSmsDbParser, await buildDatabase(SCHEMA), 'sms.db');
    expect(checkParsedInvariants(run, 'sms.db')).toEqual([]);
    expect(run.sink.messages.map((message) => [message.extra?.['guid'], message.kind, message.text, message.extra?.['textGenerated'], message.extra?.['storedText']])).toEqual([
      ['WORDS', 'message', 'see you at 8', undefined, undefined],
      ['RENAMED', 'system', '+15551230001 named the conversation "Road trip"', true, undefined],
      ['ADDED', 'system', '+15551230001 added +15551230002 to the conversation', true, { column: 'text', text: 'welcome!' }],
      ['ORPHAN', 'system', '+15551230002 reacted (liked) to a message that is not in this database', true, undefined],
      ['ORPHAN-TEXT', 'system', 'Liked “an old message”', undefined, undefined],
    ]);
  });
});

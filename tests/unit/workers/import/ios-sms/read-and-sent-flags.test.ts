import { describe, expect, it } from 'vitest';

import { iosSmsDbParser } from '../../../../../workers/import/ios-sms/index.ts';
import { IOS_SMS_TABLES_BESIDE_MESSAGE } from '../../../../support/ios-sms-tables.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Regression: is_read, is_sent and is_emote were read by name (so not kept among the other
 * columns) and then dropped. An outgoing row with is_sent 0 (it failed, or iOS 18's "Send Later"
 * has not sent it yet) read as a message sent at its date, and an unread incoming one as any other.
 */
const SCHEMA = `
  CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, text TEXT, handle_id INTEGER DEFAULT 0,
    date INTEGER, is_from_me INTEGER DEFAULT 0, is_read INTEGER DEFAULT 0, is_sent INTEGER DEFAULT 0, is_delivered INTEGER DEFAULT 0,
    is_emote INTEGER DEFAULT 0);
  ${IOS_SMS_TABLES_BESIDE_MESSAGE}
  INSERT INTO handle VALUES (1, '+15551230001', 'iMessage');
  INSERT INTO chat VALUES (1, 'iMessage;-;+15551230001', 45, '+15551230001', 'iMessage', NULL);
  INSERT INTO chat_handle_join VALUES (1, 1);
  INSERT INTO message (ROWID, guid, text, handle_id, date, is_from_me, is_read, is_sent, is_delivered, is_emote) VALUES
    (1, 'A1', 'opened', 1, 599079037641931008, 0, 1, 0, 0, 0),
    (2, 'A2', 'not opened', 1, 599079037641931009, 0, 0, 0, 0, 0),
    (3, 'A3', 'went out', 1, 599079037641931010, 1, 1, 1, 1, 0),
    (4, 'A4', 'never went out', 1, 599079037641931011, 1, 1, 0, 0, 0),
    (5, 'A5', 'an emote', 1, 599079037641931012, 0, 1, 0, 0, 1);
  INSERT INTO chat_message_join (chat_id, message_id) SELECT 1, ROWID FROM message;
`;

describe('sms.db: whether a message was read and whether it was sent', () => {
  it('keeps is_read on every row, is_sent on the owner\'s, and an emote flag that is set', async () => {
    const run = await runParser(iosSmsDbParser, await buildDatabase(SCHEMA), 'sms.db');
    expect(run.sink.messages.map((message) => [message.text, message.extra?.['read'], message.extra?.['sent'], message.extra?.['emote']])).toEqual([
      ['opened', true, undefined, undefined],
      ['not opened', false, undefined, undefined],
      ['went out', true, true, undefined],
      ['never went out', true, false, undefined],
      ['an emote', true, undefined, true],
    ]);
  });
});

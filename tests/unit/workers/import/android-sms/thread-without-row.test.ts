import { describe, expect, it } from 'vitest';

import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * A message whose thread_id has no `threads` row (a damaged copy, a provider that dropped the
 * row): the conversation is described from the message's own addresses. For a group MMS these are
 * all of addr's from/to/cc/bcc rows but the owner's, not just the first one.
 */

const SCHEMA = `
  CREATE TABLE sms (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, address TEXT, date INTEGER, type INTEGER, body TEXT);
  CREATE TABLE pdu (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, date INTEGER, msg_box INTEGER, m_type INTEGER);
  CREATE TABLE part (_id INTEGER PRIMARY KEY AUTOINCREMENT, mid INTEGER, seq INTEGER DEFAULT 0, ct TEXT, name TEXT, cl TEXT, _data TEXT, text TEXT);
  CREATE TABLE addr (_id INTEGER PRIMARY KEY, msg_id INTEGER, address TEXT, type INTEGER, charset INTEGER);
  CREATE TABLE threads (_id INTEGER PRIMARY KEY AUTOINCREMENT, recipient_ids TEXT);
  CREATE TABLE canonical_addresses (_id INTEGER PRIMARY KEY AUTOINCREMENT, address TEXT);
`;

describe('mmssms.db: a thread_id without a threads row', () => {
  it('describes a group MMS thread by every address of its first message, as a group', async () => {
    const run = await runParser(androidSmsDbParser, await buildDatabase(`${SCHEMA}
      INSERT INTO pdu (_id, thread_id, date, msg_box, m_type) VALUES (11, 7, 1617900100, 2, 128), (12, 7, 1617900200, 1, 132);
      INSERT INTO part (mid, seq, ct, text) VALUES (11, 0, 'text/plain', 'sent to the group'), (12, 0, 'text/plain', 'hi all');
      INSERT INTO addr (msg_id, address, type, charset) VALUES
        (11, 'insert-address-token', 137, 106), (11, '+41790000002', 151, 106), (11, '+41790000003', 151, 106),
        (12, '+41790000003', 137, 106), (12, '+41790000002', 130, 106), (12, 'insert-address-token', 151, 106);`), 'mmssms.db');
    expect(checkParsedInvariants(run, 'mmssms.db')).toEqual([]);
    expect(run.sink.chats).toEqual([
      { key: 'thread:7', title: '+41790000002, +41790000003', kind: 'group', participants: [{ name: null, id: '+41790000002' }, { name: null, id: '+41790000003' }] },
    ]);
    expect(run.sink.messages.map((message) => [message.chatKey, message.sender, message.text])).toEqual([
      ['thread:7', null, 'sent to the group'],
      ['thread:7', '+41790000003', 'hi all'],
    ]);
  });

  it('names an incoming group MMS thread by its sender first, then the other recipients', async () => {
    const run = await runParser(androidSmsDbParser, await buildDatabase(`${SCHEMA}
      INSERT INTO pdu (_id, thread_id, date, msg_box, m_type) VALUES (12, 7, 1617900200, 1, 132);
      INSERT INTO addr (msg_id, address, type, charset) VALUES
        (12, 'insert-address-token', 151, 106), (12, '+41790000002', 130, 106), (12, '+41790000003', 137, 106);`), 'mmssms.db');
    expect(run.sink.chats[0]).toMatchObject({ title: '+41790000003, +41790000002', kind: 'group' });
  });

  it('still describes an SMS thread without a row by its one address', async () => {
    const run = await runParser(androidSmsDbParser, await buildDatabase(`${SCHEMA}
      INSERT INTO sms (thread_id, address, date, type, body) VALUES (9, '+41790000001', 1617873247692, 1, 'hello');`), 'mmssms.db');
    expect(run.sink.chats).toEqual([{ key: 'thread:9', title: '+41790000001', kind: 'private', participants: [{ name: null, id: '+41790000001' }] }]);
  });
});

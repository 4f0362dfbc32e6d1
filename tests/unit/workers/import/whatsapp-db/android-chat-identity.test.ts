import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { MSGSTORE_CORE_TABLES } from '../../../../support/msgstore-event-tables.ts';

const SCHEMA = `
  ${MSGSTORE_CORE_TABLES}
`;

describe('msgstore.db (new layout): chats whose jid cannot be read', () => {
  it('regression: keeps the messages of each such chat apart, instead of merging every one into a single unknown chat, and says why', async () => {
    // Chats 3 and 4 point at jid rows that are gone; message 3 names a chat row that is gone.
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net');
      INSERT INTO chat VALUES (1, 1, NULL), (3, 99, NULL), (4, 98, NULL);
      INSERT INTO message VALUES (1, 3, 0, 'A', 0, 0, 1700000000000, 0, 'in chat three'), (2, 4, 0, 'B', 0, 0, 1700000001000, 0, 'in chat four'),
        (3, 77, 0, 'C', 0, 0, 1700000002000, 0, 'in chat 77'), (4, 1, 0, 'D', 0, 0, 1700000003000, 0, 'known chat');
    `);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(run.sink.messages.map((message) => [message.text, message.chatKey])).toEqual([
      ['in chat three', 'chat-row:3'],
      ['in chat four', 'chat-row:4'],
      ['in chat 77', 'chat-row:77'],
      ['known chat', 'jid:4915100000001@s.whatsapp.net'],
    ]);
    expect(run.sink.chats.find((chat) => chat.key === 'chat-row:3')).toMatchObject({ title: 'Unknown chat (chat row 3)', kind: 'unknown' });
    expect(run.sink.warnings.map((warning) => warning.message)).toEqual(expect.arrayContaining([
      expect.stringContaining('chat row 3: its jid (jid row 99) is not in the jid table'),
      expect.stringContaining('chat row 4: its jid (jid row 98) is not in the jid table'),
    ]));
  });
});

describe('msgstore.db (new layout): group members addressed by lid', () => {
  it('regression: lists a member stored as a lid under the phone number jid_map gives, the id their messages carry', async () => {
    const bytes = await buildDatabase(`${SCHEMA}
      CREATE TABLE jid_map (lid_row_id INTEGER PRIMARY KEY, jid_row_id INTEGER);
      CREATE TABLE group_participant_user (_id INTEGER PRIMARY KEY, group_jid_row_id INTEGER, user_jid_row_id INTEGER);
      INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net'), (2, '120363000000000001', 'g.us', '120363000000000001@g.us'),
        (3, '98765432109876', 'lid', '98765432109876@lid'), (4, '11112222333344', 'lid', '11112222333344@lid'), (5, '', 's.whatsapp.net', '');
      INSERT INTO jid_map VALUES (3, 1);
      INSERT INTO chat VALUES (1, 2, 'Transport');
      INSERT INTO group_participant_user VALUES (1, 2, 3), (2, 2, 4), (3, 2, 5);
      INSERT INTO message VALUES (1, 1, 0, 'A', 3, 0, 1700000000000, 0, 'from a lid');
    `);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(run.sink.messages[0]).toMatchObject({ senderId: '+4915100000001' });
    expect(run.sink.chats).toEqual([
      { key: 'jid:120363000000000001@g.us', title: 'Transport', kind: 'group', participants: [{ name: null, id: '+4915100000001' }, { name: null, id: '11112222333344@lid' }] },
    ]);
  });
});

describe('msgstore.db (new layout): the members of a full group', () => {
  it('regression: lists every member of a group of 1024 (WhatsApp\'s group size), not the first 1000', async () => {
    const members = Array.from({ length: 1024 }, (_, index) => index + 10);
    const bytes = await buildDatabase(`${SCHEMA}
      CREATE TABLE group_participant_user (_id INTEGER PRIMARY KEY, group_jid_row_id INTEGER, user_jid_row_id INTEGER);
      INSERT INTO jid VALUES (2, '120363000000000001', 'g.us', '120363000000000001@g.us');
      INSERT INTO jid VALUES ${members.map((row) => `(${row}, '49151${String(row).padStart(8, '0')}', 's.whatsapp.net', '49151${String(row).padStart(8, '0')}@s.whatsapp.net')`).join(', ')};
      INSERT INTO chat VALUES (1, 2, 'Everyone');
      INSERT INTO group_participant_user (group_jid_row_id, user_jid_row_id) VALUES ${members.map((row) => `(2, ${row})`).join(', ')};
      INSERT INTO message VALUES (1, 1, 1, 'A', 0, 0, 1700000000000, 0, 'hello all');
    `);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const participants = run.sink.chats[0]?.participants ?? [];
    expect(participants).toHaveLength(1024);
    expect(participants.at(-1)).toEqual({ name: null, id: '+4915100001033' });
  });
});

import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { MSGSTORE_CORE_TABLES } from '../../../../support/msgstore-event-tables.ts';
import { ANNA_AND_BOSS } from '../../../../support/wa-contacts.ts';

/**
 * FORMATS.md §5.1 `call_log`: WhatsApp keeps its calls there, not in `message` (the IPED sample's
 * schema; newer versions also write a message row linked by `message_call_log`). Calls were not
 * read at all: a call is evidence of contact, so each becomes a system record, once.
 */
const NEW = `
  ${MSGSTORE_CORE_TABLES}
  CREATE TABLE call_log (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid_row_id INTEGER, from_me INTEGER, call_id TEXT, transaction_id INTEGER,
    timestamp INTEGER, video_call INTEGER, duration INTEGER, call_result INTEGER, bytes_transferred INTEGER, group_jid_row_id INTEGER NOT NULL DEFAULT 0,
    is_joinable_group_call INTEGER, call_creator_device_jid_row_id INTEGER NOT NULL DEFAULT 0, call_random_id TEXT);
  CREATE TABLE message_call_log (_id INTEGER PRIMARY KEY AUTOINCREMENT, message_row_id INTEGER UNIQUE, call_log_row_id INTEGER UNIQUE);
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net'),
                         (2, '4915100000002', 's.whatsapp.net', '4915100000002@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, NULL);
  INSERT INTO message VALUES (1, 1, 0, 'M1', 0, 0, 1700000000000, 0, 'call me'),
                             (2, 1, 1, 'M2', 0, 0, 1700000300000, 90, NULL);
  INSERT INTO call_log (_id, jid_row_id, from_me, call_id, timestamp, video_call, duration, call_result) VALUES
    (1, 1, 0, 'CALL-A', 1700000100000, 0, 0, 2),
    (2, 2, 1, 'CALL-B', 1700000200000, 1, 31, 5),
    (3, 1, 1, 'CALL-C', 1700000300000, 0, 12, 5);
  INSERT INTO message_call_log (message_row_id, call_log_row_id) VALUES (2, 3);
`;

const WA_DB = ANNA_AND_BOSS;

describe('whatsappAndroidDbParser: calls (call_log)', () => {
  it('reads each call once: from call_log, or from the message row message_call_log links it to', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(NEW), 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const messages = run.sink.messages;
    expect(messages).toHaveLength(4);
    const linked = messages.find((message) => message.locator.kind === 'sqlite-row' && message.locator.table === 'message' && message.locator.rowid === 2);
    expect(linked).toMatchObject({ kind: 'system', direction: 'outgoing', sender: null, time: { utcMs: 1700000300000 }, text: 'voice call, answered, 12 s' });
    expect(linked?.extra?.['call']).toEqual({ callId: 'CALL-C', video: false, durationSeconds: 12, result: 5 });
    const fromLog = messages.filter((message) => message.locator.kind === 'sqlite-row' && message.locator.table === 'call_log');
    expect(fromLog).toEqual([
      expect.objectContaining({
        chatKey: 'jid:4915100000001@s.whatsapp.net', kind: 'system', sender: 'Anna', senderId: '+4915100000001', direction: 'incoming',
        time: { utcMs: 1700000100000 }, timestampText: '1700000100000', text: 'voice call, missed', attachments: [], deleted: false,
        locator: { kind: 'sqlite-row', file: 'msgstore.db', table: 'call_log', rowid: 1 },
      }),
      expect.objectContaining({
        chatKey: 'jid:4915100000002@s.whatsapp.net', kind: 'system', sender: null, direction: 'outgoing', time: { utcMs: 1700000200000 },
        text: 'video call, answered, 31 s', locator: { kind: 'sqlite-row', file: 'msgstore.db', table: 'call_log', rowid: 2 },
      }),
    ]);
    expect(fromLog[0]?.extra?.['call']).toEqual({ callId: 'CALL-A', video: false, durationSeconds: 0, result: 2 });
    expect(run.sink.chats.find((chat) => chat.key === 'jid:4915100000002@s.whatsapp.net')).toMatchObject({ title: 'Boss', kind: 'private' });
    expect(run.outcome.details).toMatchObject({ callLogRowsWithMessage: 1, rowCounts: { message: 2, call_log: 2 } });
  });
});

describe('whatsappAndroidDbParser: group calls (call_log.group_jid_row_id)', () => {
  it('regression: keeps the person a group call row names (jid_row_id) beside the group chat, without making them its author', async () => {
    const bytes = await buildDatabase(`${NEW}
      INSERT INTO jid VALUES (3, '120363000000000001', 'g.us', '120363000000000001@g.us');
      INSERT INTO call_log (_id, jid_row_id, from_me, call_id, timestamp, video_call, duration, call_result, group_jid_row_id) VALUES
        (4, 2, 0, 'CALL-G', 1700000400000, 1, 45, 5, 3);
    `);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const groupCall = run.sink.messages.find((message) => message.extra?.['call'] !== undefined && (message.extra['call'] as { callId: string }).callId === 'CALL-G');
    expect(groupCall).toMatchObject({ chatKey: 'jid:120363000000000001@g.us', sender: null, direction: 'incoming', text: 'video call, answered, 45 s' });
    expect(groupCall?.extra?.['callParty']).toEqual({ name: 'Boss', id: '+4915100000002' });
  });
});

describe('whatsappAndroidDbParser: a group call\'s participants (call_log_participant_v2)', () => {
  // Regression (a tester's audit against a real schema dump): only the one person call_log names
  // was kept; who else was in the call, and that one of them never answered, was lost.
  it('lists every participant with their own result, on a call from call_log and on one linked to a message row', async () => {
    const bytes = await buildDatabase(`${NEW}
      CREATE TABLE call_log_participant_v2 (_id INTEGER PRIMARY KEY AUTOINCREMENT, call_log_row_id INTEGER, jid_row_id INTEGER, call_result INTEGER);
      INSERT INTO call_log_participant_v2 (call_log_row_id, jid_row_id, call_result) VALUES (2, 1, 5), (2, 2, 2), (3, 1, 5);`);
    const run = await runParser(whatsappAndroidDbParser, bytes, 'msgstore.db', { 'wa.db': await buildDatabase(WA_DB) });
    const fromLog = run.sink.messages.find((message) => message.locator.kind === 'sqlite-row' && message.locator.table === 'call_log' && message.locator.rowid === 2);
    expect(fromLog?.extra?.['callParticipants']).toEqual([
      { name: 'Anna', id: '+4915100000001', result: 'answered', resultCode: 5 },
      { name: 'Boss', id: '+4915100000002', result: 'missed', resultCode: 2 },
    ]);
    const linked = run.sink.messages.find((message) => message.locator.kind === 'sqlite-row' && message.locator.table === 'message' && message.locator.rowid === 2);
    expect(linked?.extra?.['callParticipants']).toEqual([{ name: 'Anna', id: '+4915100000001', result: 'answered', resultCode: 5 }]);
    const plain = run.sink.messages.find((message) => message.locator.kind === 'sqlite-row' && message.locator.table === 'call_log' && message.locator.rowid === 1);
    expect(plain?.extra?.['callParticipants']).toBeUndefined();
  });
});

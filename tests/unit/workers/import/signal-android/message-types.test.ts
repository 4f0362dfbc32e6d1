import { describe, expect, it } from 'vitest';
import { BASE_TYPES, readType, signalAndroidDbParser } from '../../../../../workers/import/signal-android/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { BASE_MS, INBOX, NEW_PEOPLE, NEW_SIGNAL_SCHEMA, SENT } from '../../../../support/signal-android-schema.ts';

/** Values as Signal-Android's MessageTypes composes them (getOutgoingEncryptedMessageType, markAsSent…). */
describe('Signal Android message types (MessageTypes bitmask)', () => {
  it('reads the base type from the low five bits, whatever flags are set above them', () => {
    expect(readType(22 | 0x800000 | 0x200000)).toMatchObject({ baseName: 'BASE_SENDING_TYPE', direction: 'outgoing', notYetSent: true, event: null, unknown: null });
    expect(readType(23 | 0x800000 | 0x200000)).toMatchObject({ baseName: 'BASE_SENT_TYPE', direction: 'outgoing', notYetSent: false, failed: false, flags: ['PUSH_MESSAGE_BIT', 'SECURE_MESSAGE_BIT'] });
    expect(readType(24)).toMatchObject({ direction: 'outgoing', failed: true });
    expect(readType(27)).toMatchObject({ direction: 'outgoing', draft: true });
    expect(readType(20)).toMatchObject({ direction: 'incoming', event: null });
  });

  it('reads calls and the other event base types as events with a direction where the type has one', () => {
    expect(readType(1)).toMatchObject({ baseName: 'INCOMING_AUDIO_CALL_TYPE', direction: 'incoming', event: 'Incoming voice call' });
    expect(readType(2)).toMatchObject({ direction: 'outgoing', event: 'Outgoing voice call' });
    expect(readType(3)).toMatchObject({ direction: 'incoming', event: 'Missed voice call' });
    expect(readType(12)).toMatchObject({ direction: null, event: 'Group call' });
    expect(readType(7)).toMatchObject({ event: 'Changed their profile name' });
    expect(readType(14)).toMatchObject({ event: 'Changed their phone number' });
  });

  it('reads group, timer, identity and session flags as events', () => {
    expect(readType(20 | 0x10000 | 0x80000).event).toBe('The group was updated (its members, title or settings)');
    expect(readType(20 | 0x10000 | 0x20000 | 0x80000).event).toBe('Left the group');
    // isGroupQuit: the leave bit of a v1 group, without the update bit.
    expect(readType(20 | 0x20000).event).toBe('Left the group');
    expect(readType(23 | 0x40000).event).toBe('The disappearing-messages timer was changed');
    expect(readType(20 | 0x200).event).toBe('The safety number changed');
    expect(readType(20 | 0x4000).event).toBe('The safety number was marked as verified');
    expect(readType(20 | 0x400000).event).toBe('The secure session was reset');
    expect(readType(20 + 0x10000000).event).toBe('The chat session was refreshed (a message could not be decrypted)');
  });

  it('reads special types above 2^32, which JavaScript bit operators cannot', () => {
    expect(readType(6 * 0x100000000 + 20)).toMatchObject({ specialName: 'SPECIAL_TYPE_MESSAGE_REQUEST_ACCEPTED', event: 'Message request accepted', direction: 'incoming' });
    expect(readType(3 * 0x100000000 + 23)).toMatchObject({ specialName: 'SPECIAL_TYPE_PAYMENTS_NOTIFICATION', event: null });
    expect(readType(7 * 0x100000000 + 23)).toMatchObject({ specialName: 'undefined (7)', unknown: expect.stringContaining('special type 7') as string });
  });

  it('says which base types MessageTypes does not define, and defines every other from 1 to 27', () => {
    for (const undefinedBase of [0, 19, 28, 29, 30, 31]) expect(readType(undefinedBase)).toMatchObject({ baseName: null, direction: null, unknown: expect.stringContaining(`base type ${undefinedBase}`) as string });
    expect(Object.keys(BASE_TYPES).map(Number)).toEqual([...Array.from({ length: 18 }, (_, index) => index + 1), 20, 21, 22, 23, 24, 25, 26, 27]);
  });

  it('keeps rows with odd values: a NULL, negative or text type, a date that is not one', async () => {
    const sql = `${NEW_SIGNAL_SCHEMA}${NEW_PEOPLE}
      INSERT INTO message (_id, date_sent, date_received, thread_id, from_recipient_id, to_recipient_id, type, body) VALUES
        (1, ${BASE_MS}, ${BASE_MS}, 1, 2, 1, -5, 'negative'),
        (2, 'yesterday', 0, 1, 2, 1, 'twenty', 'text type'),
        (3, 0, ${BASE_MS + 5}, 99, 77, 1, ${INBOX}, 'no sent time, unknown thread and sender');
      INSERT INTO message (_id, date_sent, date_received, thread_id, from_recipient_id, to_recipient_id, type, body) SELECT 4, 1, 1, NULL, 2, 1, NULL, 'no thread, no type';`;
    const run = await runParser(signalAndroidDbParser, await buildDatabase(sql.replace('type INTEGER NOT NULL', 'type INTEGER').replace('thread_id INTEGER NOT NULL', 'thread_id INTEGER')), 'signal.db');
    expect(run.sink.messages).toHaveLength(4);
    expect(checkParsedInvariants(run, 'signal.db')).toEqual([]);
    const [negative, textType, unknownThread, noThread] = run.sink.messages;
    expect(negative).toMatchObject({ kind: 'message', direction: null, text: 'negative', extra: { typeValue: '-5', typeUnknown: 'its type is "-5", not a type Signal writes (a non-negative integer)' } });
    expect(textType).toMatchObject({ kind: 'message', time: null, timestampText: 'yesterday', extra: { typeValue: 'twenty' } });
    expect(unknownThread).toMatchObject({ time: { utcMs: BASE_MS + 5 }, extra: { timeColumn: 'date_received', partyNotInRecipients: true } });
    expect(unknownThread === undefined ? undefined : run.sink.chatOf(unknownThread)).toMatchObject({ key: 'conversation:99', title: 'Signal chat 99 (not in the thread table)' });
    expect(noThread).toMatchObject({ chatKey: 'unattributed', direction: null, extra: { typeUnknown: 'its type is NULL, not a type Signal writes (a non-negative integer)' } });
    expect(run.sink.warnings.filter((warning) => warning.message.includes('not a type Signal writes'))).toHaveLength(3);
  });

  it('titles a chat whose thread names an address instead of a recipient id (recipient_ids, before version 108)', async () => {
    const sql = `CREATE TABLE recipient (_id INTEGER PRIMARY KEY, phone TEXT);
      CREATE TABLE thread (_id INTEGER PRIMARY KEY, recipient_ids TEXT);
      CREATE TABLE sms (_id INTEGER PRIMARY KEY, thread_id INTEGER, address TEXT, date INTEGER, date_sent INTEGER, type INTEGER, body TEXT);
      INSERT INTO thread VALUES (1, '+40700000009');
      INSERT INTO sms VALUES (1, 1, '+40700000009', ${BASE_MS}, ${BASE_MS}, ${INBOX}, 'old'), (2, 1, '+40700000009', ${BASE_MS + 1}, ${BASE_MS + 1}, ${SENT}, 'reply');`;
    const run = await runParser(signalAndroidDbParser, await buildDatabase(sql), 'signal.db');
    expect(run.sink.chats).toEqual([{ key: 'conversation:1', title: '+40700000009', kind: 'unknown', participants: [{ name: null, id: '+40700000009' }] }]);
    expect(run.sink.messages[0]).toMatchObject({ text: 'old', direction: 'incoming', sender: '+40700000009', senderId: '+40700000009', extra: { partyAddress: '+40700000009' } });
    expect(run.sink.messages[1]).toMatchObject({ text: 'reply', direction: 'outgoing', sender: null, extra: { to: { id: '+40700000009' } } });
    expect(run.sink.messages[1]?.extra?.['to']).not.toHaveProperty('recipientId');
  });
});

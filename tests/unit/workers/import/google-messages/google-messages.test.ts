import { describe, expect, it } from 'vitest';
import { GOOGLE_MESSAGES_PARSER_VERSION, googleMessagesDbParser } from '../../../../../workers/import/google-messages/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { BASE_MS, BUGLE_SCHEMA, PEOPLE_AND_CONVERSATIONS, messageSql, textPartSql } from '../../../../support/bugle-db-schema.ts';

const CACHE_PATH = '/data/user/0/com.google.android.apps.messaging/cache/mms_parts/1700000020000_part_3_.bin';

/** A column no source here describes: it must come through under its own name. */
const UNKNOWN_COLUMN = 'ALTER TABLE messages ADD COLUMN vendor_flag INT DEFAULT(0);';

const DATABASE = `${BUGLE_SCHEMA}${UNKNOWN_COLUMN}${PEOPLE_AND_CONVERSATIONS}
  ${messageSql({ id: 10, conversation: 1, sender: 2, received: BASE_MS, sent: BASE_MS - 2000, protocol: 0, status: 100 }, [textPartSql(10, 1, 'room 12')])}
  ${messageSql({ id: 11, conversation: 1, sender: 1, received: BASE_MS + 10_000, sent: BASE_MS + 10_000, protocol: 0, status: 2 }, [textPartSql(11, 1, 'which floor')])}
  ${messageSql({ id: 12, conversation: 2, sender: 3, received: BASE_MS + 20_000, protocol: 1, status: 100 }, [
    textPartSql(12, 2, 'photo of the door'),
    `INSERT INTO parts (message_id, uri, content_type, width, height, conversation_id, file_size_bytes, local_cache_path)
       VALUES (12, 'content://mms/part/12', 'image/jpeg', 640, 480, 2, 48213, '${CACHE_PATH}');`,
  ])}
  ${messageSql({ id: 13, conversation: 2, sender: 1, received: BASE_MS + 30_000, protocol: 3, status: 8 }, [textPartSql(13, 2, 'are you there')])}
  UPDATE messages SET vendor_flag = 5 WHERE _id = 13;
  ${messageSql({ id: 14, conversation: 2, sender: 4, received: BASE_MS + 40_000, protocol: 0, status: 555 }, [textPartSql(14, 2, 'ok')])}
  ${messageSql({ id: 15, conversation: 99, sender: 2, received: BASE_MS + 50_000, protocol: 2, status: 101 })}
  ${messageSql({ id: 16, conversation: 1, sender: 2, received: 0, sent: BASE_MS + 60_000, protocol: 0, status: 100 }, [textPartSql(16, 1, 'no received time')])}
`;

async function parse(): Promise<Awaited<ReturnType<typeof runParser>>> {
  return runParser(googleMessagesDbParser, await buildDatabase(DATABASE), 'bugle_db');
}

/** PEOPLE_AND_CONVERSATIONS' columns the reader does not read by name (current_self_id, AOSP's defaults), kept as each chat's facts. */
const CONVERSATION_FACTS = { otherColumns: { current_self_id: '1', notification_enabled: 1, notification_vibration: 1, participant_contact_id: -1 } };

describe('Google Messages bugle_db', () => {
  it('reads every messages row once, with its table and rowid, and names the parser version', async () => {
    const run = await parse();
    expect(checkParsedInvariants(run, 'bugle_db')).toEqual([]);
    expect(run.sink.messages.map((message) => message.locator)).toEqual([10, 11, 12, 13, 14, 15, 16].map((rowid) => ({ kind: 'sqlite-row', file: 'bugle_db', table: 'messages', rowid })));
    expect(googleMessagesDbParser).toMatchObject({ format: 'google-messages-db', parserVersion: GOOGLE_MESSAGES_PARSER_VERSION });
    expect(run.outcome.details).toMatchObject({ messages: 7, unparsed: 0, attachments: 1, failed: 1, withoutParts: 1, conversations: 2, participants: 4, rowCounts: { messages: 7, parts: 7 } });
  });

  it('reads a 1:1 conversation: its name and other party, who sent each message, in milliseconds', async () => {
    const run = await parse();
    expect(run.sink.chats.find((chat) => chat.key === 'conversation:1')).toEqual({ key: 'conversation:1', title: 'Ana Pop', kind: 'private', participants: [{ name: 'Ana Pop', id: '+40700000001' }], extra: CONVERSATION_FACTS });
    const [incoming, outgoing] = run.sink.messages;
    expect(incoming).toMatchObject({
      chatKey: 'conversation:1', kind: 'message', sender: 'Ana Pop', senderId: '+40700000001', direction: 'incoming', time: { utcMs: BASE_MS }, timestampText: String(BASE_MS), text: 'room 12', attachments: [],
      extra: { protocol: 'sms', protocolValue: 0, status: 'INCOMING_COMPLETE', statusValue: 100, directionFrom: 'message_status', conversationId: 1, smsThreadId: 7, senderParticipantId: 2, sentAt: new Date(BASE_MS - 2000).toISOString(), seen: true, read: true },
    });
    expect(outgoing).toMatchObject({ sender: null, senderId: null, direction: 'outgoing', text: 'which floor', extra: { status: 'OUTGOING_DELIVERED', senderParticipantId: 1 } });
    expect(outgoing?.extra).not.toHaveProperty('failed');
  });

  it('reads a group: its members from conversation_participants, a sender without a contact name by the number as shown', async () => {
    const run = await parse();
    expect(run.sink.chats.find((chat) => chat.key === 'conversation:2')).toEqual({
      key: 'conversation:2', title: 'Crew', kind: 'group',
      participants: [{ name: 'Ana Pop', id: '+40700000001' }, { name: null, id: '+40700000002' }, { name: 'Eva', id: '+40700000003' }],
      extra: CONVERSATION_FACTS,
    });
    expect(run.sink.messages[2]).toMatchObject({ chatKey: 'conversation:2', sender: '0700 000 002', senderId: '+40700000002', direction: 'incoming', text: 'photo of the door' });
    expect(run.sink.messages[2]?.extra).not.toHaveProperty('smsThreadId');
  });

  it('lists a media part as an attachment with its type, size and cache path as written, and keeps its uri', async () => {
    const message = (await parse()).sink.messages[2];
    expect(message?.attachments).toEqual([{ kind: 'attached', mediaType: 'image', mimeType: 'image/jpeg', size: 48213, path: CACHE_PATH }]);
    expect(message?.extra?.['protocol']).toBe('mms');
    const parts = message?.extra?.['parts'] as Record<string, unknown>[];
    expect(parts).toHaveLength(2);
    expect(parts[0]).toEqual({ rowid: expect.any(Number) as number, contentType: 'text/plain' });
    expect(parts[1]).toMatchObject({ contentType: 'image/jpeg', uri: 'content://mms/part/12', localCachePath: CACHE_PATH, fileSizeBytes: 48213, width: 640, height: 480 });
    // The trigger copied the message's received time into the part: nothing to add.
    expect(parts[1]).not.toHaveProperty('timestamp');
  });

  it('marks a failed send, names the RCS protocol (Google Messages\' 3), and keeps a column no source names under its own name', async () => {
    const failed = (await parse()).sink.messages[3];
    expect(failed).toMatchObject({ direction: 'outgoing', text: 'are you there', extra: { failed: true, status: 'OUTGOING_FAILED', protocol: 'rcs', protocolValue: 3, otherColumns: { vendor_flag: 5 } } });
    // Zero is the column's default: it says nothing and is left out.
    expect((await parse()).sink.messages[0]?.extra).not.toHaveProperty('otherColumns');
  });

  it('takes the direction from the sender when the status is not one AOSP defines', async () => {
    const message = (await parse()).sink.messages[4];
    expect(message).toMatchObject({ sender: 'Eva', direction: 'incoming', extra: { status: 'undocumented (555)', statusValue: 555, directionFrom: 'sender sub_id' } });
  });

  it('keeps a message that outlived its conversation, one without parts, and one without a received time', async () => {
    const run = await parse();
    expect(run.sink.messages[5]).toMatchObject({ chatKey: 'conversation:99', text: '', attachments: [], extra: { noParts: true, protocol: 'mms-push-notification', status: 'INCOMING_YET_TO_MANUAL_DOWNLOAD' } });
    expect(run.sink.chats.find((chat) => chat.key === 'conversation:99')).toEqual({ key: 'conversation:99', title: 'Google Messages conversation 99 (not in the conversations table)', kind: 'unknown' });
    expect(run.sink.messages[6]).toMatchObject({ time: { utcMs: BASE_MS + 60_000 }, timestampText: String(BASE_MS + 60_000), text: 'no received time', extra: { timeFrom: 'sent_timestamp' } });
  });
});

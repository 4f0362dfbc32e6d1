import { describe, expect, it } from 'vitest';
import { googleMessagesDbParser } from '../../../../../workers/import/google-messages/index.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { BASE_MS, BUGLE_SCHEMA, PEOPLE_AND_CONVERSATIONS, messageSql, textPartSql } from '../../../../support/bugle-db-schema.ts';

/** Conversations the app left without a name or a participant count (both have defaults in AOSP's schema). */
const UNNAMED = `${BUGLE_SCHEMA}${PEOPLE_AND_CONVERSATIONS}
  INSERT INTO conversations (_id) VALUES (3), (4), (5);
  INSERT INTO conversation_participants (conversation_id, participant_id) VALUES (3, 2), (3, 3), (3, 4), (4, 3), (4, 1), (5, 42);
  ${messageSql({ id: 1, conversation: 3, sender: 4, received: BASE_MS, protocol: 0, status: 100 }, [textPartSql(1, 3, 'group without a name')])}
  ${messageSql({ id: 2, conversation: 4, sender: 3, received: BASE_MS + 1, protocol: 0, status: 100 }, [textPartSql(2, 4, 'one to one, the owner listed by mistake')])}
  ${messageSql({ id: 3, conversation: 5, sender: null, received: BASE_MS + 2, protocol: 0, status: 100 }, [textPartSql(3, 5, 'a member who is not in participants')])}
`;

/** The defaults AOSP's schema gives a conversation's columns the reader does not read by name, kept as the chat's facts. */
const DEFAULT_FACTS = { extra: { otherColumns: { notification_enabled: 1, notification_vibration: 1, participant_contact_id: -1 } } };

describe('Google Messages conversations without a name or count', () => {
  it('names them after their members, tells a group from its members, and leaves the owner out', async () => {
    const run = await runParser(googleMessagesDbParser, await buildDatabase(UNNAMED), 'bugle_db');
    expect(run.sink.chats).toEqual([
      { key: 'conversation:3', title: 'Ana Pop, +40700000002, Eva', kind: 'group', participants: [{ name: 'Ana Pop', id: '+40700000001' }, { name: null, id: '+40700000002' }, { name: 'Eva', id: '+40700000003' }], ...DEFAULT_FACTS },
      { key: 'conversation:4', title: '+40700000002', kind: 'private', participants: [{ name: null, id: '+40700000002' }], ...DEFAULT_FACTS },
      { key: 'conversation:5', title: '(participant 42, not in the participants table)', kind: 'private', participants: [{ name: null, id: '(participant 42, not in the participants table)' }], ...DEFAULT_FACTS },
    ]);
    expect(run.sink.messages[2]).toMatchObject({ sender: null, senderId: null, direction: 'incoming', text: 'a member who is not in participants' });
  });
});

import { describe, expect, it } from 'vitest';
import { googleMessagesDbParser } from '../../../../../workers/import/google-messages/index.ts';
import { BASE_MS, BUGLE_SCHEMA, messageSql, textPartSql } from '../../../../support/bugle-db-schema.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Regression: a message whose status says incoming (AOSP BUGLE_STATUS_INCOMING_*) but whose
 * sender_id points at a self participant (sub_id not -2: the phone's own SIM, ParticipantData.isSelf())
 * was given the owner's own number as its sender: the owner named as the one who wrote to them.
 * The two columns disagree, so who sent it is not established; the row's ids stay in extra.
 */
const DB = `${BUGLE_SCHEMA}
  INSERT INTO participants (_id, sub_id, normalized_destination, send_destination, display_destination) VALUES (1, 1, '+40700000009', '0700000009', '0700 000 009');
  INSERT INTO participants (_id, sub_id, normalized_destination, display_destination, full_name) VALUES (2, -2, '+40700000001', '0700 000 001', 'Ana Pop');
  INSERT INTO conversations (_id, name, participant_count) VALUES (1, 'Ana Pop', 1);
  INSERT INTO conversation_participants (conversation_id, participant_id) VALUES (1, 2);
  ${messageSql({ id: 1, conversation: 1, sender: 1, received: BASE_MS, protocol: 0, status: 100 }, [textPartSql(1, 1, 'incoming status, owner as sender')])}
  ${messageSql({ id: 2, conversation: 1, sender: 2, received: BASE_MS + 1, protocol: 0, status: 100 }, [textPartSql(2, 1, 'from Ana')])}
`;

describe('Google Messages: an incoming status with a self participant as sender', () => {
  it('does not name the owner as the sender', async () => {
    const run = await runParser(googleMessagesDbParser, await buildDatabase(DB), 'bugle_db');
    const [contradicted, fromAna] = run.sink.messages;
    expect(contradicted).toMatchObject({ direction: 'incoming', sender: null, senderId: null, extra: { senderParticipantId: 1, senderSideDisagrees: 'outgoing' } });
    expect(fromAna).toMatchObject({ direction: 'incoming', sender: 'Ana Pop', senderId: '+40700000001' });
  });
});

import { describe, expect, it } from 'vitest';
import { googleMessagesDbParser } from '../../../../../workers/import/google-messages/index.ts';
import { BASE_MS, BUGLE_SCHEMA, PEOPLE_AND_CONVERSATIONS, messageSql, textPartSql } from '../../../../support/bugle-db-schema.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Regression: Google Messages' tombstones (conversation notices the app writes itself) were
 * imported as messages from a person. A decompiled Google Messages build (forgedordor/one, commit
 * 36086d6) calls every message_status from 200 to 270 a tombstone (defpackage/byed.java, logged as
 * tombstones/status/TombstoneStatusChecker: g(i) is i >= 200 && i <= 270) and names
 * message_protocol 5 "Tombstone" (MessageData.ar).
 */
const TOMBSTONES = `${BUGLE_SCHEMA}${PEOPLE_AND_CONVERSATIONS}
  ${messageSql({ id: 1, conversation: 2, sender: 3, received: BASE_MS, protocol: 3, status: 204 }, [])}
  ${messageSql({ id: 2, conversation: 2, sender: 1, received: BASE_MS + 1, protocol: 5, status: 211 }, [textPartSql(2, 2, 'Dan left')])}
  ${messageSql({ id: 3, conversation: 2, sender: 4, received: BASE_MS + 2, protocol: 5, status: 100 }, [])}
  ${messageSql({ id: 4, conversation: 2, sender: 4, received: BASE_MS + 3, protocol: 3, status: 100 }, [textPartSql(4, 2, 'a message')])}
  ${messageSql({ id: 5, conversation: 2, sender: 4, received: BASE_MS + 4, protocol: 3, status: 271 }, [textPartSql(5, 2, 'past the range')])}
`;

describe('Google Messages tombstones (message_status 200 to 270, message_protocol 5)', () => {
  it('imports them as notices from no one, keeping the status, protocol and participant row of the source', async () => {
    const run = await runParser(googleMessagesDbParser, await buildDatabase(TOMBSTONES), 'bugle_db');
    const [byStatus, withText, byProtocol, message, beyond] = run.sink.messages;
    expect(byStatus).toMatchObject({ kind: 'system', sender: null, senderId: null, direction: null, text: '', extra: { tombstone: true, status: 'TOMBSTONE_MMS_GROUP_CREATED', statusValue: 204, protocol: 'rcs', protocolValue: 3, senderParticipantId: 3, senderDisplayDestination: '0700 000 002' } });
    expect(byStatus?.extra?.['systemReason']).toMatch(/^message_status 204 is a tombstone/u);
    expect(byStatus?.extra).not.toHaveProperty('directionFrom');
    expect(withText).toMatchObject({ kind: 'system', sender: null, direction: null, text: 'Dan left', extra: { tombstone: true, statusValue: 211, protocol: 'tombstone', protocolValue: 5 } });
    expect(byProtocol).toMatchObject({ kind: 'system', sender: null, direction: null, extra: { tombstone: true, status: 'INCOMING_COMPLETE', protocol: 'tombstone', senderParticipantId: 4 } });
    expect(byProtocol?.extra?.['systemReason']).toMatch(/^message_protocol 5 is the Tombstone protocol/u);
    expect(message).toMatchObject({ kind: 'message', sender: 'Eva', direction: 'incoming' });
    expect(message?.extra).not.toHaveProperty('tombstone');
    expect(beyond).toMatchObject({ kind: 'message', extra: { status: 'undocumented (271)' } });
    expect(run.outcome.details).toMatchObject({ messages: 5, tombstones: 3 });
  });
});

import { describe, expect, it } from 'vitest';
import { googleMessagesDbParser, readStatus } from '../../../../../workers/import/google-messages/index.ts';
import { BASE_MS, BUGLE_SCHEMA, PEOPLE_AND_CONVERSATIONS, messageSql } from '../../../../support/bugle-db-schema.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Regression: every tombstone (message_status 200 to 270) read "tombstone (N)", its event unknown,
 * though the decompiled build the folder cites (forgedordor/one, commit 36086d6) names the event of
 * most of them in its status description (defpackage/avbn.java a(): 200
 * MESSAGE_STATUS_TOMBSTONE_PARTICIPANT_JOINED, 221 …_PARTICIPANT_REMOVED_FROM_GROUP, …). Those are
 * named now, citing it; the values it leaves unnamed (213, 216, 219, 222 and others) stay as before.
 */
describe('regression: Google Messages tombstones name the event the app build names', () => {
  it('names the events avbn.a() names, and only those', () => {
    expect(readStatus(200).name).toBe('TOMBSTONE_PARTICIPANT_JOINED');
    expect(readStatus(221).name).toBe('TOMBSTONE_PARTICIPANT_REMOVED_FROM_GROUP');
    expect(readStatus(240).name).toBe('TOMBSTONE_RBM_SIM_SWITCH');
    expect(readStatus(267).name).toBe('TOMBSTONE_CHATBOT_SUBSCRIBE_CONFIRMED_NO_LINK');
    for (const unnamed of [213, 216, 219, 222, 232, 239, 251, 264, 270]) expect(readStatus(unnamed).name).toBe(`tombstone (${unnamed})`);
    expect(readStatus(200)).toMatchObject({ direction: null, failed: false, notYetSent: false });
  });

  it('says in each record which event it is and what the name rests on', async () => {
    const run = await runParser(googleMessagesDbParser, await buildDatabase(`${BUGLE_SCHEMA}${PEOPLE_AND_CONVERSATIONS}
      ${messageSql({ id: 1, conversation: 2, sender: 3, received: BASE_MS, protocol: 3, status: 201 })}
      ${messageSql({ id: 2, conversation: 2, sender: 1, received: BASE_MS + 1, protocol: 3, status: 213 })}`), 'bugle_db');
    const [left, unnamed] = run.sink.messages;
    expect(left).toMatchObject({ kind: 'system', direction: null, extra: { tombstone: true, status: 'TOMBSTONE_PARTICIPANT_LEFT', statusValue: 201 } });
    expect(left?.extra?.['systemReason']).toMatch(/^message_status 201 is a tombstone .*the event TOMBSTONE_PARTICIPANT_LEFT, as a decompiled build of the app names it/u);
    expect(left?.extra?.['statusNameFrom']).toMatch(/forgedordor\/one, commit 36086d6.*avbn\.java a\(\)/u);
    expect(unnamed).toMatchObject({ kind: 'system', extra: { tombstone: true, status: 'tombstone (213)' } });
    expect(unnamed?.extra?.['systemReason']).toMatch(/names no event for this value/u);
    expect(unnamed?.extra?.['statusNameFrom']).toMatch(/names no event for 213/u);
  });
});

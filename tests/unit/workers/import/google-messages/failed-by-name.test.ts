import { describe, expect, it } from 'vitest';
import { googleMessagesDbParser, readStatus } from '../../../../../workers/import/google-messages/index.ts';
import { BASE_MS, BUGLE_SCHEMA, PEOPLE_AND_CONVERSATIONS, messageSql, textPartSql } from '../../../../support/bugle-db-schema.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Regression: statuses 17 (OUTGOING_FAILED_RECIPIENT_LOST_RCS) and 21
 * (OUTGOING_FAILED_RECIPIENT_LOST_ENCRYPTION) were named FAILED but neither flagged failed nor
 * given the "not recorded as sent" note the other failures get, so such a message read like one
 * that went out. The decompiled build (forgedordor/one, commit 36086d6) names them FAILED (avbn.a)
 * and counts them neither among its failures (MessageData.cU) nor among its sent statuses
 * (avbn.f: 1, 2, 11, 14, 15): they are now flagged and noted from their names, and say so.
 */
describe('regression: Google Messages statuses 17 and 21, named FAILED', () => {
  it('reads them as outgoing failures', () => {
    expect(readStatus(17)).toEqual({ name: 'OUTGOING_FAILED_RECIPIENT_LOST_RCS', direction: 'outgoing', failed: true, draft: false, notYetSent: false });
    expect(readStatus(21)).toEqual({ name: 'OUTGOING_FAILED_RECIPIENT_LOST_ENCRYPTION', direction: 'outgoing', failed: true, draft: false, notYetSent: false });
  });

  it('flags and notes each record, counts it failed, and says the reading rests on the name alone', async () => {
    const run = await runParser(googleMessagesDbParser, await buildDatabase(`${BUGLE_SCHEMA}${PEOPLE_AND_CONVERSATIONS}
      ${messageSql({ id: 1, conversation: 1, sender: 1, received: BASE_MS, sent: BASE_MS, protocol: 3, status: 17 }, [textPartSql(1, 1, 'lost rcs')])}
      ${messageSql({ id: 2, conversation: 1, sender: 1, received: BASE_MS + 1, sent: BASE_MS + 1, protocol: 3, status: 21 }, [textPartSql(2, 1, 'lost encryption')])}`), 'bugle_db');
    const [lostRcs, lostEncryption] = run.sink.messages;
    expect(lostRcs).toMatchObject({ direction: 'outgoing', extra: { status: 'OUTGOING_FAILED_RECIPIENT_LOST_RCS', failed: true } });
    expect(lostRcs?.extra?.['notSentNote']).toMatch(/^Not recorded as sent in this database: sending failed: the recipient lost RCS \(from its name only/u);
    expect(lostEncryption).toMatchObject({ direction: 'outgoing', extra: { status: 'OUTGOING_FAILED_RECIPIENT_LOST_ENCRYPTION', failed: true } });
    expect(lostEncryption?.extra?.['notSentNote']).toMatch(/recipient lost encryption \(from its name only/u);
    for (const message of [lostRcs, lostEncryption]) expect(message?.extra?.['statusNameFrom']).toMatch(/failed from the name alone/u);
    expect(run.outcome.details).toMatchObject({ failed: 2 });
  });
});

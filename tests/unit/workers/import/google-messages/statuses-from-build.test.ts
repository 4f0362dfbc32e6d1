import { describe, expect, it } from 'vitest';
import { googleMessagesDbParser, readStatus } from '../../../../../workers/import/google-messages/index.ts';
import { BASE_MS, BUGLE_SCHEMA, PEOPLE_AND_CONVERSATIONS, messageSql, textPartSql } from '../../../../support/bugle-db-schema.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Regression: statuses Google Messages writes beyond AOSP's (10 to 25 outgoing, 108 to 117
 * incoming) were shown as "undocumented (N)", with no direction and no failed or not-sent flag, so
 * a message that failed to send (13: too large; 18, 19, 22, 24, 25) or was only scheduled (16) read
 * like any other. The decompiled build the protocols are named from (forgedordor/one, commit
 * 36086d6) names them (defpackage/avbn.java, the status description MessageData.aD() returns) and
 * says which are outgoing (MessageData.cT: 1-25), incoming (cJ: 100-117) and failed (cU, cL); each
 * record says its status name rests on that build.
 */
describe('Google Messages statuses named by a decompiled build of the app', () => {
  it('names the outgoing and incoming statuses that build names, with their direction and failures', () => {
    expect(readStatus(13)).toEqual({ name: 'OUTGOING_FAILED_TOO_LARGE', direction: 'outgoing', failed: true, draft: false, notYetSent: false });
    expect(readStatus(16)).toEqual({ name: 'OUTGOING_SCHEDULED', direction: 'outgoing', failed: false, draft: false, notYetSent: true });
    expect(readStatus(14)).toEqual({ name: 'OUTGOING_NOT_DELIVERED_YET', direction: 'outgoing', failed: false, draft: false, notYetSent: false });
    // Named FAILED, though the build does not count it among failures (cU, cL): flagged from its name (failed-by-name.test.ts).
    expect(readStatus(17)).toEqual({ name: 'OUTGOING_FAILED_RECIPIENT_LOST_RCS', direction: 'outgoing', failed: true, draft: false, notYetSent: false });
    // Unnamed in that build, but outgoing (cT) and failed (cU) there.
    expect(readStatus(25)).toEqual({ name: 'undocumented (25)', direction: 'outgoing', failed: true, draft: false, notYetSent: false });
    expect(readStatus(111)).toEqual({ name: 'INCOMING_DOWNLOAD_FAILED_TOO_LARGE', direction: 'incoming', failed: true, draft: false, notYetSent: false });
    expect(readStatus(26)).toEqual({ name: 'undocumented (26)', direction: null, failed: false, draft: false, notYetSent: false });
  });

  it('marks each record, saying what its status name and reading rest on', async () => {
    const run = await runParser(googleMessagesDbParser, await buildDatabase(`${BUGLE_SCHEMA}${PEOPLE_AND_CONVERSATIONS}
      ${messageSql({ id: 1, conversation: 1, sender: 1, received: BASE_MS, protocol: 3, status: 13 }, [textPartSql(1, 1, 'too big to send')])}
      ${messageSql({ id: 2, conversation: 1, sender: 1, received: BASE_MS + 1, protocol: 3, status: 16 }, [textPartSql(2, 1, 'send tomorrow')])}
      ${messageSql({ id: 3, conversation: 1, sender: 1, received: BASE_MS + 2, protocol: 3, status: 25 }, [textPartSql(3, 1, 'failed, unnamed')])}
      ${messageSql({ id: 4, conversation: 1, sender: 1, received: BASE_MS + 3, protocol: 0, status: 1 }, [textPartSql(4, 1, 'sent')])}`), 'bugle_db');
    const [tooLarge, scheduled, unnamed, sent] = run.sink.messages;
    expect(tooLarge).toMatchObject({ direction: 'outgoing', extra: { status: 'OUTGOING_FAILED_TOO_LARGE', statusValue: 13, failed: true } });
    expect(tooLarge?.extra?.['statusNameFrom']).toMatch(/decompiled build of Google Messages.*forgedordor\/one, commit 36086d6/u);
    expect(tooLarge?.extra?.['notSentNote']).toMatch(/^Not recorded as sent in this database: sending failed \(the message was too large\) \(message_status 13, OUTGOING_FAILED_TOO_LARGE\)/u);
    expect(scheduled).toMatchObject({ extra: { status: 'OUTGOING_SCHEDULED', notYetSent: true } });
    expect(scheduled?.extra?.['notSentNote']).toMatch(/scheduled to be sent later/u);
    expect(unnamed).toMatchObject({ direction: 'outgoing', extra: { status: 'undocumented (25)', failed: true } });
    expect(unnamed?.extra?.['statusNameFrom']).toMatch(/names no status 25/u);
    expect(sent?.extra?.['statusNameFrom']).toBe('AOSP Messaging MessageData.BUGLE_STATUS_*');
    expect(sent?.extra).not.toHaveProperty('notSentNote');
    expect(run.outcome.details).toMatchObject({ failed: 2, notYetSent: 1 });
  });
});

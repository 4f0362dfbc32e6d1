import { describe, expect, it } from 'vitest';
import { googleMessagesDbParser } from '../../../../../workers/import/google-messages/index.ts';
import { BASE_MS, BUGLE_SCHEMA, PEOPLE_AND_CONVERSATIONS, messageSql, textPartSql } from '../../../../support/bugle-db-schema.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Regression: a message still on its way out when the phone was seized (AOSP MessageData
 * BUGLE_STATUS_OUTGOING_YET_TO_SEND 4, SENDING 5, RESENDING 6, AWAITING_RETRY 7: the app sets
 * OUTGOING_COMPLETE only in markMessageSent) was stored as a plain outgoing message, only the
 * status name telling it apart from one that was sent, with its sent_timestamp (the time sending
 * was asked for or tried) shown as when it was sent.
 */
const DB = `${BUGLE_SCHEMA}${PEOPLE_AND_CONVERSATIONS}
  ${messageSql({ id: 1, conversation: 1, sender: 1, received: BASE_MS, sent: BASE_MS, protocol: 0, status: 4 }, [textPartSql(1, 1, 'queued')])}
  ${messageSql({ id: 2, conversation: 1, sender: 1, received: BASE_MS + 1, sent: BASE_MS + 1, protocol: 0, status: 5 }, [textPartSql(2, 1, 'sending')])}
  ${messageSql({ id: 3, conversation: 1, sender: 1, received: BASE_MS + 2, sent: BASE_MS + 2, protocol: 0, status: 6 }, [textPartSql(3, 1, 'resending')])}
  ${messageSql({ id: 4, conversation: 1, sender: 1, received: BASE_MS + 3, sent: BASE_MS + 3, protocol: 0, status: 7 }, [textPartSql(4, 1, 'awaiting retry')])}
  ${messageSql({ id: 5, conversation: 1, sender: 1, received: BASE_MS + 4, sent: BASE_MS + 4, protocol: 0, status: 1 }, [textPartSql(5, 1, 'sent')])}
  ${messageSql({ id: 6, conversation: 1, sender: 2, received: BASE_MS + 5, sent: BASE_MS + 5, protocol: 0, status: 5 }, [textPartSql(6, 1, 'sending, Ana as sender')])}
  ${messageSql({ id: 7, conversation: 1, sender: 1, received: BASE_MS + 6, protocol: 0, status: 3 }, [textPartSql(7, 1, 'draft')])}
  ${messageSql({ id: 8, conversation: 1, sender: 1, received: BASE_MS + 7, sent: BASE_MS + 7, protocol: 0, status: 8 }, [textPartSql(8, 1, 'failed')])}
`;

describe('Google Messages: messages not (yet) sent (BUGLE_STATUS_OUTGOING_YET_TO_SEND..AWAITING_RETRY)', () => {
  it('says each was not sent, in a flag and in a note, and counts them; drafts and failures get the note too', async () => {
    const run = await runParser(googleMessagesDbParser, await buildDatabase(DB), 'bugle_db');
    const [queued, sending, resending, awaitingRetry, sent, contradicted, draft, failed] = run.sink.messages;
    for (const [message, status] of [[queued, 'OUTGOING_YET_TO_SEND'], [sending, 'OUTGOING_SENDING'], [resending, 'OUTGOING_RESENDING'], [awaitingRetry, 'OUTGOING_AWAITING_RETRY']] as const) {
      expect(message).toMatchObject({ direction: 'outgoing', extra: { status, notYetSent: true } });
      const note = message?.extra?.['notSentNote'];
      expect(note).toMatch(/^Not recorded as sent in this database/u);
      expect(note).toContain(status);
      expect(note).toContain('sent timestamp');
      // What the note says of when a message counts as sent is AOSP Messaging's code, not Google Messages' (not public).
      expect(note).toContain('AOSP Messaging');
      expect(note).not.toMatch(/\bThe app records\b/u);
    }
    // A draft and a failure were not sent either: the same note, with their own flags.
    expect(draft).toMatchObject({ extra: { draft: true, notSentNote: expect.stringMatching(/^Not recorded as sent in this database: a draft/u) } });
    expect(failed).toMatchObject({ extra: { failed: true, notSentNote: expect.stringMatching(/^Not recorded as sent in this database: sending failed/u) } });
    expect(draft?.extra).not.toHaveProperty('notYetSent');
    expect(failed?.extra).not.toHaveProperty('notYetSent');
    expect(sent?.extra).not.toHaveProperty('notYetSent');
    expect(sent?.extra).not.toHaveProperty('notSentNote');
    expect(run.outcome.details).toMatchObject({ notYetSent: 5 });
    // The sender's sub_id says incoming: the status is taken, the disagreement kept.
    expect(contradicted).toMatchObject({ direction: 'outgoing', sender: null, extra: { notYetSent: true, directionFrom: 'message_status', senderSideDisagrees: 'incoming', senderParticipantId: 2 } });
  });
});

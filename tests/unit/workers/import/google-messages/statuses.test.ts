import { describe, expect, it } from 'vitest';
import { googleMessagesDbParser, readStatus } from '../../../../../workers/import/google-messages/index.ts';
import { BASE_MS, BUGLE_SCHEMA, PEOPLE_AND_CONVERSATIONS, messageSql, textPartSql } from '../../../../support/bugle-db-schema.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';

const STATUSES = `${BUGLE_SCHEMA}${PEOPLE_AND_CONVERSATIONS}
  ${messageSql({ id: 1, conversation: 1, sender: 1, received: BASE_MS, protocol: 0, status: 3 }, [textPartSql(1, 1, 'typed, never sent')])}
  ${messageSql({ id: 2, conversation: 1, sender: 1, received: BASE_MS + 1, protocol: 0, status: 0 }, [textPartSql(2, 1, 'status unknown, sent by the owner')])}
  ${messageSql({ id: 3, conversation: 1, sender: 1, received: BASE_MS + 2, protocol: 0, status: 100 }, [textPartSql(3, 1, 'incoming status, owner as sender')])}
  ${messageSql({ id: 4, conversation: 2, sender: 3, received: BASE_MS + 3, protocol: 1, status: 106 }, [])}
`;

describe('Google Messages statuses (AOSP MessageData.BUGLE_STATUS_*)', () => {
  it('names the documented values, tells their direction, and marks failures and drafts', () => {
    expect(readStatus(1)).toEqual({ name: 'OUTGOING_COMPLETE', direction: 'outgoing', failed: false, draft: false, notYetSent: false });
    expect(readStatus(9)).toEqual({ name: 'OUTGOING_FAILED_EMERGENCY_NUMBER', direction: 'outgoing', failed: true, draft: false, notYetSent: false });
    expect(readStatus(107)).toEqual({ name: 'INCOMING_EXPIRED_OR_NOT_AVAILABLE', direction: 'incoming', failed: false, draft: false, notYetSent: false });
    expect(readStatus(0)).toEqual({ name: 'UNKNOWN', direction: null, failed: false, draft: false, notYetSent: false });
    expect(readStatus(42)).toEqual({ name: 'undocumented (42)', direction: null, failed: false, draft: false, notYetSent: false });
  });

  it('keeps a draft, falls back on the sender for an unknown status, and notes a sender that contradicts the status', async () => {
    const run = await runParser(googleMessagesDbParser, await buildDatabase(STATUSES), 'bugle_db');
    const [draft, unknown, contradicted, downloadFailed] = run.sink.messages;
    expect(draft).toMatchObject({ direction: 'outgoing', text: 'typed, never sent', extra: { draft: true, status: 'OUTGOING_DRAFT' } });
    expect(unknown).toMatchObject({ direction: 'outgoing', sender: null, extra: { status: 'UNKNOWN', directionFrom: 'sender sub_id' } });
    expect(contradicted).toMatchObject({ direction: 'incoming', extra: { directionFrom: 'message_status', senderSideDisagrees: 'outgoing' } });
    expect(downloadFailed).toMatchObject({ direction: 'incoming', sender: '0700 000 002', text: '', extra: { failed: true, status: 'INCOMING_DOWNLOAD_FAILED', noParts: true } });
    expect(run.outcome.details).toMatchObject({ failed: 1, withoutParts: 1 });
  });
});

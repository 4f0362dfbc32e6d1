import { describe, expect, it } from 'vitest';
import { googleMessagesDbParser } from '../../../../../workers/import/google-messages/index.ts';
import { BASE_MS, BUGLE_SCHEMA, PEOPLE_AND_CONVERSATIONS, messageSql, textPartSql } from '../../../../support/bugle-db-schema.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Regression: a conversations column the reader does not read by name (a newer app's, a vendor's;
 * here one made up for the test, and AOSP's snippet_text and archive_status) was dropped, while a
 * message's such columns are kept in its extra.otherColumns. A chat now keeps them the same way,
 * in its extra.otherColumns (values that say nothing, NULL, 0 and '', left out as for messages).
 */
describe('regression: bugle_db conversation columns not read by name', () => {
  it('keeps them in the chat\'s extra.otherColumns', async () => {
    const run = await runParser(googleMessagesDbParser, await buildDatabase(`${BUGLE_SCHEMA.replace('IS_ENTERPRISE INT DEFAULT(0));', 'IS_ENTERPRISE INT DEFAULT(0), made_up_newer_column TEXT);')}${PEOPLE_AND_CONVERSATIONS}
      UPDATE conversations SET made_up_newer_column = 'kept', snippet_text = 'see you at 9', archive_status = 1 WHERE _id = 1;
      ${messageSql({ id: 1, conversation: 1, sender: 2, received: BASE_MS, protocol: 0, status: 100 }, [textPartSql(1, 1, 'room 12')])}`), 'bugle_db');
    expect(checkParsedInvariants(run, 'bugle_db')).toEqual([]);
    const [chat] = run.sink.chats;
    expect(chat?.extra?.['otherColumns']).toMatchObject({ made_up_newer_column: 'kept', snippet_text: 'see you at 9', archive_status: 1 });
    // Read by name, so not repeated there.
    expect(chat?.extra?.['otherColumns']).not.toHaveProperty('name');
    expect(chat?.extra?.['otherColumns']).not.toHaveProperty('_id');
  });
});

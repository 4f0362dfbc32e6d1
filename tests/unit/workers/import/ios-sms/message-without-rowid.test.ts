import { describe, expect, it } from 'vitest';

import { iosSmsDbParser } from '../../../../../workers/import/ios-sms/index.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { IOS_SMS_TABLES_BESIDE_MESSAGE } from '../../../../support/ios-sms-tables.ts';

/**
 * Regression: an sms.db whose message table is declared WITHOUT ROWID (hand-made or rebuilt, with
 * no ROWID column of its own) failed as a whole: the tapback reader's `SELECT rowid FROM message`
 * threw "no such column: rowid". A record's locator names the row's rowid, which such a table does
 * not have: its rows are not read, and the warning says so instead of calling the database damaged.
 */
describe('regression: sms.db message declared WITHOUT ROWID', () => {
  it('does not fail the import, and says the messages were not read because the table has no rowid', async () => {
    const run = await runParser(iosSmsDbParser, await buildDatabase(`${IOS_SMS_TABLES_BESIDE_MESSAGE}
      CREATE TABLE message (guid TEXT PRIMARY KEY, text TEXT, handle_id INTEGER DEFAULT 0, service TEXT, date INTEGER, is_from_me INTEGER DEFAULT 0,
        associated_message_guid TEXT, associated_message_type INTEGER DEFAULT 0) WITHOUT ROWID;
      INSERT INTO message (guid, text, handle_id, service, date) VALUES ('M1', 'hello', 1, 'SMS', 599079037641931008);`), 'sms.db');
    expect(run.sink.messages).toEqual([]);
    expect(run.sink.warnings).toContainEqual({ place: 'sms.db:message', message: expect.stringMatching(/^message: the table is declared WITHOUT ROWID.*its 1 row\(s\) were not read$/u) as string });
    expect(run.sink.warnings.some((warning) => warning.message.includes('damaged there'))).toBe(false);
  });
});

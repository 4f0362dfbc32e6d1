import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { MSGSTORE_CORE_TABLES } from '../../../../support/msgstore-event-tables.ts';

/**
 * Regression: a call_log declared WITHOUT ROWID (rebuilt or hand-made msgstore.db) made counting its
 * calls linked to a message (`... = t.rowid`) throw "no such column: t.rowid", and the whole database
 * failed to import. Its rows cannot be read (a record's locator names a rowid it does not have); the
 * messages still are, and a warning says why the calls are not.
 */
describe('regression: msgstore.db call_log declared WITHOUT ROWID', () => {
  it('reads the messages and says call_log was not read because it has no rowid', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(`${MSGSTORE_CORE_TABLES}
      CREATE TABLE call_log (_id INTEGER PRIMARY KEY, jid_row_id INTEGER, from_me INTEGER, call_id TEXT, timestamp INTEGER,
        video_call INTEGER, duration INTEGER, call_result INTEGER, group_jid_row_id INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
      CREATE TABLE message_call_log (_id INTEGER PRIMARY KEY AUTOINCREMENT, message_row_id INTEGER UNIQUE, call_log_row_id INTEGER UNIQUE);
      INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net');
      INSERT INTO chat VALUES (1, 1, NULL);
      INSERT INTO message VALUES (1, 1, 0, 'M1', 0, 0, 1700000000000, 0, 'call me');
      INSERT INTO call_log (_id, jid_row_id, from_me, call_id, timestamp, video_call, duration, call_result) VALUES (1, 1, 0, 'CALL-A', 1700000100000, 0, 0, 2);`), 'msgstore.db');
    expect(run.sink.messages.map((message) => message.text)).toEqual(['call me']);
    expect(run.sink.warnings).toContainEqual({ place: 'msgstore.db:call_log', message: expect.stringMatching(/^call_log: the table is declared WITHOUT ROWID.*its 1 row\(s\) were not read$/u) as string });
  });
});

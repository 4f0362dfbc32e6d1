import { describe, expect, it } from 'vitest';
import { googleMessagesDbParser } from '../../../../../workers/import/google-messages/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { BASE_MS, BUGLE_SCHEMA, PEOPLE_AND_CONVERSATIONS, messageSql } from '../../../../support/bugle-db-schema.ts';

/**
 * Regression: a message's parts were read `SELECT t.rowid … ORDER BY t.rowid`, the rowid going into
 * each part's record. A parts table declared WITHOUT ROWID (a rebuilt or hand-made bugle_db) has no
 * rowid: the lookup threw "no such column: t.rowid" and the whole database failed to import. Such a
 * table is read in its primary key's order; a part's record cannot name a rowid it does not have,
 * so it keeps its _id among its columns, and a warning says why.
 */
const PARTS_WITHOUT_ROWID = BUGLE_SCHEMA
  .replace('CREATE TABLE parts (_id INTEGER PRIMARY KEY AUTOINCREMENT,', 'CREATE TABLE parts (_id INTEGER PRIMARY KEY,')
  .replace('file_size_bytes INT DEFAULT(-1), local_cache_path TEXT);', 'file_size_bytes INT DEFAULT(-1), local_cache_path TEXT) WITHOUT ROWID;');

describe('regression: bugle_db parts declared WITHOUT ROWID', () => {
  it('reads the parts in primary key order, names no rowid for them, says why, and the import goes on', async () => {
    expect(PARTS_WITHOUT_ROWID).toContain('WITHOUT ROWID');
    const run = await runParser(googleMessagesDbParser, await buildDatabase(`${PARTS_WITHOUT_ROWID}${PEOPLE_AND_CONVERSATIONS}
      ${messageSql({ id: 10, conversation: 1, sender: 2, received: BASE_MS, protocol: 1, status: 100 }, [
        `INSERT INTO parts (_id, message_id, uri, content_type, conversation_id) VALUES (5, 10, 'content://mms/part/5', 'image/jpeg', 1);`,
        `INSERT INTO parts (_id, message_id, text, content_type, conversation_id) VALUES (4, 10, 'room 12', 'text/plain', 1);`,
      ])}`), 'bugle_db');
    expect(checkParsedInvariants(run, 'bugle_db')).toEqual([]);
    const [message] = run.sink.messages;
    expect(message).toMatchObject({ text: 'room 12', locator: { kind: 'sqlite-row', table: 'messages', rowid: 10 } });
    const parts = message?.extra?.['parts'] as Record<string, unknown>[];
    expect(parts.map((part) => part['otherColumns'])).toEqual([{ _id: 4 }, { _id: 5 }]);
    expect(parts.every((part) => !('rowid' in part))).toBe(true);
    expect(run.sink.warnings).toContainEqual({ place: 'bugle_db:parts', message: expect.stringContaining('WITHOUT ROWID') as string });
  });
});

import { describe, expect, it } from 'vitest';
import { googleMessagesDbParser } from '../../../../../workers/import/google-messages/index.ts';
import { openBytes } from '../../../../../workers/import/sqlite/index.ts';
import { BASE_MS, BUGLE_SCHEMA, PEOPLE_AND_CONVERSATIONS, messageSql } from '../../../../support/bugle-db-schema.ts';
import { declareCollation } from '../../../../support/foreign-collation.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Regression: a parts table SQLite cannot read at all (here WITHOUT ROWID with text COLLATE
 * LOCALIZED, which sql.js lacks, and its root page damaged, so it cannot be re-sorted byte for
 * byte either) failed the whole bugle_db ("no such collation sequence: LOCALIZED") while the
 * messages table was whole. Each message is now read without its parts and says why.
 */
async function damagedLocalizedParts(): Promise<Uint8Array> {
  const schema = BUGLE_SCHEMA
    .replace('CREATE TABLE parts (_id INTEGER PRIMARY KEY AUTOINCREMENT, message_id INT, text TEXT,', 'CREATE TABLE parts (_id INTEGER PRIMARY KEY, message_id INT, text TEXT COLLATE BINARY,')
    .replace('file_size_bytes INT DEFAULT(-1), local_cache_path TEXT);', 'file_size_bytes INT DEFAULT(-1), local_cache_path TEXT) WITHOUT ROWID;');
  const bytes = await declareCollation(await buildDatabase(`${schema}${PEOPLE_AND_CONVERSATIONS}
    ${messageSql({ id: 10, conversation: 1, sender: 2, received: BASE_MS, protocol: 0, status: 100 }, [`INSERT INTO parts (_id, message_id, text, content_type, conversation_id) VALUES (4, 10, 'room 12', 'text/plain', 1);`])}`), 'LOCALIZED');
  const db = await openBytes(bytes, 'bugle_db');
  const root = Number(db.exec("SELECT rootpage FROM sqlite_master WHERE name = 'parts'")[0]?.values[0]?.[0]);
  const pageSize = Number(db.exec('PRAGMA page_size')[0]?.values[0]?.[0]);
  db.close();
  const damaged = Uint8Array.from(bytes);
  damaged.fill(0xff, (root - 1) * pageSize, root * pageSize);
  return damaged;
}

describe('regression: a bugle_db parts table that cannot be read at all', () => {
  it('reads each message without its parts, says why, and names the table', async () => {
    const run = await runParser(googleMessagesDbParser, await damagedLocalizedParts(), 'bugle_db');
    expect(checkParsedInvariants(run, 'bugle_db')).toEqual([]);
    expect(run.sink.messages).toHaveLength(1);
    expect(run.sink.messages[0]).toMatchObject({ sender: 'Ana Pop', text: '', extra: { partsUnreadable: expect.stringMatching(/LOCALIZED|query solution/u) as string } });
    expect(run.sink.warnings).toContainEqual({ place: 'bugle_db:parts', message: expect.stringContaining('could not be read byte for byte') as string });
    expect(run.outcome.details).toMatchObject({ partsUnreadable: 1 });
  });
});

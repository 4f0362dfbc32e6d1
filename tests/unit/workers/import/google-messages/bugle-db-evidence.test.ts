import { randomBytes } from 'node:crypto';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { googleMessagesDbParser } from '../../../../../workers/import/google-messages/index.ts';
import { CollectingSink, buildDatabase, checkParsedInvariants, parserInput, runParser, walTransaction, writeWalFile } from '../../../../support/sqlite-parser-harness.ts';
import { BASE_MS, BUGLE_SCHEMA, PEOPLE_AND_CONVERSATIONS, messageSql, textPartSql } from '../../../../support/bugle-db-schema.ts';

const ONE_MESSAGE = `${BUGLE_SCHEMA}${PEOPLE_AND_CONVERSATIONS}
  ${messageSql({ id: 1, conversation: 1, sender: 2, received: BASE_MS, protocol: 0, status: 100 }, [textPartSql(1, 1, 'checkpointed')])}`;

const PAGE_SIZE = 4096;
const MANY = 400;

/** MANY messages from Ana, each with a text part long enough that the parts table spans many pages. */
async function manyMessages(): Promise<Uint8Array> {
  const rows = Array.from({ length: MANY }, (_, index) => messageSql({ id: index + 1, conversation: 1, sender: 2, received: BASE_MS + index, protocol: 0, status: 100 }, [textPartSql(index + 1, 1, `message ${index} ${'x'.repeat(200)}`)]));
  return buildDatabase(`PRAGMA page_size = ${PAGE_SIZE}; ${BUGLE_SCHEMA}${PEOPLE_AND_CONVERSATIONS}${rows.join('\n')}`);
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  const found = Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(Buffer.from(needle));
  if (found < 0) throw new Error('not found');
  return found;
}

async function refusal(bytes: Uint8Array, name: string): Promise<unknown> {
  return googleMessagesDbParser.parse(parserInput(bytes, name), new CollectingSink(), {}).catch((caught: unknown) => caught);
}

describe('bugle_db as evidence', () => {
  it('reads messages committed only to the -wal beside it, in memory, leaving the file as it was', async () => {
    const pageSize = 4096;
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.exec(`PRAGMA page_size = ${pageSize}; ${ONE_MESSAGE}`);
    const checkpointed = db.export();
    db.exec(messageSql({ id: 2, conversation: 1, sender: 1, received: BASE_MS + 1000, protocol: 0, status: 1 }, [textPartSql(2, 1, 'only in the wal')]));
    const latest = db.export();
    db.close();
    const wal = writeWalFile(walTransaction(checkpointed, latest, pageSize), { pageSize });
    const before = checkpointed.slice();
    const without = await runParser(googleMessagesDbParser, checkpointed, 'bugle_db');
    expect(without.sink.messages.map((message) => message.text)).toEqual(['checkpointed']);
    const run = await runParser(googleMessagesDbParser, checkpointed, 'bugle_db', { 'bugle_db-wal': wal });
    expect(run.sink.messages[1]).toMatchObject({ direction: 'outgoing', text: 'only in the wal', time: { utcMs: BASE_MS + 1000 }, locator: { table: 'messages', rowid: 2 } });
    expect(checkpointed).toEqual(before);
  });

  it('refuses garbage with a clear reason, and does not claim it', async () => {
    const garbage = new Uint8Array(randomBytes(8192));
    expect(googleMessagesDbParser.sniff(garbage.subarray(0, 4096), 'bugle_db')).toBe(false);
    expect(await refusal(garbage, 'bugle_db')).toMatchObject({ code: 'E_IMPORT_FORMAT', message: 'bugle_db: not a SQLite database (the file does not start with "SQLite format 3")' });
  });

  it('refuses another SQLite database that has conversations and messages but no parts, saying so', async () => {
    const other = await buildDatabase('CREATE TABLE conversations (_id INTEGER PRIMARY KEY); CREATE TABLE messages (_id INTEGER PRIMARY KEY, conversation_id INT)');
    expect(await refusal(other, 'bugle_db')).toMatchObject({
      code: 'E_IMPORT_FORMAT', message: 'bugle_db: a SQLite database, but not a Google Messages bugle_db (no parts table, or a messages table without conversation_id)',
    });
  });

  it('refuses a database cut short with the reason, and throws nothing else', async () => {
    const whole = await manyMessages();
    expect(await refusal(whole.slice(0, Math.floor(whole.byteLength / 2)), 'bugle_db')).toMatchObject({
      code: 'E_IMPORT_FORMAT', message: expect.stringMatching(/^bugle_db: the SQLite database cannot be read .*it was cut short$/u) as string,
    });
  });

  it('keeps a message whose parts lie on a damaged page, without them, and says so', async () => {
    const damaged = await manyMessages();
    // The page holding message 200's text part, found by its words, is overwritten.
    const page = Math.floor(indexOf(damaged, new TextEncoder().encode('message 200 ')) / PAGE_SIZE);
    damaged.fill(0xff, page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    const run = await runParser(googleMessagesDbParser, damaged, 'bugle_db');
    expect(checkParsedInvariants(run, 'bugle_db')).toEqual([]);
    expect(run.sink.messages).toHaveLength(MANY);
    const lost = run.sink.messages.find((message) => message.locator.kind === 'sqlite-row' && message.locator.rowid === 201);
    expect(lost).toMatchObject({ kind: 'message', text: '', direction: 'incoming', sender: 'Ana Pop', extra: { partsUnreadable: 'database disk image is malformed' } });
    expect(run.sink.warnings).toContainEqual({ place: 'bugle_db:parts', message: 'the parts (text and media) of messages row 201 could not be read (database disk image is malformed); the message is kept without them' });
    const kept = run.sink.messages.filter((message) => message.text.startsWith('message '));
    expect(kept.length).toBeGreaterThan(MANY / 2);
    expect(run.outcome.details['partsUnreadable']).toBe(MANY - kept.length);
  });

  it('counts and reports the deleted-message records table it cannot read', async () => {
    const withTombstones = await buildDatabase(`${ONE_MESSAGE} CREATE TABLE cms_deleted_messages_buffer (_id INTEGER PRIMARY KEY, payload BLOB); INSERT INTO cms_deleted_messages_buffer (payload) VALUES (x'00'), (x'01');`);
    const run = await runParser(googleMessagesDbParser, withTombstones, 'bugle_db');
    expect(run.outcome.details).toMatchObject({ unreadTables: { cms_deleted_messages_buffer: 2 } });
    expect(run.sink.warnings).toContainEqual({ place: 'bugle_db:cms_deleted_messages_buffer', message: 'table cms_deleted_messages_buffer (records of deleted messages) has 2 row(s) that this importer does not read: no public source describes its columns' });
  });
});

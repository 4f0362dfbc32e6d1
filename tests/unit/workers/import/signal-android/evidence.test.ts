import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { signalAndroidDbParser } from '../../../../../workers/import/signal-android/index.ts';
import { CollectingSink, buildDatabase, checkParsedInvariants, parserInput, runParser, walTransaction, writeWalFile } from '../../../../support/sqlite-parser-harness.ts';
import { BASE_MS, INBOX, NEW_PEOPLE, NEW_SIGNAL_SCHEMA, SENT } from '../../../../support/signal-android-schema.ts';

const PAGE_SIZE = 4096;
const MANY = 400;

/** MANY messages, half with an attachment, long enough that message and attachment span many pages. */
async function manyMessages(): Promise<Uint8Array> {
  const messages = Array.from({ length: MANY }, (_, index) => `(${index + 1}, ${BASE_MS + index}, ${BASE_MS + index}, 1, 2, 1, ${INBOX}, 'message ${index} ${'x'.repeat(200)}')`);
  const attachments = Array.from({ length: MANY / 2 }, (_, index) => `(${index * 2 + 1}, 'image/jpeg', 10, 'file ${index * 2 + 1} ${'y'.repeat(200)}.jpg')`);
  return buildDatabase(`PRAGMA page_size = ${PAGE_SIZE}; ${NEW_SIGNAL_SCHEMA}${NEW_PEOPLE}
    INSERT INTO message (_id, date_sent, date_received, thread_id, from_recipient_id, to_recipient_id, type, body) VALUES ${messages.join(', ')};
    INSERT INTO attachment (message_id, content_type, data_size, file_name) VALUES ${attachments.join(', ')};`);
}

function pageOf(bytes: Uint8Array, text: string): number {
  const found = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(Buffer.from(text));
  if (found < 0) throw new Error(`${text} not found`);
  return Math.floor(found / PAGE_SIZE);
}

describe('a Signal Android database as evidence', () => {
  it('reads rows committed only to the -wal beside it, in memory, leaving the file as it was', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.exec(`PRAGMA page_size = ${PAGE_SIZE}; ${NEW_SIGNAL_SCHEMA}${NEW_PEOPLE}
      INSERT INTO message (date_sent, date_received, thread_id, from_recipient_id, to_recipient_id, type, body) VALUES (${BASE_MS}, ${BASE_MS}, 1, 2, 1, ${INBOX}, 'checkpointed');`);
    const checkpointed = db.export();
    db.exec(`INSERT INTO message (date_sent, date_received, thread_id, from_recipient_id, to_recipient_id, type, body) VALUES (${BASE_MS + 1}, ${BASE_MS + 1}, 1, 1, 2, ${SENT}, 'only in the wal');`);
    const latest = db.export();
    db.close();
    const wal = writeWalFile(walTransaction(checkpointed, latest, PAGE_SIZE), { pageSize: PAGE_SIZE });
    const before = checkpointed.slice();
    const run = await runParser(signalAndroidDbParser, checkpointed, 'signal.db', { 'signal.db-wal': wal });
    expect(run.sink.messages.map((message) => message.text)).toEqual(['checkpointed', 'only in the wal']);
    expect(checkpointed).toEqual(before);
  });

  it('keeps reading after a damaged page of the message table, and says which rows were lost', async () => {
    const damaged = await manyMessages();
    const page = pageOf(damaged, 'message 200 ');
    damaged.fill(0xff, page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    const run = await runParser(signalAndroidDbParser, damaged, 'signal.db');
    expect(checkParsedInvariants(run, 'signal.db')).toEqual([]);
    const read = run.sink.messages.length;
    expect(read).toBeGreaterThan(MANY / 2);
    expect(read).toBeLessThan(MANY);
    expect(run.sink.messages.at(-1)?.text).toMatch(/^message 399 /u);
    expect(run.sink.warnings.some((warning) => warning.place === 'signal.db:message' && /rows of message after rowid \d+ up to rowid \d+ could not be read/u.test(warning.message))).toBe(true);
  });

  it('keeps a message whose attachment rows lie on a damaged page, without them, and says so', async () => {
    const damaged = await manyMessages();
    const page = pageOf(damaged, 'file 201 ');
    damaged.fill(0xff, page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    const run = await runParser(signalAndroidDbParser, damaged, 'signal.db');
    expect(run.sink.messages).toHaveLength(MANY);
    const lost = run.sink.messages.find((message) => message.locator.kind === 'sqlite-row' && message.locator.rowid === 201);
    expect(lost).toMatchObject({ kind: 'message', attachments: [], sender: 'Ana Pop', extra: { attachmentsUnreadable: 'database disk image is malformed' } });
    expect(run.sink.warnings).toContainEqual({ place: 'signal.db:attachment', message: 'the attachments of message row 201 could not be read (database disk image is malformed); the message is kept without them' });
    // Which file names are shared cannot be told now: files are looked for under signalbackup-tools' names only.
    expect(run.sink.messages.find((message) => message.locator.kind === 'sqlite-row' && message.locator.rowid === 1)?.attachments).toEqual([
      { kind: 'attached', mediaType: 'image', fileName: `file 1 ${'y'.repeat(200)}.jpg`, mimeType: 'image/jpeg', size: 10, path: 'Attachment_1_-1.bin' },
    ]);
    expect(run.sink.warnings).toContainEqual({ place: 'signal.db:attachment', message: expect.stringContaining('which file names more than one attachment row has could not be read') as string });
  });

  it('refuses a database cut short with the reason, naming the file', async () => {
    const whole = await manyMessages();
    const refused = await signalAndroidDbParser.parse(parserInput(whole.slice(0, Math.floor(whole.byteLength / 2)), 'signal.db'), new CollectingSink(), {}).catch((caught: unknown) => caught);
    expect(refused).toMatchObject({ code: 'E_IMPORT_FORMAT', message: expect.stringMatching(/^signal\.db: the SQLite database cannot be read .*it was cut short$/u) as string });
  });
});

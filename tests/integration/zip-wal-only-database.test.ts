import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import { walTransaction, writeWalFile } from '../support/sqlite-parser-harness.ts';
import { tempFolder, writeTemp } from '../support/temp-case.ts';
import { buildZip } from '../support/zip-writer.ts';

/** A zip of a phone's databases folder whose mmssms.db entry is 0 bytes and whose -wal holds every page. */
const engines: Engine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.dispose()));
});

const PAGE_SIZE = 4096;

describe('zip with a 0-byte database entry and its -wal', () => {
  it('imports the messages that are only in the log', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.exec(`PRAGMA page_size = ${PAGE_SIZE};
      CREATE TABLE sms (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, address TEXT, date INTEGER, date_sent INTEGER DEFAULT 0, read INTEGER DEFAULT 0, type INTEGER, body TEXT);
      CREATE TABLE threads (_id INTEGER PRIMARY KEY AUTOINCREMENT, date INTEGER DEFAULT 0, message_count INTEGER DEFAULT 0, recipient_ids TEXT);
      CREATE TABLE canonical_addresses (_id INTEGER PRIMARY KEY AUTOINCREMENT, address TEXT);
      INSERT INTO canonical_addresses VALUES (1, '+41790000001');
      INSERT INTO threads (_id, recipient_ids) VALUES (1, '1');
      INSERT INTO sms (thread_id, address, date, type, body) VALUES (1, '+41790000001', 1617873247692, 1, 'only in the log');`);
    const wal = writeWalFile(walTransaction(new Uint8Array(0), db.export(), PAGE_SIZE), { pageSize: PAGE_SIZE });
    db.close();
    const folder = tempFolder();
    const zip = writeTemp(folder, 'phone.zip', buildZip([{ name: 'databases/mmssms.db', data: new Uint8Array(0) }, { name: 'databases/mmssms.db-wal', data: wal, deflate: true }]));
    const engine = new Engine({ mode: 'cli', actor: 'zip-wal' });
    engines.push(engine);
    await engine.openCase(join(folder, 'case'), true);
    const summary = await engine.startImport([zip], { timeZone: 'UTC' }).done;
    expect(summary.sources[0]).toMatchObject({ status: 'imported', format: 'zip', messages: 1 });
  }, 60_000);
});

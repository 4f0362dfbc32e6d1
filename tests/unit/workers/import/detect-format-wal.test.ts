import { closeSync, ftruncateSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { androidSmsDbParser } from '../../../../workers/import/android-sms/index.ts';
import { detectFormat } from '../../../../workers/import/detect-format.ts';
import { whatsappAndroidDbParser } from '../../../../workers/import/whatsapp-db/android-parser.ts';
import { MAX_EVIDENCE_DATABASE_BYTES } from '../../../../workers/import/sqlite/index.ts';
import { minimalMmssmsSql, runParser, walTransaction, writeWalFile } from '../../../support/sqlite-parser-harness.ts';
import { tempFolder, writeTemp, writeWithFolders } from '../../../support/temp-case.ts';
import { buildZip } from '../../../support/zip-writer.ts';

/**
 * A database copied while its app was running may have its whole schema only in the -wal beside
 * it (created shortly before the seizure, or just VACUUMed): the main file is a bare first page.
 * Detection must see what the importer sees after replaying the log in memory.
 */

const PAGE_SIZE = 4096;

const MMSSMS = minimalMmssmsSql('committed before the schema was checkpointed');

const MSGSTORE = `
  CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_wa_type TEXT, media_size INTEGER, remote_resource TEXT);
  CREATE TABLE chat_list (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT UNIQUE, subject TEXT);
  INSERT INTO chat_list (key_remote_jid, subject) VALUES ('4915100000001@s.whatsapp.net', NULL);
  INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, media_size)
    VALUES ('4915100000001@s.whatsapp.net', 0, 'K1', 0, 'only in the log', 1623696954096, '0', 0);
`;

/** Each SQL step applied in turn to one database; the file bytes after each, in WAL mode as a phone leaves them. */
async function states(...steps: string[]): Promise<Uint8Array[]> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  try {
    db.exec(`PRAGMA page_size = ${PAGE_SIZE}; PRAGMA user_version = 1;`);
    return steps.map((step) => {
      db.exec(step);
      const bytes = db.export();
      bytes[18] = 2;
      bytes[19] = 2;
      return bytes;
    });
  } finally {
    db.close();
  }
}

function walFrom(before: Uint8Array, after: Uint8Array): Uint8Array {
  return writeWalFile(walTransaction(before, after, PAGE_SIZE), { pageSize: PAGE_SIZE });
}

describe('detectFormat on a database whose newest pages are in its -wal', () => {
  const folder = tempFolder();

  it('recognises a database whose tables were created only in the log, and the importer reads its rows', async () => {
    const [bare, mmssms] = await states('', MMSSMS);
    if (bare === undefined || mmssms === undefined) throw new Error('no states');
    const wal = walFrom(bare, mmssms);
    const path = writeTemp(folder, 'mmssms.db', bare);
    writeTemp(folder, 'mmssms.db-wal', wal);

    const detection = await detectFormat(path);
    expect(detection.format).toBe(androidSmsDbParser.format);
    expect(detection.reason).toBe('a android-sms database (its tables are in its write-ahead log mmssms.db-wal, replayed in memory)');

    const run = await runParser(androidSmsDbParser, bare, 'mmssms.db', { 'mmssms.db-wal': wal });
    expect(run.sink.messages.map((message) => message.text)).toEqual(['committed before the schema was checkpointed']);
  });

  it('recognises a msgstore.db under another name, and one whose main file is empty', async () => {
    const [bare, msgstore] = await states('', MSGSTORE);
    if (bare === undefined || msgstore === undefined) throw new Error('no states');
    const sub = join(folder, 'whatsapp');
    const path = writeWithFolders(join(sub, 'carved-0001'), bare);
    writeWithFolders(join(sub, 'carved-0001-wal'), walFrom(bare, msgstore));
    expect((await detectFormat(path)).format).toBe(whatsappAndroidDbParser.format);

    const emptyPath = writeWithFolders(join(sub, 'msgstore.db'), new Uint8Array(0));
    writeWithFolders(join(sub, 'msgstore.db-wal'), walFrom(new Uint8Array(0), msgstore));
    expect((await detectFormat(emptyPath)).format).toBe(whatsappAndroidDbParser.format);
    const run = await runParser(whatsappAndroidDbParser, new Uint8Array(0), 'msgstore.db', { 'msgstore.db-wal': walFrom(new Uint8Array(0), msgstore) });
    expect(run.sink.messages.map((message) => message.text)).toEqual(['only in the log']);
  });

  it('still detects a plain database whose log only adds rows, as before', async () => {
    const [withSchema, moreRows] = await states(MMSSMS, "INSERT INTO sms (thread_id, address, date, type, body) VALUES (1, '+41790000001', 1617873248692, 2, 'newer')");
    if (withSchema === undefined || moreRows === undefined) throw new Error('no states');
    const path = writeTemp(folder, 'plain.db', withSchema);
    writeTemp(folder, 'plain.db-wal', walFrom(withSchema, moreRows));
    expect(await detectFormat(path)).toEqual({ format: androidSmsDbParser.format, reason: 'a android-sms database' });
  });

  it('falls back to the main file when the log is corrupt, and says why', async () => {
    const [bare, mmssms] = await states('', MMSSMS);
    if (bare === undefined || mmssms === undefined) throw new Error('no states');
    const corrupt = walFrom(bare, mmssms);
    corrupt[24] = (corrupt[24] ?? 0) ^ 1; // the header checksum no longer matches

    const schemaOnlyInLog = writeTemp(folder, 'torn.db', bare);
    writeTemp(folder, 'torn.db-wal', corrupt);
    const unreadable = await detectFormat(schemaOnlyInLog);
    expect(unreadable.format).toBeNull();
    expect(unreadable.reason).toMatch(/^a SQLite database, but not one of the phone databases .*; its write-ahead log torn\.db-wal was not applied: .*header checksum/u);

    const plain = writeTemp(folder, 'kept.db', mmssms);
    writeTemp(folder, 'kept.db-wal', corrupt);
    const kept = await detectFormat(plain);
    expect(kept.format).toBe(androidSmsDbParser.format);
    expect(kept.reason).toMatch(/^a android-sms database; its write-ahead log kept\.db-wal was not applied: .*header checksum/u);
  });

  it('does not read a log bigger than a database can be, and says so', async () => {
    const [bare] = await states('');
    if (bare === undefined) throw new Error('no states');
    const path = writeTemp(folder, 'huge.db', bare);
    const walPath = `${path}-wal`;
    const fd = openSync(walPath, 'w');
    try {
      ftruncateSync(fd, 2 ** 31 + 4096);
      writeSync(fd, new Uint8Array([0x37]), 0, 1, 0);
    } finally {
      closeSync(fd);
    }
    const detection = await detectFormat(path).finally(() => rmSync(walPath));
    expect(detection.format).toBeNull();
    expect(detection.reason).toContain(`its write-ahead log huge.db-wal was not applied: 2147487744 bytes, more than the ${MAX_EVIDENCE_DATABASE_BYTES} bytes`);
  });

  it('recognises such a database inside a zip, beside its -wal entry', async () => {
    const [bare, mmssms] = await states('', MMSSMS);
    if (bare === undefined || mmssms === undefined) throw new Error('no states');
    const wal = walFrom(bare, mmssms);
    const zip = writeTemp(folder, 'phone.zip', buildZip([
      { name: 'data/com.android.providers.telephony/databases/mmssms.db', data: bare },
      { name: 'data/com.android.providers.telephony/databases/mmssms.db-wal', data: wal },
    ]));
    expect(await detectFormat(zip)).toEqual({ format: 'zip', reason: `a zip holding ${androidSmsDbParser.format}` });
    const alone = writeTemp(folder, 'main-only.zip', buildZip([{ name: 'mmssms.db', data: bare }]));
    expect((await detectFormat(alone)).format).toBeNull();
  });
});

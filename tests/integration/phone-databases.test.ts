import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSession } from '../../engine/case/case-session.ts';
import { Engine } from '../../engine/engine.ts';
import { searchCase } from '../../engine/search/search-case.ts';
import type { ImportSummary } from '../../shared/domain/import.ts';
import initSqlJs from 'sql.js';
import { signalDesktopRows } from '../support/independent-counts.ts';
import { buildDatabase } from '../support/sqlite-parser-harness.ts';
import { buildZip } from '../support/zip-writer.ts';
import { SAMPLES, tempFolder } from '../support/temp-case.ts';

/**
 * Phone databases through the whole engine: identified by their tables (not their names),
 * read from bytes with sql.js, never opened for writing, every row kept with a table#rowid locator.
 */
const DATABASES = [
  ['android-mmssms-db/dfrws2021/dec_mmssms.db', 'android-mmssms-db', 32],
  ['ios-sms-db/magnet-ctf-2020/sms.db', 'ios-sms-db', 105],
  ['whatsapp-db/dllsystem/msgstore.db', 'whatsapp-android-db', 9],
] as const;

const present = DATABASES.filter(([file]) => existsSync(join(SAMPLES, file)));

/** One message from a jid that the IPED sample's wa.db names "Nickerida". */
const SMALL_MSGSTORE = `
  CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_wa_type TEXT, remote_resource TEXT);
  CREATE TABLE chat_list (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT UNIQUE, subject TEXT);
  INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type) VALUES
    ('556183125151@s.whatsapp.net', 0, 'K1', 0, 'a message under a name from the contacts database', 1623696954096, '0');
`;

/**
 * A decrypted Signal Desktop database (as sigtop export-database writes it): a group with a
 * member's message, an outgoing reply with a photo, a safety-number change, a row whose json is cut short.
 */
const SMALL_SIGNAL_DESKTOP = `
  CREATE TABLE identityKeys (id STRING PRIMARY KEY ASC, json TEXT);
  CREATE TABLE conversations (id STRING PRIMARY KEY ASC, json TEXT, type STRING, name TEXT, profileFullName TEXT, e164 TEXT, serviceId TEXT);
  CREATE TABLE messages (rowid INTEGER PRIMARY KEY ASC, id STRING UNIQUE, json TEXT, sent_at INTEGER, conversationId STRING, type STRING, body TEXT, sourceServiceId TEXT);
  INSERT INTO conversations VALUES ('c-ana', '{"id":"c-ana"}', 'private', NULL, 'Ana Signal', '+40700000001', 'aaaaaaaa-0000-4000-8000-000000000001'),
    ('c-g', '{"id":"c-g","membersV2":[{"aci":"aaaaaaaa-0000-4000-8000-000000000001"}]}', 'group', 'Signal crew', NULL, NULL, NULL);
  INSERT INTO messages VALUES
    (1, 'm1', '{"id":"m1"}', 1700000000000, 'c-g', 'incoming', 'signal group hello', 'aaaaaaaa-0000-4000-8000-000000000001'),
    (2, 'm2', '{"id":"m2","attachments":[{"fileName":"dock.jpg","contentType":"image/jpeg","size":10}]}', 1700000060000, 'c-g', 'outgoing', 'reply', NULL),
    (3, 'm3', '{"id":"m3","key_changed":"c-ana"}', 1700000120000, 'c-ana', 'keychange', NULL, NULL),
    (4, 'm4', '{"id":"m4","body":"cut', 1700000180000, 'c-ana', NULL, NULL, NULL);
`;

function sha256Of(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

describe.skipIf(present.length === 0)('phone databases', () => {
  let engine: Engine;
  let session: CaseSession;
  let summary: ImportSummary;
  const before = new Map<string, { bytes: Buffer; mtimeMs: number }>();
  let whatsappFolder: string;

  beforeAll(async () => {
    for (const [file] of present) before.set(file, { bytes: readFileSync(join(SAMPLES, file)), mtimeMs: statSync(join(SAMPLES, file)).mtimeMs });
    // msgstore.db with its wa.db beside it, as an extraction tool may name them: found by content.
    whatsappFolder = tempFolder();
    copyFileSync(join(SAMPLES, 'whatsapp-db/iped/test_whatsAppMsgStore.db'), join(whatsappFolder, 'exhibit-7-a.db'));
    copyFileSync(join(SAMPLES, 'whatsapp-db/iped/test_whatsApp.db'), join(whatsappFolder, 'exhibit-7-b.bin'));
    engine = new Engine({ mode: 'cli', actor: 'phone-db' });
    session = await engine.openCase(join(tempFolder(), 'case'), true);
    summary = await engine.startImport([...present.map(([file]) => join(SAMPLES, file)), whatsappFolder], { timeZone: 'UTC' }).done;
  }, 180_000);

  afterAll(async () => {
    await engine.dispose();
  });

  it.each(present)('%s imports as %s with every message', (file, format, messages) => {
    const result = summary.sources.find((source) => source.path === join(SAMPLES, file));
    expect(result, JSON.stringify(summary.sources.map((source) => [source.path, source.status, source.error]))).toMatchObject({ status: 'imported', format, messages, unparsed: 0 });
  });

  it('reads a renamed msgstore.db with the renamed wa.db beside it, and skips that companion as a source', async () => {
    const msgstore = summary.sources.find((source) => source.path === join(whatsappFolder, 'exhibit-7-a.db'));
    const contacts = summary.sources.find((source) => source.path === join(whatsappFolder, 'exhibit-7-b.bin'));
    expect(msgstore).toMatchObject({ status: 'imported', format: 'whatsapp-android-db', messages: 74 });
    expect(contacts).toMatchObject({ status: 'skipped', format: 'companion' });
    expect(contacts?.issues[0]?.reason).toContain('read with the WhatsApp message database exhibit-7-a.db beside it');
    const details = (await session.info()).sources.find((source) => source.id === msgstore?.sourceId)?.details;
    expect(details).toMatchObject({ contactsSource: 'exhibit-7-b.bin', contactsSourceFound: 'in the same folder', contactsSourceSha256: sha256Of(join(SAMPLES, 'whatsapp-db/iped/test_whatsApp.db')) });
    expect((await searchCase(session, 'sender:Nickerida', 5, 0)).total).toBeGreaterThan(0);
  });

  it("does not give another phone's contacts database in the same import to a msgstore.db without its own", () => {
    const other = summary.sources.find((source) => source.path === join(SAMPLES, 'whatsapp-db/dllsystem/msgstore.db'));
    expect(other?.issues.map((issue) => issue.reason)).toContainEqual(expect.stringContaining('the import also holds the WhatsApp message database'));
  });

  it('reads names from a contacts database imported with the msgstore.db from another folder', async () => {
    const root = tempFolder();
    mkdirSync(join(root, 'databases'));
    mkdirSync(join(root, 'contacts'));
    const messages = join(root, 'databases', 'store-copy.db');
    writeFileSync(messages, await buildDatabase(SMALL_MSGSTORE));
    const contacts = join(root, 'contacts', 'names.sqlite');
    copyFileSync(join(SAMPLES, 'whatsapp-db/iped/test_whatsApp.db'), contacts);
    const result = await engine.startImport([messages, contacts], { timeZone: 'UTC' }).done;
    const store = result.sources.find((source) => source.path === messages);
    expect(store).toMatchObject({ status: 'imported', format: 'whatsapp-android-db', messages: 1 });
    expect(result.sources.find((source) => source.path === contacts)).toMatchObject({ status: 'skipped', format: 'companion' });
    const details = (await session.info()).sources.find((source) => source.id === store?.sourceId)?.details;
    expect(details).toMatchObject({ contactsSource: contacts, contactsSourceFound: 'in the same import' });
    const stored = await session.db.client.call('messagesByRowids', { rowids: await session.db.client.call('allMessageRowids', {}) });
    expect(stored.find((message) => message.sourceId === store?.sourceId)).toMatchObject({ sender: 'Nickerida', text: 'a message under a name from the contacts database' });
  });

  it('reads names from a renamed contacts database beside a msgstore.db inside a zip', async () => {
    const zip = join(tempFolder(), 'extraction.zip');
    const contacts = new Uint8Array(readFileSync(join(SAMPLES, 'whatsapp-db/iped/test_whatsApp.db')));
    writeFileSync(zip, buildZip([
      { name: 'data/databases/a.db', data: await buildDatabase(SMALL_MSGSTORE), deflate: true },
      { name: 'data/databases/b.db', data: contacts, deflate: true },
    ]));
    const result = await engine.startImport([zip], { timeZone: 'UTC' }).done;
    const source = result.sources[0];
    // The contacts database is not tried as a message source of its own (it was, and failed, before).
    expect(source).toMatchObject({ status: 'imported', format: 'zip', messages: 1, issues: [] });
    const details = (await session.info()).sources.find((candidate) => candidate.id === source?.sourceId)?.details;
    expect(details?.['contactsDatabases']).toEqual(['data/databases/b.db']);
    const entries = (details?.['entries'] ?? []) as { name: string; details: Record<string, unknown> }[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ name: 'data/databases/a.db', details: { contactsSource: 'b.db', contactsSourceFound: 'in the same folder' } });
  });

  it('refuses a contacts database given alone, under any name, with the reason: it holds no messages', async () => {
    const folder = tempFolder();
    const lonely = join(folder, 'contacts.bin');
    copyFileSync(join(SAMPLES, 'whatsapp-db/iped/test_whatsApp.db'), lonely);
    const result = await engine.startImport([lonely], {}).done;
    expect(result.sources[0]).toMatchObject({ status: 'failed', sourceId: null, messages: 0, error: { code: 'E_IMPORT_FORMAT' } });
    expect(result.sources[0]?.error?.message).toContain('a WhatsApp contacts database');
    expect(result.sources[0]?.error?.message).toContain('no WhatsApp message database (msgstore.db) is beside it or in this import');
  });

  it('imports a decrypted Signal Desktop database under any name, every row counted independently', async () => {
    const bytes = await buildDatabase(SMALL_SIGNAL_DESKTOP);
    const path = join(tempFolder(), 'exhibit-3.bin');
    writeFileSync(path, bytes);
    const SQL = await initSqlJs();
    const db = new SQL.Database(bytes);
    const independent = signalDesktopRows(db);
    db.close();
    const result = await engine.startImport([path], { timeZone: 'UTC' }).done;
    const source = result.sources[0];
    expect(source).toMatchObject({ status: 'imported', format: 'signal-desktop-db', unparsed: 1, attachments: 1 });
    expect((source?.messages ?? 0) + (source?.unparsed ?? 0)).toBe(independent.records);
    const stored = (await session.db.client.call('messagesByRowids', { rowids: await session.db.client.call('allMessageRowids', {}) })).filter((message) => message.sourceId === source?.sourceId);
    expect(stored.filter((message) => message.kind === 'system')).toHaveLength(independent.system ?? -1);
    expect(stored.find((message) => message.text === 'signal group hello')).toMatchObject({ sender: 'Ana Signal', direction: 'incoming', locator: { kind: 'sqlite-row', file: 'exhibit-3.bin', table: 'messages', rowid: 1 } });
    expect(readFileSync(path).equals(Buffer.from(bytes))).toBe(true);
  });

  it('leaves every evidence database byte-for-byte unchanged, with no -wal or -shm created', () => {
    for (const [file] of present) {
      const path = join(SAMPLES, file);
      expect(readFileSync(path).equals(before.get(file)?.bytes ?? Buffer.alloc(0)), file).toBe(true);
      expect(statSync(path).mtimeMs).toBe(before.get(file)?.mtimeMs);
      expect(existsSync(`${path}-wal`) || existsSync(`${path}-shm`)).toBe(false);
    }
  });

  it('finds messages with sqlite-row locators', async () => {
    const result = await searchCase(session, 'after:2000-01-01', 5, 0, { sort: 'oldest' });
    expect(result.total).toBeGreaterThan(100);
    expect(result.hits.every((hit) => hit.locator.kind === 'sqlite-row')).toBe(true);
  });
});

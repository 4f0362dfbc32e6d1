import initSqlJs from 'sql.js';
import type { NearbyFile } from '../../../../../shared/contracts/parsed-source.ts';
import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { CollectingSink, buildDatabase, parserInput, runParser, walTransaction, writeWalFile } from '../../../../support/sqlite-parser-harness.ts';

/**
 * msgstore.db finds WhatsApp's contacts database (wa.db on the phone) by its wa_contacts table
 * among the files beside it and the other files of its import, whatever the copies are called.
 */
const MSGSTORE = `
  CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_wa_type TEXT, remote_resource TEXT);
  CREATE TABLE chat_list (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT UNIQUE, subject TEXT);
  INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type) VALUES
    ('4915100000001@s.whatsapp.net', 0, 'K1', 0, 'Can you come tonight?', 1623696954096, '0'),
    ('4915100000002@s.whatsapp.net', 0, 'K2', 0, 'Bring the passports', 1623696960000, '0');
`;

const CONTACTS_SCHEMA = 'CREATE TABLE wa_contacts (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid TEXT NOT NULL, is_whatsapp_user BOOLEAN NOT NULL, display_name TEXT, wa_name TEXT);';

function contacts(anna: string): Promise<Uint8Array> {
  return buildDatabase(`${CONTACTS_SCHEMA}
    INSERT INTO wa_contacts (jid, is_whatsapp_user, display_name, wa_name) VALUES ('4915100000001@s.whatsapp.net', 1, '${anna}', 'anna');`);
}

async function senders(companions: Record<string, Uint8Array>, elsewhere: Record<string, Uint8Array> = {}, name = 'evidence-17.db') {
  const run = await runParser(whatsappAndroidDbParser, await buildDatabase(MSGSTORE), name, companions, elsewhere);
  return { run, senders: run.sink.messages.map((message) => message.sender), details: run.outcome.details, warnings: run.sink.warnings };
}

describe('msgstore.db: the contacts database is found by content, whatever the names', () => {
  it('reads names from a renamed copy beside a renamed msgstore.db, and records which file it was', async () => {
    const { senders: names, details, warnings } = await senders({ '3d0d7e5fb2ce2888.bin': await contacts('Anna (address book)'), 'notes.txt': new TextEncoder().encode('not a db') });
    expect(names).toEqual(['Anna (address book)', '+4915100000002']);
    expect(details).toMatchObject({ contactsSource: '3d0d7e5fb2ce2888.bin', contactsSourceFound: 'in the same folder', contactNames: 1, contactsSourceSha256: expect.stringMatching(/^[0-9a-f]{64}$/u) });
    expect(warnings).toEqual([]);
  });

  it('reads names from a contacts database imported with it from another folder', async () => {
    const { senders: names, details } = await senders({}, { 'contacts copy.sqlite': await contacts('Anna') });
    expect(names[0]).toBe('Anna');
    expect(details).toMatchObject({ contactsSource: '/elsewhere/contacts copy.sqlite', contactsSourceFound: 'in the same import' });
  });

  it('does not use one elsewhere in the import when another message database is there too: it may be that phone\'s', async () => {
    const otherPhone = await buildDatabase(`${MSGSTORE} INSERT INTO chat_list (key_remote_jid) VALUES ('x')`);
    const { senders: names, details, warnings } = await senders({}, { 'phone-b/wa.db': await contacts('Anna of phone B'), 'phone-b/msgstore.db': otherPhone });
    expect(names[0]).toBe('+4915100000001');
    expect(details).toMatchObject({ contactsSource: null });
    expect(warnings).toEqual([{ place: 'evidence-17.db', message: expect.stringContaining('the import also holds the WhatsApp message database /elsewhere/phone-b/msgstore.db') }]);
  });

  it('prefers the one beside it to one elsewhere in the import', async () => {
    const { senders: names } = await senders({ 'wa (1).db': await contacts('Anna beside') }, { 'wa.db': await contacts('Anna elsewhere') });
    expect(names[0]).toBe('Anna beside');
  });

  it('reads none of two different ones at the same distance, and says why; identical copies count once', async () => {
    const ambiguous = await senders({ 'a.db': await contacts('Anna A'), 'b.db': await contacts('Anna B') });
    expect(ambiguous.senders[0]).toBe('+4915100000001');
    expect(ambiguous.details).toMatchObject({ contactsSource: null, contactsSourceSha256: null, contactNames: 0 });
    expect(ambiguous.warnings).toEqual([{ place: 'evidence-17.db', message: expect.stringContaining('2 different WhatsApp contacts databases beside it (a.db, b.db)') }]);
    const copy = await contacts('Anna');
    const copies = await senders({ 'wa.db': copy, 'wa - copy.db': copy.slice() });
    expect(copies.senders[0]).toBe('Anna');
  });

  const CANNOT_BE_LISTED = { relation: 'same-folder' as const, folder: '/evidence', reason: "it could not be listed (EACCES: permission denied, scandir '/evidence')" };

  async function withGap(companions: Record<string, Uint8Array>, elsewhere: Record<string, Uint8Array>, offered: (files: NearbyFile[]) => NearbyFile[]) {
    const input = parserInput(await buildDatabase(MSGSTORE), 'evidence-17.db', companions, elsewhere);
    const listed = await input.nearby();
    input.nearby = () => Promise.resolve(offered(listed));
    input.nearbyUnlisted = () => Promise.resolve([CANNOT_BE_LISTED]);
    const sink = new CollectingSink();
    const outcome = await whatsappAndroidDbParser.parse(input, sink, {});
    return { senders: sink.messages.map((message) => message.sender), details: outcome.details, warnings: sink.warnings };
  }
  const besideOnlyElsewhere = (files: NearbyFile[]): NearbyFile[] => files.filter((file) => file.relation === 'same-import');

  it('reads wa.db reached by its name when the folder beside it cannot be listed, and names the gap (regression: no contacts were read at all)', async () => {
    // Its -wal is reached by name too: Boss is only in the log.
    const pageSize = 4096;
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.exec(`PRAGMA page_size = ${pageSize}; ${CONTACTS_SCHEMA} INSERT INTO wa_contacts (jid, is_whatsapp_user, display_name) VALUES ('4915100000001@s.whatsapp.net', 1, 'Anna beside')`);
    const checkpointed = db.export();
    db.exec("INSERT INTO wa_contacts (jid, is_whatsapp_user, display_name) VALUES ('4915100000002@s.whatsapp.net', 1, 'Boss (only in the wal)')");
    const wal = writeWalFile(walTransaction(checkpointed, db.export(), pageSize), { pageSize });
    db.close();
    const { senders: names, details, warnings } = await withGap({ 'wa.db': checkpointed, 'wa.db-wal': wal }, { 'wa.db': await contacts('Anna elsewhere') }, besideOnlyElsewhere);
    expect(names).toEqual(['Anna beside', 'Boss (only in the wal)']);
    expect(details).toMatchObject({ contactsSource: 'wa.db', contactsSourceFound: 'in the same folder' });
    expect(warnings).toEqual([{ place: 'evidence-17.db', message: expect.stringContaining("were not all looked at for its WhatsApp contacts database (/evidence: it could not be listed (EACCES: permission denied, scandir '/evidence')): names were read from wa.db, the only one found beside it") }]);
  });

  it('reads the one among the files offered when the folder beside it was cut, and names the gap', async () => {
    const { senders: names, details, warnings } = await withGap({ 'contacts copy.db': await contacts('Anna listed') }, {}, (files) => files);
    expect(names[0]).toBe('Anna listed');
    expect(details).toMatchObject({ contactsSource: 'contacts copy.db' });
    expect(warnings).toEqual([{ place: 'evidence-17.db', message: expect.stringContaining('names were read from contacts copy.db, the only one found beside it, but another one may be among the files not looked at') }]);
  });

  it('reads none elsewhere in the import when none is found beside a folder not looked at whole: an unseen one beside it comes first', async () => {
    const { senders: names, details, warnings } = await withGap({}, { 'wa.db': await contacts('Anna elsewhere') }, besideOnlyElsewhere);
    expect(names[0]).toBe('+4915100000001');
    expect(details).toMatchObject({ contactsSource: null });
    expect(warnings).toEqual([{ place: 'evidence-17.db', message: expect.stringContaining('and none was found among those that were, nor as wa.db: one not looked at may be it, so none elsewhere in the import was used') }]);
  });

  it('does not take a file called wa.db for a contacts database when it is not one, and says so', async () => {
    const other = await buildDatabase('CREATE TABLE settings (k TEXT, v TEXT);');
    const { senders: names, details, warnings } = await senders({ 'wa.db': other });
    expect(names[0]).toBe('+4915100000001');
    expect(details).toMatchObject({ contactsSource: null });
    expect(warnings).toEqual([{ place: 'wa.db', message: expect.stringContaining('wa.db beside evidence-17.db is not a WhatsApp contacts database') }]);
  });

  it("reads the contacts database with its -wal: names written since the last checkpoint count", async () => {
    const pageSize = 4096;
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.exec(`PRAGMA page_size = ${pageSize}; ${CONTACTS_SCHEMA}`);
    db.exec("INSERT INTO wa_contacts (jid, is_whatsapp_user, display_name, wa_name) VALUES ('4915100000001@s.whatsapp.net', 1, 'Anna', 'anna')");
    const checkpointed = db.export();
    db.exec("INSERT INTO wa_contacts (jid, is_whatsapp_user, display_name, wa_name) VALUES ('4915100000002@s.whatsapp.net', 1, 'Boss (only in the wal)', NULL)");
    const latest = db.export();
    db.close();
    const wal = writeWalFile(walTransaction(checkpointed, latest, pageSize), { pageSize });
    const { senders: names } = await senders({ 'contacts.db': checkpointed, 'contacts.db-wal': wal });
    expect(names).toEqual(['Anna', 'Boss (only in the wal)']);
  });
});

/**
 * A wa.db copied while WhatsApp ran holds its newest pages, and sometimes its tables, only in its
 * -wal: it is recognised from the log replayed in memory, as the message database itself is.
 */
describe('msgstore.db: a contacts database whose tables are only in its -wal', () => {
  const pageSize = 4096;
  async function contactsStates(): Promise<{ before: Uint8Array; after: Uint8Array }> {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.exec(`PRAGMA page_size = ${pageSize}; CREATE TABLE android_metadata (locale TEXT); INSERT INTO android_metadata VALUES ('en_US');`);
    const before = db.export();
    db.exec(`${CONTACTS_SCHEMA} INSERT INTO wa_contacts (jid, is_whatsapp_user, display_name, wa_name) VALUES ('4915100000001@s.whatsapp.net', 1, 'Anna (wal)', 'anna');`);
    const after = db.export();
    db.close();
    return { before, after };
  }

  it('reads names when the main file is empty and every page is in the log', async () => {
    const { after } = await contactsStates();
    const wal = writeWalFile(walTransaction(new Uint8Array(0), after, pageSize), { pageSize });
    const { senders: names, details } = await senders({ 'wa.db': new Uint8Array(0), 'wa.db-wal': wal });
    expect(names[0]).toBe('Anna (wal)');
    expect(details).toMatchObject({ contactsSource: 'wa.db' });
  });

  it('reads names when the main file has only android_metadata and the log creates wa_contacts', async () => {
    const { before, after } = await contactsStates();
    const wal = writeWalFile(walTransaction(before, after, pageSize), { pageSize });
    const { senders: names, warnings } = await senders({ 'wa.db': before, 'wa.db-wal': wal });
    expect(names[0]).toBe('Anna (wal)');
    expect(warnings).toEqual([]);
  });
});

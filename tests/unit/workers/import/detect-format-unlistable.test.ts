import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { detectFormat } from '../../../../workers/import/detect-format.ts';
import { buildDatabase } from '../../../support/sqlite-parser-harness.ts';
import { tempFolder, writeTemp } from '../../../support/temp-case.ts';
import { unlistable } from '../../../support/unlistable-folder.ts';

/**
 * A WhatsApp contacts database whose own folder, or whose message database's folder, cannot be
 * listed (on disk: execute without read permission, which tests running as root cannot make):
 * readdirSync fails for that folder alone.
 */
vi.mock('node:fs', async (importOriginal) => (await import('../../../support/unlistable-folder.ts')).withUnlistableFolder(await importOriginal()));

const CONTACTS = "CREATE TABLE wa_contacts (_id INTEGER PRIMARY KEY, jid TEXT NOT NULL, display_name TEXT, wa_name TEXT); INSERT INTO wa_contacts (jid, display_name) VALUES ('4915100000001@s.whatsapp.net', 'Anna');";
const MSGSTORE = 'CREATE TABLE messages (_id INTEGER PRIMARY KEY, key_remote_jid TEXT, key_from_me INTEGER, key_id TEXT, data TEXT, timestamp INTEGER); CREATE TABLE chat_list (_id INTEGER PRIMARY KEY, key_remote_jid TEXT);';

describe('detectFormat: a WhatsApp contacts database near a folder that cannot be listed (regression: the folder was taken for empty)', () => {
  it('does not say no message database is beside it when its folder could not be listed', async () => {
    const folder = tempFolder();
    const contacts = writeTemp(folder, 'wa.db', await buildDatabase(CONTACTS));
    writeTemp(folder, 'msgstore.db', await buildDatabase(MSGSTORE));
    unlistable.folder = folder;
    const detection = await detectFormat(contacts);
    expect(detection.companionOf).toBeUndefined();
    expect(detection.reason).not.toContain('is beside it or in this import');
    expect(detection.reason).toContain(`the files beside it were not all looked at (${folder}: it could not be listed (EACCES: permission denied, scandir '${folder}'))`);
  });

  it('is not called the companion of a msgstore.db whose folder could not be listed: that parser reads no contacts database then', async () => {
    const root = tempFolder();
    mkdirSync(join(root, 'a'));
    mkdirSync(join(root, 'b'));
    const messages = writeTemp(join(root, 'a'), 'msgstore.db', await buildDatabase(MSGSTORE));
    const contacts = writeTemp(join(root, 'b'), 'wa.db', await buildDatabase(CONTACTS));
    unlistable.folder = join(root, 'a');
    const detection = await detectFormat(contacts, undefined, [messages]);
    expect(detection.companionOf).toBeUndefined();
    expect(detection.reason).toContain(`but the WhatsApp message database ${messages} reads none: the files beside it were not all looked at (${join(root, 'a')}: it could not be listed`);
  });
});

describe('detectFormat: a WhatsApp contacts database beside its msgstore.db in a folder that cannot be listed', () => {
  it('is the companion of the msgstore.db beside it, which reaches it by its name or as a file of the import (whatsapp-db/contacts.ts)', async () => {
    const folder = tempFolder();
    const messages = writeTemp(folder, 'msgstore.db', await buildDatabase(MSGSTORE));
    const named = writeTemp(folder, 'wa.db', await buildDatabase(CONTACTS));
    const renamed = writeTemp(folder, 'contacts copy.db', await buildDatabase(CONTACTS));
    unlistable.folder = folder;
    expect((await detectFormat(named, undefined, [messages, named])).companionOf).toBe('msgstore.db');
    expect((await detectFormat(renamed, undefined, [messages, renamed])).companionOf).toBe('msgstore.db');
  });
});

describe('detectFormat: ContactsV2.sqlite or LID.sqlite beside its ChatStorage.sqlite in a folder that cannot be listed', () => {
  const CHAT_STORAGE = 'CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, ZCONTACTJID VARCHAR); CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZTEXT VARCHAR);';
  const ADDRESS_BOOK = "CREATE TABLE ZWAADDRESSBOOKCONTACT (Z_PK INTEGER PRIMARY KEY, ZFULLNAME VARCHAR, ZWHATSAPPID VARCHAR); INSERT INTO ZWAADDRESSBOOKCONTACT VALUES (1, 'Anna', '4915100000001@s.whatsapp.net');";
  const LID = "CREATE TABLE ZWAZACCOUNT (Z_PK INTEGER PRIMARY KEY, ZIDENTIFIER VARCHAR, ZPHONENUMBER VARCHAR); INSERT INTO ZWAZACCOUNT VALUES (1, '900000000004@lid', '+4915100000004');";

  it('is the companion of the ChatStorage.sqlite beside it, which reaches it by its name or as a file of the import (whatsapp-db/ios-companions.ts)', async () => {
    const folder = tempFolder();
    const store = writeTemp(folder, 'ChatStorage.sqlite', await buildDatabase(CHAT_STORAGE));
    const book = writeTemp(folder, 'ContactsV2.sqlite', await buildDatabase(ADDRESS_BOOK));
    const lids = writeTemp(folder, 'LID.sqlite', await buildDatabase(LID));
    const renamed = writeTemp(folder, '5a4935c78a5255723f707230a451d79c540d2741', await buildDatabase(ADDRESS_BOOK.replace("'Anna'", "'Anna copy'")));
    unlistable.folder = folder;
    expect((await detectFormat(book, undefined, [store])).companionOf).toBe('ChatStorage.sqlite');
    expect((await detectFormat(lids, undefined, [store])).companionOf).toBe('ChatStorage.sqlite');
    // Imported with it, a file of another name is offered to its parser too.
    expect((await detectFormat(renamed, undefined, [store, renamed])).reason).toContain('but another WhatsApp address book with other bytes is beside it too (ContactsV2.sqlite)');
  });
});

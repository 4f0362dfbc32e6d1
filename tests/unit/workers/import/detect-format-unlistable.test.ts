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

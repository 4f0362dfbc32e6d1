import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../workers/import/detect-format.ts';
import { buildDatabase } from '../../../support/sqlite-parser-harness.ts';
import { tempFolder, writeTemp } from '../../../support/temp-case.ts';

/**
 * A WhatsApp contacts database (wa.db on the phone) is recognised by its wa_contacts table, never
 * by its name, and is never taken for a message source: a companion when a WhatsApp message
 * database beside it or in the same import reads it, refused with a reason otherwise.
 */
const CONTACTS = "CREATE TABLE wa_contacts (_id INTEGER PRIMARY KEY, jid TEXT NOT NULL, display_name TEXT, wa_name TEXT); INSERT INTO wa_contacts (jid, display_name) VALUES ('4915100000001@s.whatsapp.net', 'Anna');";
const MSGSTORE = 'CREATE TABLE messages (_id INTEGER PRIMARY KEY, key_remote_jid TEXT, key_from_me INTEGER, key_id TEXT, data TEXT, timestamp INTEGER); CREATE TABLE chat_list (_id INTEGER PRIMARY KEY, key_remote_jid TEXT);';

describe('detectFormat: WhatsApp contacts databases under any name', () => {
  it('refuses one given alone, saying what it is and what to import it with', async () => {
    const folder = tempFolder();
    const path = writeTemp(folder, 'wa.db', await buildDatabase(CONTACTS));
    writeTemp(folder, 'notes.txt', 'not a database');
    const detection = await detectFormat(path);
    expect(detection.format).toBeNull();
    expect(detection.companionOf).toBeUndefined();
    expect(detection.reason).toContain('a WhatsApp contacts database (a wa_contacts table');
    expect(detection.reason).toContain('no WhatsApp message database (msgstore.db) is beside it or in this import');
  });

  it('is the companion of a renamed msgstore.db beside it, itself renamed', async () => {
    const folder = tempFolder();
    const messages = writeTemp(folder, 'evidence-17.db', await buildDatabase(MSGSTORE));
    const contacts = writeTemp(folder, 'evidence-18.sqlite', await buildDatabase(CONTACTS));
    expect(await detectFormat(messages)).toMatchObject({ format: 'whatsapp-android-db' });
    expect(await detectFormat(contacts)).toEqual({
      format: null,
      companionOf: 'evidence-17.db',
      reason: expect.stringContaining('its names are read with the WhatsApp message database evidence-17.db beside it'),
    });
  });

  it('is the companion of a msgstore.db imported with it from another folder', async () => {
    const root = tempFolder();
    mkdirSync(join(root, 'a'));
    mkdirSync(join(root, 'b'));
    const messages = writeTemp(join(root, 'a'), 'msgstore-copy.db', await buildDatabase(MSGSTORE));
    const contacts = writeTemp(join(root, 'b'), 'wa.db', await buildDatabase(CONTACTS));
    expect((await detectFormat(contacts)).companionOf).toBeUndefined();
    expect(await detectFormat(contacts, undefined, [messages])).toMatchObject({ format: null, companionOf: messages, reason: expect.stringContaining('in this import') });
    // With two message databases elsewhere and none beside it, whose names they are is not known.
    const other = writeTemp(join(root, 'a'), 'second.db', await buildDatabase(`${MSGSTORE} INSERT INTO chat_list (key_remote_jid) VALUES ('x');`));
    const refused = await detectFormat(contacts, undefined, [messages, other]);
    expect(refused.companionOf).toBeUndefined();
    expect(refused.reason).toContain('this import holds several WhatsApp message databases');
  });
});

describe('detectFormat: a wa.db its message database does not read is not called its companion', () => {
  it('refuses a wa.db elsewhere in the import when the msgstore.db has a different one beside it (regression)', async () => {
    const root = tempFolder();
    mkdirSync(join(root, 'phone'));
    mkdirSync(join(root, 'old'));
    const messages = writeTemp(join(root, 'phone'), 'msgstore.db', await buildDatabase(MSGSTORE));
    const own = writeTemp(join(root, 'phone'), 'wa.db', await buildDatabase(CONTACTS));
    const other = writeTemp(join(root, 'old'), 'wa.db', await buildDatabase(CONTACTS.replace("'Anna'", "'Bert'")));
    const refused = await detectFormat(other, undefined, [messages, own, other]);
    expect(refused.companionOf).toBeUndefined();
    expect(refused.reason).toContain(`reads the WhatsApp contacts database beside it (${own}), not this one`);
  });
});

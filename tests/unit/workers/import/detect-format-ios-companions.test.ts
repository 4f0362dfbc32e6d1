import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../workers/import/detect-format.ts';
import { buildDatabase } from '../../../support/sqlite-parser-harness.ts';
import { tempFolder, writeTemp } from '../../../support/temp-case.ts';

/**
 * WhatsApp's ContactsV2.sqlite (ZWAADDRESSBOOKCONTACT) and LID.sqlite (ZWAZACCOUNT) hold names and
 * numbers, not messages: the ChatStorage.sqlite beside them reads them (whatsapp-db/ios-companions.ts),
 * so an import of the app group folder lists them as its companions, not as failed sources.
 */
const CHAT_STORAGE = 'CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZTEXT VARCHAR); CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, ZCONTACTJID VARCHAR);';
const ADDRESS_BOOK = "CREATE TABLE ZWAADDRESSBOOKCONTACT (Z_PK INTEGER PRIMARY KEY, ZFULLNAME VARCHAR, ZWHATSAPPID VARCHAR, ZLID VARCHAR); INSERT INTO ZWAADDRESSBOOKCONTACT VALUES (1, 'Anna', '4915100000001@s.whatsapp.net', NULL);";
const LID_TABLE = "CREATE TABLE ZWAZACCOUNT (Z_PK INTEGER PRIMARY KEY, ZIDENTIFIER VARCHAR, ZPHONENUMBER VARCHAR); INSERT INTO ZWAZACCOUNT VALUES (1, '900000000004@lid', '4915100000004');";

describe('detectFormat: the databases beside ChatStorage.sqlite', () => {
  it('takes ContactsV2.sqlite and LID.sqlite, renamed, for companions of the chat database beside them', async () => {
    const folder = tempFolder();
    const chats = writeTemp(folder, '7c7fba66680ef796b916b067077cc246adacf01d', await buildDatabase(CHAT_STORAGE));
    const book = writeTemp(folder, '5a4935c78a5255723f707230a451d79c540d2741', await buildDatabase(ADDRESS_BOOK));
    const lids = writeTemp(folder, 'LID.sqlite', await buildDatabase(LID_TABLE));
    expect(await detectFormat(chats)).toMatchObject({ format: 'whatsapp-ios-db' });
    expect(await detectFormat(book)).toEqual({ format: null, companionOf: '7c7fba66680ef796b916b067077cc246adacf01d', reason: expect.stringContaining('WhatsApp address book (a ZWAADDRESSBOOKCONTACT table, as in ContactsV2.sqlite)') });
    expect(await detectFormat(lids)).toMatchObject({ format: null, companionOf: '7c7fba66680ef796b916b067077cc246adacf01d', reason: expect.stringContaining('read with the WhatsApp chat database 7c7fba66680ef796b916b067077cc246adacf01d beside it') });
  });

  it('refuses one with no chat database beside it or in the import, saying what to import it with', async () => {
    const root = tempFolder();
    mkdirSync(join(root, 'a'));
    const book = writeTemp(root, 'ContactsV2.sqlite', await buildDatabase(ADDRESS_BOOK));
    const alone = await detectFormat(book);
    expect(alone.companionOf).toBeUndefined();
    expect(alone.reason).toContain('no WhatsApp chat database (ChatStorage.sqlite) is beside it or in this import');
    const chats = writeTemp(join(root, 'a'), 'ChatStorage.sqlite', await buildDatabase(CHAT_STORAGE));
    expect(await detectFormat(book, undefined, [chats])).toMatchObject({ format: null, companionOf: chats });
  });
});

/**
 * Regression: a second address book in the import was listed as read with a ChatStorage.sqlite
 * that has its own beside it. The chat database reads the one beside it (ios-companion-files.ts:
 * beside first), so the other was skipped as a companion whose names "are read" and never was.
 */
describe('detectFormat: a companion its chat database does not read is not called one', () => {
  const OTHER_BOOK = "CREATE TABLE ZWAADDRESSBOOKCONTACT (Z_PK INTEGER PRIMARY KEY, ZFULLNAME VARCHAR, ZWHATSAPPID VARCHAR, ZLID VARCHAR); INSERT INTO ZWAADDRESSBOOKCONTACT VALUES (1, 'Bert', '4915100000009@s.whatsapp.net', NULL);";

  it('refuses an address book elsewhere in the import when the chat database has a different one beside it', async () => {
    const root = tempFolder();
    mkdirSync(join(root, 'a'));
    mkdirSync(join(root, 'b'));
    const chats = writeTemp(join(root, 'a'), 'ChatStorage.sqlite', await buildDatabase(CHAT_STORAGE));
    const own = writeTemp(join(root, 'a'), 'ContactsV2.sqlite', await buildDatabase(ADDRESS_BOOK));
    const other = writeTemp(join(root, 'b'), 'ContactsV2.sqlite', await buildDatabase(OTHER_BOOK));
    const imported = [chats, own, other];
    expect(await detectFormat(own, undefined, imported)).toMatchObject({ format: null, companionOf: 'ChatStorage.sqlite' });
    const refused = await detectFormat(other, undefined, imported);
    expect(refused.companionOf).toBeUndefined();
    expect(refused.reason).toContain(`reads the WhatsApp address book beside it (${own}), not this one`);
  });

  it('still calls a copy with the same bytes a companion', async () => {
    const root = tempFolder();
    mkdirSync(join(root, 'a'));
    mkdirSync(join(root, 'b'));
    const bytes = await buildDatabase(ADDRESS_BOOK);
    const chats = writeTemp(join(root, 'a'), 'ChatStorage.sqlite', await buildDatabase(CHAT_STORAGE));
    const own = writeTemp(join(root, 'a'), 'ContactsV2.sqlite', bytes);
    const copy = writeTemp(join(root, 'b'), 'ContactsV2.sqlite', bytes);
    expect(await detectFormat(copy, undefined, [chats, own, copy])).toMatchObject({ format: null, companionOf: chats });
  });

  it('refuses two different address books beside one chat database: it reads neither', async () => {
    const folder = tempFolder();
    const chats = writeTemp(folder, 'ChatStorage.sqlite', await buildDatabase(CHAT_STORAGE));
    const first = writeTemp(folder, 'ContactsV2.sqlite', await buildDatabase(ADDRESS_BOOK));
    writeTemp(folder, 'ContactsV2 (1).sqlite', await buildDatabase(OTHER_BOOK));
    const refused = await detectFormat(first, undefined, [chats]);
    expect(refused.companionOf).toBeUndefined();
    expect(refused.reason).toContain('another WhatsApp address book with other bytes is beside it too (ContactsV2 (1).sqlite)');
  });
});

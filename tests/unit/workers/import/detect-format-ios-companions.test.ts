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

import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser, whatsappIosDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { declareCollation } from '../../../../support/foreign-collation.ts';
import { CHAT_STORAGE_TABLES } from '../../../../support/ios-chat-storage.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Regression: a companion database (wa.db beside a msgstore.db, ContactsV2.sqlite beside a
 * ChatStorage.sqlite) whose table is declared WITHOUT ROWID with a column in Android's LOCALIZED
 * collation could not be read at all: only the source's own database had its schema read as
 * COLLATE BINARY on the copy in memory, and the companion readers refused any table without
 * rowids, though none of their rows becomes a record whose locator names one. The names were lost
 * with a warning that said only "WITHOUT ROWID".
 */
const MSGSTORE = `
  CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL,
    status INTEGER, data TEXT, timestamp INTEGER, media_wa_type TEXT, remote_resource TEXT);
  INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type) VALUES
    ('4915100000001@s.whatsapp.net', 0, 'K1', 0, 'Can you come tonight?', 1623696954096, '0'),
    ('4915100000002@s.whatsapp.net', 0, 'K2', 0, 'Bring the passports', 1623696960000, '0');
`;

/** Stored NOCASE, then declared LOCALIZED: the b-tree's order is not BINARY's, as on a phone. */
async function localized(sql: string): Promise<Uint8Array> {
  return declareCollation(await declareCollation(await buildDatabase(sql), 'LOCALIZED', 'NOCASE'), 'LOCALIZED');
}

describe('regression: a companion table WITHOUT ROWID with a column in a collation sql.js does not have', () => {
  it('wa.db: its contacts are read byte for byte, and warnings name the file and the table', async () => {
    const waDb = await localized(`
      CREATE TABLE wa_contacts (jid TEXT COLLATE NOCASE NOT NULL PRIMARY KEY, is_whatsapp_user BOOLEAN NOT NULL, display_name TEXT COLLATE BINARY, wa_name TEXT) WITHOUT ROWID;
      INSERT INTO wa_contacts VALUES ('4915100000002@s.whatsapp.net', 1, 'Ben', 'ben'), ('4915100000001@s.whatsapp.net', 1, 'Anna', 'anna');`);
    const evidence = Uint8Array.from(waDb);
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(MSGSTORE), 'msgstore.db', { 'wa.db': waDb });
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    expect(run.sink.messages.map((message) => message.sender)).toEqual(['Anna', 'Ben']);
    expect(run.outcome.details).toMatchObject({ contactsSource: 'wa.db', contactNames: 2 });
    expect(run.sink.warnings).toEqual([
      { place: 'wa.db', message: expect.stringContaining('the collation(s) LOCALIZED') as string },
      { place: 'wa.db:wa_contacts', message: expect.stringContaining('its rows re-sorted so') as string },
    ]);
    expect(waDb).toEqual(evidence);
  });

  it('ContactsV2.sqlite: its address-book names are read, each named by the primary key of its row', async () => {
    const store = `${CHAT_STORAGE_TABLES}
      INSERT INTO ZWACHATSESSION VALUES (1, 0, '4915100000001@s.whatsapp.net', NULL, NULL);
      INSERT INTO ZWAMESSAGE VALUES (1, 1, NULL, 0, 0, 741000000, 'A1', '4915100000001@s.whatsapp.net', NULL, 'where are you');`;
    const book = await localized(`
      CREATE TABLE ZWAADDRESSBOOKCONTACT (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZFULLNAME VARCHAR COLLATE NOCASE, ZGIVENNAME VARCHAR,
        ZPHONENUMBER VARCHAR, ZWHATSAPPID VARCHAR, ZLID VARCHAR) WITHOUT ROWID;
      CREATE INDEX ZWAADDRESSBOOKCONTACT_ZFULLNAME ON ZWAADDRESSBOOKCONTACT (ZFULLNAME);
      INSERT INTO ZWAADDRESSBOOKCONTACT (Z_PK, ZFULLNAME, ZWHATSAPPID) VALUES (7, 'Anna Address', '4915100000001@s.whatsapp.net');`);
    const run = await runParser(whatsappIosDbParser, await buildDatabase(store), 'ChatStorage.sqlite', { 'ContactsV2.sqlite': book });
    expect(checkParsedInvariants(run, 'ChatStorage.sqlite')).toEqual([]);
    const message = run.sink.messages[0];
    expect([message?.sender, message?.extra?.['senderNameFrom']]).toEqual(['Anna Address', ['ContactsV2.sqlite:ZWAADDRESSBOOKCONTACT(Z_PK=7)']]);
    expect(run.sink.warnings).toEqual([
      { place: 'ContactsV2.sqlite', message: expect.stringContaining('the collation(s) LOCALIZED') as string },
      { place: 'ContactsV2.sqlite:ZWAADDRESSBOOKCONTACT', message: expect.stringContaining('its rows re-sorted so') as string },
    ]);
  });

  it('LID.sqlite: a lid member is shown by the phone it gives, placed by the primary key of its row', async () => {
    const store = `${CHAT_STORAGE_TABLES}
      INSERT INTO ZWACHATSESSION VALUES (2, 1, '120363000000000009@g.us', NULL, 'Crew');
      INSERT INTO ZWAGROUPMEMBER VALUES (1, 2, '900000000004@lid', NULL, NULL);
      INSERT INTO ZWAMESSAGE VALUES (3, 2, 1, 0, 0, 741000060, 'A3', '120363000000000009@g.us', NULL, 'at the port');`;
    const lids = await localized(`
      CREATE TABLE ZWAZACCOUNT (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZIDENTIFIER VARCHAR COLLATE NOCASE, ZPHONENUMBER VARCHAR, ZCREATEDAT TIMESTAMP) WITHOUT ROWID;
      CREATE INDEX ZWAZACCOUNT_ZIDENTIFIER ON ZWAZACCOUNT (ZIDENTIFIER);
      INSERT INTO ZWAZACCOUNT VALUES (1, NULL, '900000000004@lid', '+4915100000004', NULL);`);
    const run = await runParser(whatsappIosDbParser, await buildDatabase(store), 'ChatStorage.sqlite', { 'LID.sqlite': lids });
    expect(checkParsedInvariants(run, 'ChatStorage.sqlite')).toEqual([]);
    const member = run.sink.messages[0];
    expect([member?.senderId, member?.extra?.['senderPhoneFrom']]).toEqual(['+4915100000004', ['LID.sqlite:ZWAZACCOUNT(Z_PK=1)']]);
    expect(run.sink.warnings).toContainEqual({ place: 'LID.sqlite:ZWAZACCOUNT', message: expect.stringContaining('its rows re-sorted so') as string });
  });
});

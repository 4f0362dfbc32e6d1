import { describe, expect, it } from 'vitest';

import { whatsappIosDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Newer ChatStorage databases key a private chat by "<n>@lid" in ZCONTACTJID with the phone jid in
 * ZCONTACTIDENTIFIER (as a tool writing into real stores documents); ZWAGROUPMEMBER has the column too.
 */
const STORE = `
  CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, ZSESSIONTYPE INTEGER, ZCONTACTJID VARCHAR, ZCONTACTIDENTIFIER VARCHAR, ZPARTNERNAME VARCHAR);
  CREATE TABLE ZWAGROUPMEMBER (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZMEMBERJID VARCHAR, ZCONTACTIDENTIFIER VARCHAR, ZCONTACTNAME VARCHAR);
  CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZGROUPMEMBER INTEGER, ZISFROMME INTEGER, ZMESSAGETYPE INTEGER,
    ZMESSAGEDATE TIMESTAMP, ZSTANZAID VARCHAR, ZFROMJID VARCHAR, ZTOJID VARCHAR, ZTEXT VARCHAR);
  INSERT INTO ZWACHATSESSION VALUES
    (1, 0, '900000000001@lid', '12025550101@s.whatsapp.net', NULL),
    (2, 1, '120363000000000009@g.us', NULL, 'Crew'),
    (3, 0, '900000000005@lid', NULL, NULL);
  INSERT INTO ZWAGROUPMEMBER VALUES (1, 2, '900000000004@lid', '12025550104@s.whatsapp.net', NULL), (2, 2, '900000000006@lid', NULL, NULL);
  INSERT INTO ZWAMESSAGE VALUES
    (1, 1, NULL, 0, 0, 741000000, 'A1', '900000000001@lid', NULL, 'where are you'),
    (2, 2, 1, 0, 0, 741000060, 'A2', '120363000000000009@g.us', NULL, 'at the port'),
    (3, 2, 2, 0, 0, 741000120, 'A3', '120363000000000009@g.us', NULL, 'ok'),
    (4, 3, NULL, 0, 0, 741000180, 'A4', '900000000005@lid', NULL, 'no phone here');
`;

describe('ChatStorage: people keyed by a lid, their phone in ZCONTACTIDENTIFIER', () => {
  it('regression: shows the phone number stored beside a lid as the person\'s id, keeping the lid; a lid without one stays as it is', async () => {
    const run = await runParser(whatsappIosDbParser, await buildDatabase(STORE), 'ChatStorage.sqlite');
    expect(checkParsedInvariants(run, 'ChatStorage.sqlite')).toEqual([]);
    expect(run.sink.messages.map((message) => [message.text, message.sender, message.senderId, message.extra?.['senderLid'] ?? null])).toEqual([
      ['where are you', '+12025550101', '+12025550101', '900000000001@lid'],
      ['at the port', '+12025550104', '+12025550104', '900000000004@lid'],
      ['ok', '900000000006@lid', '900000000006@lid', null],
      ['no phone here', '900000000005@lid', '900000000005@lid', null],
    ]);
    const chats = new Map(run.sink.chats.map((chat) => [chat.key, chat]));
    expect(chats.get('jid:900000000001@lid')).toMatchObject({ title: '+12025550101', kind: 'private', participants: [{ name: null, id: '+12025550101' }] });
    expect(chats.get('jid:120363000000000009@g.us')?.participants).toEqual([{ name: null, id: '+12025550104' }, { name: null, id: '900000000006@lid' }]);
    expect(run.outcome.details).toMatchObject({ lidPhones: 2 });
  });

  it('maps a lid the store gives two different phones to neither', async () => {
    // The session says one number, a later member row another: neither is put on the messages.
    const store = `
      CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, ZSESSIONTYPE INTEGER, ZCONTACTJID VARCHAR, ZCONTACTIDENTIFIER VARCHAR, ZPARTNERNAME VARCHAR);
      CREATE TABLE ZWAGROUPMEMBER (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZMEMBERJID VARCHAR, ZCONTACTIDENTIFIER VARCHAR, ZCONTACTNAME VARCHAR);
      CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZGROUPMEMBER INTEGER, ZISFROMME INTEGER, ZMESSAGETYPE INTEGER,
        ZMESSAGEDATE TIMESTAMP, ZSTANZAID VARCHAR, ZFROMJID VARCHAR, ZTOJID VARCHAR, ZTEXT VARCHAR);
      INSERT INTO ZWACHATSESSION VALUES (1, 0, '900000000001@lid', '12025550101@s.whatsapp.net', NULL), (2, 1, '120363000000000009@g.us', NULL, 'Crew');
      INSERT INTO ZWAGROUPMEMBER VALUES (1, 2, '900000000001@lid', NULL, NULL), (2, 2, '900000000001@lid', '12025550199@s.whatsapp.net', NULL);
      INSERT INTO ZWAMESSAGE VALUES (1, 1, NULL, 0, 0, 741000000, 'A1', '900000000001@lid', NULL, 'where are you');
    `;
    const run = await runParser(whatsappIosDbParser, await buildDatabase(store), 'ChatStorage.sqlite');
    expect(run.sink.messages.map((message) => [message.senderId, message.extra?.['senderLid'] ?? null])).toEqual([['900000000001@lid', null]]);
    const chats = new Map(run.sink.chats.map((chat) => [chat.key, chat]));
    expect(chats.get('jid:900000000001@lid')?.title).toBe('900000000001@lid');
    expect(run.outcome.details).toMatchObject({ lidPhones: 0, lidPhoneConflicts: ['900000000001@lid'] });
  });
});

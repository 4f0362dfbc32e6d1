import { describe, expect, it } from 'vitest';

import { whatsappIosDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/** ZFROMJID of an incoming group message is the group's jid; the author is the ZWAGROUPMEMBER row (FORMATS.md §5.2). */
const STORE = `
  CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, ZCONTACTJID VARCHAR, ZPARTNERNAME VARCHAR, ZSESSIONTYPE INTEGER);
  CREATE TABLE ZWAGROUPMEMBER (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZMEMBERJID VARCHAR, ZCONTACTNAME VARCHAR);
  CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZISFROMME INTEGER, ZMESSAGEDATE TIMESTAMP, ZFROMJID VARCHAR,
    ZTOJID VARCHAR, ZTEXT VARCHAR, ZMESSAGETYPE INTEGER, ZGROUPEVENTTYPE INTEGER, ZGROUPMEMBER INTEGER);
  INSERT INTO ZWACHATSESSION VALUES (1, '120363000000000001@g.us', 'Transport', 1);
  INSERT INTO ZWAGROUPMEMBER VALUES (1, 1, '4915100000002@s.whatsapp.net', 'Driver');
  INSERT INTO ZWAMESSAGE VALUES
    (1, 1, 0, 721692000, '120363000000000001@g.us', NULL, 'with member', 0, NULL, 1),
    (2, 1, 0, 721692060, '120363000000000001@g.us', NULL, 'member row gone', 0, NULL, NULL),
    (3, 1, 0, 721692120, '120363000000000001@g.us', NULL, NULL, 6, 2, NULL);
`;

describe('ChatStorage: the author of a group message', () => {
  it('regression: is never the group itself when ZGROUPMEMBER is empty: the author is unknown', async () => {
    const run = await runParser(whatsappIosDbParser, await buildDatabase(STORE), 'ChatStorage.sqlite');
    expect(checkParsedInvariants(run, 'ChatStorage.sqlite')).toEqual([]);
    expect(run.sink.messages.map((message) => [message.text, message.sender, message.senderId])).toEqual([
      ['with member', 'Driver', '+4915100000002'],
      ['member row gone', null, null],
      ['joined the group', null, null],
    ]);
  });
});

import { describe, expect, it } from 'vitest';

import { whatsappIosDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { hex, nested } from '../../../../support/protobuf-bytes.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Regression: ChatStorage.sqlite records whose text this reader writes (a call's sentence, a group
 * or security notice, a poll's option lines, a place's name from ZTITLE, a contact card's name)
 * were not marked `extra.textGenerated` as the Android reader's group invitations and the Telegram
 * importers' notices are, so they read as words someone wrote. Each is marked now; ZTEXT quoted in
 * a notice or a call is kept apart as stored (extra.storedText).
 */
const GROUP = '120363000000000001@g.us';
const PARTNER = '4915100000001@s.whatsapp.net';

const poll = nested(8, [...nested(2, 'Which border crossing?'), ...nested(3, nested(1, 'North')), ...nested(3, nested(1, 'South'))]);

const STORE = `
  CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZCONTACTJID VARCHAR, ZPARTNERNAME VARCHAR, ZSESSIONTYPE INTEGER);
  CREATE TABLE ZWAGROUPMEMBER (Z_PK INTEGER PRIMARY KEY, ZMEMBERJID VARCHAR, ZCONTACTNAME VARCHAR);
  CREATE TABLE ZWAMEDIAITEM (Z_PK INTEGER PRIMARY KEY, ZMEDIALOCALPATH VARCHAR, ZTITLE VARCHAR, ZFILESIZE INTEGER, ZLATITUDE FLOAT,
    ZLONGITUDE FLOAT, ZVCARDSTRING VARCHAR, ZVCARDNAME VARCHAR, ZMOVIEDURATION INTEGER);
  CREATE TABLE ZWAMESSAGEINFO (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZMESSAGE INTEGER, ZRECEIPTINFO BLOB);
  CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZISFROMME INTEGER, ZMESSAGEDATE TIMESTAMP,
    ZFROMJID VARCHAR, ZTOJID VARCHAR, ZTEXT VARCHAR, ZMESSAGETYPE INTEGER, ZGROUPEVENTTYPE INTEGER, ZGROUPMEMBER INTEGER,
    ZMEDIAITEM INTEGER, ZMESSAGEINFO INTEGER, ZSTANZAID VARCHAR);
  INSERT INTO ZWACHATSESSION VALUES (1, 5, '${PARTNER}', 'Anna', 0), (2, 5, '${GROUP}', 'Transport', 1);
  INSERT INTO ZWAGROUPMEMBER VALUES (1, '4915100000002@s.whatsapp.net', 'Driver');
  INSERT INTO ZWAMEDIAITEM VALUES (1, 'Media/${GROUP}/a/b/photo.jpg', 'the van', 120000, NULL, NULL, NULL, NULL, NULL),
                                  (2, NULL, 'Station', NULL, 52.52, 13.405, NULL, NULL, NULL),
                                  (3, NULL, NULL, NULL, NULL, NULL, 'BEGIN:VCARD\nFN:Helper\nEND:VCARD', 'Helper', NULL);
  INSERT INTO ZWAMESSAGEINFO VALUES (1, 9, 8, X'${hex(poll)}');
  INSERT INTO ZWAMESSAGE VALUES
    (1, 1, 0, 721692000, '${PARTNER}', NULL, 'Are you ready?', 0, 0, NULL, NULL, NULL, 'TEXT'),
    (2, 2, 0, 721692060, '${GROUP}', NULL, NULL, 1, 0, 1, 1, NULL, 'PHOTO'),
    (3, 2, 0, 721692120, '${GROUP}', NULL, NULL, 5, 0, 1, 2, NULL, 'PLACE'),
    (4, 2, 0, 721692180, '${GROUP}', NULL, 'Night shift', 6, 1, 1, NULL, NULL, 'RENAMED'),
    (5, 1, 0, 721692240, '${PARTNER}', NULL, NULL, 4, 0, NULL, 3, NULL, 'CARD'),
    (6, 1, 0, 721692300, '${PARTNER}', NULL, NULL, 10, 45, NULL, NULL, NULL, 'MISSED'),
    (7, 1, 0, 721692360, '${PARTNER}', NULL, NULL, 59, NULL, NULL, NULL, NULL, 'CALL'),
    (8, 2, 1, 721692420, NULL, '${GROUP}', NULL, 46, NULL, NULL, NULL, 1, 'POLL');
`;

describe('ChatStorage: text this reader wrote is marked so', () => {
  it('marks calls, notices, poll lines, a place\'s name and a card\'s name, and leaves people\'s words and captions unmarked', async () => {
    const run = await runParser(whatsappIosDbParser, await buildDatabase(STORE), 'ChatStorage.sqlite');
    expect(checkParsedInvariants(run, 'ChatStorage.sqlite')).toEqual([]);
    const byStanza = new Map(run.sink.messages.map((message) => [String(message.extra?.['stanzaId']), message]));
    const facts = (stanza: string): [string | undefined, unknown, unknown] => {
      const message = byStanza.get(stanza);
      return [message?.text, message?.extra?.['textGenerated'], message?.extra?.['storedText']];
    };
    expect(facts('TEXT')).toEqual(['Are you ready?', undefined, undefined]);
    expect(facts('PHOTO')).toEqual(['the van', undefined, undefined]);
    expect(facts('PLACE')).toEqual(['Station', true, undefined]);
    expect(facts('RENAMED')).toEqual(['changed the group name: Night shift', true, { column: 'ZTEXT', text: 'Night shift' }]);
    expect(facts('CARD')).toEqual(['Helper', true, undefined]);
    expect(facts('MISSED')).toEqual(['missed voice call', true, undefined]);
    expect(facts('CALL')).toEqual(['voice call', true, undefined]);
    expect(facts('POLL')).toEqual(['Which border crossing?\n• North (0 votes)\n• South (0 votes)', true, undefined]);
    expect(run.sink.messages.filter((message) => message.kind === 'system' && message.extra?.['textGenerated'] !== true)).toEqual([]);
  });

  it('keeps a call\'s own ZTEXT apart when the line written quotes it', async () => {
    const run = await runParser(whatsappIosDbParser, await buildDatabase(`${STORE}
      UPDATE ZWAMESSAGE SET ZTEXT = 'call back later' WHERE ZSTANZAID = 'CALL';`), 'ChatStorage.sqlite');
    const call = run.sink.messages.find((message) => message.extra?.['stanzaId'] === 'CALL');
    expect(call).toMatchObject({ text: 'voice call: call back later', extra: { textGenerated: true, storedText: { column: 'ZTEXT', text: 'call back later' } } });
  });
});

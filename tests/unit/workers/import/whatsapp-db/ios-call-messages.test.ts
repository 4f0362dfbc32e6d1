import { describe, expect, it } from 'vitest';

import { whatsappIosDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { hex, nested, number } from '../../../../support/protobuf-bytes.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/** A call's ZMETADATA: field 87 → field 1 → {1 video, 2 outcome, 3 seconds, 5 participants {1 jid}}. */
const callMetadata = (details: number[]): string => hex([...number(1, 3), ...nested(87, nested(1, details))]);

describe('ChatStorage: a call message (type 59) and its ZMETADATA', () => {
  // Regression: every iOS call read "voice call": whether it was video, answered or missed, how long
  // it lasted and who was on a group call (the media item's ZMETADATA, field 87, as a tool reading a
  // real iPhone's chats beside its CallHistory.sqlite found) were not read.
  it('says video or voice, the outcome, the length and a group call\'s participants; without metadata it stays "voice call"', async () => {
    const bytes = await buildDatabase(`
      CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, ZCONTACTJID VARCHAR, ZPARTNERNAME VARCHAR, ZSESSIONTYPE INTEGER);
      CREATE TABLE ZWAPROFILEPUSHNAME (Z_PK INTEGER PRIMARY KEY, ZJID VARCHAR, ZPUSHNAME VARCHAR);
      CREATE TABLE ZWAMEDIAITEM (Z_PK INTEGER PRIMARY KEY, ZMESSAGE INTEGER, ZMEDIALOCALPATH VARCHAR, ZMETADATA BLOB);
      CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZISFROMME INTEGER, ZMESSAGEDATE TIMESTAMP, ZFROMJID VARCHAR,
        ZTOJID VARCHAR, ZTEXT VARCHAR, ZMESSAGETYPE INTEGER, ZMEDIAITEM INTEGER, ZSTANZAID VARCHAR);
      INSERT INTO ZWACHATSESSION VALUES (1, '447700900123@s.whatsapp.net', 'Ana', 0), (2, '120363041111111111@g.us', 'Drivers', 1);
      INSERT INTO ZWAPROFILEPUSHNAME VALUES (1, '447700900555@s.whatsapp.net', 'Marco');
      INSERT INTO ZWAMEDIAITEM VALUES
        (1, 1, NULL, X'${callMetadata([...number(1, 1), ...number(2, 0), ...number(3, 95)])}'),
        (2, 2, NULL, X'${callMetadata([...number(2, 1)])}'),
        (3, 3, NULL, X'${callMetadata([...number(2, 0), ...number(3, 600), ...nested(5, nested(1, '447700900555@s.whatsapp.net')), ...nested(5, nested(1, '81234567890123@lid'))])}');
      INSERT INTO ZWAMESSAGE VALUES
        (1, 1, 1, 741000000, NULL, '447700900123@s.whatsapp.net', NULL, 59, 1, 'C1'),
        (2, 1, 0, 741000100, '447700900123@s.whatsapp.net', NULL, NULL, 59, 2, 'C2'),
        (3, 2, 0, 741000200, '120363041111111111@g.us', NULL, NULL, 59, 3, 'C3'),
        (4, 1, 0, 741000300, '447700900123@s.whatsapp.net', NULL, NULL, 59, NULL, 'C4');`);
    const run = await runParser(whatsappIosDbParser, bytes, 'ChatStorage.sqlite');
    expect(checkParsedInvariants(run, 'ChatStorage.sqlite')).toEqual([]);
    expect(run.sink.messages.map((message) => [message.kind, message.direction, message.text])).toEqual([
      ['system', 'outgoing', 'video call, answered, 95 s'],
      ['system', 'incoming', 'voice call, missed'],
      ['system', 'incoming', 'voice call, answered, 600 s'],
      ['system', 'incoming', 'voice call'],
    ]);
    expect(run.sink.messages[0]?.extra?.['call']).toEqual({ video: true, outcome: 0, durationSeconds: 95, column: 'ZWAMEDIAITEM.ZMETADATA' });
    expect(run.sink.messages[2]?.extra?.['callParticipants']).toEqual([{ name: 'Marco', id: '+447700900555' }, { name: '81234567890123@lid', id: '81234567890123@lid' }]);
    expect(run.sink.messages[3]?.extra?.['call']).toBeUndefined();
  });
});

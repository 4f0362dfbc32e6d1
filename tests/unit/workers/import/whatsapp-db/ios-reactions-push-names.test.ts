import { describe, expect, it } from 'vitest';

import { whatsappIosDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { hex, nested, number } from '../../../../support/protobuf-bytes.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

const base64 = (bytes: number[]): string => Buffer.from(bytes).toString('base64');

const GROUP = '120363041111111111@g.us';
const PARTNER = '447700900123@s.whatsapp.net';
const MEMBER_LID = '81234567890123@lid';

/** Columns as real stores have them: the message links its ZWAMESSAGEINFO row, which links back. */
const SCHEMA = `
  CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZSESSIONTYPE INTEGER, ZCONTACTJID VARCHAR, ZPARTNERNAME VARCHAR);
  CREATE TABLE ZWAGROUPMEMBER (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZMEMBERJID VARCHAR, ZCONTACTNAME VARCHAR, ZFIRSTNAME VARCHAR);
  CREATE TABLE ZWAPROFILEPUSHNAME (Z_PK INTEGER PRIMARY KEY, ZJID VARCHAR, ZPUSHNAME VARCHAR);
  CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZGROUPMEMBER INTEGER, ZMESSAGEINFO INTEGER, ZISFROMME INTEGER,
    ZMESSAGETYPE INTEGER, ZMESSAGEDATE TIMESTAMP, ZSTANZAID VARCHAR, ZFROMJID VARCHAR, ZTOJID VARCHAR, ZTEXT VARCHAR, ZPUSHNAME VARCHAR);
  CREATE TABLE ZWAMESSAGEINFO (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZMESSAGE INTEGER, ZRECEIPTINFO BLOB);
  INSERT INTO ZWACHATSESSION VALUES (1, 3, 1, '${GROUP}', 'Jobs abroad'), (2, 3, 0, '${PARTNER}', 'Ana');
  INSERT INTO ZWAGROUPMEMBER VALUES (1, 1, '${MEMBER_LID}', '', NULL);
`;

describe('ChatStorage: reactions in ZWAMESSAGEINFO.ZRECEIPTINFO', () => {
  // Regression: iOS reactions (field 7 of ZRECEIPTINFO, one field-1 entry per reactor: 2 jid, absent
  // when the owner's own, 3 emoji, 4 Unix ms, as readers of real stores found) were not read at all.
  const entry = (id: string, jid: string | null, emoji: string, ms: number): number[] =>
    nested(1, [...nested(1, id), ...(jid === null ? [] : nested(2, jid)), ...nested(3, emoji), ...number(4, ms)]);
  const groupInfo = [...number(4, 1), ...nested(7, [...entry('R1', MEMBER_LID, '👍', 1705000000123), ...entry('R2', null, '❤️', 1705000100456)])];
  const privateInfo = [...nested(7, entry('R3', PARTNER, '😂', 1705000200000)), ...nested(7, entry('R4', PARTNER, '', 1705000300000))];

  it('lists each reaction with its reactor and time, a taken-back one apart, and reports a blob that is no protobuf', async () => {
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO ZWAPROFILEPUSHNAME VALUES (1, '${MEMBER_LID}', 'Lea');
      INSERT INTO ZWAMESSAGE VALUES
        (1, 1, 1, 1, 0, 0, 741000000, 'S1', '${GROUP}', NULL, 'Who can travel next week?', NULL),
        (2, 2, NULL, 2, 1, 0, 741000060, 'S2', NULL, '${PARTNER}', 'مرحبا Ana', NULL),
        (3, 2, NULL, 3, 1, 0, 741000120, 'S3', NULL, '${PARTNER}', 'plain', NULL);
      INSERT INTO ZWAMESSAGEINFO VALUES (1, 9, 1, X'${hex(groupInfo)}'), (2, 9, 2, X'${hex(privateInfo)}'), (3, 9, 3, X'ff00ff00');`);
    const run = await runParser(whatsappIosDbParser, bytes, 'ChatStorage.sqlite');
    expect(checkParsedInvariants(run, 'ChatStorage.sqlite')).toEqual([]);
    const [group, reply, damaged] = run.sink.messages;
    expect(group?.extra?.['reactions']).toEqual([
      { emoji: '👍', fromMe: false, sender: 'Lea', senderId: MEMBER_LID, at: '2024-01-11T19:06:40.123Z', infoRow: 1, reactionId: 'R1' },
      { emoji: '❤️', fromMe: true, sender: null, senderId: null, at: '2024-01-11T19:08:20.456Z', infoRow: 1, reactionId: 'R2' },
    ]);
    expect(reply?.extra?.['reactions']).toEqual([{ emoji: '😂', fromMe: false, sender: 'Ana', senderId: '+447700900123', at: '2024-01-11T19:10:00.000Z', infoRow: 2, reactionId: 'R3' }]);
    expect(reply?.extra?.['withdrawnReactions']).toEqual([{ fromMe: false, sender: 'Ana', senderId: '+447700900123', at: '2024-01-11T19:11:40.000Z', infoRow: 2, reactionId: 'R4' }]);
    expect(damaged?.extra?.['reactions']).toBeUndefined();
    expect(damaged?.extra?.['receiptInfoNotRead']).toEqual({ infoRow: 3, size: 4, note: 'ZRECEIPTINFO is no protobuf' });
  });
});

describe('ChatStorage: push names stored as base64 protobuf', () => {
  // Regression: a push name stored wrapped ("+" and base64 of a protobuf whose field 1 is the name)
  // became the sender "+CglMZWEg…", and ZWAMESSAGE.ZPUSHNAME holding base64 of numbers only (no name)
  // became the sender "CAcQAw==" of a group message without a member row.
  const wrapped = `+${base64([...nested(1, 'Léa 🌸'), ...number(2, 1720000000)])}`;
  const metadata = base64([...number(1, 7), ...number(2, 3)]);

  it('unwraps a wrapped name, names no one from metadata, and keeps both values as stored', async () => {
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO ZWAPROFILEPUSHNAME VALUES (1, '${MEMBER_LID}', '${wrapped}');
      INSERT INTO ZWAMESSAGE VALUES
        (1, 1, 1, NULL, 0, 0, 741000000, 'S1', '${GROUP}', NULL, 'by a member', '${metadata}'),
        (2, 1, NULL, NULL, 0, 0, 741000060, 'S2', '${GROUP}', NULL, 'member row gone', '${metadata}'),
        (3, 1, NULL, NULL, 0, 0, 741000120, 'S3', '${GROUP}', NULL, 'named on the message', '${wrapped}'),
        (4, 1, NULL, NULL, 0, 0, 741000180, 'S4', '${GROUP}', NULL, 'plain name', 'Dana');`);
    const run = await runParser(whatsappIosDbParser, bytes, 'ChatStorage.sqlite');
    expect(checkParsedInvariants(run, 'ChatStorage.sqlite')).toEqual([]);
    expect(run.sink.messages.map((message) => [message.text, message.sender])).toEqual([
      ['by a member', 'Léa 🌸'],
      ['member row gone', null],
      ['named on the message', 'Léa 🌸'],
      ['plain name', 'Dana'],
    ]);
    expect(run.sink.messages[1]?.extra?.['pushNameStored']).toEqual({ value: metadata, note: 'ZPUSHNAME holds no name (base64 of a protobuf of numbers)' });
    expect(run.sink.messages[2]?.extra?.['pushNameStored']).toMatchObject({ value: wrapped, name: 'Léa 🌸' });
    expect(run.sink.messages[3]?.extra?.['pushNameStored']).toBeUndefined();
  });
});

describe('ChatStorage: a deleted message (type 14) with ZTEXT', () => {
  // Regression: a deleted message's ZTEXT holds an id of WhatsApp's, not words (a real store read
  // by a WhatsApp-for-Mac exporter), and it was shown as the message's text.
  it('shows no text and keeps ZTEXT beside it', async () => {
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO ZWAMESSAGE VALUES (1, 2, NULL, NULL, 0, 14, 741000000, 'S1', '${PARTNER}', NULL, '3EB0C5D1F00112233', NULL);`);
    const run = await runParser(whatsappIosDbParser, bytes, 'ChatStorage.sqlite');
    const [deleted] = run.sink.messages;
    expect(deleted).toMatchObject({ text: '', deleted: true, sender: 'Ana' });
    expect(deleted?.extra?.['otherText']).toEqual({ column: 'ZTEXT', text: '3EB0C5D1F00112233', note: 'a deleted message: an id, not shown as its text' });
  });

  it('keeps words in ZTEXT as the text: only an id is moved aside', async () => {
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO ZWAMESSAGE VALUES (1, 2, NULL, NULL, 0, 14, 741000000, 'S1', '${PARTNER}', NULL, 'meet at the dock', NULL);`);
    const run = await runParser(whatsappIosDbParser, bytes, 'ChatStorage.sqlite');
    expect(run.sink.messages[0]).toMatchObject({ text: 'meet at the dock', deleted: true });
    expect(run.sink.messages[0]?.extra?.['otherText']).toBeUndefined();
  });
});

describe('ChatStorage: a poll (type 46) in ZWAMESSAGEINFO.ZRECEIPTINFO', () => {
  // Regression: an iOS poll showed no question and no options (they are only in ZRECEIPTINFO field
  // 8: 2 question, 3 options, 5 votes, 6 the creator's vote, as a Whatsapp-Chat-Exporter fork reads them).
  const vote = (indexes: number[], jid: string | null): number[] => [...indexes.flatMap((index) => number(1, index)), ...(jid === null ? [] : nested(4, jid))];
  const poll = nested(8, [
    ...nested(2, 'Which border crossing?'),
    ...nested(3, nested(1, 'North 🚐')),
    ...nested(3, nested(1, 'South')),
    ...nested(5, vote([1], PARTNER)),
    ...nested(6, vote([0], null)),
  ]);

  it('shows the question and each option with its votes, and keeps every vote with its voter', async () => {
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO ZWAMESSAGE VALUES (1, 1, NULL, 1, 1, 46, 741000000, 'P1', NULL, '${GROUP}', NULL, NULL);
      INSERT INTO ZWAMESSAGEINFO VALUES (1, 9, 1, X'${hex(poll)}');`);
    const run = await runParser(whatsappIosDbParser, bytes, 'ChatStorage.sqlite');
    expect(checkParsedInvariants(run, 'ChatStorage.sqlite')).toEqual([]);
    const [message] = run.sink.messages;
    expect(message?.text).toBe('Which border crossing?\n• North 🚐 (1 vote)\n• South (1 vote)');
    expect(message?.extra?.['poll']).toEqual({
      question: 'Which border crossing?',
      options: [
        { name: 'North 🚐', voters: [{ fromMe: true, sender: null, senderId: null, byCreator: true }] },
        { name: 'South', voters: [{ fromMe: false, sender: '+447700900123', senderId: '+447700900123', byCreator: false }] },
      ],
      votes: [
        { fromMe: false, sender: '+447700900123', senderId: '+447700900123', byCreator: false, optionIndexes: [1] },
        { fromMe: true, sender: null, senderId: null, byCreator: true, optionIndexes: [0] },
      ],
      infoRow: 1,
    });
  });
});

describe('ChatStorage: a ZRECEIPTINFO field-7 entry that holds no emoji', () => {
  // Guard: another tool reads field 7 as per-recipient receipts; an entry whose field 3 is a word or
  // a number is not shown as a reaction, only counted.
  it('is not taken for a reaction', async () => {
    const entry = (jid: string, third: string): number[] => nested(1, [...nested(2, jid), ...nested(3, third), ...number(4, 1705000000000)]);
    // A keycap (1️⃣: a digit, VS16, U+20E3) is an emoji, though it starts with a digit.
    const info = nested(7, [...entry(PARTNER, 'delivered'), ...entry(PARTNER, '🙏🏽'), ...entry(PARTNER, '1\uFE0F\u20E3'), ...entry(PARTNER, '12')]);
    const bytes = await buildDatabase(`${SCHEMA}
      INSERT INTO ZWAMESSAGE VALUES (1, 2, NULL, 1, 1, 0, 741000000, 'S1', NULL, '${PARTNER}', 'thanks', NULL);
      INSERT INTO ZWAMESSAGEINFO VALUES (1, 9, 1, X'${hex(info)}');`);
    const run = await runParser(whatsappIosDbParser, bytes, 'ChatStorage.sqlite');
    const [message] = run.sink.messages;
    expect((message?.extra?.['reactions'] as { emoji: string }[]).map((reaction) => reaction.emoji)).toEqual(['🙏🏽', '1\uFE0F\u20E3']);
    expect(message?.extra?.['receiptInfoEntriesNotRead']).toMatchObject({ infoRow: 1, count: 2 });
  });
});

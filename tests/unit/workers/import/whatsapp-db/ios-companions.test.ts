import { describe, expect, it } from 'vitest';

import { whatsappIosDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { CollectingSink, buildDatabase, checkParsedInvariants, parserInput, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { CHAT_STORAGE_TABLES } from '../../../../support/ios-chat-storage.ts';

/**
 * ChatStorage.sqlite's companions in the WhatsApp app group folder: ContactsV2.sqlite
 * (ZWAADDRESSBOOKCONTACT: ZWHATSAPPID, ZLID, ZFULLNAME, ZGIVENNAME…, as iLEAPP and exporters read
 * it) and LID.sqlite (ZWAZACCOUNT: ZIDENTIFIER the lid, ZPHONENUMBER its number). Found by their
 * tables, whatever the files are called (an iTunes backup names them by hash).
 */
const STORE = `
${CHAT_STORAGE_TABLES}
  INSERT INTO ZWACHATSESSION VALUES
    (1, 0, '4915100000001@s.whatsapp.net', NULL, NULL),
    (2, 1, '120363000000000009@g.us', NULL, 'Crew'),
    (3, 0, '4915100000002@s.whatsapp.net', NULL, NULL);
  INSERT INTO ZWAGROUPMEMBER VALUES
    (1, 2, '900000000004@lid', NULL, NULL),
    (2, 2, '4915100000003@s.whatsapp.net', NULL, 'Boss (member row)'),
    (3, 2, '900000000006@lid', NULL, NULL);
  INSERT INTO ZWAPROFILEPUSHNAME VALUES (1, '4915100000002@s.whatsapp.net', 'Ben (push name)');
  INSERT INTO ZWAMESSAGE VALUES
    (1, 1, NULL, 0, 0, 741000000, 'A1', '4915100000001@s.whatsapp.net', NULL, 'where are you'),
    (2, 3, NULL, 0, 0, 741000030, 'A2', '4915100000002@s.whatsapp.net', NULL, 'on my way'),
    (3, 2, 1, 0, 0, 741000060, 'A3', '120363000000000009@g.us', NULL, 'at the port'),
    (4, 2, 2, 0, 0, 741000120, 'A4', '120363000000000009@g.us', NULL, 'ok'),
    (5, 2, 3, 0, 0, 741000180, 'A5', '120363000000000009@g.us', NULL, 'who am I');
`;

const ADDRESS_BOOK_SCHEMA = `CREATE TABLE ZWAADDRESSBOOKCONTACT (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZFULLNAME VARCHAR, ZGIVENNAME VARCHAR,
  ZLASTNAME VARCHAR, ZBUSINESSNAME VARCHAR, ZPHONENUMBER VARCHAR, ZWHATSAPPID VARCHAR, ZLID VARCHAR, ZABOUTTEXT VARCHAR);`;
const LID_SCHEMA = 'CREATE TABLE ZWAZACCOUNT (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZIDENTIFIER VARCHAR, ZPHONENUMBER VARCHAR, ZCREATEDAT TIMESTAMP);';

function addressBook(rows: string): Promise<Uint8Array> {
  return buildDatabase(`${ADDRESS_BOOK_SCHEMA} INSERT INTO ZWAADDRESSBOOKCONTACT (Z_PK, ZFULLNAME, ZGIVENNAME, ZBUSINESSNAME, ZPHONENUMBER, ZWHATSAPPID, ZLID) VALUES ${rows};`);
}

function lidTable(rows: string): Promise<Uint8Array> {
  return buildDatabase(`${LID_SCHEMA} INSERT INTO ZWAZACCOUNT (Z_PK, ZIDENTIFIER, ZPHONENUMBER, ZCREATEDAT) VALUES ${rows};`);
}

async function parse(companions: Record<string, Uint8Array>, elsewhere: Record<string, Uint8Array> = {}, store = STORE) {
  const run = await runParser(whatsappIosDbParser, await buildDatabase(store), 'ChatStorage.sqlite', companions, elsewhere);
  expect(checkParsedInvariants(run, 'ChatStorage.sqlite')).toEqual([]);
  const byText = new Map(run.sink.messages.map((message) => [message.text, message]));
  return { run, byText, details: run.outcome.details, warnings: run.sink.warnings };
}

describe('ChatStorage: names from WhatsApp\'s address book (ContactsV2.sqlite) beside it', () => {
  it('names a sender the store shows only by number, says which row gave the name, and keeps the store\'s own names first', async () => {
    const book = await addressBook(`
      (1, 'Anna Address', 'Anna', NULL, '+49 151 00000001', '4915100000001@s.whatsapp.net', NULL),
      (2, 'Ben Address', 'Ben', NULL, '+49 151 00000002', '4915100000002@s.whatsapp.net', NULL),
      (3, 'Boss Address', NULL, NULL, NULL, '4915100000003', NULL),
      (4, NULL, NULL, NULL, '+49 151 0000009', NULL, NULL)`);
    const { byText, details, warnings } = await parse({ '5a4935c78a5255723f707230a451d79c540d2741': book });
    expect(warnings).toEqual([]);
    const anna = byText.get('where are you');
    expect([anna?.sender, anna?.senderId, anna?.extra?.['senderNameFrom']]).toEqual(['Anna Address', '+4915100000001', ['5a4935c78a5255723f707230a451d79c540d2741:ZWAADDRESSBOOKCONTACT#1']]);
    // The store's push name and member row name stay: the address book only fills what it lacks.
    expect([byText.get('on my way')?.sender, byText.get('on my way')?.extra?.['senderNameFrom']]).toEqual(['Ben (push name)', undefined]);
    expect([byText.get('ok')?.sender, byText.get('ok')?.extra?.['senderNameFrom']]).toEqual(['Boss (member row)', undefined]);
    expect(details['companions']).toMatchObject({
      addressBook: { file: '5a4935c78a5255723f707230a451d79c540d2741', found: 'in the same folder', sha256: expect.stringMatching(/^[0-9a-f]{64}$/u), rows: 4, names: 3 },
      lidTable: null,
    });
    expect(details['namesFromCompanions']).toEqual({ '+4915100000001': { value: 'Anna Address', from: ['5a4935c78a5255723f707230a451d79c540d2741:ZWAADDRESSBOOKCONTACT#1'] } });
  });

  it('gives the participant of a private chat without a partner name its address-book name', async () => {
    const book = await addressBook(`(1, 'Anna Address', NULL, NULL, NULL, '4915100000001@s.whatsapp.net', NULL)`);
    const { run } = await parse({ 'ContactsV2.sqlite': book });
    const chat = run.sink.chats.find((candidate) => candidate.key === 'jid:4915100000001@s.whatsapp.net');
    expect(chat?.participants).toEqual([{ name: 'Anna Address', id: '+4915100000001' }]);
  });

  it('reads no name for a number the address book gives two different names', async () => {
    const book = await addressBook(`
      (1, 'Anna Address', NULL, NULL, NULL, '4915100000001@s.whatsapp.net', NULL),
      (2, 'Annette Other', NULL, NULL, NULL, '4915100000001@s.whatsapp.net', NULL)`);
    const { byText, details } = await parse({ 'ContactsV2.sqlite': book });
    expect(byText.get('where are you')?.sender).toBe('+4915100000001');
    expect(details['companions']).toMatchObject({ addressBook: { names: 0, nameConflicts: ['4915100000001@s.whatsapp.net'] } });
  });
});

describe('ChatStorage: lids mapped to phones by LID.sqlite and ContactsV2.sqlite', () => {
  it('shows a lid member by the phone LID.sqlite gives, keeping the lid and the row it rests on', async () => {
    const lids = await lidTable(`(1, '900000000004@lid', '+4915100000004', 700000000), (2, 'not-a-lid', '4915100000099', NULL), (3, '900000000007@lid', NULL, NULL)`);
    const { byText, details } = await parse({ 'LID.sqlite': lids });
    const member = byText.get('at the port');
    expect([member?.sender, member?.senderId, member?.extra?.['senderLid'], member?.extra?.['senderPhoneFrom']]).toEqual(['+4915100000004', '+4915100000004', '900000000004@lid', ['LID.sqlite:ZWAZACCOUNT#1']]);
    expect(byText.get('who am I')?.senderId).toBe('900000000006@lid');
    expect(details['companions']).toMatchObject({ lidTable: { file: 'LID.sqlite', rows: 3, lidPairs: 1, rowsNotRead: 1 } });
    expect(details['phonesFromCompanions']).toEqual({ '900000000004@lid': { value: '+4915100000004', from: ['LID.sqlite:ZWAZACCOUNT#1'] } });
  });

  it('names a lid member by the address book, through its ZLID', async () => {
    const book = await addressBook(`(7, 'Dana Address', NULL, NULL, NULL, '4915100000006@s.whatsapp.net', '900000000006@lid')`);
    const { byText } = await parse({ 'ContactsV2.sqlite': book });
    const member = byText.get('who am I');
    expect([member?.sender, member?.senderId, member?.extra?.['senderLid'], member?.extra?.['senderPhoneFrom'], member?.extra?.['senderNameFrom']])
      .toEqual(['Dana Address', '+4915100000006', '900000000006@lid', ['ContactsV2.sqlite:ZWAADDRESSBOOKCONTACT#7'], ['ContactsV2.sqlite:ZWAADDRESSBOOKCONTACT#7']]);
  });

  it('maps a lid to neither phone when LID.sqlite and the store disagree', async () => {
    const store = STORE.replace("(1, 2, '900000000004@lid', NULL, NULL)", "(1, 2, '900000000004@lid', '4915100000004@s.whatsapp.net', NULL)");
    const lids = await lidTable(`(1, '900000000004@lid', '4915199999999', NULL)`);
    const { byText, details } = await parse({ 'LID.sqlite': lids }, {}, store);
    expect([byText.get('at the port')?.senderId, byText.get('at the port')?.extra?.['senderLid']]).toEqual(['900000000004@lid', undefined]);
    expect(details).toMatchObject({ lidPhoneConflicts: ['900000000004@lid'] });
  });

  it('says nothing of a companion when the store gives the same phone itself', async () => {
    const store = STORE.replace("(1, 2, '900000000004@lid', NULL, NULL)", "(1, 2, '900000000004@lid', '4915100000004@s.whatsapp.net', NULL)");
    const lids = await lidTable(`(1, '900000000004@lid', '4915100000004', NULL)`);
    const { byText, details } = await parse({ 'LID.sqlite': lids }, {}, store);
    expect([byText.get('at the port')?.senderId, byText.get('at the port')?.extra?.['senderPhoneFrom']]).toEqual(['+4915100000004', undefined]);
    expect(details['phonesFromCompanions']).toEqual({});
  });
});

describe('ChatStorage companions: found by content, and never a reason to fail', () => {
  it('reads none of two different address books beside it, and says why', async () => {
    const { byText, warnings, details } = await parse({
      'a.sqlite': await addressBook(`(1, 'Anna A', NULL, NULL, NULL, '4915100000001@s.whatsapp.net', NULL)`),
      'b.sqlite': await addressBook(`(1, 'Anna B', NULL, NULL, NULL, '4915100000001@s.whatsapp.net', NULL)`),
    });
    expect(byText.get('where are you')?.sender).toBe('+4915100000001');
    expect(details['companions']).toMatchObject({ addressBook: null });
    expect(warnings).toEqual([{ place: 'ChatStorage.sqlite', message: expect.stringContaining('2 different WhatsApp address book databases beside it (a.sqlite, b.sqlite)') }]);
  });

  it('does not use one elsewhere in the import that holds another chat database too', async () => {
    const { byText, warnings } = await parse({}, { 'phone-b/ContactsV2.sqlite': await addressBook(`(1, 'Anna of B', NULL, NULL, NULL, '4915100000001@s.whatsapp.net', NULL)`), 'phone-b/ChatStorage.sqlite': await buildDatabase(STORE) });
    expect(byText.get('where are you')?.sender).toBe('+4915100000001');
    expect(warnings).toEqual([{ place: 'ChatStorage.sqlite', message: expect.stringContaining('the import also holds the WhatsApp chat database /elsewhere/phone-b/ChatStorage.sqlite') }]);
  });

  it('uses one from another folder of the import when no other chat database is there, and says where it was found', async () => {
    const { byText, details, warnings } = await parse({}, { 'AppGroup copy/LID.sqlite': await lidTable(`(1, '900000000004@lid', '+4915100000004', NULL)`) });
    expect(warnings).toEqual([]);
    expect(byText.get('at the port')?.extra?.['senderPhoneFrom']).toEqual(['/elsewhere/AppGroup copy/LID.sqlite:ZWAZACCOUNT#1']);
    expect(details['companions']).toMatchObject({ lidTable: { file: '/elsewhere/AppGroup copy/LID.sqlite', found: 'in the same import' } });
  });

  it('names a ContactsV2.sqlite that is not a database (encrypted, damaged) and imports the messages', async () => {
    const { run, warnings } = await parse({ 'ContactsV2.sqlite': new TextEncoder().encode('\u0000\u0001 encrypted bytes, no SQLite header') });
    expect(run.sink.messages).toHaveLength(5);
    expect(warnings).toEqual([{ place: 'ContactsV2.sqlite', message: expect.stringContaining('ContactsV2.sqlite beside ChatStorage.sqlite is not a WhatsApp address book database') }]);
  });

  it('names an address book with no WhatsApp id or lid column, and counts ids it cannot read as numbers', async () => {
    const phoneOnly = await buildDatabase("CREATE TABLE ZWAADDRESSBOOKCONTACT (Z_PK INTEGER PRIMARY KEY, ZFULLNAME VARCHAR, ZPHONENUMBER VARCHAR); INSERT INTO ZWAADDRESSBOOKCONTACT VALUES (1, 'Anna', '+4915100000001');");
    const refused = await parse({ 'ContactsV2.sqlite': phoneOnly });
    expect(refused.byText.get('where are you')?.sender).toBe('+4915100000001');
    expect(refused.warnings).toEqual([{ place: 'ContactsV2.sqlite', message: expect.stringContaining('ZWAADDRESSBOOKCONTACT has neither a WhatsApp id with a name nor a lid with a phone') }]);
    const odd = await parse({ 'ContactsV2.sqlite': await addressBook(`(1, 'Status', NULL, NULL, NULL, 'status@broadcast', NULL), (2, 'Anna', NULL, NULL, NULL, '4915100000001@s.whatsapp.net', '12345')`) });
    expect(odd.byText.get('where are you')?.sender).toBe('Anna');
    expect(odd.details['companions']).toMatchObject({ addressBook: { rows: 2, names: 1, lidPairs: 0, idsNotRead: 2 } });
  });

  it('names a LID.sqlite whose ZWAZACCOUNT lacks the columns it needs', async () => {
    const { byText, warnings } = await parse({ 'LID.sqlite': await buildDatabase("CREATE TABLE ZWAZACCOUNT (Z_PK INTEGER PRIMARY KEY, ZIDENTIFIER VARCHAR); INSERT INTO ZWAZACCOUNT VALUES (1, '900000000004@lid');") });
    expect(byText.get('at the port')?.senderId).toBe('900000000004@lid');
    expect(warnings).toEqual([{ place: 'LID.sqlite', message: expect.stringContaining('ZWAZACCOUNT has no ZIDENTIFIER and ZPHONENUMBER') }]);
  });

  it('imports the messages when the files near it cannot be listed or read, naming the failure', async () => {
    const input = parserInput(await buildDatabase(STORE), 'ChatStorage.sqlite');
    input.nearby = () => Promise.reject(new Error('EACCES: permission denied, scandir'));
    const sink = new CollectingSink();
    await whatsappIosDbParser.parse(input, sink, {});
    expect(sink.messages).toHaveLength(5);
    expect(sink.warnings).toEqual([{ place: 'ChatStorage.sqlite', message: expect.stringContaining('EACCES: permission denied, scandir') }]);
  });

  it('reads the one offered beside it when the folder beside it was not looked at whole, and says which folder and why (an unlistable or cut folder is not taken for all there is)', async () => {
    const book = await addressBook(`(1, 'Anna Address', NULL, NULL, NULL, '4915100000001@s.whatsapp.net', NULL)`);
    const input = parserInput(await buildDatabase(STORE), 'ChatStorage.sqlite', { 'ContactsV2.sqlite': book });
    input.nearbyUnlisted = () => Promise.resolve([{ relation: 'same-folder', folder: '/evidence', reason: 'it holds 5004 other files, more than the 5000 offered: only the first 5000 by name were looked at' }]);
    const sink = new CollectingSink();
    const outcome = await whatsappIosDbParser.parse(input, sink, {});
    expect(sink.messages.find((message) => message.text === 'where are you')?.sender).toBe('Anna Address');
    expect(outcome.details['companions']).toMatchObject({ addressBook: { file: 'ContactsV2.sqlite' }, lidTable: null });
    const gap = '(/evidence: it holds 5004 other files, more than the 5000 offered: only the first 5000 by name were looked at)';
    expect(sink.warnings).toEqual([
      { place: 'ChatStorage.sqlite', message: `the files beside it were not all looked at for its WhatsApp address book ${gap}: it was read from ContactsV2.sqlite, the only one found beside it, but another one may be among the files not looked at` },
      { place: 'ChatStorage.sqlite', message: expect.stringContaining(`for its WhatsApp lid table ${gap}, and no WhatsApp lid table was found among those that were, nor as LID.sqlite`) },
    ]);
  });

  it('imports the messages when a companion found near it cannot be read whole, naming the failure', async () => {
    const lids = await lidTable(`(1, '900000000004@lid', '4915100000004', NULL)`);
    const input = parserInput(await buildDatabase(STORE), 'ChatStorage.sqlite');
    const unreadable = { ...parserInput(lids, 'LID.sqlite'), readAll: () => Promise.reject(new Error('EIO: i/o error')) };
    input.nearby = () => Promise.resolve([{ relation: 'same-folder' as const, input: unreadable, head: (length: number) => Promise.resolve(lids.slice(0, length)) }]);
    const sink = new CollectingSink();
    await whatsappIosDbParser.parse(input, sink, {});
    expect(sink.messages.find((message) => message.text === 'at the port')?.senderId).toBe('900000000004@lid');
    expect(sink.warnings).toEqual([{ place: 'ChatStorage.sqlite', message: expect.stringContaining('the WhatsApp lid table was not looked for to the end: a file near it could not be read (EIO: i/o error)') }]);
  });

  it('reads a companion whose header is intact but whose pages are damaged as far as it can, naming it', async () => {
    const book = await addressBook(`(1, 'Anna Address', NULL, NULL, NULL, '4915100000001@s.whatsapp.net', NULL)`);
    const damaged = book.slice();
    damaged.fill(0xff, 4096);
    const { run, warnings } = await parse({ 'ContactsV2.sqlite': damaged });
    expect(run.sink.messages).toHaveLength(5);
    expect(warnings).toEqual([{ place: 'ContactsV2.sqlite', message: expect.stringContaining('ContactsV2.sqlite: ZWAADDRESSBOOKCONTACT: database disk image is malformed') }]);
  });
});

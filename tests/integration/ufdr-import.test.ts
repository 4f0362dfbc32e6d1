import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseSession } from '../../engine/case/case-session.ts';
import { Engine } from '../../engine/engine.ts';
import { detectFiles } from '../../engine/import/detect-files.ts';
import type { ImportSummary } from '../../shared/domain/import.ts';
import type { Message } from '../../shared/domain/message.ts';
import { SAMPLES, tempFolder, writeTemp } from '../support/temp-case.ts';
import * as ufdr from '../support/ufdr-report-builder.ts';
import { buildZip } from '../support/zip-writer.ts';

/**
 * A .ufdr built in the test (a zip of report.xml and the extracted files), imported through the
 * engine: report.xml is recognised inside the zip, its attachments are found among the zip's
 * entries by Local Path, and the vendor digests in the report are checked against the bytes.
 */
const engines: Engine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.dispose()));
});

const PHOTO_1 = new TextEncoder().encode('JPEG bytes of photo one');
const PHOTO_2 = new TextEncoder().encode('JPEG bytes of photo two');
const hex = (algorithm: string, bytes: Uint8Array): string => createHash(algorithm).update(bytes).digest('hex');

function taggedFile(id: string, name: string, md5: string, sha256: string): string {
  return `<file path="/data/media/0/DCIM/${name}" size="23" id="${id}" deleted="Intact"><metadata section="File"><item name="Local Path"><![CDATA[files\\Image\\${name}]]></item></metadata><metadata section="MetaData"><item name="MD5">${md5}</item><item name="SHA256">${sha256}</item></metadata></file>`;
}

function party(id: string, name: string, owner: boolean): string {
  return `<model type="Party"><field name="Identifier"><value><![CDATA[${id}]]></value></field><field name="Name"><value><![CDATA[${name}]]></value></field><field name="IsPhoneOwner"><value>${owner ? 'True' : 'False'}</value></field></model>`;
}

function message(from: string, body: string, time: string, fileId?: string): string {
  const attachment = fileId === undefined ? '' : `<multiModelField name="Attachments" type="Attachment"><model type="Attachment" file_id="${fileId}"><field name="ContentType"><value>image/jpeg</value></field></model></multiModelField>`;
  return `<model type="InstantMessage" deleted_state="Intact"><modelField name="From" type="Party">${from}</modelField><field name="Body"><value><![CDATA[${body}]]></value></field><field name="TimeStamp"><value>${time}</value></field>${attachment}</model>`;
}

const NADIA = party('+40711111111', 'Nadia', false);
const OWNER = party('+40722222222', 'Owner', true);

const REPORT = `<?xml version="1.0" encoding="utf-8"?>
<project id="p" reportVersion="7.60" xmlns="http://pa.cellebrite.com/report/2.0">
<taggedFiles>
${taggedFile('f-1', 'photo1.jpg', hex('md5', PHOTO_1).toUpperCase(), hex('sha256', PHOTO_1))}
${taggedFile('f-2', 'photo2.jpg', hex('md5', PHOTO_2), '0'.repeat(64))}
</taggedFiles>
<decodedData><modelType type="Chat"><model type="Chat" id="c">
<field name="Source"><value>WhatsApp</value></field><field name="Id"><value>40711111111@s.whatsapp.net</value></field>
<multiModelField name="Participants" type="Party">${NADIA}${OWNER}</multiModelField>
<multiModelField name="Messages" type="InstantMessage">
${message(NADIA, 'Where is the money?', '2024-06-01T21:30:00.000+03:00')}
${message(OWNER, 'Here is the receipt', '2024-06-01T21:35:00.000+03:00', 'f-1')}
${message(OWNER, 'And the other one', '2024-06-01T21:36:00.000+03:00', 'f-2')}
</multiModelField></model></modelType></decodedData></project>`;

describe('Cellebrite UFDR import through the engine', () => {
  it('imports report.xml from a .ufdr zip, with senders, directions, UTC times and verified digests', async () => {
    const engine = new Engine({ mode: 'cli', actor: 't' });
    engines.push(engine);
    const folder = tempFolder();
    const session = await engine.openCase(join(folder, 'case'), true);
    const ufdr = writeTemp(folder, 'PH-07.ufdr', buildZip([
      { name: 'report.xml', data: REPORT, deflate: true },
      { name: 'files/Image/photo1.jpg', data: PHOTO_1 },
      { name: 'files/Image/photo2.jpg', data: PHOTO_2 },
    ]));
    const summary = await engine.startImport([ufdr], { timeZone: 'UTC' }).done;
    const source = summary.sources[0];
    expect(source, JSON.stringify(source)).toMatchObject({ status: 'imported', format: 'zip', messages: 3, attachments: 2, unparsed: 0 });
    expect(source?.issues.filter((issue) => issue.reason.includes('do not match'))).toEqual([expect.objectContaining({ reason: expect.stringContaining('files/Image/photo2.jpg') })]);

    const conversations = await session.db.client.call('listConversations', {});
    expect(conversations).toHaveLength(1);
    expect(conversations[0]?.title).toBe('WhatsApp: Nadia');
    const { messages } = await session.db.client.call('messagesRange', { chatId: conversations[0]?.id ?? '', offset: 0, limit: 10 });
    expect(messages.map((record) => [record.sender, record.direction, record.text])).toEqual([
      ['Nadia', 'incoming', 'Where is the money?'],
      ['Owner', 'outgoing', 'Here is the receipt'],
      ['Owner', 'outgoing', 'And the other one'],
    ]);
    expect(messages[0]).toMatchObject({ timestamp: '2024-06-01T18:30:00.000Z', timestampText: '2024-06-01T21:30:00.000+03:00' });
    expect(messages[1]?.attachments[0]).toMatchObject({ status: 'verified', sourcePath: 'files/Image/photo1.jpg', sha256: hex('sha256', PHOTO_1) });
    expect(messages[2]?.attachments[0]).toMatchObject({ status: 'mismatch', sourcePath: 'files/Image/photo2.jpg', sha256: hex('sha256', PHOTO_2) });
    const info = await session.info();
    expect(info.sources[0]?.details['entries']).toEqual([expect.objectContaining({ name: 'report.xml', format: 'cellebrite-ufdr' })]);
  });
});

/** Imports paths into a new case; returns the summary, the session and every conversation's messages. */
async function importInto(paths: string[]): Promise<{ summary: ImportSummary; session: CaseSession; conversations: { title: string; participants: string[]; first: string | null; last: string | null; messages: Message[] }[] }> {
  const engine = new Engine({ mode: 'cli', actor: 't' });
  engines.push(engine);
  const session = await engine.openCase(join(tempFolder(), 'case'), true);
  const summary = await engine.startImport(paths, { timeZone: 'UTC' }).done;
  const conversations = [];
  for (const conversation of await session.db.client.call('listConversations', {})) {
    const { messages } = await session.db.client.call('messagesRange', { chatId: conversation.id, offset: 0, limit: 1000 });
    conversations.push({ title: conversation.title, participants: conversation.participants, first: conversation.firstTimestamp, last: conversation.lastTimestamp, messages });
  }
  return { summary, session, conversations };
}

const PHONE_OWNER: ufdr.PartySpec = { id: '+40722000000', name: 'Owner', owner: true };
const IOANA: ufdr.PartySpec = { id: '+40733000000', name: 'Ioana' };
const RECEIPT = { id: 'f-receipt', localPath: 'files/Image/receipt.jpg', bytes: new TextEncoder().encode('receipt image bytes') };
const VOICE = { id: 'f-voice', localPath: 'files/Audio/voice.opus', bytes: new TextEncoder().encode('voice note bytes') };

/** One of every model type Threadline reads, with attachments in taggedFiles (written first or last). */
function everyModelReport(taggedFilesLast: boolean): string {
  return ufdr.report({
    taggedFilesLast,
    files: [RECEIPT, VOICE],
    decoded: [
      ufdr.modelType('UserAccount', [ufdr.userAccount({ id: 'u-1', source: 'WhatsApp', name: 'Owner', userId: '40722000000@s.whatsapp.net' })]),
      ufdr.modelType('SMS', [ufdr.sms({ id: 's-1', folder: 'Inbox', time: '2024-07-01T10:00:00+03:00', body: 'The apartment is ready', parties: [{ ...IOANA, role: 'From' }, { id: PHONE_OWNER.id, role: 'To' }] })]),
      ufdr.modelType('MMS', [ufdr.mms({ id: 'm-1', folder: 'Sent', time: '2024-07-01T10:05:00+03:00', body: 'Receipt attached', parties: [{ ...PHONE_OWNER, role: 'From' }, { ...IOANA, role: 'To' }], fileIds: ['f-receipt'] })]),
      ufdr.modelType('Email', [ufdr.email({ id: 'e-1', account: 'owner@example.org', folder: 'Inbox', time: '2024-07-01T11:00:00+03:00', subject: 'Tickets', body: 'Flight on Friday', from: { id: 'agent@example.net', name: 'Agent' }, to: [{ id: 'owner@example.org' }], fileIds: ['f-voice'] })]),
      ufdr.modelType('Call', [ufdr.call({ id: 'c-1', type: 'Outgoing', time: '2024-07-01T12:00:00+03:00', duration: '00:02:13', video: false, parties: [{ ...PHONE_OWNER, role: 'From' }, { ...IOANA, role: 'To' }] })]),
    ],
  });
}

describe('Cellebrite UFDR: every model type, in a zip, a folder and a bare report.xml', () => {
  it.each([false, true])('imports SMS, MMS, Email, Call and UserAccount models from a .ufdr zip (taggedFiles last: %s), digests verified', async (taggedFilesLast) => {
    const folder = tempFolder();
    const path = writeTemp(folder, 'PH-09.ufdr', buildZip([
      { name: 'report.xml', data: everyModelReport(taggedFilesLast), deflate: true },
      { name: 'files/Image/receipt.jpg', data: RECEIPT.bytes },
      { name: 'files/Audio/voice.opus', data: VOICE.bytes },
    ]));
    const { summary, conversations } = await importInto([path]);
    expect(summary.sources).toEqual([expect.objectContaining({ status: 'imported', format: 'zip', messages: 5, attachments: 2, unparsed: 0, issues: [] })]);
    const byTitle = new Map(conversations.map((conversation) => [conversation.title, conversation.messages]));
    expect([...byTitle.keys()].sort()).toEqual(['Calls: Ioana (+40733000000)', 'Email: Tickets (owner@example.org)', 'SMS/MMS: Ioana (+40733000000)', 'User accounts on the device']);
    expect(byTitle.get('SMS/MMS: Ioana (+40733000000)')?.map((message) => [message.sender, message.direction, message.timestamp, message.text])).toEqual([
      ['Ioana', 'incoming', '2024-07-01T07:00:00.000Z', 'The apartment is ready'],
      ['Owner', 'outgoing', '2024-07-01T07:05:00.000Z', 'Receipt attached'],
    ]);
    expect(byTitle.get('SMS/MMS: Ioana (+40733000000)')?.[1]?.attachments[0]).toMatchObject({ status: 'verified', sourcePath: 'files/Image/receipt.jpg' });
    expect(byTitle.get('Email: Tickets (owner@example.org)')?.[0]).toMatchObject({ sender: 'Agent', direction: 'incoming', text: 'Subject: Tickets\n\nFlight on Friday', attachments: [expect.objectContaining({ status: 'verified', sourcePath: 'files/Audio/voice.opus' })] });
    expect(byTitle.get('Calls: Ioana (+40733000000)')?.[0]).toMatchObject({ kind: 'system', direction: 'outgoing', sender: 'Owner', text: 'Outgoing voice call, 2 min 13 s', timestamp: '2024-07-01T09:00:00.000Z', extra: { recordType: 'call', durationSeconds: 133 } });
    expect(byTitle.get('User accounts on the device')?.[0]).toMatchObject({ kind: 'system', text: 'WhatsApp account: Owner (40722000000@s.whatsapp.net)' });
  });

  // With the namespace, and without it (FORMATS.md §7.1): the folder is recognised as the UFDR sniff recognises its report.
  it.each([true, false])('imports an unzipped UFDR folder as one source: report.xml, with the extracted files as its attachments (namespace: %s)', async (withNamespace) => {
    const folder = join(tempFolder(), 'PH-09 UFDR');
    mkdirSync(join(folder, 'files', 'Image'), { recursive: true });
    mkdirSync(join(folder, 'files', 'Audio'), { recursive: true });
    const report = everyModelReport(false);
    writeTemp(folder, 'report.xml', withNamespace ? report : report.replace(` xmlns="${ufdr.CELLEBRITE_NS}"`, ''));
    writeTemp(join(folder, 'files', 'Image'), 'receipt.jpg', RECEIPT.bytes);
    writeTemp(join(folder, 'files', 'Audio'), 'voice.opus', VOICE.bytes);
    // Files the report does not name are part of the extraction too, not sources of their own;
    // they are listed as not imported, with the reason, never silently left out.
    writeTemp(join(folder, 'files', 'Audio'), 'unrelated.opus', 'other audio');
    const unrelated = join(folder, 'files', 'Audio', 'unrelated.opus');
    const notReferenced = 'not imported: beside a Cellebrite report, not referenced by it';
    const { summary, session } = await importInto([folder]);
    expect(summary.sources).toEqual([
      expect.objectContaining({ path: unrelated, status: 'skipped', messages: 0, issues: [{ place: unrelated, reason: notReferenced }], error: null }),
      expect.objectContaining({ path: join(folder, 'report.xml'), status: 'imported', format: 'cellebrite-ufdr', messages: 5, attachments: 2, issues: [] }),
    ]);
    expect(await detectFiles(session, [folder])).toEqual([
      expect.objectContaining({ path: join(folder, 'report.xml'), format: 'cellebrite-ufdr' }),
      { path: unrelated, size: 11, format: null, reason: notReferenced },
    ]);
  });

  it('imports a bare report.xml, and says which attachment files it could not find', async () => {
    const path = writeTemp(tempFolder(), 'report.xml', everyModelReport(true));
    const { summary, conversations } = await importInto([path]);
    expect(summary.sources).toEqual([expect.objectContaining({ status: 'imported', format: 'cellebrite-ufdr', messages: 5 })]);
    expect(summary.sources[0]?.issues.map((issue) => issue.reason)).toEqual([
      'attachment "files/Image/receipt.jpg" is named by the report but its file is not in the UFDR; the message is kept and the attachment recorded as missing',
      'attachment "files/Audio/voice.opus" is named by the report but its file is not in the UFDR; the message is kept and the attachment recorded as missing',
    ]);
    expect(summary.sources[0]?.issues[0]?.place).toMatch(/^report\.xml:\d+:\d+$/u);
    const attachments = conversations.flatMap((conversation) => conversation.messages).flatMap((message) => message.attachments);
    expect(attachments.map((attachment) => attachment.status)).toEqual(['missing', 'missing']);
  });
});

const CHAT_SAMPLE = join(SAMPLES, 'ufdr', 'iped', 'ufed-model-chat.xml');
const ACCOUNT_SAMPLE = join(SAMPLES, 'ufdr', 'iped', 'ufed-model-useraccount.xml');

describe.skipIf(!existsSync(CHAT_SAMPLE) || !existsSync(ACCOUNT_SAMPLE))('Cellebrite samples (report.xml fragments): golden results', () => {
  it('imports both fragments with the counts an independent count of the raw XML gives', async () => {
    const { summary, conversations } = await importInto([CHAT_SAMPLE, ACCOUNT_SAMPLE]);
    const chatXml = readFileSync(CHAT_SAMPLE, 'utf8');
    const accountXml = readFileSync(ACCOUNT_SAMPLE, 'utf8');
    // Independent of our parser: InstantMessage models not nested in another (quotes), and UserAccounts.
    const instantMessages = ufdr.countTopLevelModels(chatXml, 'InstantMessage');
    const accounts = ufdr.countTopLevelModels(accountXml, 'UserAccount');
    expect([instantMessages, accounts]).toEqual([11, 2]);
    const [chatSource, accountSource] = summary.sources;
    expect(chatSource).toMatchObject({ status: 'imported', format: 'cellebrite-ufdr', messages: instantMessages, unparsed: 0 });
    expect(accountSource).toMatchObject({ status: 'imported', format: 'cellebrite-ufdr', messages: accounts, unparsed: 0, issues: [] });

    const chat = conversations.find((conversation) => conversation.title === 'WhatsApp: Blastoise');
    expect(chat?.messages).toHaveLength(instantMessages);
    // The senders, and Blastoise: the report's Participants list names him (5511999996666@s.whatsapp.net), who sent nothing here.
    expect(chat?.participants.slice().sort()).toEqual(['Blastoise (5511999996666@s.whatsapp.net)', 'Bulbasaur', 'Clefable', 'Metapod', 'Pikachu']);
    expect([chat?.first, chat?.last]).toEqual(['2023-10-10T09:53:27.000Z', '2024-11-03T19:47:39.000Z']);
    const texts = chat?.messages.map((message) => message.text) ?? [];
    expect(texts).toEqual(expect.arrayContaining(['Certo amigo veja ae', 'Vendo', 'Obrigado', 'You joined the group via invite link']));
    expect(chat?.messages.filter((message) => message.attachments.length > 0)).toHaveLength(5);

    const accountRecords = conversations.find((conversation) => conversation.title === 'User accounts on the device')?.messages ?? [];
    expect(accountRecords.map((message) => message.text)).toEqual(['WhatsApp Business account: Rattata (5511999997777@s.whatsapp.net)', 'Instagram account: Pidgeotto (1212121212121212)']);
  });
});

describe('Cellebrite UFDR: hostile input through the engine', () => {
  it('refuses entities, keeps what a cut report held, bounds a 50 MB field, and names a missing file, each with its place', async () => {
    const folder = tempFolder();
    const sms = (id: string, body: string): string => ufdr.sms({ id, folder: 'Inbox', time: '2024-07-01T10:00:00Z', body, parties: [{ ...IOANA, role: 'From' }] });
    const entity = writeTemp(folder, 'entity.xml', `<?xml version="1.0"?>\n<!DOCTYPE project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<project xmlns="${ufdr.CELLEBRITE_NS}"><decodedData>&b;</decodedData></project>`);
    const whole = ufdr.report({ decoded: [ufdr.modelType('SMS', [sms('s-1', 'first'), sms('s-2', 'second'), sms('s-3', 'third, cut off')])] });
    const cut = writeTemp(folder, 'cut.xml', whole.slice(0, whole.indexOf('third') + 3));
    const huge = writeTemp(folder, 'huge.xml', ufdr.report({ decoded: [ufdr.modelType('SMS', [sms('s-big', 'a pasted book, word after word; '.repeat(50 * 1024 * 1024 / 32)), sms('s-after', 'after the big one')])] }));
    const missingFolder = join(folder, 'missing');
    mkdirSync(missingFolder);
    writeTemp(missingFolder, 'report.xml', ufdr.report({ files: [RECEIPT], decoded: [ufdr.modelType('MMS', [ufdr.mms({ id: 'm-1', folder: 'Inbox', time: '2024-07-01T10:00:00Z', body: 'receipt', parties: [{ ...IOANA, role: 'From' }], fileIds: ['f-receipt'] })])] }));
    const { summary, conversations } = await importInto([entity, cut, huge, missingFolder]);
    const byName = new Map(summary.sources.map((source) => [source.path.split('/').pop() ?? '', source]));

    expect(byName.get('entity.xml')).toMatchObject({ status: 'failed', error: { code: 'E_IMPORT_FORMAT', message: expect.stringMatching(/entity\.xml:2: .*declares XML entities.*refused/u) } });

    expect(byName.get('cut.xml')).toMatchObject({ status: 'imported', messages: 2, unparsed: 1 });
    expect(byName.get('cut.xml')?.issues.map((issue) => issue.reason)).toEqual(expect.arrayContaining([expect.stringMatching(/^the XML breaks inside this model/u), expect.stringMatching(/^bad XML: .*the 2 records before it were imported/u)]));

    expect(byName.get('huge.xml')).toMatchObject({ status: 'imported', messages: 2, unparsed: 0 });
    expect(byName.get('huge.xml')?.issues).toEqual([{ place: expect.stringMatching(/^huge\.xml:\d+:\d+$/u), reason: 'the Body was longer than 1048576 characters and was cut there' }]);
    const big = conversations.flatMap((conversation) => conversation.messages).find((message) => message.extra?.['modelId'] === 's-big');
    expect(big?.text.length).toBe(1024 * 1024);

    expect(byName.get('report.xml')).toMatchObject({ status: 'imported', messages: 1, issues: [{ place: expect.stringMatching(/^report\.xml:\d+:\d+$/u), reason: expect.stringMatching(/^attachment "files\/Image\/receipt\.jpg" is named by the report but its file is not in the UFDR/u) }] });
  }, 300_000);
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { headOf, inputFromFile, runParser } from '../../../../support/parser-harness.ts';

/** The hand-made reports in fixtures/ufdr: chats, parties, directions, attachments, deletion. */
const FIXTURES = path.resolve(process.cwd(), 'fixtures/ufdr');
const fixture = (name: string): string => path.join(FIXTURES, name);

describe('Cellebrite report.xml importer', () => {
  it('recognises a report by its <project> root in the Cellebrite namespace, and nothing else', () => {
    expect(ufdrReportParser.sniff(headOf(fixture('chat-report.xml')), 'report.xml')).toBe(true);
    expect(ufdrReportParser.sniff(headOf(fixture('entity-attack.xml')), 'report.xml')).toBe(true);
    const other = new TextEncoder().encode('<?xml version="1.0"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0"></project>');
    expect(ufdrReportParser.sniff(other, 'pom.xml')).toBe(false);
    expect(ufdrReportParser.sniff(new TextEncoder().encode('<smses count="0"/>'), 'sms.xml')).toBe(false);
  });

  it('reads a chat with its participants, as one conversation keyed by app and chat id', async () => {
    const result = await runParser(ufdrReportParser, inputFromFile(fixture('chat-report.xml'), { forbidReadAll: true, chunkBytes: 512 }));
    expect(result.chats).toEqual([
      {
        key: 'chat:WhatsApp:40712345678@s.whatsapp.net',
        mergeKey: 'WhatsApp\n40712345678@s.whatsapp.net',
        title: 'WhatsApp: Marta (recruiter)',
        kind: 'private',
        participants: [
          { name: 'Marta (recruiter)', id: '40712345678@s.whatsapp.net' },
          { name: 'Ioana', id: '40798765432@s.whatsapp.net' },
        ],
      },
    ]);
    expect(result.messages.map((message) => message.kind)).toEqual(['message', 'message', 'message']);
    // The fixture folder holds report.xml only: the attachment's file is named but absent.
    // Its one slash-dated stamp (12/03/2024) decides nothing: day first is assumed, and said.
    expect(result.warnings).toEqual([{ place: 'chat-report.xml', message: expect.stringMatching(/^ambiguous date order: no field exceeds 12 in 1 slash-dated time stamps; assumed day first/u) }, { place: 'chat-report.xml:37:11', message: expect.stringMatching(/^attachment "files\/Image\/IMG-20240312-WA0004\.jpg" is named by the report but its file is not in the UFDR/u) }]);
    expect(result.outcome.details).toMatchObject({
      messages: 3,
      chats: 1,
      contacts: 1,
      taggedFiles: 1,
      deleted: 1,
      attachmentsWithDigests: 1,
      complete: true,
      dateOrder: 'dmy',
      dateOrderSource: 'default',
      caseInformation: { CaseNumber: 'TL-2024-017' },
      metadata: { 'Device Info': { DeviceInfoOSVersion: '14' } },
      modelCounts: { Contact: 1, Chat: 1 },
    });
  });

  it('gives sender, direction and the absolute instant of incoming and outgoing messages', async () => {
    const [incoming, outgoing] = (await runParser(ufdrReportParser, inputFromFile(fixture('chat-report.xml')))).messages;
    expect(incoming).toMatchObject({
      chatKey: 'chat:WhatsApp:40712345678@s.whatsapp.net',
      sender: 'Marta (recruiter)',
      senderId: '40712345678@s.whatsapp.net',
      direction: 'incoming',
      time: { utcMs: Date.UTC(2024, 2, 12, 7, 15, 1) },
      timestampText: '2024-03-12T09:15:01+02:00',
      text: 'The job in Milan pays 2000 a month. Send me a photo of your passport.',
      deleted: false,
      locator: { kind: 'xml-path', file: 'chat-report.xml', path: "/project/decodedData/modelType[@type='Chat']/model[1]/multiModelField[@name='Messages']/model[1]", line: 31, column: 11 },
      extra: { app: 'WhatsApp', modelId: 'm-1', status: 'Read', decodingConfidence: 'High' },
    });
    // No From: the sender is the chat's phone owner, since the report says Outgoing.
    expect(outgoing).toMatchObject({ sender: 'Ioana', senderId: '40798765432@s.whatsapp.net', direction: 'outgoing', time: { utcMs: Date.UTC(2024, 2, 12, 7, 20, 0) } });
  });

  it('links an attachment to its taggedFiles entry: zip path from Local Path, vendor MD5 and SHA256', async () => {
    const outgoing = (await runParser(ufdrReportParser, inputFromFile(fixture('chat-report.xml')))).messages[1];
    expect(outgoing?.attachments).toEqual([
      {
        kind: 'attached',
        mediaType: 'image',
        fileName: 'IMG-20240312-WA0004.jpg',
        mimeType: 'image/jpeg',
        path: 'files/Image/IMG-20240312-WA0004.jpg',
        size: 10,
        vendorDigests: { md5: '0a1b2c3d4e5f60718293a4b5c6d7e8f9', sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' },
      },
    ]);
    expect(outgoing?.extra?.['files']).toEqual([expect.objectContaining({ fileId: 'f-photo-1', devicePath: '/data/media/0/WhatsApp/Media/WhatsApp Images/IMG-20240312-WA0004.jpg', inReport: true })]);
  });

  it('marks a model the report calls Deleted, keeping its confidence and day-first time', async () => {
    const deleted = (await runParser(ufdrReportParser, inputFromFile(fixture('chat-report.xml')))).messages[2];
    expect(deleted).toMatchObject({ deleted: true, direction: 'incoming', sender: 'Marta (recruiter)', time: { utcMs: Date.UTC(2024, 2, 12, 7, 31, 0) }, extra: { deletedState: 'Deleted', decodingConfidence: 'Medium' } });
  });

  it('groups instant messages outside any Chat by app and parties, in both directions', async () => {
    const result = await runParser(ufdrReportParser, inputFromFile(fixture('standalone.xml')));
    expect(result.chats.map((chat) => [chat.key, chat.title, chat.kind])).toEqual([
      ['accounts', 'User accounts on the device', 'unknown'],
      ['im:Telegram:700100200,800300400', 'Telegram: Vlad', 'private'],
      ['im:Signal:+15550001111', 'Signal: +15550001111', 'private'],
      ['im:unknown:', 'unknown: unknown parties', 'unknown'],
    ]);
    const [account, first, reply, signal, empty] = result.messages;
    expect(account).toMatchObject({ chatKey: 'accounts', kind: 'system', sender: null, text: 'Telegram account: Dorin (700100200)', extra: { recordType: 'account', identifiers: ['700100200'] } });
    expect(first).toMatchObject({ chatKey: 'im:Telegram:700100200,800300400', sender: 'Dorin', direction: 'outgoing', time: { utcMs: Date.UTC(2024, 4, 2, 2, 10, 0) }, extra: { to: [{ id: '800300400', name: 'Vlad' }] } });
    expect(reply).toMatchObject({ chatKey: first?.chatKey, sender: 'Vlad', direction: 'incoming' });
    // No zone in the text: a wall-clock time for the import worker to place in the chosen zone.
    expect(signal).toMatchObject({ direction: 'incoming', time: { wall: { year: 2024, month: 5, day: 2, hour: 8, minute: 0, second: 0 } } });
    expect(empty).toMatchObject({ kind: 'unparsed', reason: expect.stringMatching(/none of Body/u), text: expect.stringContaining('<model type="InstantMessage" id="s-4">') });
    expect(result.outcome.details).toMatchObject({ standalone: 4, unparsed: 1, userAccounts: 1, userAccountList: [{ source: 'Telegram', name: 'Dorin', identifiers: ['700100200'] }] });
  });
});

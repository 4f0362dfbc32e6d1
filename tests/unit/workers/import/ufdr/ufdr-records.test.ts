import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { timeSpanSeconds } from '../../../../../workers/import/sms-xml/call-log.ts';
import { htmlToText } from '../../../../../workers/import/ufdr/text-records.ts';
import { inputFromFile, inputFromText, runParser } from '../../../../support/parser-harness.ts';
import { tempFolder } from '../../../../support/temp-case.ts';
import { call, email, mms, modelType, report, sms, userAccount } from '../../../../support/ufdr-report-builder.ts';
import type { PartySpec } from '../../../../support/ufdr-report-builder.ts';

/** SMS, MMS, Email and Call models of a report.xml, and attachments linked in either order. */
const OWNER: PartySpec = { id: '+40 722 000 000', name: 'Owner', owner: true };
const NADIA = '+40711111111';
const PHOTO = { id: 'f-photo', localPath: 'files/Image/photo.jpg', bytes: new TextEncoder().encode('photo bytes') };

function smsReport(taggedFilesLast = false): string {
  return report({
    taggedFilesLast,
    files: [PHOTO],
    decoded: [
      modelType('UserAccount', [userAccount({ id: 'u-1', source: 'Phone', name: 'Owner', userId: '+40722000000' })]),
      modelType('SMS', [
        sms({ id: 's-1', folder: 'Inbox', status: 'Read', time: '2024-06-01T21:30:00.000+03:00', body: 'Where is the money?', parties: [{ id: '0711 111 111', name: 'Nadia', role: 'From' }, { id: '+40722000000', role: 'To' }] }),
        sms({ id: 's-2', folder: 'Sent', time: '2024-06-01T21:31:00.000+03:00', body: 'Tomorrow.', parties: [{ ...OWNER, role: 'From' }, { id: NADIA, role: 'To' }], deleted: true }),
      ]),
      modelType('MMS', [mms({ id: 'm-1', folder: 'Inbox', time: '2024-06-01T21:32:00.000+03:00', body: 'See the photo', subject: 'proof', parties: [{ id: NADIA, name: 'Nadia', role: 'From' }], fileIds: ['f-photo'] })]),
    ],
  });
}

describe('Cellebrite report.xml: SMS and MMS', () => {
  it('puts SMS and MMS with one person into one conversation, with sender, direction, UTC time and deletion', async () => {
    const result = await runParser(ufdrReportParser, inputFromText(smsReport(), { displayName: 'report.xml', forbidReadAll: true }));
    const texts = result.messages.filter((message) => message.chatKey !== 'accounts');
    expect(texts.map((message) => [message.chatKey, message.sender, message.senderId, message.direction, message.text, message.deleted])).toEqual([
      ['sms:0711111111', 'Nadia', '0711 111 111', 'incoming', 'Where is the money?', false],
      ['sms:0711111111', 'Owner', '+40 722 000 000', 'outgoing', 'Tomorrow.', true],
      ['sms:0711111111', 'Nadia', NADIA, 'incoming', 'See the photo', false],
    ]);
    expect(texts[0]).toMatchObject({
      kind: 'message',
      time: { utcMs: Date.parse('2024-06-01T18:30:00.000Z') },
      timestampText: '2024-06-01T21:30:00.000+03:00',
      locator: { kind: 'xml-path', file: 'report.xml', path: "/project/decodedData/modelType[@type='SMS']/model[1]" },
      extra: { recordType: 'sms', modelId: 's-1', folder: 'Inbox', status: 'Read', deletedState: 'Intact' },
    });
    expect(texts[1]?.extra).toMatchObject({ deletedState: 'Deleted' });
    expect(texts[2]?.extra).toMatchObject({ recordType: 'mms', subject: 'proof' });
    expect(texts[2]?.attachments).toEqual([expect.objectContaining({ kind: 'attached', path: 'files/Image/photo.jpg', vendorDigests: { md5: expect.any(String), sha256: expect.any(String) } })]);
    expect(result.chats.find((chat) => chat.key === 'sms:0711111111')).toEqual({ key: 'sms:0711111111', title: 'SMS/MMS: Nadia (0711 111 111)', kind: 'private', participants: [{ name: 'Nadia', id: '0711 111 111' }], mergeKey: 'sms:0711111111' });
    expect(result.outcome.details).toMatchObject({ sms: 2, mms: 1, messages: 3, deleted: 1, attachmentsWithDigests: 1, taggedFilesOrder: 'before', modelCounts: { SMS: 2, MMS: 1, UserAccount: 1 } });
    expect(result.warnings).toEqual([]);
  });

  it.each([1, 64, 65536])('links attachments to taggedFiles written after decodedData (chunks of %i bytes) exactly as before it', async (chunkBytes) => {
    const before = await runParser(ufdrReportParser, inputFromText(smsReport(false), { displayName: 'report.xml' }));
    const after = await runParser(ufdrReportParser, inputFromText(smsReport(true), { displayName: 'report.xml', chunkBytes, forbidReadAll: true }));
    const attachmentsOf = (result: typeof before): unknown[] => result.messages.flatMap((message) => message.attachments);
    expect(attachmentsOf(after)).toEqual(attachmentsOf(before));
    expect(attachmentsOf(after)[0]).toMatchObject({ vendorDigests: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/u) } });
    expect(after.warnings).toEqual([]);
    expect(after.outcome.details).toMatchObject({ taggedFilesOrder: 'after', taggedFiles: 1, unresolvedFileRefs: 0 });
  });

  it('names an attachment whose file_id is in no taggedFiles entry, and keeps the message', async () => {
    const xml = report({ decoded: [modelType('MMS', [mms({ id: 'm-9', folder: 'Inbox', time: '2024-06-01T21:32:00Z', body: 'x', parties: [{ id: NADIA, role: 'From' }], fileIds: ['no-such-file'] })])] });
    const result = await runParser(ufdrReportParser, inputFromText(xml, { displayName: 'report.xml' }));
    expect(result.messages).toHaveLength(1);
    expect(result.warnings).toEqual([{ place: expect.stringMatching(/^report\.xml:\d+:\d+$/u), message: 'attachment file_id "no-such-file" is not among the report\'s taggedFiles; its vendor digests cannot be checked' }]);
  });

  it('reports an attachment whose file is missing from the folder, naming the message, and keeps everything else', async () => {
    const folder = tempFolder();
    mkdirSync(path.join(folder, 'files', 'Image'), { recursive: true });
    const xml = report({
      files: [PHOTO, { id: 'f-gone', localPath: 'files/Image/gone.jpg', bytes: new TextEncoder().encode('gone') }],
      decoded: [modelType('MMS', [mms({ id: 'm-1', folder: 'Inbox', time: '2024-06-01T21:32:00Z', body: 'two photos', parties: [{ id: NADIA, role: 'From' }], fileIds: ['f-photo', 'f-gone'] })])],
    });
    writeFileSync(path.join(folder, 'report.xml'), xml);
    writeFileSync(path.join(folder, 'files', 'Image', 'photo.jpg'), PHOTO.bytes);
    const result = await runParser(ufdrReportParser, inputFromFile(path.join(folder, 'report.xml')));
    expect(result.messages[0]?.attachments.map((attachment) => attachment.path)).toEqual(['files/Image/photo.jpg', 'files/Image/gone.jpg']);
    const line = xml.split('\n').findIndex((text) => text.includes('<model type="MMS"')) + 1;
    expect(result.warnings).toEqual([{ place: `report.xml:${line}:1`, message: 'attachment "files/Image/gone.jpg" is named by the report but its file is not in the UFDR; the message is kept and the attachment recorded as missing' }]);
    expect(result.outcome.details).toMatchObject({ missingAttachmentFiles: 1 });
  });
});

describe('Cellebrite report.xml: Email', () => {
  const mail = (id: string, subject: string, folder: string, from: PartySpec, time: string, body: string): string =>
    email({ id, account: 'owner@example.org', folder, time, subject, body, from, to: [from.id === 'owner@example.org' ? { id: 'boss@example.net', name: 'Boss' } : { id: 'owner@example.org' }] });

  it('threads mail by subject within the account, reads HTML bodies as text, and keeps subject and direction', async () => {
    const xml = report({
      decoded: [
        modelType('Email', [
          mail('e-1', 'Passports', 'Inbox', { id: 'boss@example.net', name: 'Boss' }, '2024-06-02T08:00:00+02:00', '<html><body><p>Bring the <b>passports</b>&nbsp;today.</p><p>Tom &amp; Ana</p></body></html>'),
          mail('e-2', 'RE: Passports', 'Sent', { id: 'owner@example.org' }, '2024-06-02T09:00:00+02:00', 'OK'),
          mail('e-3', 'Invoice', 'Inbox', { id: 'shop@example.com' }, '2024-06-02T10:00:00+02:00', 'Your order'),
        ]),
      ],
    });
    const result = await runParser(ufdrReportParser, inputFromText(xml, { displayName: 'report.xml' }));
    expect(result.messages.map((message) => [message.chatKey, message.sender, message.direction, message.text])).toEqual([
      ['email:owner@example.org:passports', 'Boss', 'incoming', 'Subject: Passports\n\nBring the passports today.\nTom & Ana'],
      ['email:owner@example.org:passports', 'owner@example.org', 'outgoing', 'Subject: RE: Passports\n\nOK'],
      ['email:owner@example.org:invoice', 'shop@example.com', 'incoming', 'Subject: Invoice\n\nYour order'],
    ]);
    expect(result.chats.map((chat) => chat.title)).toEqual(['Email: Passports (owner@example.org)', 'Email: Invoice (owner@example.org)']);
    expect(result.messages[0]).toMatchObject({ time: { utcMs: Date.parse('2024-06-02T06:00:00Z') }, extra: { recordType: 'email', subject: 'Passports', folder: 'Inbox', account: 'owner@example.org', body: expect.stringMatching(/^HTML/u) } });
    expect(result.outcome.details).toMatchObject({ emails: 3, messages: 3 });
  });

  it('turns HTML into readable text without scripts, styles or tags', () => {
    expect(htmlToText('<style>p{}</style><script>x()</script><div>a<br>b</div>&#8364;5 &lt;ok&gt;')).toBe('a\nb\n€5 <ok>');
  });
});

describe('Cellebrite report.xml: calls', () => {
  it('makes call-log records: direction, outcome, video, duration, one conversation per party, the owner as caller of outgoing calls', async () => {
    const xml = report({
      decoded: [
        modelType('Call', [
          call({ id: 'c-1', type: 'Outgoing', time: '2024-06-01T20:00:00+03:00', duration: '00:02:13', video: false, source: 'Phone', parties: [{ ...OWNER, role: 'From' }, { id: NADIA, name: 'Nadia', role: 'To' }] }),
          call({ id: 'c-2', type: 'Missed', time: '2024-06-01T20:05:00+03:00', duration: '00:00:00', video: true, source: 'WhatsApp', parties: [{ id: `${NADIA.slice(1)}@s.whatsapp.net`, name: 'Nadia', role: 'From' }, { ...OWNER, role: 'To' }] }),
          call({ id: 'c-3', type: 'Incoming', time: '2024-06-01T20:10:00+03:00', duration: '1.02:03:04', parties: [{ id: '+40733333333', role: 'From' }], deleted: true }),
        ]),
      ],
    });
    const result = await runParser(ufdrReportParser, inputFromText(xml, { displayName: 'report.xml' }));
    expect(result.messages.map((message) => [message.chatKey, message.kind, message.direction, message.sender, message.text, message.deleted])).toEqual([
      ['calls:+40711111111', 'system', 'outgoing', 'Owner', 'Outgoing voice call (Phone), 2 min 13 s', false],
      ['calls:+40711111111', 'system', 'incoming', 'Nadia', 'Incoming video call (WhatsApp), missed', false],
      ['calls:+40733333333', 'system', 'incoming', '+40733333333', 'Incoming call, 26 h 3 min 4 s', true],
    ]);
    expect(result.messages[0]).toMatchObject({ time: { utcMs: Date.parse('2024-06-01T17:00:00Z') }, extra: { recordType: 'call', durationSeconds: 133, outcome: 'answered', video: false, party: { id: NADIA, name: 'Nadia' }, app: 'Phone', type: 'Outgoing' } });
    expect(result.chats.map((chat) => chat.title)).toEqual(['Calls: Nadia (+40711111111)', 'Calls: +40733333333']);
    expect(result.outcome.details).toMatchObject({ calls: 3, messages: 0, records: 3 });
  });

  it('reads TimeSpan durations in the forms Physical Analyzer writes', () => {
    expect(timeSpanSeconds('00:02:13')).toBe(133);
    expect(timeSpanSeconds('00:00:03.5000000')).toBe(3.5);
    expect(timeSpanSeconds('2.00:00:01')).toBe(172801);
    expect(timeSpanSeconds('04:05')).toBe(245);
    expect(timeSpanSeconds('75')).toBe(75);
    expect(timeSpanSeconds('00:61:00')).toBeNull();
    expect(timeSpanSeconds('soon')).toBeNull();
  });
});

describe('Cellebrite report.xml: deletion written as DeletedState', () => {
  it('marks a model deleted whichever spelling of the attribute the export uses', async () => {
    const model = sms({ id: 's-d', folder: 'Inbox', time: '2024-06-01T21:30:00Z', body: 'gone', parties: [{ id: NADIA, role: 'From' }] }).replace('deleted_state="Intact"', 'DeletedState="Deleted"');
    const result = await runParser(ufdrReportParser, inputFromText(report({ decoded: [modelType('SMS', [model])] }), { displayName: 'report.xml' }));
    expect(result.messages[0]).toMatchObject({ deleted: true, extra: { deletedState: 'Deleted' } });
  });
});

describe('Cellebrite report.xml fragments', () => {
  it('reads one SMS model copied out of a report, and refuses a lookalike that is not one', async () => {
    const fragment = sms({ id: 's-1', folder: 'Inbox', time: '2024-06-01T21:30:00Z', body: 'hello', parties: [{ id: NADIA, role: 'From' }] }).replace('<field name="Source" type="String"><empty /></field>', '<field name="Source" type="String">\n<empty /></field>');
    const bytes = new TextEncoder().encode(fragment);
    expect(ufdrReportParser.sniff(bytes, 'sms.xml')).toBe(true);
    expect(ufdrReportParser.sniff(new TextEncoder().encode('<model type="Car"><field name="Wheels">4</field></model>'), 'car.xml')).toBe(false);
    const result = await runParser(ufdrReportParser, inputFromText(fragment, { displayName: 'sms.xml' }));
    expect(result.messages).toMatchObject([{ chatKey: 'sms:+40711111111', text: 'hello', locator: { path: '/model' } }]);
    expect(result.outcome).toMatchObject({ formatVersion: 'cellebrite-report-2.0 fragment (<model type="SMS">)', details: { fragment: true, sms: 1 } });
  });
});

import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { CELLEBRITE_NS, field, party, stamp } from '../../../../support/ufdr-report-builder.ts';
import type { PartySpec } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * FORMATS.md §7.2 shapes the fixtures do not hold, in report.xml text built here: several Chat
 * models in one modelType (each message in its own chat, located by its XML path), senders
 * given only by an identifier the Participants list names (the phone owner among them),
 * deleted_state values, the day-first time stamp with AM/PM and an offset, the
 * formattedTimestamp written beside a value, TimeStampUnknown, a namespace prefix, and a
 * tagged file with only an MD5.
 */

const CHATS_PATH = "/project/decodedData/modelType[@type='Chat']";
const OWNER: PartySpec = { id: '40700000001@s.whatsapp.net', name: 'Phone Owner', owner: true };
const RECRUITER: PartySpec = { id: '40711111111@s.whatsapp.net', name: 'Recruiter', owner: false };
const DRIVER: PartySpec = { id: '40722222222@s.whatsapp.net', name: 'Driver', owner: false };

function chat(id: string, participants: PartySpec[], messages: string[]): string {
  return [
    `<model type="Chat" id="chat-${id}" deleted_state="Intact" decoding_confidence="High">`,
    field('Source', 'WhatsApp'),
    field('Id', id),
    `<multiModelField name="Participants" type="Party">${participants.map(party).join('')}</multiModelField>`,
    `<multiModelField name="Messages" type="InstantMessage">${messages.join('\n')}</multiModelField>`,
    '</model>',
  ].join('\n');
}

interface MessageSpec {
  id: string;
  fromId: string;
  body: string;
  time: string;
  deletedState?: string;
  extra?: string;
}

/** A message whose From party carries only its Identifier, as Physical Analyzer often writes it. */
function instant(spec: MessageSpec): string {
  return [
    `<model type="InstantMessage" id="${spec.id}" deleted_state="${spec.deletedState ?? 'Intact'}" decoding_confidence="High">`,
    `<modelField name="From" type="Party"><model type="Party">${field('Identifier', spec.fromId)}</model></modelField>`,
    field('Body', spec.body),
    spec.time,
    spec.extra ?? '',
    '</model>',
  ].join('');
}

function project(decoded: string, tagged = '', root = `<project id="r" reportVersion="7.60.0.1" xmlns="${CELLEBRITE_NS}">`, end = '</project>'): string {
  return ['<?xml version="1.0" encoding="utf-8"?>', root, `<taggedFiles>${tagged}</taggedFiles>`, `<decodedData>\n${decoded}\n</decodedData>`, end].join('\n');
}

async function parse(xml: string): Promise<Awaited<ReturnType<typeof runParser>>> {
  return runParser(ufdrReportParser, inputFromText(xml, { displayName: 'report.xml', chunkBytes: 101, forbidReadAll: true }));
}

const pathOf = (message: ParsedMessage | undefined): string | null => (message?.locator.kind === 'xml-path' ? message.locator.path : null);

describe('Cellebrite report.xml (FORMATS.md §7.2): several chats, parties and deletion', () => {
  const xml = project(
    `<modelType type="Chat">\n${[
      chat('40711111111@s.whatsapp.net', [RECRUITER, OWNER], [
        instant({ id: 'm1', fromId: RECRUITER.id, body: 'come tomorrow', time: stamp('TimeStamp', '2024-03-12T09:15:01.000+02:00') }),
        instant({ id: 'm2', fromId: OWNER.id, body: 'ok', time: stamp('TimeStamp', '2024-03-12T09:16:00.000+02:00'), deletedState: 'Deleted' }),
      ]),
      chat('40722222222@s.whatsapp.net', [DRIVER, OWNER], [
        instant({ id: 'm3', fromId: DRIVER.id, body: 'bring passport', time: stamp('TimeStamp', '2024-03-13T07:00:00+00:00'), deletedState: 'Unknown' }),
      ]),
    ].join('\n')}\n</modelType>`,
  );

  it('puts each message in its own chat, in order, each locator naming its chat model', async () => {
    const { chats, messages } = await parse(xml);
    expect(chats.map((item) => [item.key, item.title, item.kind])).toEqual([
      ['chat:WhatsApp:40711111111@s.whatsapp.net', 'WhatsApp: Recruiter', 'private'],
      ['chat:WhatsApp:40722222222@s.whatsapp.net', 'WhatsApp: Driver', 'private'],
    ]);
    expect(messages.map((item) => [item.chatKey, item.text, pathOf(item)])).toEqual([
      ['chat:WhatsApp:40711111111@s.whatsapp.net', 'come tomorrow', `${CHATS_PATH}/model[1]/multiModelField[@name='Messages']/model[1]`],
      ['chat:WhatsApp:40711111111@s.whatsapp.net', 'ok', `${CHATS_PATH}/model[1]/multiModelField[@name='Messages']/model[2]`],
      ['chat:WhatsApp:40722222222@s.whatsapp.net', 'bring passport', `${CHATS_PATH}/model[2]/multiModelField[@name='Messages']/model[1]`],
    ]);
  });

  it('names a sender given only by identifier from the Participants, and knows the owner writes outgoing', async () => {
    const [incoming, outgoing, other] = (await parse(xml)).messages;
    expect(incoming).toMatchObject({ kind: 'message', sender: 'Recruiter', senderId: RECRUITER.id, direction: 'incoming', time: { utcMs: Date.UTC(2024, 2, 12, 7, 15, 1) } });
    expect(outgoing).toMatchObject({ kind: 'message', sender: 'Phone Owner', senderId: OWNER.id, direction: 'outgoing', time: { utcMs: Date.UTC(2024, 2, 12, 7, 16, 0) } });
    expect(other).toMatchObject({ sender: 'Driver', direction: 'incoming', time: { utcMs: Date.UTC(2024, 2, 13, 7, 0, 0) } });
  });

  it('regression: finds the participant when From spells the identifier another way (+40 700 000 001 for a jid)', async () => {
    const respelled = project(
      `<modelType type="Chat">\n${chat('40711111111@s.whatsapp.net', [RECRUITER, OWNER], [
        instant({ id: 'r1', fromId: '+40 700 000 001', body: 'owner, number with spaces', time: stamp('TimeStamp', '2024-03-12T09:15:01+02:00') }),
        instant({ id: 'r2', fromId: '40711111111', body: 'recruiter, bare digits', time: stamp('TimeStamp', '2024-03-12T09:16:01+02:00') }),
      ])}\n</modelType>`,
    );
    const [owner, recruiter] = (await parse(respelled)).messages;
    // Before the fix: sender "+40 700 000 001", direction null; the id stays as written.
    expect(owner).toMatchObject({ sender: 'Phone Owner', senderId: '+40 700 000 001', direction: 'outgoing' });
    expect(recruiter).toMatchObject({ sender: 'Recruiter', senderId: '40711111111', direction: 'incoming' });
  });

  it('is deleted only when deleted_state says Deleted (Unknown is not deleted), and keeps the state as written', async () => {
    const { messages, outcome } = await parse(xml);
    expect(messages.map((item) => [item.deleted, item.extra?.['deletedState']])).toEqual([
      [false, 'Intact'],
      [true, 'Deleted'],
      [false, 'Unknown'],
    ]);
    expect(outcome.details).toMatchObject({ deleted: 1 });
  });
});

describe('Cellebrite report.xml (FORMATS.md §7.2): time stamps as Physical Analyzer versions write them', () => {
  const timed = (id: string, time: string): string => instant({ id, fromId: RECRUITER.id, body: id, time });
  const xml = project(
    `<modelType type="Chat">\n${chat('40711111111@s.whatsapp.net', [RECRUITER, OWNER], [
      timed('day-first', stamp('TimeStamp', '12-Mar-24 09:15:01 PM +02:00')),
      // A value in no known form with the formattedTimestamp beside it: the formatted one is read.
      timed('formatted', '<field name="TimeStamp" type="TimeStamp"><value type="TimeStamp" format="TimeStampKnown" formattedTimestamp="2024-03-12T21:20:00+02:00">Tuesday, 12 March 2024 21:20</value></field>'),
      timed('unknown', '<field name="TimeStamp" type="TimeStamp"><value type="TimeStamp" format="TimeStampUnknown">2024-03-12T21:30:00.000+02:00</value></field>'),
    ])}\n</modelType>`,
  );

  it('reads each as the right UTC instant and keeps the text as written', async () => {
    const { messages } = await parse(xml);
    expect(messages.map((item) => [item.text, item.time, item.timestampText])).toEqual([
      ['day-first', { utcMs: Date.UTC(2024, 2, 12, 19, 15, 1) }, '12-Mar-24 09:15:01 PM +02:00'],
      ['formatted', { utcMs: Date.UTC(2024, 2, 12, 19, 20, 0) }, 'Tuesday, 12 March 2024 21:20'],
      ['unknown', { utcMs: Date.UTC(2024, 2, 12, 19, 30, 0) }, '2024-03-12T21:30:00.000+02:00'],
    ]);
  });

  it('says which time the report calls unreliable (TimeStampUnknown), on the record and as a warning', async () => {
    const { messages, warnings } = await parse(xml);
    expect(messages[2]?.extra).toMatchObject({ timestampFormat: 'TimeStampUnknown' });
    expect(warnings.filter((warning) => warning.message.includes('TimeStampUnknown'))).toHaveLength(1);
  });
});

describe('Cellebrite report.xml (FORMATS.md §7.2): namespace and taggedFiles variants', () => {
  it('recognises Report.xml as IPED also looks for it, plain or password-protected (FORMATS.md §7.1)', () => {
    const head = new TextEncoder().encode(project(''));
    expect(ufdrReportParser.sniff(head, 'Report.xml')).toBe(true);
    expect(ufdrReportParser.sniff(new Uint8Array([0x2d, 0x06, 0x52, 0x6d, 0x91, 0x00]), 'Report.xml')).toBe(true);
    expect(ufdrReportParser.sniff(new Uint8Array([0x2d, 0x06, 0x52, 0x6d, 0x91, 0x00]), 'notes.bin')).toBe(false);
  });

  it('reads a report whose elements carry a prefix for the Cellebrite namespace', async () => {
    const body = '<pa:modelType type="InstantMessage"><pa:model type="InstantMessage" id="s1" deleted_state="Deleted"><pa:field name="Source" type="String"><pa:value type="String">Signal</pa:value></pa:field><pa:field name="Body" type="String"><pa:value type="String">prefixed</pa:value></pa:field><pa:field name="TimeStamp" type="TimeStamp"><pa:value type="TimeStamp">2024-01-01T00:00:00+00:00</pa:value></pa:field></pa:model></pa:modelType>';
    const xml = `<?xml version="1.0"?>\n<pa:project xmlns:pa="${CELLEBRITE_NS}" id="r"><pa:decodedData>${body}</pa:decodedData></pa:project>`;
    expect(ufdrReportParser.sniff(new TextEncoder().encode(xml), 'report.xml')).toBe(true);
    const { messages } = await parse(xml);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ chatKey: 'im:Signal:', text: 'prefixed', deleted: true, time: { utcMs: Date.UTC(2024, 0, 1) } });
    expect(pathOf(messages[0])).toBe("/project/decodedData/modelType[@type='InstantMessage']/model[1]");
  });

  it('links a tagged file that has only an MD5 (upper case, as some versions write it) and a Windows Local Path', async () => {
    const tagged = '<file fs="Data" path="/data/media/0/voice.opus" size="5" id="f-voice" deleted="Deleted"><metadata section="File"><item name="Local Path"><![CDATA[files\\Audio\\voice.opus]]></item></metadata><metadata section="MetaData"><item name="MD5"><![CDATA[5D41402ABC4B2A76B9719D911017C592]]></item></metadata></file>';
    const attachment = '<multiModelField name="Attachments" type="Attachment"><model type="Attachment" file_id="f-voice">' + field('ContentType', 'audio/ogg') + '</model></multiModelField>';
    const xml = project(`<modelType type="Chat">\n${chat('40711111111@s.whatsapp.net', [RECRUITER, OWNER], [instant({ id: 'v', fromId: RECRUITER.id, body: '', time: stamp('TimeStamp', '2024-03-12T09:15:01+02:00'), extra: attachment })])}\n</modelType>`, tagged);
    const [message] = (await parse(xml)).messages;
    expect(message?.attachments).toEqual([{ kind: 'attached', mediaType: 'audio', fileName: 'voice.opus', mimeType: 'audio/ogg', path: 'files/Audio/voice.opus', size: 5, vendorDigests: { md5: '5d41402abc4b2a76b9719d911017c592' } }]);
    // Regression: the file's own deleted="Deleted" was read and then dropped.
    expect(message?.extra?.['files']).toEqual([expect.objectContaining({ fileId: 'f-voice', devicePath: '/data/media/0/voice.opus', inReport: true, fileDeleted: true })]);
    expect(message?.deleted).toBe(false);
    const intact = project(
      `<modelType type="Chat">\n${chat('40711111111@s.whatsapp.net', [RECRUITER, OWNER], [instant({ id: 'v', fromId: RECRUITER.id, body: '', time: stamp('TimeStamp', '2024-03-12T09:15:01+02:00'), extra: attachment })])}\n</modelType>`,
      tagged.replace('deleted="Deleted"', 'deleted="Intact"'),
    );
    expect((await parse(intact)).messages[0]?.extra?.['files']).toEqual([expect.objectContaining({ fileId: 'f-voice', fileDeleted: false })]);
  });
});

describe('Cellebrite report.xml (FORMATS.md §7.2): modelTypes that hold no messages', () => {
  it('counts Location and WebBookmark models and an ActivityLog entry that mirrors a message, making no record of them', async () => {
    const activity = `<multiModelField name="ActivityLog" type="ChatActivity"><model type="ChatActivity" id="act-1" deleted_state="Intact">${field('Action', 'ParticipantJoined', 'ChatActivityAction')}${field('SystemMessageId', 'm1', 'Guid')}${field('SystemMessageBody', 'You joined the group via invite link')}</model></multiModelField>`;
    const chatWithLog = chat('40711111111@s.whatsapp.net', [RECRUITER, OWNER], [instant({ id: 'm1', fromId: RECRUITER.id, body: 'welcome', time: stamp('TimeStamp', '2024-03-12T09:15:01+02:00') })]).replace(/<\/model>$/u, `${activity}</model>`);
    const xml = project(
      [
        `<modelType type="Location"><model type="Location" id="l1">${field('Name', 'Home')}${stamp('TimeStamp', '2024-01-01T00:00:00Z')}</model></modelType>`,
        `<modelType type="WebBookmark"><model type="WebBookmark" id="w1">${field('Url', 'https://example.invalid')}</model></modelType>`,
        `<modelType type="Chat">\n${chatWithLog}\n</modelType>`,
      ].join('\n'),
    );
    expect(chatWithLog).toContain('<multiModelField name="ActivityLog"');
    const { messages, outcome, warnings } = await parse(xml);
    // The ActivityLog entry mirrors a Messages entry (SystemMessageId); one event is one record.
    expect(messages.map((item) => [item.text, item.sender])).toEqual([['welcome', 'Recruiter']]);
    expect(outcome.details).toMatchObject({ modelCounts: { Location: 1, WebBookmark: 1 }, messages: 1, unparsed: 0, activities: 0, activitiesMirrored: 1 });
    expect(warnings).toEqual([]);
  });

  it('keeps the facts of an ActivityLog nested inside the system message it explains (the shape of the IPED sample)', async () => {
    const nested = `<multiModelField name="ActivityLog" type="ChatActivity"><model type="ChatActivity" id="act-3">${field('Action', 'ParticipantJoined', 'ChatActivityAction')}${field('SystemMessageId', 'sys-1', 'Guid')}<modelField name="Participant" type="Party">${party(DRIVER)}</modelField></model></multiModelField>`;
    const system = instant({ id: 'sys-1', fromId: 'System message', body: 'Driver joined using this group\'s invite link', time: stamp('TimeStamp', '2024-03-12T09:30:00+02:00'), extra: `${nested}${field('Type', 'System', 'InstantMessageType')}` });
    const { messages, outcome } = await parse(project(`<modelType type="Chat">\n${chat('g2@g.us', [RECRUITER, OWNER, DRIVER], [system])}\n</modelType>`));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: 'system', sender: null, text: "Driver joined using this group's invite link", time: { utcMs: Date.UTC(2024, 2, 12, 7, 30, 0) } });
    expect(messages[0]?.extra?.['activity']).toEqual([{ action: 'ParticipantJoined', participant: { id: DRIVER.id, name: 'Driver' }, systemMessageId: 'sys-1', modelId: 'act-3' }]);
    expect(outcome.details).toMatchObject({ activities: 0, activitiesMirrored: 0 });
  });

  it('regression: records an ActivityLog entry that mirrors no message, which was dropped unseen', async () => {
    const removed = `<model type="ChatActivity" id="act-2" deleted_state="Deleted" decoding_confidence="High">${field('Action', 'ParticipantRemoved', 'ChatActivityAction')}${field('SystemMessageId', 'not-a-message-of-this-chat', 'Guid')}<field name="SystemMessageTimeStamp" type="TimeStamp"><value type="TimeStamp" format="TimeStampKnown">2024-03-12T09:20:00.000+02:00</value></field><modelField name="Participant" type="Party">${party(DRIVER)}</modelField></model>`;
    const log = `<multiModelField name="ActivityLog" type="ChatActivity">${removed}</multiModelField>`;
    const withLog = chat('g1@g.us', [RECRUITER, OWNER, DRIVER], [instant({ id: 'm1', fromId: RECRUITER.id, body: 'welcome', time: stamp('TimeStamp', '2024-03-12T09:15:01+02:00') })]).replace(/<\/model>$/u, `${log}</model>`);
    const { messages, outcome } = await parse(project(`<modelType type="Chat">\n${withLog}\n</modelType>`));
    expect(messages).toHaveLength(2);
    expect(messages[1]).toMatchObject({
      chatKey: 'chat:WhatsApp:g1@g.us',
      kind: 'system',
      sender: null,
      direction: null,
      time: { utcMs: Date.UTC(2024, 2, 12, 7, 20, 0) },
      timestampText: '2024-03-12T09:20:00.000+02:00',
      text: 'ParticipantRemoved: Driver',
      deleted: true,
      extra: { recordType: 'chat-activity', action: 'ParticipantRemoved', participant: { id: DRIVER.id, name: 'Driver' }, systemMessageId: 'not-a-message-of-this-chat', deletedState: 'Deleted' },
    });
    expect(pathOf(messages[1])).toBe(`${CHATS_PATH}/model[1]/multiModelField[@name='ActivityLog']/model[1]`);
    // Counted apart: an event in a chat is not a message of it.
    expect(outcome.details).toMatchObject({ messages: 1, activities: 1, activitiesMirrored: 0, records: 2 });
  });
});

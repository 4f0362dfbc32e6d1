import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { CELLEBRITE_NS, field, modelType, party } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Times of report.xml beside a record's own TimeStamp (FORMATS.md §7.2): an InstantMessage's
 * DateRead, DateDelivered and DatePlayed (Physical Analyzer writes them on the message or on each
 * To Party, as in the IPED sample), the Chat's StartTime and LastActivity, an Attachment model's
 * times and its tagged file's accessInfo times. When a victim read a threat is evidence: each is
 * kept as written with its UTC reading, and year 0001 ("no time") is no time, counted in the one
 * year-0001 warning.
 */

const ME = '40700000001@s.whatsapp.net';
const HER = '40711111111@s.whatsapp.net';
const NO_TIME = '0001-01-01T00:00:00.000+00:00';

function time(name: string, text: string, formatted?: string): string {
  const attr = formatted === undefined ? '' : ` formattedTimestamp="${formatted}"`;
  return `<field name="${name}" type="TimeStamp"><value type="TimeStamp" format="TimeStampKnown"${attr}>${text}</value></field>`;
}

const toParty = [
  '<model type="Party">',
  field('Identifier', HER),
  field('Role', 'To', 'PartyRole'),
  time('DateDelivered', '2024-11-03T19:47:15.000+00:00'),
  time('DateRead', '2024-11-03T21:47:20.000+02:00'),
  time('DatePlayed', NO_TIME),
  '</model>',
].join('');

const chat = [
  `<model type="Chat" id="c1">${field('Source', 'WhatsApp')}${field('Id', HER)}`,
  time('StartTime', '2024-09-28T14:59:35.230+00:00', '2024-09-28T14:59:35+00:00'),
  `<multiModelField name="Participants" type="Party">${party({ id: ME, owner: true })}${party({ id: HER, name: 'Her' })}</multiModelField>`,
  '<multiModelField name="Messages" type="InstantMessage">',
  `<model type="InstantMessage" id="m1"><modelField name="From" type="Party">${party({ id: ME, owner: true })}</modelField>`,
  `<multiModelField name="To" type="Party">${toParty}</multiModelField>`,
  field('Body', 'you will regret this'),
  time('TimeStamp', '2024-11-03T19:47:14.160+00:00'),
  time('DateRead', '03/11/2024 19:50:00'),
  '<multiModelField name="Attachments" type="Attachment"><model type="Attachment" id="a1" file_id="f1">',
  field('Filename', 'IMG-1.jpg'),
  time('Created', '2024-11-03T19:40:00.000+00:00'),
  '</model></multiModelField>',
  '</model>',
  '</multiModelField>',
  time('LastActivity', '2024-11-03T19:47:14.160+00:00'),
  '</model>',
].join('\n');

const taggedFile = [
  '<file id="f1" path="/data/media/IMG-1.jpg" size="10" deleted="Intact">',
  '<accessInfo><timestamp name="CreationTime">2020-08-08T15:50:58.000+00:00</timestamp><timestamp name="ModifyTime">2020-08-08T16:50:58.000+01:00</timestamp><timestamp name="AccessTime">0001-01-01T00:00:00</timestamp></accessInfo>',
  '<metadata section="File"><item name="Local Path"><![CDATA[files\\Image\\IMG-1.jpg]]></item></metadata>',
  '</file>',
].join('');

const XML = [
  '<?xml version="1.0" encoding="utf-8"?>',
  `<project id="r" reportVersion="7.60.0.1" xmlns="${CELLEBRITE_NS}">`,
  `<taggedFiles>${taggedFile}</taggedFiles><decodedData>`,
  modelType('Chat', [chat]),
  '</decodedData></project>',
].join('\n');

async function parsed() {
  return runParser(ufdrReportParser, inputFromText(XML, { displayName: 'report.xml' }));
}

describe('Cellebrite report times beside the TimeStamp', () => {
  it("keeps an InstantMessage's DateRead and each recipient's delivered, read and played times, as written and in UTC", async () => {
    const { messages } = await parsed();
    const message = messages.find((item) => item.extra?.['modelId'] === 'm1');
    // A slash date without a zone is only a wall-clock time: no UTC reading, the wall time kept.
    expect(message?.extra?.['times']).toEqual({ DateRead: { text: '03/11/2024 19:50:00', utc: null, wall: '2024-11-03 19:50:00', format: 'TimeStampKnown' } });
    expect(message?.extra?.['to']).toEqual([
      {
        id: HER,
        name: 'Her', // named by the Chat's Participants
        times: {
          DateDelivered: { text: '2024-11-03T19:47:15.000+00:00', utc: '2024-11-03T19:47:15.000Z', format: 'TimeStampKnown' },
          DateRead: { text: '2024-11-03T21:47:20.000+02:00', utc: '2024-11-03T19:47:20.000Z', format: 'TimeStampKnown' },
          DatePlayed: { text: NO_TIME, utc: null, format: 'TimeStampKnown' },
        },
      },
    ]);
  });

  it("keeps the Chat's StartTime and LastActivity in the source details, by chat key", async () => {
    const { outcome } = await parsed();
    expect(outcome.details?.['chatTimes']).toEqual([
      {
        chatKey: `chat:WhatsApp:${HER}`,
        modelId: 'c1',
        times: {
          StartTime: { text: '2024-09-28T14:59:35.230+00:00', utc: '2024-09-28T14:59:35.230Z', format: 'TimeStampKnown' },
          LastActivity: { text: '2024-11-03T19:47:14.160+00:00', utc: '2024-11-03T19:47:14.160Z', format: 'TimeStampKnown' },
        },
      },
    ]);
  });

  it("keeps an Attachment model's times and its tagged file's accessInfo times", async () => {
    const { messages } = await parsed();
    const files = messages.find((item) => item.extra?.['modelId'] === 'm1')?.extra?.['files'] as Record<string, unknown>[];
    expect(files[0]?.['times']).toEqual({ Created: { text: '2024-11-03T19:40:00.000+00:00', utc: '2024-11-03T19:40:00.000Z', format: 'TimeStampKnown' } });
    expect(files[0]?.['fileTimes']).toEqual({
      CreationTime: { text: '2020-08-08T15:50:58.000+00:00', utc: '2020-08-08T15:50:58.000Z' },
      ModifyTime: { text: '2020-08-08T16:50:58.000+01:00', utc: '2020-08-08T15:50:58.000Z' },
      AccessTime: { text: '0001-01-01T00:00:00', utc: null },
    });
  });

  it('counts year-0001 times beside the TimeStamp in the one year-0001 warning, without calling their records timeless', async () => {
    const { warnings } = await parsed();
    const about = warnings.filter((warning) => /0001/u.test(warning.message));
    expect(about).toHaveLength(1);
    expect(about[0]?.message).toMatch(/^2 other time stamps \(read, delivered, file times…\) are 0001-01-01/u);
    expect(warnings.filter((warning) => /no known form/u.test(warning.message))).toEqual([]);
  });
});

describe('Cellebrite SMS, Email and Call times beside the TimeStamp', () => {
  const stamped = (type: string, id: string, extra: string): string =>
    `<model type="${type}" id="${id}" deleted_state="Intact">${time('TimeStamp', '2024-11-03T19:47:14.000+00:00')}${extra}</model>`;
  const sms = stamped('SMS', 's1', `${field('Folder', 'Inbox')}${field('Body', 'read it?')}${time('DateRead', '2024-11-03T19:50:00.000+00:00')}`);
  const mail = stamped('Email', 'e1', `${field('Folder', 'Sent')}${field('Body', 'hi')}${time('DateSent', '2024-11-03T19:46:00.000+00:00')}`);
  const phoneCall = stamped('Call', 'k1', `${field('Type', 'Incoming', 'CallType')}${time('EndTime', '2024-11-03T19:48:00.000+00:00')}`);
  const xml = ['<?xml version="1.0" encoding="utf-8"?>', `<project id="r" xmlns="${CELLEBRITE_NS}"><decodedData>`, modelType('SMS', [sms]), modelType('Email', [mail]), modelType('Call', [phoneCall]), '</decodedData></project>'].join('\n');

  it('keeps every other TimeStamp field of the model in extra.times', async () => {
    const { messages } = await runParser(ufdrReportParser, inputFromText(xml, { displayName: 'report.xml' }));
    expect(messages.map((item) => [item.extra?.['modelId'], item.extra?.['times']])).toEqual([
      ['s1', { DateRead: { text: '2024-11-03T19:50:00.000+00:00', utc: '2024-11-03T19:50:00.000Z', format: 'TimeStampKnown' } }],
      ['e1', { DateSent: { text: '2024-11-03T19:46:00.000+00:00', utc: '2024-11-03T19:46:00.000Z', format: 'TimeStampKnown' } }],
      ['k1', { EndTime: { text: '2024-11-03T19:48:00.000+00:00', utc: '2024-11-03T19:48:00.000Z', format: 'TimeStampKnown' } }],
    ]);
  });
});

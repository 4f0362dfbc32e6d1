import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { call, CELLEBRITE_NS, field, modelType, party, sms } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Physical Analyzer writes .NET's DateTime.MinValue, `0001-01-01T00:00:00…`, where it has no
 * time. That is "no time", not an instant in year 1: every record reading it gets a null time,
 * keeps the text as written, and the import gets one warning counting them.
 */

const ME = '40700000001@s.whatsapp.net';
const HER = '40711111111@s.whatsapp.net';
const NO_TIME = '0001-01-01T00:00:00.000+00:00';

const chat = [
  `<model type="Chat" id="c1">${field('Source', 'WhatsApp')}${field('Id', HER)}`,
  `<multiModelField name="Participants" type="Party">${party({ id: ME, owner: true })}${party({ id: HER, name: 'Her' })}</multiModelField>`,
  '<multiModelField name="Messages" type="InstantMessage">',
  `<model type="InstantMessage" id="m1"><modelField name="From" type="Party">${party({ id: HER })}</modelField>${field('Body', 'no time')}`,
  `<field name="TimeStamp" type="TimeStamp"><value type="TimeStamp" format="TimeStampKnown" formattedTimestamp="0001-01-01T00:00:00+00:00">0001-01-01T00:00:00</value></field></model>`,
  `<model type="InstantMessage" id="m2"><modelField name="From" type="Party">${party({ id: HER })}</modelField>${field('Body', 'real time')}`,
  '<field name="TimeStamp" type="TimeStamp"><value type="TimeStamp">2024-09-28T14:59:35.000+00:00</value></field></model>',
  '</multiModelField>',
  '<multiModelField name="ActivityLog" type="ChatActivity"><model type="ChatActivity" id="act">',
  `${field('Action', 'Joined')}<field name="SystemMessageTimeStamp" type="TimeStamp"><value type="TimeStamp">${NO_TIME}</value></field></model></multiModelField>`,
  '</model>',
].join('\n');

const XML = [
  '<?xml version="1.0" encoding="utf-8"?>',
  `<project id="r" reportVersion="7.60.0.1" xmlns="${CELLEBRITE_NS}"><decodedData>`,
  modelType('Chat', [chat]),
  modelType('SMS', [sms({ id: 's1', folder: 'Inbox', time: '01/01/0001 00:00:00', body: 'sms', parties: [{ id: '+40711111111', role: 'From' }] })]),
  modelType('Call', [call({ id: 'k1', type: 'Incoming', time: NO_TIME, duration: '00:00:10', parties: [{ id: '+40711111111', role: 'From' }] })]),
  '</decodedData></project>',
].join('\n');

describe('Cellebrite year-0001 time stamps', () => {
  it('reads them as no time, keeps the text, and warns once with their count', async () => {
    const { messages, warnings } = await runParser(ufdrReportParser, inputFromText(XML, { displayName: 'report.xml' }));
    expect(messages.map((item) => [item.extra?.['modelId'], item.time, item.timestampText])).toEqual([
      ['m1', null, '0001-01-01T00:00:00'],
      ['m2', { utcMs: Date.UTC(2024, 8, 28, 14, 59, 35) }, '2024-09-28T14:59:35.000+00:00'],
      ['act', null, NO_TIME],
      ['s1', null, '01/01/0001 00:00:00'],
      ['k1', null, NO_TIME],
    ]);
    expect(warnings.filter((warning) => /no known form/u.test(warning.message))).toEqual([]);
    const about = warnings.filter((warning) => /0001/u.test(warning.message));
    expect(about).toHaveLength(1);
    expect(about[0]?.message).toMatch(/^4 time stamps/u);
    expect(about[0]?.message).toContain('report.xml:7:1');
  });
});

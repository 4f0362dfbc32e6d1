import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { field, modelType, party, report } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Physical Analyzer 10.7 writes a TimeStamp as `format="DateTimeOnly"`: the value with
 * milliseconds and no zone, the formattedTimestamp with the zone and no fraction (as a public
 * description of five real PA 10.7.1 reports shows). The instant came from the formattedTimestamp
 * alone, so two messages in one second lost their order. When both name the same second, the
 * value's milliseconds are kept; when they do not, nothing is joined. Texts are invented.
 */
function stampValue(text: string, formatted: string): string {
  return `<field name="TimeStamp" type="TimeStamp"><value type="TimeStamp" format="DateTimeOnly" formattedTimestamp="${formatted}">${text}</value></field>`;
}

function message(id: string, body: string, stamp: string): string {
  return `<model type="InstantMessage" id="${id}" deleted_state="Intact"><modelField name="From" type="Party">${party({ id: '5521900000000@s.whatsapp.net', name: 'Diniz' })}</modelField>${field('Body', body)}${stamp}</model>`;
}

describe('Cellebrite DateTimeOnly values with milliseconds', () => {
  it('keeps the milliseconds of the value when the formattedTimestamp names the same second', async () => {
    const messages = [
      message('m1', 'first', stampValue('2024-10-29T17:17:48.838', '2024-10-29T17:17:48+00:00')),
      message('m2', 'second', stampValue('2024-10-29T17:17:48.912', '2024-10-29T17:17:48+00:00')),
      // Another second in the formatted stamp (another clock): its instant, with no fraction added.
      message('m3', 'shifted', stampValue('2024-10-29T17:17:48.500', '2024-10-29T19:17:48+02:00')),
    ];
    const chat = `<model type="Chat" id="c1" deleted_state="Intact">${field('Source', 'WhatsApp')}${field('Id', 'c1')}<multiModelField name="Messages" type="InstantMessage">${messages.join('')}</multiModelField></model>`;
    const result = await runParser(ufdrReportParser, inputFromText(report({ decoded: [modelType('Chat', [chat])] }), { displayName: 'report.xml' }));
    expect(result.messages.map((item) => [item.text, item.time, item.timestampText])).toEqual([
      ['first', { utcMs: Date.UTC(2024, 9, 29, 17, 17, 48, 838) }, '2024-10-29T17:17:48.838'],
      ['second', { utcMs: Date.UTC(2024, 9, 29, 17, 17, 48, 912) }, '2024-10-29T17:17:48.912'],
      ['shifted', { utcMs: Date.UTC(2024, 9, 29, 17, 17, 48) }, '2024-10-29T17:17:48.500'],
    ]);
  });
});

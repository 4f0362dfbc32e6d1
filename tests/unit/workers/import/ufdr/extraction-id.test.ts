import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';
import { CELLEBRITE_NS, field, modelType, party, sms, stamp } from '../../../../support/ufdr-report-builder.ts';

/**
 * One report can hold several extractions of a phone (a logical and a file-system extraction,
 * listed in sourceExtractions), and one Chat can hold messages decoded from each: in the IPED
 * sample a Chat of extraction 2 holds messages of extractions 2 and 0. Which extraction a message
 * came from (a message only the file-system extraction recovered) was read nowhere; each record
 * now keeps its model's extractionId.
 */

function message(id: string, extractionId: string, body: string): string {
  return `<model type="InstantMessage" id="${id}" deleted_state="Intact" decoding_confidence="High" extractionId="${extractionId}">${field('Source', 'WhatsApp')}<modelField name="From" type="Party">${party({ id: '40711111111@s.whatsapp.net', name: 'Nadia' })}</modelField>${field('Body', body)}${stamp('TimeStamp', '2024-06-01T21:30:00.000+03:00')}</model>`;
}

const CHAT = `<model type="Chat" id="c" deleted_state="Intact" decoding_confidence="High" extractionId="2">${field('Source', 'WhatsApp')}${field('Id', '40711111111@s.whatsapp.net')}<multiModelField name="Participants" type="Party">${party({ id: '40711111111@s.whatsapp.net', name: 'Nadia', owner: false })}</multiModelField><multiModelField name="Messages" type="InstantMessage">${message('m1', '2', 'from the file system')}${message('m2', '0', 'from the logical extraction')}</multiModelField></model>`;

const REPORT = `<?xml version="1.0" encoding="utf-8"?><project id="p" extractionType="x" xmlns="${CELLEBRITE_NS}"><sourceExtractions><extractionInfo id="0" name="Logical" type="Logical"/><extractionInfo id="2" name="File System" type="FileSystem"/></sourceExtractions><decodedData>${modelType('Chat', [CHAT])}${modelType('SMS', [sms({ id: 's1', folder: 'Inbox', time: '2024-05-02T10:00:00+00:00', body: 'sms', parties: [{ id: '+40711111111', role: 'From' }] }).replace('decoding_confidence="High"', 'decoding_confidence="High" extractionId="0"')])}</decodedData></project>`;

describe('Cellebrite reports with several extractions', () => {
  it('keeps the extraction each message was decoded from', async () => {
    const { messages, outcome } = await runParser(ufdrReportParser, inputFromText(REPORT, { displayName: 'report.xml' }));
    expect(messages.map((item) => [item.text, item.extra?.['extractionId']])).toEqual([
      ['from the file system', '2'],
      ['from the logical extraction', '0'],
      ['sms', '0'],
    ]);
    expect(outcome.details['extractions']).toEqual([expect.objectContaining({ id: '0', name: 'Logical' }), expect.objectContaining({ id: '2', name: 'File System' })]);
  });

  it('adds nothing when the report names no extraction', async () => {
    const { messages } = await runParser(ufdrReportParser, inputFromText(REPORT.replaceAll(/ extractionId="\d"/gu, ''), { displayName: 'report.xml' }));
    expect(messages.every((item) => item.extra !== undefined && !('extractionId' in item.extra))).toBe(true);
  });
});

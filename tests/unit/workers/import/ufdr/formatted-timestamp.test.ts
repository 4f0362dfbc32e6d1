import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { CELLEBRITE_NS, field, party, parties } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A TimeStamp whose value is written without a zone (`28/09/2024 14:59:35`, the examiner's
 * locale form) while its formattedTimestamp gives the same moment with the offset
 * (`2024-09-28T14:59:35+02:00`): the report states the instant, so the record must carry it,
 * not a wall-clock time left for the examiner's zone choice to place (possibly wrongly).
 */

const OWNER = { id: '40700000001@s.whatsapp.net', name: 'Owner', owner: true };
const OTHER = { id: '40711111111@s.whatsapp.net', name: 'Other', owner: false };
const ZONELESS = '<field name="TimeStamp" type="TimeStamp"><value type="TimeStamp" format="TimeStampKnown" formattedTimestamp="2024-09-28T14:59:35+02:00">28/09/2024 14:59:35</value></field>';

function project(decoded: string): string {
  return ['<?xml version="1.0" encoding="utf-8"?>', `<project id="r" reportVersion="7.60.0.1" xmlns="${CELLEBRITE_NS}">`, `<decodedData>\n${decoded}\n</decodedData>`, '</project>'].join('\n');
}

async function parse(xml: string): Promise<Awaited<ReturnType<typeof runParser>>> {
  return runParser(ufdrReportParser, inputFromText(xml, { displayName: 'report.xml', chunkBytes: 97, forbidReadAll: true }));
}

describe('Cellebrite TimeStamp without a zone beside a formattedTimestamp with one', () => {
  it('gives a chat message the instant the formattedTimestamp states, keeping the value as written', async () => {
    const message = `<model type="InstantMessage" id="m1"><modelField name="From" type="Party">${party({ id: OTHER.id })}</modelField>${field('Body', 'see you')}${ZONELESS}</model>`;
    const chat = `<modelType type="Chat"><model type="Chat" id="c1">${field('Source', 'WhatsApp')}${field('Id', OTHER.id)}<multiModelField name="Participants" type="Party">${[OWNER, OTHER].map(party).join('')}</multiModelField><multiModelField name="Messages" type="InstantMessage">${message}</multiModelField></model></modelType>`;
    const [read] = (await parse(project(chat))).messages;
    expect(read).toMatchObject({ text: 'see you', time: { utcMs: Date.UTC(2024, 8, 28, 12, 59, 35) }, timestampText: '28/09/2024 14:59:35' });
  });

  it('gives an SMS the instant the formattedTimestamp states', async () => {
    const sms = `<modelType type="SMS"><model type="SMS" id="s1">${field('Folder', 'Inbox')}${field('Body', 'call me')}${ZONELESS}${parties([{ ...OTHER, role: 'From' }])}</model></modelType>`;
    const [read] = (await parse(project(sms))).messages;
    expect(read).toMatchObject({ text: 'call me', time: { utcMs: Date.UTC(2024, 8, 28, 12, 59, 35) }, timestampText: '28/09/2024 14:59:35' });
  });
});

import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { CELLEBRITE_NS, field, party } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * An Attachment's Transcript (FORMATS.md §7.2: Filename, ContentType, URL, Title, Transcript):
 * the words of a voice note as the report gives them. It was not kept with the attachment.
 */

const XML = [
  '<?xml version="1.0" encoding="utf-8"?>',
  `<project id="r" reportVersion="7.60.0.1" xmlns="${CELLEBRITE_NS}"><decodedData><modelType type="InstantMessage">`,
  `<model type="InstantMessage" id="m1">${field('Source', 'WhatsApp')}<modelField name="From" type="Party">${party({ id: '40711111111@s.whatsapp.net', name: 'Her' })}</modelField>`,
  `<multiModelField name="Attachments" type="Attachment"><model type="Attachment" id="a1">${field('Filename', 'PTT-1.opus')}${field('ContentType', 'audio/ogg')}${field('Title', 'Duration: 00:00:03')}${field('Transcript', 'meet me at the station at nine')}${field('attachment_extracted_path', 'files\\Audio\\PTT-1.opus')}</model></multiModelField>`,
  '</model></modelType></decodedData></project>',
].join('\n');

describe('Cellebrite Attachment Transcript', () => {
  it('keeps the transcript beside the attachment reference', async () => {
    const { messages } = await runParser(ufdrReportParser, inputFromText(XML, { displayName: 'report.xml' }));
    expect(messages[0]?.attachments).toEqual([expect.objectContaining({ path: 'files/Audio/PTT-1.opus', mediaType: 'audio' })]);
    expect(messages[0]?.extra?.['files']).toEqual([expect.objectContaining({ title: 'Duration: 00:00:03', transcript: 'meet me at the station at nine' })]);
  });
});

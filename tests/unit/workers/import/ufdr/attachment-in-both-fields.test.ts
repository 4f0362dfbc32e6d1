import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';
import { field, modelType, party, report, stamp } from '../../../../support/ufdr-report-builder.ts';

/**
 * An InstantMessage names its attachment in `Attachment` (one) and `Attachments` (all); Physical
 * Analyzer can write the same Attachment model (same id, same file_id) in both. It was read once
 * per field, so one photo became two attachments of the message (and two of the chat's media).
 */

const PHOTO = new TextEncoder().encode('JPEG bytes');

function attachmentModel(id: string, fileId: string): string {
  return `<model type="Attachment" id="${id}" deleted_state="Intact" decoding_confidence="High" file_id="${fileId}">${field('Filename', `${fileId}.jpg`)}${field('ContentType', 'image/jpeg')}</model>`;
}

function message(attachments: string): string {
  return `<model type="InstantMessage" id="m1" deleted_state="Intact" decoding_confidence="High">${field('Source', 'WhatsApp')}<modelField name="From" type="Party">${party({ id: '40711111111@s.whatsapp.net', name: 'Nadia' })}</modelField>${field('Body', 'photos')}${stamp('TimeStamp', '2024-06-01T21:30:00.000+03:00')}${attachments}</model>`;
}

async function attachmentsOf(attachments: string): Promise<string[]> {
  const xml = report({ files: [{ id: 'f-1', localPath: 'files/Image/f-1.jpg', bytes: PHOTO }, { id: 'f-2', localPath: 'files/Image/f-2.jpg', bytes: PHOTO }], decoded: [modelType('InstantMessage', [message(attachments)])] });
  const { messages } = await runParser(ufdrReportParser, inputFromText(xml, { displayName: 'report.xml' }));
  return messages[0]?.attachments.map((attachment) => attachment.path ?? '') ?? [];
}

describe('Cellebrite attachment written in both Attachment and Attachments', () => {
  it('is one attachment', async () => {
    const single = `<modelField name="Attachment" type="Attachment">${attachmentModel('a-1', 'f-1')}</modelField>`;
    const all = `<multiModelField name="Attachments" type="Attachment">${attachmentModel('a-1', 'f-1')}${attachmentModel('a-2', 'f-2')}</multiModelField>`;
    expect(await attachmentsOf(single + all)).toEqual(['files/Image/f-1.jpg', 'files/Image/f-2.jpg']);
  });

  it('keeps two attachment models that name the same file', async () => {
    // Two models (two ids): the same photo sent twice in one message stays two attachments.
    const all = `<multiModelField name="Attachments" type="Attachment">${attachmentModel('a-1', 'f-1')}${attachmentModel('a-2', 'f-1')}</multiModelField>`;
    expect(await attachmentsOf(all)).toEqual(['files/Image/f-1.jpg', 'files/Image/f-1.jpg']);
  });
});

import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { CELLEBRITE_NS, field, party, stamp } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Physical Analyzer's deleted_state is `Intact`, `Deleted`, `Trash` (found in an app's trash or
 * recycle bin: deleted by the user, still recoverable) or `Unknown`. A message in the trash was
 * deleted by the user as much as one marked Deleted; the vendor's exact word stays in extra.
 */

const ME = '40700000001@s.whatsapp.net';
const HER = '40711111111@s.whatsapp.net';

function message(id: string, state: string | null, attachmentState: string | null = null): string {
  const attachment = attachmentState === null ? '' : `<multiModelField name="Attachments" type="Attachment"><model type="Attachment" id="a-${id}" deleted_state="${attachmentState}" file_id="f-${id}">${field('Filename', `${id}.jpg`)}</model></multiModelField>`;
  return `<model type="InstantMessage" id="${id}"${state === null ? '' : ` deleted_state="${state}"`}><modelField name="From" type="Party">${party({ id: HER })}</modelField>${field('Body', id)}${stamp('TimeStamp', '2024-09-28T14:59:35.000+00:00')}${attachment}</model>`;
}

function report(messages: string[], files = ''): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<project id="r" reportVersion="7.60.0.1" xmlns="${CELLEBRITE_NS}"><taggedFiles>${files}</taggedFiles><decodedData><modelType type="Chat">`,
    `<model type="Chat" id="c1">${field('Source', 'WhatsApp')}${field('Id', HER)}`,
    `<multiModelField name="Participants" type="Party">${party({ id: ME, owner: true })}${party({ id: HER, name: 'Her' })}</multiModelField>`,
    `<multiModelField name="Messages" type="InstantMessage">${messages.join('')}</multiModelField>`,
    '</model></modelType></decodedData></project>',
  ].join('\n');
}

describe('Cellebrite deleted_state', () => {
  it('marks a message in the trash as deleted and keeps the vendor word; Intact, Unknown and no state stay not deleted', async () => {
    const xml = report([message('intact', 'Intact'), message('deleted', 'Deleted'), message('trash', 'Trash'), message('unknown', 'Unknown'), message('none', null)]);
    const { messages } = await runParser(ufdrReportParser, inputFromText(xml, { displayName: 'report.xml' }));
    expect(messages.map((item) => [item.text, item.deleted, item.extra?.['deletedState']])).toEqual([
      ['intact', false, 'Intact'],
      ['deleted', true, 'Deleted'],
      ['trash', true, 'Trash'],
      ['unknown', false, 'Unknown'],
      ['none', false, null],
    ]);
  });

  it('keeps the deleted state of an attachment model and of its tagged file, Trash included', async () => {
    const files = '<file id="f-a" path="/sdcard/a.jpg" deleted="Trash"><metadata section="File"><item name="Local Path"><![CDATA[files\\Image\\a.jpg]]></item></metadata></file>';
    const { messages } = await runParser(ufdrReportParser, inputFromText(report([message('a', 'Intact', 'Trash')], files), { displayName: 'report.xml' }));
    const [only] = messages;
    expect(only?.deleted).toBe(false);
    expect(only?.extra?.['files']).toEqual([expect.objectContaining({ fileId: 'f-a', deletedState: 'Trash', fileDeleted: true, fileDeletedState: 'Trash' })]);
  });
});

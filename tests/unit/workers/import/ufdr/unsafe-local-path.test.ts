import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { CELLEBRITE_NS, field } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A taggedFiles `Local Path` that climbs out of the UFDR (`files\..\..\evil.jpg`) or is absolute
 * is refused (zip-slip, FORMATS.md §0.6). The attachment then falls back to the device path, and
 * the examiner must be told why: the refused path is kept beside the file reference and named in
 * a warning, instead of the attachment silently pointing somewhere else.
 */

const XML = [
  '<?xml version="1.0" encoding="utf-8"?>',
  `<project id="r" reportVersion="7.60.0.1" xmlns="${CELLEBRITE_NS}">`,
  '<taggedFiles><file id="f1" path="/private/var/mobile/Media/DCIM/IMG_1.JPG" size="3"><metadata section="File"><item name="Local Path"><![CDATA[files\\..\\..\\evil.jpg]]></item></metadata><metadata section="MetaData"><item name="MD5">0a1b2c3d4e5f60718293a4b5c6d7e8f9</item></metadata></file></taggedFiles>',
  '<decodedData><modelType type="InstantMessage"><model type="InstantMessage" id="m1">',
  field('Source', 'WhatsApp'),
  field('Body', 'photo'),
  '<multiModelField name="Attachments" type="Attachment"><model type="Attachment" file_id="f1"></model></multiModelField>',
  '</model></modelType></decodedData></project>',
].join('\n');

describe('Cellebrite taggedFiles Local Path outside the UFDR', () => {
  it('keeps the refused path beside the file reference and says so, with the vendor digest still carried', async () => {
    const { messages, warnings } = await runParser(ufdrReportParser, inputFromText(XML, { displayName: 'report.xml' }));
    const [message] = messages;
    expect(message?.attachments).toEqual([expect.objectContaining({ path: '/private/var/mobile/Media/DCIM/IMG_1.JPG', vendorDigests: { md5: '0a1b2c3d4e5f60718293a4b5c6d7e8f9' } })]);
    expect(message?.extra?.['files']).toEqual([expect.objectContaining({ fileId: 'f1', refusedLocalPath: 'files\\..\\..\\evil.jpg' })]);
    expect(warnings).toContainEqual({ place: expect.stringMatching(/^report\.xml:\d+:\d+$/u), message: expect.stringContaining('Local Path "files\\..\\..\\evil.jpg" of tagged file f1 leads outside the UFDR') });
  });
});

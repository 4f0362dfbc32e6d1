import { describe, expect, it } from 'vitest';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Regression (a real backup: fkleon/sms-backup-manager sms-and-mms.xml): an image part written
 * `data=""` became a zero-byte attachment marked as found, with the SHA-256 of nothing, and OCR
 * then failed on it. The backup holds none of the picture's bytes: the part is an omitted
 * attachment, as `data="null"` or no data is, and the import says so.
 */
describe('an MMS part with empty data', () => {
  it('is an omitted attachment with a warning; data="null" and no data stay omitted without one', async () => {
    const xml = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="1">
  <mms date="1720997593000" msg_box="1" address="+15550000006" m_type="132"><parts>
    <part seq="0" ct="image/jpeg" name="IMG_32751.jpg" cl="IMG_32751.jpg" text="null" data="" />
    <part seq="0" ct="image/jpeg" cl="IMG_2.jpg" text="null" data="null" />
    <part seq="0" ct="image/jpeg" cl="IMG_3.jpg" text="null" />
    <part seq="0" ct="text/plain" cl="text_0.txt" text="look" data="" />
  </parts><addrs><addr address="+15550000006" type="137" charset="106" /></addrs></mms>
</smses>`;
    const result = await runParser(smsBackupXmlParser, inputFromText(xml, { displayName: 'sms.xml' }));
    const [message] = result.messages;
    expect(message?.text).toBe('look');
    expect(message?.attachments.map((attachment) => [attachment.kind, attachment.fileName, attachment.bytes?.byteLength ?? null])).toEqual([
      ['omitted', 'IMG_32751.jpg', null],
      ['omitted', 'IMG_2.jpg', null],
      ['omitted', 'IMG_3.jpg', null],
    ]);
    expect(result.warnings.filter((warning) => warning.message.includes('empty data attribute'))).toHaveLength(1);
  });
});

/**
 * Regression (fkleon/sms-backup-manager sms-and-mms.xml, a real HTC group MMS): a group's title
 * was its numbers joined by "~"; its contact_name, the members' names as the phone shows them,
 * was dropped.
 */
describe('a group MMS conversation', () => {
  it('is titled by the contact names the backup gives, its participants by their numbers', async () => {
    const xml = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="2">
  <mms msg_box="2" date="1389027620000" m_type="128" address="+12121234567~+49215111111" contact_name="Max Mustermann, Erika Musterfrau"><parts><part seq="0" ct="text/plain" chset="106" text="Where is Santa Clause?" /></parts><addrs><addr address="12011234567" type="137" charset="106" /><addr address="+12121234567" type="151" charset="106" /><addr address="+49215111111" type="151" charset="106" /></addrs></mms>
  <mms msg_box="2" date="1389027630000" m_type="128" address="+12121234500~+49215111100" contact_name="(Unknown)"><parts><part seq="0" ct="text/plain" chset="106" text="hi" /></parts><addrs /></mms>
</smses>`;
    const result = await runParser(smsBackupXmlParser, inputFromText(xml, { displayName: 'sms.xml' }));
    expect(result.chats.map((chat) => [chat.title, chat.kind, chat.participants?.map((participant) => [participant.name, participant.id])])).toEqual([
      ['Max Mustermann, Erika Musterfrau', 'group', [[null, '+12121234567'], [null, '+49215111111']]],
      ['+12121234500, +49215111100', 'group', [[null, '+12121234500'], [null, '+49215111100']]],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * An MMS as a Signal-to-SMS-Backup-&-Restore converter writes it (signal-message-exporter): the
 * photo's caption is the media part's own `text`, and a column the script read as Python's None
 * is written "None" (`name="None"`, `cl="None"`, `text="None"`). The caption was lost (the message
 * had no text) and the photo was named "None". Numbers and texts are invented.
 */
const data = Buffer.from('not really a jpeg').toString('base64');
const part = (text: string): string => `<part seq="0" ct="image/jpeg" name="None" chset="None" cl="None" text="${text}" data="${data}"/>`;
const mms = (box: string, text: string): string =>
  `<mms date="1672570100000" ct_t="application/vnd.wap.multipart.related" msg_box="${box}" sub="null" address="+15551230001" contact_name ="Alice Doe" m_type="132">${part(text)}<addr address="+15551230001" type="137" charset="UTF-8"/></mms>`;

describe('SMS Backup & Restore written from a Signal backup', () => {
  it('takes a media part\'s text as its caption and reads "None" as no name and no caption', async () => {
    const xml = `<?xml version="1.0" ?><smses count="2">${mms('2', 'holiday pic')}${mms('1', 'None')}</smses>`;
    const result = await runParser(smsBackupXmlParser, inputFromText(xml, { displayName: 'sms-backup-restore.xml' }));
    expect(result.messages.map((message) => [message.direction, message.text, message.attachments.map((attachment) => attachment.fileName ?? null), message.extra?.['captionFromParts'] ?? null])).toEqual([
      ['outgoing', 'holiday pic', [null], [1]],
      ['incoming', '', [null], null],
    ]);
    // The part as written stays in extra.
    expect(result.messages[1]?.extra?.['parts']).toEqual([expect.objectContaining({ name: 'None', cl: 'None', text: 'None' })]);
  });
});

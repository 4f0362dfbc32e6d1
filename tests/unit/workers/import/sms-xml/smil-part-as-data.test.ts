import { describe, expect, it } from 'vitest';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * An `application/smil` part was read only from its `text=`. One written as base64 `data=` (a
 * provider that kept the SMIL in a file, as it may any part) was dropped: its bytes were left
 * out of `extra.parts` (as every decoded part's are, being an attachment's) and it was no
 * attachment, so nothing of it was kept. It is now an attachment with its bytes.
 */

describe('SMS Backup & Restore SMIL part written as data', () => {
  it('keeps the SMIL bytes as an attachment', async () => {
    const smil = '<smil><body><par><text src="text_0.txt"/></par></body></smil>';
    const xml = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="1"><mms date="1720997593000" msg_box="1" address="+15550000006" m_type="132"><parts><part seq="-1" ct="application/smil" cl="smil.xml" text="null" data="${Buffer.from(smil).toString('base64')}" /><part seq="0" ct="text/plain" cl="text_0.txt" text="hello" /></parts><addrs /></mms></smses>`;
    const { messages } = await runParser(smsBackupXmlParser, inputFromText(xml, { displayName: 'backup.xml' }));
    const [mms] = messages;
    expect(mms?.text).toBe('hello');
    expect(mms?.attachments.map((attachment) => [attachment.fileName, attachment.mimeType, Buffer.from(attachment.bytes ?? []).toString('utf8')])).toEqual([['smil.xml', 'application/smil', smil]]);
  });
});

import { describe, expect, it } from 'vitest';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * SMS Backup & Restore writes a part's content as `text=` when the provider holds it as text and
 * as base64 `data=` when it reads it from the part's file: a text/plain part stored in a file
 * (mmssms.db `part.text` NULL, `_data` set) comes back as `data=`. Such a message read as empty
 * text, its words only inside an attachment; a part with both `text=` and `data=` lost its text
 * from the message the same way.
 */

const b64 = (text: string, encoding: BufferEncoding = 'utf8'): string => Buffer.from(text, encoding).toString('base64');

function mms(parts: string): string {
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="1"><mms date="1720997593000" msg_box="1" address="+15550000006" m_type="132" sub="null" contact_name="Ana"><parts>${parts}</parts><addrs><addr address="+15550000006" type="137" charset="106" /></addrs></mms></smses>`;
}

async function first(parts: string): Promise<{ text: string; attachments: { fileName?: string; bytes?: Uint8Array }[] }> {
  const { messages } = await runParser(smsBackupXmlParser, inputFromText(mms(parts), { displayName: 'backup.xml' }));
  const [message] = messages;
  if (message === undefined) throw new Error('no message');
  return message;
}

describe('SMS Backup & Restore text/plain MMS part written as base64 data', () => {
  it('reads the text by its chset (106 UTF-8, 4 ISO-8859-1, absent as UTF-8)', async () => {
    expect((await first(`<part seq="0" ct="text/plain" chset="106" cl="text_0.txt" text="null" data="${b64('Bună ziua 😀')}" />`)).text).toBe('Bună ziua 😀');
    expect((await first(`<part seq="0" ct="text/plain" chset="4" cl="text_0.txt" text="null" data="${b64('café', 'latin1')}" />`)).text).toBe('café');
    const plain = await first(`<part seq="0" ct="text/plain" chset="null" cl="text_0.txt" data="${b64('salut')}" />`);
    expect(plain.text).toBe('salut');
    expect(plain.attachments).toEqual([]);
  });

  it('keeps data it cannot read as text (bytes not UTF-8, an unknown chset) as an attachment, as before', async () => {
    const bad = await first(`<part seq="0" ct="text/plain" chset="106" cl="text_0.txt" data="${Buffer.from([0x63, 0xff, 0x66]).toString('base64')}" />`);
    expect(bad.text).toBe('');
    expect(bad.attachments.map((attachment) => [attachment.fileName, [...(attachment.bytes ?? [])]])).toEqual([['text_0.txt', [0x63, 0xff, 0x66]]]);
    const unknown = await first(`<part seq="0" ct="text/plain" chset="9999" cl="text_0.txt" data="${b64('abc')}" />`);
    expect(unknown.text).toBe('');
    expect(unknown.attachments).toHaveLength(1);
  });

  it('reads text= as the message text when data= is there too, and keeps the data', async () => {
    const both = await first(`<part seq="0" ct="text/plain" chset="106" cl="text_0.txt" text="Vin la 5" data="${b64('Vin la 5')}" />`);
    expect(both.text).toBe('Vin la 5');
    expect(both.attachments.map((attachment) => Buffer.from(attachment.bytes ?? []).toString('utf8'))).toEqual(['Vin la 5']);
  });
});

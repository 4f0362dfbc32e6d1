import { describe, expect, it } from 'vitest';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A text/plain part written as base64 `data=` is in the charset its `chset` names (an IANA
 * MIBenum, as the MMS headers carry it). Only 106 (UTF-8), 3 (US-ASCII) and 4 (ISO-8859-1)
 * were read: a Japanese (Shift_JIS 17), Chinese (GB2312 2025, Big5 2026), Russian
 * (windows-1251 2251, ISO-8859-5 8) or UTF-16 (1015) message read as empty text, its words
 * only inside an attachment.
 */

function mms(chset: string, bytes: Uint8Array): string {
  const data = Buffer.from(bytes).toString('base64');
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="1"><mms date="1720997593000" msg_box="1" address="+15550000006" m_type="132" sub="null"><parts><part seq="0" ct="text/plain" chset="${chset}" cl="text_0.txt" data="${data}" /></parts><addrs><addr address="+15550000006" type="137" charset="106" /></addrs></mms></smses>`;
}

async function first(chset: string, bytes: number[]) {
  const { messages } = await runParser(smsBackupXmlParser, inputFromText(mms(chset, Uint8Array.from(bytes)), { displayName: 'backup.xml' }));
  const [message] = messages;
  if (message === undefined) throw new Error('no message');
  return message;
}

describe('SMS Backup & Restore text/plain MMS part data in other charsets', () => {
  it('reads Shift_JIS, GB2312, Big5, windows-1251 and ISO-8859-x data as text', async () => {
    // "こんにちは" in Shift_JIS; "你好" in GB2312 and in Big5; "Привет" in windows-1251 and ISO-8859-5; "Łódź" in ISO-8859-2.
    expect((await first('17', [0x82, 0xb1, 0x82, 0xf1, 0x82, 0xc9, 0x82, 0xbf, 0x82, 0xcd])).text).toBe('こんにちは');
    expect((await first('2025', [0xc4, 0xe3, 0xba, 0xc3])).text).toBe('你好');
    expect((await first('2026', [0xa7, 0x41, 0xa6, 0x6e])).text).toBe('你好');
    expect((await first('2251', [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2])).text).toBe('Привет');
    expect((await first('8', [0xbf, 0xe0, 0xd8, 0xd2, 0xd5, 0xe2])).text).toBe('Привет');
    const polish = await first('5', [0xa3, 0xf3, 0x64, 0xbc]);
    expect(polish.text).toBe('Łódź');
    expect(polish.attachments).toEqual([]);
  });

  it('reads UTF-16 (1015) by its byte order mark, big-endian without one', async () => {
    expect((await first('1015', [0xfe, 0xff, 0x00, 0x48, 0x00, 0x69])).text).toBe('Hi');
    expect((await first('1015', [0xff, 0xfe, 0x48, 0x00, 0x69, 0x00])).text).toBe('Hi');
    expect((await first('1015', [0x00, 0x48, 0x00, 0x69])).text).toBe('Hi');
  });

  it('keeps bytes not valid in their charset, and a charset not read here, as an attachment', async () => {
    // 0xA1 is no character in ISO-8859-8; an odd number of bytes is no UTF-16; 9999 is no charset.
    for (const [chset, bytes] of [['11', [0x41, 0xa1]], ['1015', [0x00, 0x48, 0x00]], ['9999', [0x41]]] as const) {
      const message = await first(chset, [...bytes]);
      expect(message.text).toBe('');
      expect(message.attachments.map((attachment) => [...(attachment.bytes ?? [])])).toEqual([[...bytes]]);
    }
  });

  it('does not read ISO-8859-9 bytes 0x80-0x9F as windows-1254 characters', async () => {
    expect((await first('12', [0xd0, 0xfe])).text).toBe('Ğş');
    const control = await first('12', [0x41, 0x80]);
    expect(control.text).toBe('');
    expect(control.attachments.map((attachment) => [...(attachment.bytes ?? [])])).toEqual([[0x41, 0x80]]);
  });
});

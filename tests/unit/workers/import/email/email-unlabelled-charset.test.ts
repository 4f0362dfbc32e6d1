import { describe, expect, it } from 'vitest';
import { emailParser } from '../../../../../workers/import/email/index.ts';
import { inputFromBytes, runParser } from '../../../../support/parser-harness.ts';

/** Bytes as written: each character of `text` is one byte (how 8-bit mail in a legacy charset looks). */
const bytesOf = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
const utf8Bytes = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');
const HEAD = 'From: a@b.example\nDate: Sat, 2 Mar 2024 11:14:05 +0200\n';

async function parse(text: string) {
  return runParser(emailParser, inputFromBytes(bytesOf(text), { displayName: 'm.eml' }));
}

describe('8-bit e-mail text without a charset', () => {
  it('reads a body that is not UTF-8 as windows-1252 and says so', async () => {
    const result = await parse(`${HEAD}Subject: s\nContent-Transfer-Encoding: 8bit\n\nPl\xe2ta \xeen euro: 20\x80\n`);
    expect(result.messages[0]?.text).toBe('s\n\nPlâta în euro: 20€');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]?.message).toMatch(/MIME part 1: .*no charset.*not UTF-8.*read as windows-1252/u);
  });

  it('reads a body that is valid UTF-8 as UTF-8, without a warning', async () => {
    const result = await parse(`${HEAD}Subject: s\n\n${utf8Bytes('Plată în €')}\n`);
    expect(result.messages[0]?.text).toBe('s\n\nPlată în €');
    expect(result.warnings).toEqual([]);
  });

  it('uses the charset the message states on another part', async () => {
    const mail = `${HEAD}MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=B\n\n--B\nContent-Type: text/plain\n\nP\xf8\xedli\xb9 \xbelu\xbbou\xe8k\xfd\n--B\nContent-Type: text/html; charset=iso-8859-2\n\n<p>P\xf8\xedli\xb9</p>\n--B--\n`;
    const result = await parse(mail);
    expect(result.messages[0]?.text).toBe('Příliš žluťoučký');
    expect(result.warnings[0]?.message).toMatch(/MIME part 1: .*read as iso-8859-2.*stated elsewhere in the message/u);
  });

  it('uses the charset an HTML part states in its <meta>', async () => {
    const result = await parse(`${HEAD}Content-Type: text/html\n\n<html><head><meta charset="windows-1251"></head><body>\xcf\xf0\xe8\xe2\xe5\xf2</body></html>\n`);
    expect(result.messages[0]?.text).toBe('Привет');
  });

  it('reads raw 8-bit Subject and From display name the same way, and says so', async () => {
    const result = await parse(`From: J\xfcrgen M\xfcller <j@x.example>\nDate: Sat, 2 Mar 2024 11:14:05 +0200\nSubject: Caf\xe9 cr\xe8me\n\nhi\n`);
    const [message] = result.messages;
    expect(message?.sender).toBe('Jürgen Müller <j@x.example>');
    expect(message?.extra?.['subject']).toBe('Café crème');
    expect(result.warnings.map((warning) => warning.message).join('\n')).toMatch(/header From.*read as windows-1252[\s\S]*header Subject.*read as windows-1252/u);
  });

  it('keeps the bytes of an unlabelled 8-bit text attachment and of every other part as they are', async () => {
    const mail = `${HEAD}Subject: s\nContent-Type: multipart/mixed; boundary="X"\n\n--X\nContent-Type: text/plain\n\nna\xefve\n--X\nContent-Type: text/plain\nContent-Disposition: attachment; filename=notes.txt\n\nd\xe9j\xe0 vu\n--X--\n`;
    const result = await parse(mail);
    const [message] = result.messages;
    expect(message?.text).toBe('s\n\nnaïve');
    expect(message?.attachments).toHaveLength(1);
    expect(Buffer.from(message?.attachments[0]?.bytes ?? new Uint8Array()).toString('latin1')).toBe('d\xe9j\xe0 vu');
    expect(message?.locator).toMatchObject({ byteStart: 0, byteEnd: mail.length });
  });

  it('labels an embedded message in turn, whose first header line is also re-encoded (CRLF)', async () => {
    const inner = 'From: Xavi\xe9 <x@y.example>\r\nSubject: inn\xe9r\r\n\r\nb\xf6dy\r\n';
    const mail = `From: a@b.example\r\nDate: Sat, 2 Mar 2024 11:14:05 +0200\r\nContent-Type: multipart/mixed; boundary="q"\r\n\r\n--q\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nfwd\r\n--q\r\nContent-Type: message/rfc822\r\n\r\n${inner}--q--\r\n`;
    const [message] = (await parse(mail)).messages;
    expect(message?.text).toBe('fwd\n\n---- Attached message, MIME part 2 ----\nFrom: Xavié <x@y.example>\nSubject: innér\n\nbödy');
    expect(Buffer.from(message?.attachments[0]?.bytes ?? new Uint8Array()).toString('latin1')).toBe(inner.slice(0, -2)); // the last CRLF belongs to the delimiter (RFC 2046 §5.1.1)
  });

  it('labels a text part whose Content-Type line itself has raw 8-bit bytes', async () => {
    const result = await parse(`${HEAD}Content-Type: text/plain; name="\xe9t\xe9.txt"\n\n\xe9t\xe9\n`);
    expect(result.messages[0]?.text).toBe('été');
    expect(result.warnings.map((warning) => warning.message).join('\n')).not.toContain('U+FFFD');
  });

  it('reads quoted-printable and base64 text without a charset the same way, by its decoded bytes', async () => {
    const qp = await parse(`${HEAD}Subject: s\nContent-Transfer-Encoding: quoted-printable\n\nCaf=E9 cr=E8=\nme =80\n`);
    expect(qp.messages[0]?.text).toBe('s\n\nCafé crème €');
    expect(qp.warnings[0]?.message).toMatch(/MIME part 1: .*read as windows-1252/u);
    const base64 = await parse(`${HEAD}Subject: s\nContent-Transfer-Encoding: base64\n\n${Buffer.from('Caf\xe9', 'latin1').toString('base64')}\n`);
    expect(base64.messages[0]?.text).toBe('s\n\nCafé');
    const utf8InBase64 = await parse(`${HEAD}Subject: s\nContent-Transfer-Encoding: base64\n\n${Buffer.from('Café', 'utf8').toString('base64')}\n`);
    expect(utf8InBase64.messages[0]?.text).toBe('s\n\nCafé');
    expect(utf8InBase64.warnings).toEqual([]);
  });

  it('tells a boundary from a longer one that starts with it (nested parts)', async () => {
    const mail = `${HEAD}Subject: s\nContent-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: multipart/alternative; boundary=B2\n\n--B2\nContent-Type: text/plain\n\nna\xefve\n--B2--\n--B\nContent-Type: text/plain; charset=iso-8859-2\nContent-Disposition: attachment; filename=a.txt\n\n\xb9\n--B--\n`;
    const result = await parse(mail);
    expect(result.messages[0]?.text).toBe('s\n\nnaďve');
    expect(result.warnings[0]?.message).toMatch(/^message at byte 0: MIME part 1\.1: /u);
  });
});

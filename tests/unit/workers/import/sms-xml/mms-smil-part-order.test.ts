import { describe, expect, it } from 'vitest';
import { smsBackupXmlParser } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * An MMS's text parts were joined, and its attachments listed, in the order the backup wrote
 * the parts, which is not the order of the message: the `application/smil` part lays the slides
 * out, naming each part by cl, name, fn or cid (`cid:` and angle brackets stripped). Parts the
 * SMIL names now come in its order, the others after them in file order; a SMIL that cannot be
 * trusted (too long, entity declarations, not SMIL) leaves file order with a warning.
 */

const escape = (text: string): string => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

function backup(smil: string | null, parts: string): string {
  const smilPart = smil === null ? '' : `<part seq="-1" ct="application/smil" cl="smil.xml" text="${escape(smil)}" />`;
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="1"><mms date="1720997593000" msg_box="1" address="+15550000006" m_type="132" contact_name="Ana"><parts>${smilPart}${parts}</parts><addrs><addr address="+15550000006" type="137" charset="106" /></addrs></mms></smses>`;
}

const PARTS =
  `<part seq="0" ct="text/plain" chset="106" cl="text_1.txt" text="second" />` +
  `<part seq="0" ct="image/jpeg" name="photo_b.jpg" cid="&lt;img_b&gt;" data="AAEC" />` +
  `<part seq="0" ct="text/plain" chset="106" cl="text_0.txt" text="first" />` +
  `<part seq="0" ct="image/jpeg" fn="photo_a.jpg" data="AwQF" />` +
  `<part seq="0" ct="text/x-vcard" cl="card.vcf" text="BEGIN:VCARD" />`;

const SMIL =
  '<smil><head><layout><region id="Image"/><region id="Text"/></layout></head><body>' +
  '<par dur="5000ms"><img src="photo_a.jpg" region="Image"/><text src="text_0.txt" region="Text"/></par>' +
  '<par dur="5000ms"><img src="cid:&lt;img_b&gt;" region="Image"/><text src=\'text_1.txt\' region="Text"/></par></body></smil>';

async function read(smil: string | null): Promise<{ text: string; files: (string | undefined)[]; warnings: string[] }> {
  const { messages, warnings } = await runParser(smsBackupXmlParser, inputFromText(backup(smil, PARTS), { displayName: 'backup.xml' }));
  const [message] = messages;
  if (message === undefined) throw new Error('no message');
  return { text: message.text, files: message.attachments.map((attachment) => attachment.fileName), warnings: warnings.map((warning) => warning.message) };
}

describe('SMS Backup & Restore MMS parts in SMIL order', () => {
  it('joins the text parts and lists the attachments in the SMIL order, unnamed parts last', async () => {
    const mms = await read(SMIL);
    expect(mms.text).toBe('first\nsecond');
    expect(mms.files).toEqual(['photo_a.jpg', 'photo_b.jpg', 'card.vcf']);
    expect(mms.warnings).toEqual([]);
    const withDoctype = await read(`<!DOCTYPE smil PUBLIC "-//W3C//DTD SMIL 2.0//EN" "http://www.w3.org/2001/SMIL20/SMIL20.dtd">${SMIL}`);
    expect(withDoctype.text).toBe('first\nsecond');
  });

  it('keeps file order without a SMIL part', async () => {
    const mms = await read(null);
    expect(mms.text).toBe('second\nfirst');
    expect(mms.files).toEqual(['photo_b.jpg', 'photo_a.jpg', 'card.vcf']);
  });

  it('keeps file order, with a warning, for a SMIL with entity declarations, a huge one or one that is not SMIL', async () => {
    for (const smil of [
      `<!DOCTYPE smil [<!ENTITY a "text_1.txt">]>${SMIL.replace('photo_a.jpg', '&a;')}`,
      `${SMIL}<!--${'x'.repeat(300 * 1024)}-->`,
      'GIF89a not smil <text src="text_0.txt"/>',
    ]) {
      const mms = await read(smil);
      expect(mms.text).toBe('second\nfirst');
      expect(mms.files).toEqual(['photo_b.jpg', 'photo_a.jpg', 'card.vcf']);
      expect(mms.warnings.join('\n')).toMatch(/SMIL part .*kept in the order they are stored/u);
    }
  });

  it('reads a hostile SMIL (tags that never close) in linear time, in stored order', async () => {
    const started = Date.now();
    const mms = await read(`<smil>${'<text src="text_0.txt" '.repeat(10_000)}`);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(mms.text).toBe('second\nfirst');
  });
});

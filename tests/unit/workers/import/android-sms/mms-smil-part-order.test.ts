import { describe, expect, it } from 'vitest';
import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import { buildDatabase, MMS_TABLES, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * AOSP numbers every part but the SMIL seq 0, so the parts came in row order and the text parts
 * were joined, and the attachments listed, in the order the rows were written, not the order of
 * the message. The SMIL part (`part.text`) lays the slides out, naming each part by cl, name, fn
 * or cid (`cid:` and angle brackets stripped): those parts now come in its order, the others
 * after them in row order; a SMIL that cannot be trusted leaves row order, with a note.
 */

const SCHEMA = `
  ${MMS_TABLES}
  INSERT INTO addr (msg_id, address, type) VALUES (1, '+41790000001', 137);
  INSERT INTO pdu VALUES (1, 1, 1617900000, 1, 132);
`;

const SMIL =
  '<smil><body><par><img src="cid:photo_a"/><text src="text_0.txt"/></par><par><img src="image_b.jpg"/><text src="text_1.txt"/></par></body></smil>';

async function read(smil: string, smilType = 'application/smil'): Promise<{ text: string; files: (string | undefined)[]; extra: Record<string, unknown> | undefined }> {
  const bytes = await buildDatabase(`${SCHEMA}
    INSERT INTO part (mid, seq, ct, name, cid, cl, _data, text) VALUES
      (1, -1, '${smilType}', NULL, '<smil>', 'smil.xml', NULL, '${smil.replace(/'/gu, "''")}'),
      (1, 0, 'text/plain', NULL, '<text_1>', 'text_1.txt', NULL, 'second'),
      (1, 0, 'image/jpeg', 'image_b.jpg', '<image_b>', 'image_b.jpg', '/data/app_parts/PART_2', NULL),
      (1, 0, 'text/plain', NULL, '<text_0>', 'text_0.txt', NULL, 'first'),
      (1, 0, 'image/jpeg', 'image_a.jpg', '<photo_a>', 'image_a.jpg', '/data/app_parts/PART_1', NULL),
      (1, 0, 'text/x-vcard', 'card.vcf', NULL, NULL, NULL, 'BEGIN:VCARD');`);
  const run = await runParser(androidSmsDbParser, bytes, 'mmssms.db');
  const [mms] = run.sink.messages;
  if (mms === undefined) throw new Error('no message');
  return { text: mms.text, files: mms.attachments.map((attachment) => attachment.fileName), extra: mms.extra };
}

describe('mmssms.db MMS parts in SMIL order', () => {
  it('joins the text parts and lists the attachments in the SMIL order, unnamed parts last', async () => {
    const mms = await read(SMIL);
    expect(mms.text).toBe('first\nsecond');
    expect(mms.files).toEqual(['image_a.jpg', 'image_b.jpg', 'card.vcf']);
    expect(mms.extra).not.toHaveProperty('partOrderNote');
  });

  it('reads a SMIL part whose content type has parameters as the SMIL', async () => {
    const mms = await read(SMIL, 'application/smil; charset=utf-8');
    expect(mms.text).toBe('first\nsecond');
    expect(mms.files).toEqual(['image_a.jpg', 'image_b.jpg', 'card.vcf']);
  });

  it('keeps row order, with a note, for a SMIL with entity declarations', async () => {
    const mms = await read(`<!DOCTYPE smil [<!ENTITY a "x">]>${SMIL}`);
    expect(mms.text).toBe('second\nfirst');
    expect(mms.files).toEqual(['image_b.jpg', 'image_a.jpg', 'card.vcf']);
    expect(mms.extra?.['partOrderNote']).toMatch(/SMIL part .*kept in the order they are stored/u);
  });
});

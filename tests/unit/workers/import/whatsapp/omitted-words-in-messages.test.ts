import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';
import { LRM } from '../../../../support/unicode-chars.ts';

/**
 * Regression: a message that merely ended with the words of an iOS "… omitted" text was read
 * as that placeholder, its first words taken for a caption or a document's title: "этот
 * документ отсутствует" ("this document is missing") became an omitted document titled
 * "этот", a person's words marked as the export's. iOS writes a direction mark before its own
 * wording when a caption or title precedes it (`Template.docx ‎document omitted`, every
 * sample language); a whole body that is only the wording stays a placeholder, mark or not.
 */
function chat(body: string): string[] {
  return ['[18/03/2022, 14:50:00] Ivan: privet', `[18/03/2022, 14:51:00] Ivan: ${body}`];
}

describe('a message ending with an omitted-media wording, without iOS’s mark (regression)', () => {
  it.each([
    ['ru', 'этот документ отсутствует'],
    ['vi', 'tôi đã bỏ video'],
    ['en', 'I think the video omitted'],
  ])('%s: "%s" stays the person’s words, with no media', (_language, body) => {
    expect(recordOnLine(parseLines(chat(body)), 2)).toMatchObject({ kind: 'message', sender: 'Ivan', text: body, media: null });
  });

  it('still reads iOS’s own caption + mark + wording as an omitted document with its title', () => {
    expect(recordOnLine(parseLines(chat(`Template.docx ${LRM}document omitted`)), 2)).toMatchObject({
      media: { kind: 'omitted', mediaType: 'document', fileName: 'Template.docx' },
    });
  });

  it('still reads a whole body that is only the wording as the placeholder, mark or not', () => {
    expect(recordOnLine(parseLines(chat('image omitted')), 2)).toMatchObject({ media: { kind: 'omitted', mediaType: 'image' } });
    expect(recordOnLine(parseLines(chat(`${LRM}документ отсутствует`)), 2)).toMatchObject({ media: { kind: 'omitted', mediaType: 'document' } });
  });
});

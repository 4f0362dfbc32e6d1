import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';

/**
 * Regression: a person's words ending in brackets that mention an attachment were read as
 * Android's `name (file attached)` line. Under a file line, a caption "Invoice (see attached
 * file)" became a second attachment named "Invoice", recorded missing from the export; as a
 * message's first line it became the message's media. Android writes the file's exported name
 * and its `email_file_attached` string (android-attached-labels.ts); a label that only contains
 * "attach" passes for it only after a file name with an extension. Lines made up.
 */
describe('a caption ending in "(see attached file)" names no file', () => {
  it('under a file line: the caption is the person’s, no second attachment', () => {
    const lines = [
      '15/01/2023, 08:00 - Ola: IMG-20230115-WA0001.jpg (file attached)',
      'Invoice (see attached file)',
      '15/01/2023, 08:01 - Ola: ok',
    ];
    const record = recordOnLine(parseLines(lines), 1);
    expect(record.media).toEqual({ kind: 'attached', mediaType: 'image', fileName: 'IMG-20230115-WA0001.jpg' });
    expect(record.moreMedia).toBeUndefined();
    expect(record.text).toContain('Invoice (see attached file)');
  });

  it('under a file line: Android’s own label after a name without an extension is not read there either', () => {
    const lines = [
      '15/01/2023, 08:00 - Ola: IMG-20230115-WA0001.jpg (file attached)',
      'Invoice (file attached)',
      '15/01/2023, 08:01 - Ola: ok',
    ];
    expect(recordOnLine(parseLines(lines), 1).moreMedia).toBeUndefined();
  });

  it('as a first line: the message is the person’s words', () => {
    const lines = ['15/01/2023, 08:00 - Ola: hi', '15/01/2023, 08:01 - Ola: Invoice (see attached file)'];
    expect(recordOnLine(parseLines(lines), 2)).toMatchObject({ kind: 'message', text: 'Invoice (see attached file)', media: null });
  });

  it('still reads a second file line as WhatsApp writes it, and an unlisted label after a name with an extension', () => {
    const lines = [
      '15/01/2023, 08:00 - Ola: IMG-20230115-WA0001.jpg (file attached)',
      'IMG-20230115-WA0002.jpg (file attached)',
      '15/01/2023, 08:01 - Ola: VID-20230115-WA0003.mp4 (archivo adjunto)',
    ];
    const result = parseLines(lines);
    expect(recordOnLine(result, 1).moreMedia).toEqual([{ kind: 'attached', mediaType: 'image', fileName: 'IMG-20230115-WA0002.jpg' }]);
    expect(recordOnLine(result, 3).media).toEqual({ kind: 'attached', mediaType: 'video', fileName: 'VID-20230115-WA0003.mp4' });
  });
});

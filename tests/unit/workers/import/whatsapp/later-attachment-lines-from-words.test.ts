import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';
import { LRM } from '../../../../support/unicode-chars.ts';

/**
 * Regression: below a first line that names a file, every later line of the body was read for an
 * attachment on its own, so a person's words became files the export never held: a caption's
 * `… <email: ana@example.com>` (the iOS pattern matched at the end of any line), and a file line
 * written under the caption (a line under a person's words is theirs). Only a run of placeholder
 * lines straight under the first is read; an iOS placeholder must be the whole line. Lines made up.
 */
describe('later attachment lines: a person’s words name no file', () => {
  it('does not read a bracketed address at the end of a caption line as an iOS attachment', () => {
    const lines = [
      `[15/01/2023, 08:00:00] Ana: ${LRM}<attached: 00000012-PHOTO-2023-01-15-08-00-00.jpg>`,
      'Write to me <email: ana@example.com>',
      '[15/01/2023, 08:01:00] Ben: ok',
    ];
    expect(recordOnLine(parseLines(lines), 1).moreMedia).toBeUndefined();
  });

  it('does not read a file line written under a caption as an attachment', () => {
    const lines = [
      '15/01/2023, 08:00 - Ola: IMG-20230115-WA0001.jpg (file attached)',
      'the second one was',
      'IMG-20230115-WA0002.jpg (file attached)',
      '15/01/2023, 08:01 - Ola: ok',
    ];
    expect(recordOnLine(parseLines(lines), 1).moreMedia).toBeUndefined();
  });

  it('still reads placeholder lines straight under the first, and a document name repeated between them', () => {
    const lines = [
      '15/01/2023, 08:00 - Ola: Plan.pdf (file attached)',
      'Plan.pdf',
      'IMG-20230115-WA0002.jpg (file attached)',
      '15/01/2023, 08:01 - Ola: ok',
    ];
    expect(recordOnLine(parseLines(lines), 1).moreMedia).toEqual([{ kind: 'attached', mediaType: 'image', fileName: 'IMG-20230115-WA0002.jpg' }]);
  });
});

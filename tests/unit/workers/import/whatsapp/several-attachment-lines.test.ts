import { describe, expect, it } from 'vitest';

import { whatsappTextParser } from '../../../../../workers/import/whatsapp/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';
import { exportText, parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';
import { LRM } from '../../../../support/unicode-chars.ts';

/**
 * Regression: a record whose body holds more than one attachment line (iOS `<attached: …>`,
 * Android `name (file attached)` in any language) linked only the file its first line names;
 * the others stayed text, and their files in the export's zip were never linked. Each line is
 * read in the shapes the first line is read in (FORMATS.md §1.4); the lines below are made up.
 */
describe('several attachment lines in one record', () => {
  const iosLines = [
    `[15/01/2023, 08:00:00] Ana: ${LRM}<attached: 00000012-PHOTO-2023-01-15-08-00-00.jpg>`,
    `${LRM}<attached: 00000013-PHOTO-2023-01-15-08-00-00.jpg>`,
    `${LRM}<attached: 00000014-VIDEO-2023-01-15-08-00-01.mp4>`,
    '[15/01/2023, 08:01:00] Ben: ok',
  ];
  const androidLines = [
    '15/01/2023, 08:00 - Ola: IMG-20230115-WA0001.jpg (załączony plik)',
    'IMG-20230115-WA0002.jpg (załączony plik)',
    'Umowa najmu.pdf (załączony plik)',
    'Umowa najmu.pdf',
    'PTT-20230115-WA0003.opus (załączony plik)',
    '15/01/2023, 08:01 - Ola: IMG-20230115-WA0004.jpg (file attached)',
    'plan.pdf (poprawiony)',
    '15/01/2023, 08:02 - Ola: zobacz',
    'IMG-20230115-WA0005.jpg (file attached)',
  ];

  it('links every iOS attachment the record names, in order, the text as written', () => {
    const record = recordOnLine(parseLines(iosLines), 1);
    expect(record.media).toEqual({ kind: 'attached', mediaType: 'image', fileName: '00000012-PHOTO-2023-01-15-08-00-00.jpg' });
    expect(record.moreMedia).toEqual([
      { kind: 'attached', mediaType: 'image', fileName: '00000013-PHOTO-2023-01-15-08-00-00.jpg' },
      { kind: 'attached', mediaType: 'video', fileName: '00000014-VIDEO-2023-01-15-08-00-01.mp4' },
    ]);
    // The mark before the first placeholder is cut and kept (leadingMarks), as for any placeholder.
    expect(record.text).toBe(`<attached: 00000012-PHOTO-2023-01-15-08-00-00.jpg>\n${iosLines[1] ?? ''}\n${iosLines[2] ?? ''}`);
  });

  it("links every Android attachment line, and not the document's name repeated under it", () => {
    const result = parseLines(androidLines);
    expect(recordOnLine(result, 1).moreMedia).toEqual([
      { kind: 'attached', mediaType: 'image', fileName: 'IMG-20230115-WA0002.jpg' },
      { kind: 'attached', mediaType: 'document', fileName: 'Umowa najmu.pdf' },
      { kind: 'attached', mediaType: 'audio', fileName: 'PTT-20230115-WA0003.opus' },
    ]);
    expect(recordOnLine(result, 1).text).toBe(androidLines.slice(0, 5).join('\n').replace('15/01/2023, 08:00 - Ola: ', ''));
  });

  it("leaves a person's bracketed words, and a file line under a person's words, as text", () => {
    const result = parseLines(androidLines);
    expect(recordOnLine(result, 6).moreMedia).toBeUndefined();
    expect(recordOnLine(result, 8)).toMatchObject({ media: null, text: 'zobacz\nIMG-20230115-WA0005.jpg (file attached)' });
    expect(recordOnLine(result, 8).moreMedia).toBeUndefined();
  });

  it('reaches the case as one attachment each, in order', async () => {
    const parsed = await runParser(whatsappTextParser, inputFromText(exportText(iosLines)));
    expect(parsed.messages[0]?.attachments.map((attachment) => attachment.fileName)).toEqual([
      '00000012-PHOTO-2023-01-15-08-00-00.jpg',
      '00000013-PHOTO-2023-01-15-08-00-00.jpg',
      '00000014-VIDEO-2023-01-15-08-00-01.mp4',
    ]);
    expect(parsed.messages[0]?.attachments[2]).toMatchObject({ kind: 'attached', mediaType: 'video', path: '00000014-VIDEO-2023-01-15-08-00-01.mp4' });
  });
});

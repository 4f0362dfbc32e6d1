import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';

/**
 * Regression: Android writes an omitted document as `<Media omitted>` (Polish "<Pominięto
 * multimedia>") with the file's name alone on the next line, as a parser of real Polish exports
 * observed. The name stayed in the text only: the omitted file was nameless and of unknown type.
 * Lines below are made up in that shape.
 */
describe('Android omitted media with the file name on the next line', () => {
  const result = parseLines([
    '12.05.2024, 18:01 - Anna: <Pominięto multimedia>',
    'Umowa najmu.pdf',
    '12.05.2024, 18:02 - Anna: <Pominięto multimedia>',
    '12.05.2024, 18:03 - Anna: <Media omitted>',
    'see the file.pdf and call me',
    'tomorrow',
    '12.05.2024, 18:04 - Anna: <Media omitted>',
    'see you at 5.30',
    '12.05.2024, 18:05 - Anna: <Media omitted>',
    'SKAN_PASZPORTU.JPG',
  ]);

  it('names the omitted file and types it by its name, the text as written', () => {
    expect(recordOnLine(result, 1)).toMatchObject({ text: '<Pominięto multimedia>\nUmowa najmu.pdf', media: { kind: 'omitted', mediaType: 'document', fileName: 'Umowa najmu.pdf' } });
  });

  it('leaves a bare placeholder and a caption of several lines unnamed', () => {
    expect(recordOnLine(result, 3).media).toEqual({ kind: 'omitted', mediaType: 'unknown' });
    expect(recordOnLine(result, 4).media?.fileName).toBeUndefined();
  });

  it('takes only a name with a file extension: a one-line caption with a dot stays the person\'s words', () => {
    expect(recordOnLine(result, 7).media).toEqual({ kind: 'omitted', mediaType: 'unknown' });
    expect(recordOnLine(result, 9).media).toMatchObject({ kind: 'omitted', mediaType: 'image', fileName: 'SKAN_PASZPORTU.JPG' });
  });
});

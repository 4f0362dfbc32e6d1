import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';
import { LRM } from '../../../../support/unicode-chars.ts';

/**
 * Regression: an iOS `‎<attached: …>` line was recognised only when the file name had an
 * extension. iOS names every exported file `NNNNNNNN-<original name>`, and a document sent
 * without an extension (`README`, `Contract`) keeps none: the attachment was not recorded, so
 * its file in the zip was never linked to the message.
 */
describe('an iOS attachment whose file name has no extension (regression)', () => {
  it('is recorded as an attached document under its exported name', () => {
    const lines = [`[18/03/2022, 14:50:00] Ana: hola`, `${LRM}[18/03/2022, 14:51:00] Ana: ${LRM}<attached: 00000046-README>`];
    expect(recordOnLine(parseLines(lines), 2)).toMatchObject({
      kind: 'message',
      sender: 'Ana',
      text: '<attached: 00000046-README>',
      media: { kind: 'attached', mediaType: 'document', fileName: '00000046-README' },
    });
  });

  it('is not read into a person’s own angle-bracketed words with no exported name', () => {
    const lines = [`[18/03/2022, 14:50:00] Ana: hola`, `[18/03/2022, 14:51:00] Ana: see <note: README>`];
    expect(recordOnLine(parseLines(lines), 2)).toMatchObject({ kind: 'message', media: null });
  });
});

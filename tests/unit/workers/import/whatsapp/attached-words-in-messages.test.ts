import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';

/**
 * Regression: a message that ended with one word in brackets meaning "attached" was read as
 * Android's `name (file attached)` line: "el pasaporte (adjunto)" became an attachment named
 * "el pasaporte", recorded missing from the export and its words marked as the export's.
 * Android's label names the file and the act ("file attached", "Datei angehängt", "archivo
 * adjunto", "bestand bijgevoegd"): in scripts that space their words it is never one word.
 */
function chat(body: string): string[] {
  return ['24/12/2019, 11:20 - Bob: hola', `24/12/2019, 11:25 - Bob: ${body}`];
}

describe('a message ending with a one-word "(attached)" (regression)', () => {
  it.each([
    ['en', 'See the contract (attached)'],
    ['es', 'el pasaporte (adjunto)'],
    ['pt', 'a foto do documento (anexo)'],
    ['en', 'Look at the photo I sent you (attachment)'],
  ])('%s: "%s" is the person’s message, with no attachment', (_language, body) => {
    expect(recordOnLine(parseLines(chat(body)), 2)).toMatchObject({ kind: 'message', sender: 'Bob', text: body, media: null });
  });

  it('still reads Android’s own label, a file name without an extension included', () => {
    expect(recordOnLine(parseLines(chat('README (file attached)')), 2)).toMatchObject({ media: { kind: 'attached', mediaType: 'document', fileName: 'README' } });
    expect(recordOnLine(parseLines(chat('VID-20191224-WA0004.mp4 (archivo adjunto)')), 2)).toMatchObject({
      media: { kind: 'attached', mediaType: 'video', fileName: 'VID-20191224-WA0004.mp4' },
    });
  });
});

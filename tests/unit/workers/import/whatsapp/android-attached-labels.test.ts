import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';
import { LRM } from '../../../../support/unicode-chars.ts';

/**
 * Regression: Android's "file attached" label was known by word stems in a few languages and
 * only when it had two words; in Polish (`załączony plik`, as a parser of real Polish exports
 * quotes it), Hebrew, Greek, Swedish, Hungarian, Finnish (`liitetiedosto`, one word) and more,
 * the line stayed text and the file in the export's zip was never linked. The labels are
 * WhatsApp's own (Android strings.xml `email_file_attached`, via starkdmi/whats_json); the chat
 * lines below are made up.
 */
describe("Android's file-attached label in other languages", () => {
  it.each([
    ['pl', 'załączony plik'],
    ['he', 'קובץ מצורף'],
    ['el', 'συνημμένο αρχείο'],
    ['sv', 'bifogad fil'],
    ['hu', 'fájl csatolva'],
    ['fi', 'liitetiedosto'],
    ['bg', 'прикачен файл'],
    ['sw', 'faili limeambatanishwa'],
  ])('%s: "(%s)" links the named file', (_language, label) => {
    const result = parseLines([
      `12.03.2023, 18:45 - Ola: ${LRM}IMG-20230312-WA0007.jpg (${label})`,
      'podpis',
      `12.03.2023, 18:46 - Ola: VID-20230312-WA0008.mp4 (${label})`,
    ]);
    expect(recordOnLine(result, 1)).toMatchObject({
      kind: 'message',
      sender: 'Ola',
      media: { kind: 'attached', mediaType: 'image', fileName: 'IMG-20230312-WA0007.jpg' },
    });
    expect(recordOnLine(result, 3).media).toMatchObject({ kind: 'attached', mediaType: 'video', fileName: 'VID-20230312-WA0008.mp4' });
  });

  it('leaves a single bracketed word that is no label of WhatsApp to the person', () => {
    const result = parseLines(['12.03.2023, 18:45 - Ola: plan.pdf (poprawiony)', '12.03.2023, 18:46 - Ola: plan.pdf (liite)']);
    expect(recordOnLine(result, 1).media).toBeNull();
    expect(recordOnLine(result, 2).media).toBeNull();
  });
});

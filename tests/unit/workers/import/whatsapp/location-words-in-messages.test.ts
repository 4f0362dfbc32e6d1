import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';
import { RLM } from '../../../../support/unicode-chars.ts';

/**
 * Regression: any body opening with a localised "Location: " was flagged as a location share,
 * the export's wording. A person who writes an address ("Ubicación: calle Mayor 5, piso 2")
 * got a location fact that the export never gave, and an RTL writer's own opening mark was cut
 * from the text as if it were WhatsApp's. Every location share in the samples, Android and
 * iOS in every language, is the label followed by a map link.
 */
describe('a message that opens with the word "location" and gives no link (regression)', () => {
  it.each([
    ['en', 'Location: Hotel Central, room 12'],
    ['es', 'Ubicación: calle Mayor 5, piso 2'],
    ['ru', 'Местоположение: у вокзала'],
  ])('%s: "%s" is the person’s message, with no location flag', (_language, body) => {
    const record = recordOnLine(parseLines(['24.12.19, 11:20 - Ana: hola', `24.12.19, 11:23 - Ana: ${body}`]), 2);
    expect(record).toMatchObject({ kind: 'message', sender: 'Ana', text: body });
    expect(record.location).toBeUndefined();
  });

  it('keeps an RTL writer’s opening mark in the text', () => {
    const body = `${RLM}موقع: الفندق في وسط المدينة`;
    const record = recordOnLine(parseLines(['24.12.19, 11:20 - Karim: مرحبا', `24.12.19, 11:23 - Karim: ${body}`]), 2);
    expect(record).toMatchObject({ kind: 'message', sender: 'Karim', text: body });
    expect(record.location).toBeUndefined();
    expect(record.leadingMarks).toBeUndefined();
  });
});

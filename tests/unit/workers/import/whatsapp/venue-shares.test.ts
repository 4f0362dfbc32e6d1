import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';
import { LRM } from '../../../../support/unicode-chars.ts';

/**
 * Regression: a place picked on the map and sent (a venue) was a plain message with no location
 * flag. Exports write it unlike a pin (AyazKhuraishi/whatsapp-export-inconsistencies, "Locations
 * (Static)", documented from real exports; timelinize's WhatsApp fixture `_chat.txt`): iOS puts
 * the place and its area before the map link on one line; Android writes the place and its
 * address on lines of their own and the labelled link last. The places below are made up.
 */
describe('a shared venue', () => {
  it('is a location share on iOS: "place (area): map link", a Google Maps or Foursquare one', () => {
    const result = parseLines([
      `[2.3.2021, 9.15.00] Mira: ${LRM} Kauppatori (Helsinki): https://maps.google.com/?q=60.167500,24.952600`,
      `[2.3.2021, 9.16.10] Olli: ${LRM}Rautatieasema (Kaivokatu 1, 00100 Helsinki): https://foursquare.com/v/4b5a1c2df964a520dcb028e3`,
      `[2.3.2021, 9.17.00] Mira: Toimisto (2. kerros): https://example.com/kartta`,
    ]);
    expect(recordOnLine(result, 1)).toMatchObject({ kind: 'message', sender: 'Mira', location: true });
    expect(recordOnLine(result, 2)).toMatchObject({ kind: 'message', sender: 'Olli', location: true });
    expect(recordOnLine(result, 3).location).toBeUndefined();
  });

  it('is a location share on Android: place, address, then the labelled map link', () => {
    const lines = [
      '14/06/2022, 18:40 - Ana: Mercado Central',
      'Calle Mayor 12, Valencia',
      'ubicación: https://maps.google.com/?q=39.473900146484375,-0.37910000085830688',
      '14/06/2022, 18:41 - Ben: Kommst du?',
      'Ich warte hier',
      'Standort: https://maps.google.com/?q=1,2 war gestern',
      '14/06/2022, 18:42 - Ana: Notes',
      'one',
      'two',
      'three',
      'location: https://maps.google.com/?q=39.47,-0.37',
    ];
    const result = parseLines(lines);
    expect(recordOnLine(result, 1)).toMatchObject({ kind: 'message', sender: 'Ana', location: true });
    expect(recordOnLine(result, 1).text).toBe(['Mercado Central', ...lines.slice(1, 3)].join('\n'));
    // A link with words after it, and a long message ending with a link, stay plain messages.
    expect(recordOnLine(result, 4).location).toBeUndefined();
    expect(recordOnLine(result, 7).location).toBeUndefined();
  });
});

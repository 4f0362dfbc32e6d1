import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';

/**
 * Regression: WhatsApp Web's export (WAWebExportChatPlainTextFormatter, in WhatsApp Web's
 * shipped code) writes a caption on the placeholder's own line, `NAME (file attached) caption`
 * and `<image omitted> caption`, names a voice note `<voice message omitted>`, and a location
 * `Location: lat, lng - https://maps.google.com/?q=lat,lng`. These were plain text: the file in
 * the export went unlinked, the omitted photo and voice note uncounted, the location unflagged.
 * Lines below are made up in the formatter's shapes.
 */
describe("WhatsApp Web's export: media and locations", () => {
  const lines = [
    '[3/4/25, 9:18:00 AM] Anna: IMG-20250304-WA0001.jpg (file attached) look at this',
    '[3/4/25, 9:18:30 AM] Anna: Plan (final).pdf (file attached) v2',
    '[3/4/25, 9:19:00 AM] Anna: <image omitted> the view',
    '[3/4/25, 9:19:30 AM] You: <voice message omitted>',
    '[3/4/25, 9:20:00 AM] You: <video message omitted>',
    '[3/4/25, 9:21:00 AM] You: Location: 52.370216, 4.895168 - https://maps.google.com/?q=52.370216,4.895168',
    '[3/4/25, 9:21:30 AM] Anna: Dam Square: Location: 52.3731, 4.8926 - https://maps.google.com/?q=52.3731,4.8926',
    '[3/4/25, 9:22:00 AM] Anna: I sent notes (later) and more',
    '[3/4/25, 9:23:00 AM] Anna: <b> is bold in html',
  ];
  const result = parseLines(lines);

  it('links the file named before "(file attached)" and keeps the caption in the text', () => {
    expect(recordOnLine(result, 1)).toMatchObject({
      sender: 'Anna',
      text: 'IMG-20250304-WA0001.jpg (file attached) look at this',
      media: { kind: 'attached', mediaType: 'image', fileName: 'IMG-20250304-WA0001.jpg' },
    });
    expect(recordOnLine(result, 2).media).toMatchObject({ kind: 'attached', mediaType: 'document', fileName: 'Plan (final).pdf' });
  });

  it('reads omitted media with a caption after it, voice and video notes by type', () => {
    expect(recordOnLine(result, 3).media).toMatchObject({ kind: 'omitted', mediaType: 'image' });
    expect(recordOnLine(result, 4).media).toMatchObject({ kind: 'omitted', mediaType: 'audio' });
    expect(recordOnLine(result, 5).media).toMatchObject({ kind: 'omitted', mediaType: 'video' });
  });

  it('flags its locations, named or not', () => {
    expect(recordOnLine(result, 6).location).toBe(true);
    expect(recordOnLine(result, 7)).toMatchObject({ sender: 'Anna', location: true });
  });

  it("leaves a person's brackets and angle brackets alone", () => {
    expect(recordOnLine(result, 8).media).toBeNull();
    expect(recordOnLine(result, 9).media).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';

/**
 * Regression: WhatsApp Web's export (WAWebExportChatPlainTextFormatter, in WhatsApp Web's
 * shipped code) writes a location it has no coordinates for as `<Location omitted>` or
 * `<Live location omitted>`. Both were read as omitted media of unknown type, and the message
 * was not flagged as a location. Lines below are made up in the formatter's shapes.
 */
describe("WhatsApp Web's export: locations left out", () => {
  const lines = [
    '[3/4/25, 9:17:00 AM] Anna: <Live location omitted>',
    '[3/4/25, 9:17:30 AM] You: <Location omitted>',
    '[3/4/25, 9:18:00 AM] Anna: <media omitted>',
  ];
  const result = parseLines(lines);

  it('reads them as location shares whose place is omitted', () => {
    expect(recordOnLine(result, 1)).toMatchObject({ sender: 'Anna', location: true, media: { kind: 'omitted', mediaType: 'location' } });
    expect(recordOnLine(result, 2)).toMatchObject({ sender: 'You', location: true, media: { kind: 'omitted', mediaType: 'location' } });
  });

  it('leaves other omitted media as it was', () => {
    expect(recordOnLine(result, 3).location).toBeUndefined();
    expect(recordOnLine(result, 3).media).toMatchObject({ kind: 'omitted', mediaType: 'unknown' });
  });
});

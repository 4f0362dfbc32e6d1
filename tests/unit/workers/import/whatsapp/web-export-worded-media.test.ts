import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';

/**
 * Regression: WhatsApp Web's export (WAWebExportChatPlainTextFormatter, in WhatsApp Web's
 * shipped code) writes a GIF it put in the export as "GIF attached", with no file name, and a
 * named contact card as "Contact: <name>". Both stayed plain text: the GIF was not counted as
 * an attachment, the card not as one. Lines below are made up in the formatter's shapes.
 */
describe("WhatsApp Web's export: media written in words", () => {
  const notice = 'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.';
  const result = parseLines([
    notice,
    '[3/4/25, 9:16:10 AM] Anna: GIF attached',
    '[3/4/25, 9:17:00 AM] You: Contact: Bob Jones',
    '[3/4/25, 9:18:00 AM] Anna: [Forwarded] GIF attached',
    '[3/4/25, 9:19:00 AM] Anna: the GIF attached is funny',
  ]);

  it('reads "GIF attached" as an attached GIF and "Contact: name" as a contact card, the text as written', () => {
    expect(recordOnLine(result, 2)).toMatchObject({ text: 'GIF attached', media: { kind: 'attached', mediaType: 'gif' } });
    expect(recordOnLine(result, 3)).toMatchObject({ text: 'Contact: Bob Jones', media: { kind: 'omitted', mediaType: 'contact' } });
    expect(recordOnLine(result, 4)).toMatchObject({ forwarded: 'once', media: { kind: 'attached', mediaType: 'gif' } });
    expect(recordOnLine(result, 5).media).toBeNull();
  });

  it('leaves the same words alone in a phone export', () => {
    const phone = parseLines(['[04.03.25, 09:16:10] Anna: GIF attached', '[04.03.25, 09:17:00] Anna: Contact: Bob Jones']);
    expect(recordOnLine(phone, 1).media).toBeNull();
    expect(recordOnLine(phone, 2).media).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';

/**
 * Regression: WhatsApp Web's export (WAWebExportChatPlainTextFormatter, in WhatsApp Web's
 * shipped code) writes "You" for the exporting account's messages (getIsSentByMe) and every
 * other sender by name, and always opens with the untimed end-to-end notice. Its messages had
 * no direction; and a file with no system line was read day first (3/4/25 as 3 April) though
 * the notice shows which export it is. Lines below are made up in the formatter's shapes.
 */
describe("WhatsApp Web's export: the exporter's messages", () => {
  const notice = 'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.';

  it('gives "You" outgoing and every other sender incoming, saying why', () => {
    const result = parseLines([notice, '[3/4/25, 9:16:10 AM] Anna: Hi', '[3/4/25, 9:17:00 AM] You: Hello']);
    expect(result.webExportEvidence).toMatch(/line 1 .*end-to-end notice WhatsApp Web's export/u);
    expect(recordOnLine(result, 2)).toMatchObject({ sender: 'Anna', direction: 'incoming' });
    expect(recordOnLine(result, 3)).toMatchObject({ sender: 'You', direction: 'outgoing' });
    expect(recordOnLine(result, 1).direction).toBeUndefined();
  });

  it('reads its dates month first on the notice alone', () => {
    const result = parseLines([notice, '[3/4/25, 9:16:10 AM] Anna: Hi']);
    expect(result).toMatchObject({ dateOrder: 'mdy', dateOrderSource: 'inferred' });
    expect(recordOnLine(result, 2).wallClock).toMatchObject({ month: 3, day: 4 });
  });

  it('gives no direction in a phone export, where "You" may be anyone', () => {
    const result = parseLines(['[04.03.25, 09:16:10] Anna: Hi', '[04.03.25, 09:17:00] You: Hello']);
    expect(result.webExportEvidence).toBeNull();
    expect(recordOnLine(result, 2).direction).toBeUndefined();
  });
});

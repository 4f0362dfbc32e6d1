import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';

/**
 * Regression: WhatsApp Web's "Export chat" (its own formatter, WAWebExportChatPlainTextFormatter,
 * public in WhatsApp Web's shipped code) writes every date month first, `M/D/YY, h:mm:ss AM`,
 * and its system lines as `[stamp] - text`. A file whose days were all 12 or less was read day
 * first (3/4/25 as 3 April, not 4 March, every date wrong), and each system line kept the dash
 * as its first word. Lines below are made up in the formatter's shapes.
 */
describe("WhatsApp Web's export", () => {
  const lines = [
    'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
    '[3/4/25, 9:15:02 AM] - Anna created group "Trip"',
    '[3/4/25, 9:16:10 AM] Anna: Hi all',
    '[3/4/25, 10:17:00 PM] You: Hello',
    '[3/4/25, 11:00:00 PM] - Anna added Carl',
  ];

  it('reads its dates month first, saying why', () => {
    const result = parseLines(lines);
    expect(result.dateOrder).toBe('mdy');
    expect(result.dateOrderSource).toBe('inferred');
    expect(result.dateOrderEvidence).toMatch(/line 2 .*WhatsApp Web/u);
    expect(recordOnLine(result, 2).wallClock).toMatchObject({ year: 2025, month: 3, day: 4, hour: 9, minute: 15, second: 2 });
    expect(recordOnLine(result, 4).wallClock).toMatchObject({ month: 3, day: 4, hour: 22 });
    expect(result.warnings.filter((warning) => /ambiguous date order/u.test(warning.message))).toEqual([]);
  });

  it('takes the dash after the bracket as the separator of a system line', () => {
    const result = parseLines(lines);
    expect(recordOnLine(result, 2)).toMatchObject({ kind: 'system', sender: null, text: 'Anna created group "Trip"' });
    expect(recordOnLine(result, 5)).toMatchObject({ kind: 'system', text: 'Anna added Carl' });
    expect(recordOnLine(result, 3)).toMatchObject({ kind: 'message', sender: 'Anna', text: 'Hi all' });
  });

  it('lets dates that settle the order win, and leaves phone exports as they were', () => {
    const dayFirst = parseLines(['[25/3/25, 9:15:02 AM] - Anna created group "Trip"', '[26/3/25, 9:16:10 AM] Anna: Hi']);
    expect(dayFirst.dateOrder).toBe('dmy');
    const phone = parseLines(['[3/4/25, 9:16:10] Anna: Hi', '[3/4/25, 9:17:00] Ben: Yo']);
    expect(phone.dateOrderSource).toBe('default');
    expect(phone.dateOrder).toBe('dmy');
  });
});

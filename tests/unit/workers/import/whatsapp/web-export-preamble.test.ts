import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';

/**
 * Regression: WhatsApp Web's export (WAWebExportChatPlainTextFormatter, in WhatsApp Web's
 * shipped code) opens with the end-to-end notice and, when it holds only part of the history,
 * "Some earlier messages may not be available.", both without a timestamp. They became one
 * 'unparsed' record ("lines before the first message header") and the incomplete history went
 * unsaid. Lines below are made up in the formatter's shapes.
 */
describe("WhatsApp Web's export: the untimed opening notices", () => {
  const notice = 'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.';
  const earlier = 'Some earlier messages may not be available.';

  it('reads them as one system record with no time, and warns that the history is incomplete', () => {
    const result = parseLines([notice, earlier, '[3/4/25, 9:16:10 AM] Anna: Hi']);
    expect(recordOnLine(result, 1)).toMatchObject({ kind: 'system', sender: null, wallClock: null, timestampText: '', text: `${notice}\n${earlier}` });
    expect(recordOnLine(result, 1).locator).toMatchObject({ lineStart: 1, lineEnd: 2 });
    expect(result.warnings).toContainEqual(expect.objectContaining({ line: 2, message: expect.stringMatching(/earlier messages may not be available/u) }));
  });

  it('reads the notice alone the same way, with no warning', () => {
    const result = parseLines([notice, '[3/4/25, 9:16:10 AM] Anna: Hi']);
    expect(recordOnLine(result, 1)).toMatchObject({ kind: 'system', text: notice });
    expect(result.warnings.filter((warning) => /earlier messages/u.test(warning.message))).toEqual([]);
  });

  it('keeps other lines before the first header unparsed', () => {
    const result = parseLines([notice, 'copied from somewhere else', '[3/4/25, 9:16:10 AM] Anna: Hi']);
    expect(recordOnLine(result, 1)).toMatchObject({ kind: 'unparsed', reason: 'lines before the first message header' });
  });
});

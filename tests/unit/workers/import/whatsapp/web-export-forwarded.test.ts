import { describe, expect, it } from 'vitest';

import { whatsappTextParser } from '../../../../../workers/import/whatsapp/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';
import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';

/**
 * Regression: WhatsApp Web's export (WAWebExportChatPlainTextFormatter) marks a forwarded
 * message by opening its body with `[Forwarded] ` or `[Forwarded many times] `; the mark was
 * read as the sender's words only. It is now a fact on the message, as the database parsers
 * give it (extra.forwarded), and the text keeps the mark as written. Lines are made up.
 */
describe("WhatsApp Web's forwarded mark", () => {
  const lines = [
    '[3/4/25, 9:20:00 AM] Anna: [Forwarded] Meet at the north gate',
    '[3/4/25, 9:21:00 AM] Anna: [Forwarded many times] Share this with everyone',
    '[3/4/25, 9:22:00 AM] Ben: I [Forwarded] it already',
  ];

  it('is read as a forwarded message, the text as written', () => {
    const result = parseLines(lines);
    expect(recordOnLine(result, 1)).toMatchObject({ sender: 'Anna', forwarded: 'once', text: '[Forwarded] Meet at the north gate' });
    expect(recordOnLine(result, 2)).toMatchObject({ forwarded: 'many times' });
    expect(recordOnLine(result, 3).forwarded).toBeUndefined();
  });

  it('reaches the case as extra.forwarded, as the database parsers write it', async () => {
    const parsed = await runParser(whatsappTextParser, inputFromText(`${lines.join('\n')}\n`));
    expect(parsed.messages[0]?.extra).toEqual({ forwarded: true });
    expect(parsed.messages[1]?.extra).toEqual({ forwarded: true, forwardedManyTimes: true });
    expect(parsed.messages[2]?.extra).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';

import { detectFormat } from '../../../../../workers/import/detect-format.ts';
import { sniffWhatsAppText, whatsappTextParser } from '../../../../../workers/import/whatsapp/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';
import { tempFolder, writeTemp } from '../../../../support/temp-case.ts';

const encoder = new TextEncoder();

/**
 * A chat of one message exported without the end-to-end notice (a business chat, or an export
 * the user cut) has a single header: its first line. It is still a WhatsApp export.
 */
describe('a WhatsApp export whose only header is its first line', () => {
  const folder = tempFolder();

  it.each([
    ['Android, 12h', '12/31/21, 9:41 PM - Alice: Hello\n'],
    ['Android, continuation lines', '12/31/21, 9:41 PM - Alice: Hello\nsee you at\nthe station\n'],
    ['Android, 24h, EN DASH', '31.12.21 21:41 – Alice: Hallo\n'],
    ['iOS, bracketed', '[31/12/2021, 21:41:05] Alice: hi there\r\n'],
    ['iOS, direction marks and BOM', '\uFEFF\u200E[31/12/2021, 21:41:05] Alice: \u200Eimage omitted\r\n'],
    ['blank lines before it', '\n\n[31/12/2021, 21:41:05] Alice: hi\n'],
  ])('is recognised (%s)', async (_name, text) => {
    expect(sniffWhatsAppText(encoder.encode(text))).toBe(true);
    const path = writeTemp(folder, 'WhatsApp Chat with Alice.txt', text);
    expect(await detectFormat(path)).toMatchObject({ format: 'whatsapp-txt' });
  });

  it.each([
    ['a note whose first line starts with a date', '12/31/21 shopping list\nmilk\neggs\n'],
    ['a note whose first line starts with a date and a time', '12/31/21 10:00: dentist\nbring the card\n'],
    ['an impossible date', '31/31/21, 9:41 PM - Alice: Hello\n'],
    ['an impossible time', '12/31/21, 29:41 - Alice: Hello\n'],
    ['a header with no author', '12/31/21, 9:41 PM - then we went home\n'],
    ['a header that is not the first line', 'Notes\n12/31/21, 9:41 PM - Alice: Hello\n'],
  ])('is not claimed for %s', async (_name, text) => {
    expect(sniffWhatsAppText(encoder.encode(text))).toBe(false);
    const path = writeTemp(folder, 'note.txt', text);
    expect(await detectFormat(path)).toMatchObject({ format: null });
  });

  it('imports the one message with its time, and says the day/month order is only assumed', async () => {
    const { messages, warnings, outcome } = await runParser(whatsappTextParser, inputFromText('1/2/21, 9:41 PM - Alice: Hello\nsee you\n'));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ sender: 'Alice', text: 'Hello\nsee you', timestampText: '1/2/21, 9:41 PM' });
    expect(messages[0]?.time).toEqual({ wall: { year: 2021, month: 2, day: 1, hour: 21, minute: 41, second: 0 } });
    expect(outcome.details).toMatchObject({ dateOrderSource: 'default' });
    expect(warnings.map((warning) => warning.message).join('\n')).toMatch(/ambiguous date order/u);
  });

  it('imports a one-message iOS chat with the order its date proves', async () => {
    const { messages, outcome } = await runParser(whatsappTextParser, inputFromText('[31/12/2021, 21:41:05] Alice: hi there\r\n'));
    expect(messages.map((message) => [message.sender, message.text, message.time])).toEqual([
      ['Alice', 'hi there', { wall: { year: 2021, month: 12, day: 31, hour: 21, minute: 41, second: 5 } }],
    ]);
    expect(outcome.details).toMatchObject({ platform: 'ios', dateOrder: 'dmy', dateOrderSource: 'inferred' });
  });
});

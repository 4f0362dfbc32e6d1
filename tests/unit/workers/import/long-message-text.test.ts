import { describe, expect, it } from 'vitest';
import { capMessageText, MAX_MESSAGE_TEXT_CHARS } from '../../../../workers/import/telegram/import-limits.ts';
import { smsBackupXmlParser } from '../../../../workers/import/sms-xml/index.ts';
import { whatsappTextParser } from '../../../../workers/import/whatsapp/index.ts';
import { hugeWords, spliced } from '../../../support/hostile-corpus/damage.ts';
import { smsRecord, smsXml, whatsappLine, whatsappText } from '../../../support/hostile-corpus/seeds.ts';
import { inputFromBytes, runParser } from '../../../support/parser-harness.ts';

/**
 * A 50 MB message body (issue #3) is kept as a message with its first MAX_MESSAGE_TEXT_CHARS
 * characters and an issue naming the place; the bytes stay in the source. Regression: the whole
 * body went to the index, language and tag workers (1.6 GB resident, 30 s for one line).
 */
const LONG_BYTES = 3 * MAX_MESSAGE_TEXT_CHARS;

describe('over-long message text', () => {
  it('leaves text up to the limit alone and cuts longer text, never between the halves of a surrogate pair', () => {
    expect(capMessageText('short')).toEqual({ text: 'short', totalChars: 5, note: null });
    const exact = 'a'.repeat(MAX_MESSAGE_TEXT_CHARS);
    expect(capMessageText(exact).note).toBeNull();
    const paired = `${'a'.repeat(MAX_MESSAGE_TEXT_CHARS - 1)}😀tail`;
    const capped = capMessageText(paired);
    expect(capped.text).toBe('a'.repeat(MAX_MESSAGE_TEXT_CHARS - 1));
    expect(capped.note).toBe(`the message text is ${paired.length} characters long; its first ${MAX_MESSAGE_TEXT_CHARS - 1} are kept in the case (searched and tagged), the whole text stays in the source at this place`);
  });

  it('keeps a WhatsApp message on one huge line as a message, cut, with its line and byte range named', async () => {
    const head = `${whatsappText()}${whatsappLine(10, 'Ana', 'longline ')}`;
    const bytes = spliced(head, hugeWords(LONG_BYTES), `\n${whatsappLine(11, 'Dan', 'after')}\n`);
    const result = await runParser(whatsappTextParser, inputFromBytes(bytes, { displayName: 'chat.txt' }));
    const long = result.messages[3];
    expect(result.messages.map((message) => message.kind)).toEqual(['message', 'message', 'message', 'message', 'message']);
    expect(long).toMatchObject({ sender: 'Ana', extra: { textChars: LONG_BYTES + 'longline '.length } });
    expect(long?.text).toHaveLength(MAX_MESSAGE_TEXT_CHARS);
    expect(long?.locator).toMatchObject({ lineStart: 4, byteStart: Buffer.byteLength(whatsappText()), byteEnd: Buffer.byteLength(head) + LONG_BYTES + 1 });
    expect(result.warnings).toContainEqual({ place: 'chat.txt:4', message: expect.stringMatching(/^the message text is \d+ characters long; its first 1048576 are kept .* \(bytes \d+-\d+\)$/u) });
    expect(result.messages[4]?.text).toBe('after');
  });

  it('cuts an SMS body attribute of megabytes and names its XML line and column', async () => {
    const xml = smsXml([smsRecord(1712340000000, 'first')]).replace('</smses>', '');
    const bytes = spliced(xml, '  <sms address="1" date="1712340060000" type="1" body="', hugeWords(LONG_BYTES), `" />\n${smsRecord(1712340120000, 'after')}\n</smses>\n`);
    const result = await runParser(smsBackupXmlParser, inputFromBytes(bytes, { displayName: 'sms.xml' }));
    expect(result.messages.map((message) => message.text.length)).toEqual([5, MAX_MESSAGE_TEXT_CHARS, 5]);
    expect(result.messages[1]?.extra).toMatchObject({ textChars: LONG_BYTES });
    expect(result.warnings).toContainEqual({ place: 'sms.xml:5:3', message: expect.stringMatching(/^the message text is \d+ characters long; its first 1048576 are kept/u) });
  });
});

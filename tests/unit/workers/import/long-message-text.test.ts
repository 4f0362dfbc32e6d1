import { describe, expect, it } from 'vitest';
import { capMessageText, MAX_MESSAGE_TEXT_CHARS } from '../../../../workers/import/import-limits.ts';
import { smsBackupXmlParser } from '../../../../workers/import/sms-xml/index.ts';
import { whatsappTextParser } from '../../../../workers/import/whatsapp/index.ts';
import { MESSAGE_ROW_COLUMNS } from '../../../../shared/contracts/db-worker.ts';
import type { NewMessage } from '../../../../shared/contracts/db-worker.ts';
import { unpackRows } from '../../../../shared/contracts/packed-rows.ts';
import { hugeWords, spliced } from '../../../support/hostile-corpus/damage.ts';
import { smsRecord, smsXml, whatsappLine, whatsappText } from '../../../support/hostile-corpus/seeds.ts';
import { inputFromBytes, runParser } from '../../../support/parser-harness.ts';
import { stubRecordWriter } from '../../../support/stub-record-writer.ts';

/**
 * A 50 MB message body (issue #3) is kept as a message with its first MAX_MESSAGE_TEXT_CHARS
 * characters and an issue naming the place; the bytes stay in the source. Parsers hand bodies
 * over whole; the RecordWriter, which every format's records pass through, cuts them. Regression: the whole
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

  it('lets the WhatsApp parser hand a message on one huge line over whole, with its line and byte range', async () => {
    const head = `${whatsappText()}${whatsappLine(10, 'Ana', 'longline ')}`;
    const bytes = spliced(head, hugeWords(LONG_BYTES), `\n${whatsappLine(11, 'Dan', 'after')}\n`);
    const result = await runParser(whatsappTextParser, inputFromBytes(bytes, { displayName: 'chat.txt' }));
    const long = result.messages[3];
    expect(result.messages.map((message) => message.kind)).toEqual(['message', 'message', 'message', 'message', 'message']);
    expect(long).toMatchObject({ sender: 'Ana' });
    expect(long?.text).toHaveLength(LONG_BYTES + 'longline '.length);
    expect(long?.locator).toMatchObject({ lineStart: 4, byteStart: Buffer.byteLength(whatsappText()), byteEnd: Buffer.byteLength(head) + LONG_BYTES + 1 });
    expect(result.messages[4]?.text).toBe('after');
  });

  it('lets the SMS backup parser hand a body attribute of megabytes over whole', async () => {
    const xml = smsXml([smsRecord(1712340000000, 'first')]).replace('</smses>', '');
    const bytes = spliced(xml, '  <sms address="1" date="1712340060000" type="1" body="', hugeWords(LONG_BYTES), `" />\n${smsRecord(1712340120000, 'after')}\n</smses>\n`);
    const result = await runParser(smsBackupXmlParser, inputFromBytes(bytes, { displayName: 'sms.xml' }));
    expect(result.messages.map((message) => message.text.length)).toEqual([5, LONG_BYTES, 5]);
  });

  it('is cut once, for every format, where records are written: first part kept, issue naming the place and bytes', async () => {
    const stored: NewMessage[] = [];
    const writer = stubRecordWriter({ path: '/e/chat.txt', format: 'whatsapp-txt' }, (method, params) => {
      if (method !== 'insertMessages' || params.batch === undefined) return;
      for (const row of unpackRows(params.batch.rows)) {
        const extra = row[MESSAGE_ROW_COLUMNS.indexOf('extra')];
        stored.push({ text: row[MESSAGE_ROW_COLUMNS.indexOf('text')], extra: typeof extra === 'string' ? JSON.parse(extra) : extra } as NewMessage);
      }
    });
    const long = `${'a'.repeat(MAX_MESSAGE_TEXT_CHARS + 10)}`;
    const base = { chatKey: 'chat', sender: 'Ana', time: null, timestampText: '', deleted: false, edited: false } as const;
    await writer.message({ ...base, attachments: [], kind: 'message', text: long, locator: { kind: 'text-lines', file: 'chat.txt', lineStart: 4, lineEnd: 4, byteStart: 100, byteEnd: 100 + long.length } });
    await writer.message({ ...base, attachments: [], kind: 'message', text: 'short', locator: { kind: 'json-pointer', file: 'result.json', pointer: '/messages/1' } });
    await writer.flush();
    expect(stored.map((message) => message.text.length)).toEqual([MAX_MESSAGE_TEXT_CHARS, 5]);
    expect(stored[0]?.extra).toEqual({ textChars: long.length });
    expect(stored[1]?.extra).toBeNull();
    expect(writer.issues).toEqual([
      { sourceId: 'src-1', place: 'chat.txt:4', reason: expect.stringMatching(/^the message text is \d+ characters long; its first 1048576 are kept .*\(chat\.txt, line 4, bytes 100–\d+\)$/u) as unknown as string },
    ]);
  });
});

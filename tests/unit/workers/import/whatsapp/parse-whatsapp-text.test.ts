import { assertRecordsTileFile } from '../../../../support/assert-records-tile-file.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import {
  parseWhatsAppText,
  type WhatsAppParseResult,
  type WhatsAppRecord,
} from '../../../../../workers/import/whatsapp/index.ts';
import { LRM, RLM } from '../../../../support/unicode-chars.ts';


const FIXTURES = path.resolve(process.cwd(), 'fixtures/whatsapp');
const encoder = new TextEncoder();

function parseFixture(name: string, options: Parameters<typeof parseWhatsAppText>[1] = {}): WhatsAppParseResult {
  const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, name)));
  const result = parseWhatsAppText(bytes, options);
  assertRecordsTileFile(result, bytes);
  return result;
}

function parseText(text: string): WhatsAppParseResult {
  const bytes = encoder.encode(text);
  const result = parseWhatsAppText(bytes);
  assertRecordsTileFile(result, bytes);
  return result;
}

function record(result: WhatsAppParseResult, index: number): WhatsAppRecord {
  const found = result.records[index];
  if (found === undefined) {
    throw new Error(`no record ${index}`);
  }
  return found;
}

describe('hostile input', () => {
  it('returns no records and a warning for an empty file', () => {
    const result = parseWhatsAppText(new Uint8Array());
    expect(result.records).toEqual([]);
    expect(result.lineCount).toBe(0);
    expect(result.warnings).toEqual([{ line: 0, message: 'empty file' }]);
  });

  it('treats a file holding only a BOM as one unparsed line', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf]);
    const result = parseWhatsAppText(bytes);
    assertRecordsTileFile(result, bytes);
    expect(result.lineCount).toBe(1);
    expect(record(result, 0)).toMatchObject({ kind: 'unparsed', text: '' });
  });

  it('keeps going over invalid UTF-8 and names the lines', () => {
    const result = parseFixture('invalid-utf8.txt');
    expect(result.records.map((item) => item.kind)).toEqual(['message', 'message', 'message']);
    expect(result.warnings.filter((warning) => warning.message.startsWith('invalid UTF-8')).map((warning) => warning.line)).toEqual([1, 3]);
    expect(record(result, 0).text).toBe('caf\uFFFD au lait');
  });

  it('keeps NUL bytes and strips CR only before LF', () => {
    const result = parseFixture('invalid-utf8.txt');
    expect(record(result, 1).text).toBe('nul\u0000byte');
    const lone = parseText('1/2/21, 12:00 - A: x\ry\r');
    expect(record(lone, 0).text).toBe('x\ry\r');
  });

  it('reads CRLF files with the byte ranges covering the CRs', () => {
    const result = parseText('[3/18/22, 14:56:01] A: one\r\nmore\r\n[3/18/22, 14:57:01] B: two\r\n');
    expect(record(result, 0).text).toBe('one\nmore');
    expect(record(result, 0).locator).toEqual({ lineStart: 1, lineEnd: 2, byteStart: 0, byteEnd: 34 });
    expect(record(result, 1).locator.byteEnd).toBe(62);
  });

  it('parses a 5 MB single line without trouble', () => {
    const line = `1/2/21, 12:00 - A: ${'x'.repeat(5 * 1024 * 1024)}`;
    const started = Date.now();
    const result = parseText(line);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.lineCount).toBe(1);
    expect(record(result, 0).text.length).toBe(5 * 1024 * 1024);
  });

  it('parses a 5 MB line of angle brackets and colons in linear time', () => {
    const line = `1/2/21, 12:00 - A: ${'<a: b.c '.repeat(650_000)}`;
    const started = Date.now();
    parseText(`${line}\n${line}`);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('makes one unparsed record of a file without any header', () => {
    const result = parseText('hello\nworld\n');
    expect(result.records).toHaveLength(1);
    expect(record(result, 0)).toMatchObject({ kind: 'unparsed', text: 'hello\nworld', reason: 'no WhatsApp message header in the file' });
  });

  it('does not split on U+2028 and counts a trailing newline as no line', () => {
    const result = parseFixture('edge-cases.txt');
    expect(result.lineCount).toBe(14);
    const last = result.records[result.records.length - 1];
    expect(last?.text).toBe('line one\u2028still line one\nline two');
    expect(last?.locator).toMatchObject({ lineStart: 12, lineEnd: 14 });
  });
});

describe('authors and system lines', () => {
  const result = parseFixture('edge-cases.txt');

  it('puts lines before the first header in an unparsed record', () => {
    expect(record(result, 0)).toMatchObject({
      kind: 'unparsed',
      locator: { lineStart: 1, lineEnd: 2 },
      text: 'This export was produced on a seized handset.\nExaminer note: second preamble line',
      reason: 'lines before the first message header',
    });
  });

  it('reads an iOS notice written under the group name as a system record', () => {
    expect(record(result, 1)).toMatchObject({ kind: 'system', sender: null, attributedTo: 'Group XXX' });
    expect(record(result, 2)).toMatchObject({ kind: 'system', sender: null, text: 'You changed the group description' });
  });

  it('drops the iOS non-contact marker', () => {
    expect(record(result, 3).sender).toBe('Nina');
  });

  it('keeps ": " in a name used consistently on five or more messages', () => {
    expect(result.records.slice(4, 9).map((item) => [item.sender, item.text])).toEqual([
      ['Dr: Who', 'first'],
      ['Dr: Who', 'second'],
      ['Dr: Who', 'third'],
      ['Dr: Who', 'fourth'],
      ['Dr: Who', 'fifth'],
    ]);
  });

  it('flags the edited suffix but keeps the text as written', () => {
    expect(record(result, 9)).toMatchObject({ edited: true, text: 'Fixed the typo <This message was edited>' });
  });

  it('splits on the first ": " otherwise, keeping the rest in the text', () => {
    const parsed = parseText('2/11/19, 14:21 - The final test: Does it work?: Yes\n10/11/19, 14:25 - The final test: Hope so!\n');
    expect(record(parsed, 0)).toMatchObject({ sender: 'The final test', text: 'Does it work?: Yes' });
  });

  it('reads "Name:" with an empty body and a known "Name:." as messages', () => {
    const parsed = parseText('12/24/19, 11:23 - John Doe:.\n12/24/19, 11:24 - John Doe: hi\n12/24/19, 11:25 - Carol:\n');
    expect(parsed.records.map((item) => [item.kind, item.sender, item.text])).toEqual([
      ['message', 'John Doe', '.'],
      ['message', 'John Doe', 'hi'],
      ['message', 'Carol', ''],
    ]);
  });

  it('reads a quoted subject change containing ": " as a system line', () => {
    const parsed = parseText('12/24/19, 11:23 - Ann: hi\n12/24/19, 11:24 - You changed the subject from "Plan: A" to "B"\n');
    expect(record(parsed, 1)).toMatchObject({ kind: 'system', sender: null, text: 'You changed the subject from "Plan: A" to "B"' });
  });
});

describe('direction marks (LRM U+200E, RLM U+200F) and BOMs', () => {
    
  it('keeps an RLM the writer put inside RTL text verbatim, and the RLMs inside the timestamp', () => {
    const parsed = parseText(
      [
        `[${RLM}18${RLM}/3${RLM}/2022، 14:56:01] Dana: שלום${RLM} עולם, מה${RLM}שלומך?`,
        `[${RLM}18${RLM}/3${RLM}/2022، 14:57:01] Omar: مرحبا${RLM}! الموعد${RLM} غدا`,
        `second line ${RLM}(עברית) of Omar's message`,
      ].join('\n'),
    );
    expect(record(parsed, 0)).toMatchObject({ kind: 'message', sender: 'Dana', text: `שלום${RLM} עולם, מה${RLM}שלומך?` });
    expect(record(parsed, 0).timestampText).toBe(`18${RLM}/3${RLM}/2022، 14:56:01`);
    expect(record(parsed, 1)).toMatchObject({ sender: 'Omar', text: `مرحبا${RLM}! الموعد${RLM} غدا\nsecond line ${RLM}(עברית) of Omar's message` });
    expect(record(parsed, 1).leadingMarks).toBeUndefined();
  });

  it("keeps a mark at the start of a person's own message (WhatsApp's marks only open its own wording)", () => {
    const parsed = parseText(
      [
        '[3/18/22, 14:56:01] Dana: שלום',
        `[3/18/22, 14:57:01] Dana: ${RLM}WhatsApp זה לא בטוח`,
        `[3/18/22, 14:58:01] Eli: ${LRM}No idea`,
        '[3/18/22, 14:59:01] Eli: lets try it out',
      ].join('\n'),
    );
    expect(record(parsed, 1)).toMatchObject({ kind: 'message', sender: 'Dana', text: `${RLM}WhatsApp זה לא בטוח` });
    expect(record(parsed, 1).leadingMarks).toBeUndefined();
    expect(record(parsed, 2)).toMatchObject({ kind: 'message', sender: 'Eli', text: `${LRM}No idea` });
  });

  it('reads iOS attachment lines that start with an LRM, before the line and before the body', () => {
    const parsed = parseText(
      [
        '[3/27/22, 21:41:35] Dmitry S: Hello World',
        `${LRM}[3/27/22, 21:41:55] Dmitry S: ${LRM}<attached: 00000035-PHOTO-2022-03-27-21-41-55.jpg>`,
        `${LRM}[3/27/22, 21:41:56] Dmitry S: ${LRM}${LRM}<attached: ${LRM}PTT-20180129-WA0025.opus>`,
        `${LRM}[3/27/22, 21:43:56] Dmitry S: ${LRM}image omitted`,
        `${LRM}[3/27/22, 21:50:09] Dmitry S: Some file.txt ${LRM}document omitted`,
      ].join('\r\n'),
    );
    expect(record(parsed, 1)).toMatchObject({
      kind: 'message',
      sender: 'Dmitry S',
      text: '<attached: 00000035-PHOTO-2022-03-27-21-41-55.jpg>',
      leadingMarks: 'U+200E',
      media: { kind: 'attached', mediaType: 'image', fileName: '00000035-PHOTO-2022-03-27-21-41-55.jpg' },
    });
    // The file name is read without the mark; the text keeps the mark WhatsApp put inside it.
    expect(record(parsed, 2)).toMatchObject({
      text: `<attached: ${LRM}PTT-20180129-WA0025.opus>`,
      leadingMarks: 'U+200E U+200E',
      media: { kind: 'attached', mediaType: 'audio', fileName: 'PTT-20180129-WA0025.opus' },
    });
    expect(record(parsed, 3)).toMatchObject({ text: 'image omitted', media: { kind: 'omitted', mediaType: 'image' } });
    expect(record(parsed, 4)).toMatchObject({ text: `Some file.txt ${LRM}document omitted`, media: { kind: 'omitted', mediaType: 'document', fileName: 'Some file.txt' } });
    expect(record(parsed, 4).leadingMarks).toBeUndefined();
  });

  it('reads RTL placeholders, deletions and Android attachments behind their marks', () => {
    const parsed = parseText(
      [
        `${RLM}[٢٧${RLM}/٣${RLM}/٢٠٢٢، ٩:٤١:٥٥ م] Dmitry S: ${RLM}لم يتم إدراج الصورة`,
        `[٢٧${RLM}/٣${RLM}/٢٠٢٢، ٩:٥٠:٥٤ م] Dmitry S: ${RLM}أنت حذفت هذه الرسالة.`,
        `1/29/18, 23:46 - Alice: ${LRM}${LRM}PTT-20180129-WA0025.opus (file attached)`,
      ].join('\n'),
    );
    expect(record(parsed, 0)).toMatchObject({ text: 'لم يتم إدراج الصورة', leadingMarks: 'U+200F', media: { kind: 'omitted', mediaType: 'image' } });
    expect(record(parsed, 1)).toMatchObject({ text: 'أنت حذفت هذه الرسالة.', deleted: true });
    expect(record(parsed, 2)).toMatchObject({ text: 'PTT-20180129-WA0025.opus (file attached)', media: { kind: 'attached', fileName: 'PTT-20180129-WA0025.opus' } });
  });

  it('recognises iOS notices and system lines behind their marks and cuts only the opening ones', () => {
    const parsed = parseText(
      [
        `[1/11/23, 16:11:21] Group Chat XXX: ${LRM}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.`,
        `[1/11/23, 16:11:21] ${LRM}You created group “Group Chat”`,
        `[1/11/23, 16:14:53] ${LRM}${LRM}${LRM}Elon Musk turned on disappearing messages. ${LRM}Tap to change.`,
        '[1/11/23, 16:15:00] Dmitry S: Hello all',
      ].join('\n'),
    );
    expect(record(parsed, 0)).toMatchObject({ kind: 'system', attributedTo: 'Group Chat XXX', leadingMarks: 'U+200E' });
    expect(record(parsed, 0).text).toMatch(/^Messages and calls/u);
    expect(record(parsed, 1)).toMatchObject({ kind: 'system', sender: null, text: 'You created group “Group Chat”', leadingMarks: 'U+200E' });
    expect(record(parsed, 2)).toMatchObject({ kind: 'system', text: `Elon Musk turned on disappearing messages. ${LRM}Tap to change.`, leadingMarks: 'U+200E U+200E U+200E' });
  });

  it('keeps a BOM inside a message and in the lines before the first header', () => {
    const parsed = parseText([`\ufeffexported \ufeffby hand`, '29.01.18, 23:53 - Alice: https://github.com/JuKo00\ufeff7', '29.01.18, 23:54 - Bob: ok'].join('\n'));
    expect(record(parsed, 0)).toMatchObject({ kind: 'unparsed', text: 'exported \ufeffby hand' });
    expect(record(parsed, 1).text).toBe('https://github.com/JuKo00\ufeff7');
  });
});

describe('formats held in fixtures', () => {
  it('year-less month names: year 0 and a warning, or defaultYear with a rollover', () => {
    const bare = parseFixture('android-month-name-no-year.txt');
    expect(record(bare, 0).wallClock).toEqual({ year: 0, month: 12, day: 30, hour: 20, minute: 11, second: 0 });
    expect(bare.warnings.some((warning) => warning.message.includes('no year'))).toBe(true);
    const dated = parseFixture('android-month-name-no-year.txt', { defaultYear: 2013 });
    expect(dated.records.map((item) => item.wallClock?.year)).toEqual([2013, 2013, 2014, 2014]);
    expect(record(dated, 2)).toMatchObject({ sender: 'Anna Weber', text: 'Happy new year!\nsecond line of the greeting' });
    expect(record(dated, 3).media).toEqual({ kind: 'omitted', mediaType: 'unknown' });
  });

  it('day before month name, 24h, no year', () => {
    const result = parseFixture('android-day-month-name-24h.txt', { defaultYear: 2014 });
    expect(record(result, 0)).toMatchObject({ kind: 'system', timestampText: '18 Mar 12:14' });
    expect(record(result, 2).wallClock).toEqual({ year: 2014, month: 3, day: 19, hour: 7, minute: 2, second: 0 });
  });

  it('time first with a month name and year', () => {
    const result = parseFixture('android-time-first-month-name.txt');
    expect(record(result, 2)).toMatchObject({ sender: 'Sam', timestampText: '08:01, 1 Sep 2013' });
    expect(record(result, 2).wallClock).toEqual({ year: 2013, month: 9, day: 1, hour: 8, minute: 1, second: 0 });
  });

  it('colon separator', () => {
    const result = parseFixture('colon-separator.txt');
    expect(result.platform).toBe('unknown');
    expect(record(result, 0)).toMatchObject({ sender: 'Kofi', text: 'Where do I send the money?', timestampText: '24/12/13 18:30:12' });
    expect(record(result, 0).wallClock).toEqual({ year: 2013, month: 12, day: 24, hour: 18, minute: 30, second: 12 });
  });

  it('Buddhist Era years', () => {
    const result = parseFixture('ios-buddhist-calendar.txt');
    expect(record(result, 0)).toMatchObject({ kind: 'system', attributedTo: 'Somchai' });
    expect(record(result, 1).wallClock).toEqual({ year: 2022, month: 3, day: 19, hour: 9, minute: 5, second: 0 });
  });

  it('Japanese era years', () => {
    const result = parseFixture('ios-japanese-era.txt');
    expect(result.records.map((item) => item.wallClock?.year)).toEqual([2022, 2019, 2019]);
    expect(record(result, 1).timestampText).toBe('4/30/H31, 23:59:00');
  });

  it('Korean and Chinese day periods before the time', () => {
    const result = parseFixture('korean-chinese-period-before-time.txt');
    expect(result.clock).toBe('12h');
    expect(result.records.map((item) => item.wallClock?.hour)).toEqual([15, 11, 15, 9]);
    expect(record(result, 0)).toMatchObject({ sender: '민준', text: '도착했어요' });
  });

  it('en-CA year-first dates and "in the morning/evening"', () => {
    const result = parseFixture('android-en-ca-and-day-periods.txt');
    expect(result.records.map((item) => item.wallClock?.hour)).toEqual([7, 19, 9, 21]);
    expect(record(result, 0).wallClock).toMatchObject({ year: 2019, month: 8, day: 6 });
  });

  it('dotted dates with spaces and a trailing dot', () => {
    const result = parseFixture('android-dotted-date-trailing-dot.txt');
    expect(record(result, 0).wallClock).toEqual({ year: 2018, month: 6, day: 13, hour: 21, minute: 25, second: 15 });
  });

  it('Spanish "p. m." with NBSP and Spanish placeholders', () => {
    const result = parseFixture('android-es-nbsp-pm.txt');
    expect(record(result, 0).wallClock?.hour).toBe(21);
    expect(record(result, 2).wallClock).toMatchObject({ day: 29, hour: 0, minute: 5 });
    expect(record(result, 1).media).toEqual({ kind: 'omitted', mediaType: 'unknown' });
    expect(record(result, 2).media).toEqual({ kind: 'attached', mediaType: 'image', fileName: 'IMG-20250329-WA0001.jpg' });
  });

  it('Persian digits and Solar Hijri dates', () => {
    const result = parseFixture('ios-persian-calendar.txt');
    expect(record(result, 0).wallClock).toEqual({ year: 2022, month: 6, day: 8, hour: 14, minute: 56, second: 0 });
    expect(record(result, 1).wallClock).toEqual({ year: 2022, month: 6, day: 9, hour: 9, minute: 0, second: 0 });
    expect(result.warnings.filter((warning) => warning.message.includes('Solar Hijri'))).toHaveLength(1);
  });
});

describe('warnings', () => {
  it('warns once per line that goes back in time', () => {
    const result = parseText('1/1/21, 12:00 - A: Hi\n1/1/21, 12:01 - B: Whats up?\n1/1/21, 11:59 - A: late\n');
    expect(result.warnings).toContainEqual({ line: 3, message: 'timestamp is earlier than the previous message' });
  });

  it('keeps an impossible date as a message without a wall clock', () => {
    const result = parseText('31/02/2021, 12:00 - A: Hi\n');
    expect(record(result, 0)).toMatchObject({ kind: 'message', wallClock: null, timestampText: '31/02/2021, 12:00' });
    expect(result.warnings.some((warning) => warning.line === 1 && warning.message.includes('not a valid date'))).toBe(true);
  });

  it('caps warnings of one kind and says how many were left out', () => {
    const lines = Array.from({ length: 120 }, (_, index) => `1/1/21, ${String(23 - (index % 24)).padStart(2, '0')}:00 - A: x`);
    const result = parseText(lines.join('\n'));
    expect(result.warnings.length).toBeLessThan(60);
    expect(result.warnings[result.warnings.length - 1]?.message).toMatch(/more warnings of kind "order"/u);
  });
});

describe('throughput', () => {
  it('stays linear on 200 000 lines (a loose bound: CI machines are shared)', () => {
    const block = [
      '[3/27/22, 21:41:35] Dmitry S: Hello World',
      '\u200e[3/27/22, 21:41:55] Dmitry S: \u200eimage omitted',
      '[3/27/22, 21:46:03] Dmitry S: Pimlico Gardens (London, United Kingdom): https://foursquare.com/v/4e89',
      'a continuation line with some text in it',
    ].join('\r\n');
    const text = `${Array.from({ length: 50_000 }, () => block).join('\r\n')}\r\n`;
    const bytes = encoder.encode(text);
    const started = Date.now();
    const result = parseWhatsAppText(bytes);
    const elapsed = Date.now() - started;
    expect(result.lineCount).toBe(200_000);
    expect(result.records).toHaveLength(150_000);
    expect(elapsed).toBeLessThan(15_000);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCsvParser, validateCsvMapping } from '../../../../../workers/import/csv/index.ts';
import { detectFormat } from '../../../../../workers/import/detect-format.ts';
import { inputFromBytes, inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Layouts of real CSV exports a tester ran (public repositories): an iOS sms.db dump with no
 * header row (its first message was taken for the header and lost), date and time of day in two
 * columns (stored at midnight, without a word), the other party in one column for both
 * directions (the owner's texts credited to them), a ';' file read with ',' although detection
 * had found its ';', and a UTF-16 CSV refused before the CSV reader, which reads it, was reached.
 */
describe('CSV layouts of real exports', () => {
  it('reads a file whose first row is a message (mapped by number) as having no header, saying so; "header": false says it outright', async () => {
    const csv = '0,61419995055,1255501359,0,0,"Hey shon, it\'s Marty"\n1,61419995055,1255501459,1,0,"Hey Marty"\n';
    const mapping = { timestamp: 2, party: 1, text: 5, direction: 3, timestampFormat: 'unix-s' as const, directionValues: { incoming: ['0'], outgoing: ['1'] } };
    const guessed = await runParser(createCsvParser(mapping), inputFromText(csv, { displayName: 'sms.csv' }));
    expect(guessed.messages.map((message) => [message.text, message.direction, message.sender])).toEqual([
      ["Hey shon, it's Marty", 'incoming', '61419995055'],
      ['Hey Marty', 'outgoing', null],
    ]);
    expect(guessed.warnings.some((warning) => /first row reads as a message/u.test(warning.message))).toBe(true);
    const stated = await runParser(createCsvParser({ ...mapping, header: false }), inputFromText(csv, { displayName: 'sms.csv' }));
    expect(stated.messages).toHaveLength(2);
    expect(stated.warnings).toEqual([]);
    // A header row with names is still a header, mapped by number or not.
    const named = await runParser(createCsvParser(mapping), inputFromText(`id,address,date,from_me,x,text\n${csv}`, { displayName: 'sms.csv' }));
    expect(named.messages).toHaveLength(2);
    expect(() => validateCsvMapping({ timestamp: 'date', text: 5, header: false })).toThrow(/map every column by its 0-based index/u);
    // Below a title line the first row is the header or a title, never guessed to be data; the title is kept.
    const titled = await runParser(createCsvParser(mapping), inputFromText(`SMS export\nid,address,date,from_me,x,text\n${csv}`, { displayName: 'sms.csv' }));
    expect(titled.messages.map((message) => message.kind)).toEqual(['unparsed', 'message', 'message']);
  });

  it('joins a time of day in its own column to the date, and says when rows have a date but no time', async () => {
    const csv = 'date,time,sender,text\n13/11/24,6:00 pm,Nana,hi\n13/11/24,6:09 pm,Aly,ok\n';
    const joined = await runParser(createCsvParser({ timestamp: 'date', time: 'time', timestampFormat: 'dmy', sender: 'sender', text: 'text' }), inputFromText(csv, { displayName: 'chat.csv' }));
    expect(joined.messages.map((message) => [message.time, message.timestampText])).toEqual([
      [{ wall: { year: 2024, month: 11, day: 13, hour: 18, minute: 0, second: 0 } }, '13/11/24 6:00 pm'],
      [{ wall: { year: 2024, month: 11, day: 13, hour: 18, minute: 9, second: 0 } }, '13/11/24 6:09 pm'],
    ]);
    expect(joined.messages[0]?.extra?.['time']).toBeUndefined();
    const dateOnly = await runParser(createCsvParser({ timestamp: 'date', timestampFormat: 'dmy', sender: 'sender', text: 'text' }), inputFromText(csv, { displayName: 'chat.csv' }));
    expect(dateOnly.warnings.map((warning) => warning.message)).toContain('2 rows have a date but no time of day: they are read as midnight in the case\'s zone. If the time is in a column of its own, map it as "time"');
    // A time written with a dot is a time.
    const dotted = await runParser(createCsvParser({ timestamp: 'date', timestampFormat: 'dmy', text: 'text' }), inputFromText('date,text\n13.11.2024 18.00,hi\n', { displayName: 'chat.csv' }));
    expect(dotted.messages[0]?.time).toEqual({ wall: { year: 2024, month: 11, day: 13, hour: 18, minute: 0, second: 0 } });
    expect(dotted.warnings).toEqual([]);
  });

  it('makes the other party the sender of what came in only, and the conversation', async () => {
    const csv = 'time,from_to,sms_type,text\n1600000000,+14356303430 (Dad),Received,are you ok\n1600000060,+14356303430 (Dad),Sent,yes\n1600000120,+1555,Received,hello\n';
    const result = await runParser(createCsvParser({ timestamp: 'time', timestampFormat: 'unix-s', party: 'from_to', direction: 'sms_type', text: 'text' }), inputFromText(csv, { displayName: 'SMS.csv' }));
    expect(result.messages.map((message) => [message.chatKey, message.sender, message.direction, message.extra?.['party']])).toEqual([
      ['+14356303430 (Dad)', '+14356303430 (Dad)', 'incoming', '+14356303430 (Dad)'],
      ['+14356303430 (Dad)', null, 'outgoing', '+14356303430 (Dad)'],
      ['+1555', '+1555', 'incoming', '+1555'],
    ]);
  });

  it('reads a ";" file with the delimiter its header row is written with when the mapping names none', async () => {
    const csv = '_id;date;address;body;type\n1;1662925043072;+66 81;สวัสดี;1\n';
    const result = await runParser(createCsvParser({ timestamp: 'date', sender: 'address', text: 'body', direction: 'type' }), inputFromText(csv, { displayName: 'sms_backup.csv' }));
    expect(result.messages.map((message) => [message.text, message.time])).toEqual([['สวัสดี', { utcMs: 1662925043072 }]]);
  });

  it('detects a UTF-16 CSV with a byte order mark as CSV when a mapping is given, and imports it', async () => {
    const text = 'Nummer;Datum;Tekst\r\n+31 6 1;22-10-2015;hallo\r\n';
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const folder = mkdtempSync(join(tmpdir(), 'threadline-csv16-'));
    try {
      writeFileSync(join(folder, 'SMS.csv'), bytes);
      const mapping = { timestamp: 'Datum', timestampFormat: 'dmy', sender: 'Nummer', text: 'Tekst', delimiter: ';' };
      expect((await detectFormat(join(folder, 'SMS.csv'), mapping)).format).toBe('csv');
      expect((await detectFormat(join(folder, 'SMS.csv'))).format).toBeNull();
      // Binary or encrypted content is refused as such, even where a mapping by column numbers would fit its first "line".
      writeFileSync(join(folder, 'backup.crypt'), Buffer.concat([Buffer.from('1,2,3,4,5,6\n'), Buffer.from(Array.from({ length: 4000 }, (_unused, index) => (index * 97 + 13) % 256))]));
      expect((await detectFormat(join(folder, 'backup.crypt'), { timestamp: 0, text: 1 })).format).toBeNull();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    const result = await runParser(createCsvParser({ timestamp: 'Datum', timestampFormat: 'dmy', sender: 'Nummer', text: 'Tekst', delimiter: ';' }), inputFromBytes(bytes, { displayName: 'SMS.csv' }));
    expect(result.messages.map((message) => message.text)).toEqual(['hallo']);
  });

  // Regression (a PhoneView CSV sample in a public README): "Jul 23, 2011 6:12:54 AM" could not be
  // read by any format, and the hint sent the examiner to choose one.
  it('reads English month names in a day/month format, whichever order is chosen, and says so when a name is unknown', async () => {
    const csv = 'Date,From,Text\n"Jul 23, 2011 6:12:54 AM",Ana,hi\n"23 July 2011 18:00",Ana,ok\n"Foo 23, 2011 6:00",Ana,x\n';
    for (const timestampFormat of ['mdy', 'dmy'] as const) {
      const result = await runParser(createCsvParser({ timestamp: 'Date', sender: 'From', text: 'Text', timestampFormat }), inputFromText(csv, { displayName: 'phoneview.csv' }));
      expect(result.messages.map((message) => message.time)).toEqual([
        { wall: { year: 2011, month: 7, day: 23, hour: 6, minute: 12, second: 54 } },
        { wall: { year: 2011, month: 7, day: 23, hour: 18, minute: 0, second: 0 } },
        null,
      ]);
      expect(result.messages[2]?.extra?.['timestampProblem']).toMatch(/month names are read in English/u);
    }
  });
});

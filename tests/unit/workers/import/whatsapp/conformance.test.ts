import { assertRecordsTileFile } from '../../../../support/assert-records-tile-file.ts';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { daysInMonth } from '../../../../../workers/import/whatsapp/calendar.ts';
import {
  parseWhatsAppText,
  type WhatsAppParseResult,
  type WhatsAppRecord,
} from '../../../../../workers/import/whatsapp/index.ts';

/**
 * Conformance over every WhatsApp text export in the shared sample set
 * (`../shared/samples/whatsapp-txt`, provenance in SOURCES.md). Skipped when the samples
 * are not beside the repository.
 */
const SAMPLES = path.resolve(process.cwd(), '../shared/samples/whatsapp-txt');
const HAVE_SAMPLES = existsSync(SAMPLES);

function listTextFiles(directory: string): string[] {
  return readdirSync(directory)
    .flatMap((name) => {
      const full = path.join(directory, name);
      if (statSync(full).isDirectory()) {
        return listTextFiles(full);
      }
      return name.endsWith('.txt') ? [full] : [];
    })
    .sort();
}

const parsedSamples = new Map<string, { bytes: Uint8Array; result: WhatsAppParseResult }>();

function parseSample(relative: string): WhatsAppParseResult {
  const cached = parsedSamples.get(relative);
  if (cached !== undefined) {
    return cached.result;
  }
  const bytes = new Uint8Array(readFileSync(path.join(SAMPLES, relative)));
  const result = parseWhatsAppText(bytes);
  parsedSamples.set(relative, { bytes, result });
  return result;
}

const OPENING_MARK = /^[\u200e\u200f\u061c\ufeff]/u;

/**
 * A record's text is the file's own characters, marks included: with the marks cut from the
 * start of WhatsApp's wording put back (they are listed in leadingMarks), it is found as is in
 * the record's lines. WhatsApp's wording (system lines, placeholders) never starts with a mark.
 */
function expectTextAsWritten(record: WhatsAppRecord, bytes: Uint8Array): void {
  const lines = new TextDecoder().decode(bytes.subarray(record.locator.byteStart, record.locator.byteEnd)).replaceAll('\r\n', '\n');
  const marks = (record.leadingMarks ?? '').split(' ').filter((mark) => mark !== '').map((mark) => String.fromCodePoint(Number.parseInt(mark.slice(2), 16)));
  expect(lines, `line ${record.locator.lineStart}`).toContain(marks.join('') + record.text);
  const wording = record.kind === 'system' || record.media !== null || record.deleted || record.location === true;
  if (wording) expect(record.text, `line ${record.locator.lineStart}`).not.toMatch(OPENING_MARK);
}

/** The record that starts on `line` (1-based). */
function recordAt(result: WhatsAppParseResult, line: number): WhatsAppRecord {
  const found = result.records.find((record) => record.locator.lineStart === line);
  if (found === undefined) {
    throw new Error(`no record starts on line ${line}`);
  }
  return found;
}


describe.skipIf(!HAVE_SAMPLES)('conformance: every WhatsApp sample export', () => {
  const files = HAVE_SAMPLES ? listTextFiles(SAMPLES).map((file) => path.relative(SAMPLES, file)) : [];

  it('finds the sample files', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });

  it.each(files)('%s', (relative) => {
    const result = parseSample(relative);
    const bytes = parsedSamples.get(relative)?.bytes ?? new Uint8Array();
    assertRecordsTileFile(result, bytes);
    expect(result.lineCount).toBeGreaterThan(0);

    const unparsed = result.records.filter((record) => record.kind === 'unparsed');
    expect(unparsed).toEqual([]);

    for (const record of result.records) {
      expect(record.wallClock, `line ${record.locator.lineStart}`).not.toBeNull();
      const clock = record.wallClock;
      if (clock === null) continue;
      expect(clock.year).toBeGreaterThanOrEqual(2009);
      expect(clock.year).toBeLessThanOrEqual(2030);
      expect(clock.month).toBeGreaterThanOrEqual(1);
      expect(clock.month).toBeLessThanOrEqual(12);
      expect(clock.day).toBeGreaterThanOrEqual(1);
      expect(clock.day).toBeLessThanOrEqual(daysInMonth(clock.year, clock.month));
      expect(clock.hour).toBeLessThanOrEqual(23);
      expect(clock.minute).toBeLessThanOrEqual(59);
      expect(record.timestampText.length).toBeGreaterThan(0);
      if (record.kind === 'message') {
        expect(record.sender, `line ${record.locator.lineStart}`).toBeTruthy();
      } else {
        expect(record.sender).toBeNull();
      }
      expectTextAsWritten(record, bytes);
    }
    expect(result.warnings.some((warning) => warning.message.startsWith('invalid UTF-8'))).toBe(false);
  });
});

describe.skipIf(!HAVE_SAMPLES)('conformance: values checked by reading the files', () => {
  it('WhatsR englishandroid24h.txt (Android, 24h, M/D/YY)', () => {
    const result = parseSample('WhatsR/englishandroid24h.txt');
    expect(result).toMatchObject({ platform: 'android', dateOrder: 'mdy', dateOrderSource: 'inferred', clock: '24h', lineCount: 53 });
    expect(result.dateOrderEvidence).toBe('field 2 exceeds 12 on line 1');
    expect(recordAt(result, 1)).toMatchObject({ kind: 'system', sender: null, timestampText: '1/29/18, 12:24' });
    expect(recordAt(result, 1).text).toMatch(/^Messages and calls are end-to-end encrypted\./u);
    expect(recordAt(result, 2)).toMatchObject({ kind: 'system', text: 'You created group "WhatsAppParserTest🙈"' });
    expect(recordAt(result, 4)).toMatchObject({ kind: 'message', sender: 'Mallory', text: 'Hey! :)' });
    expect(recordAt(result, 4).wallClock).toEqual({ year: 2018, month: 1, day: 29, hour: 12, minute: 24, second: 0 });
    expect(recordAt(result, 9)).toMatchObject({ kind: 'system', text: "You changed this group's icon" });
    expect(recordAt(result, 15)).toMatchObject({
      sender: 'Alice',
      text: 'PTT-20180129-WA0025.opus (file attached)',
      media: { kind: 'attached', mediaType: 'audio', fileName: 'PTT-20180129-WA0025.opus' },
    });
    expect(recordAt(result, 20)).toMatchObject({ sender: 'Bob', media: { kind: 'omitted', mediaType: 'unknown' } });
    expect(recordAt(result, 32)).toMatchObject({ sender: 'Bob', location: true });
    expect(recordAt(result, 36)).toMatchObject({ kind: 'message', sender: 'Carol', text: '' });
    expect(recordAt(result, 37).wallClock).toEqual({ year: 2018, month: 1, day: 30, hour: 0, minute: 0, second: 0 });
    expect(recordAt(result, 50)).toMatchObject({ sender: 'Dave', text: 'Maybe next time!', locator: { lineStart: 50, lineEnd: 53 } });
    expect(result.warnings).toContainEqual({ line: 7, message: 'timestamp is earlier than the previous message' });
  });

  it('whats_json iOS English (system under the chat name, placeholders, deleted)', () => {
    const result = parseSample('whats_json/ios/WhatsApp Chat - Elon Musk (EN).txt');
    expect(result).toMatchObject({ platform: 'ios', dateOrder: 'mdy', clock: '24h' });
    expect(recordAt(result, 1)).toMatchObject({ kind: 'system', sender: null, attributedTo: 'Elon Musk', timestampText: '3/18/22, 14:56:01' });
    expect(recordAt(result, 2)).toMatchObject({ kind: 'message', sender: 'Dmitry S', text: 'Hello World' });
    expect(recordAt(result, 3)).toMatchObject({ sender: 'Dmitry S', text: 'image omitted', media: { kind: 'omitted', mediaType: 'image' } });
    expect(recordAt(result, 12).media).toEqual({ kind: 'omitted', mediaType: 'document', fileName: 'Some file.txt' });
    expect(recordAt(result, 15)).toMatchObject({ sender: 'Dmitry S', text: 'You deleted this message.', deleted: true });
    expect(recordAt(result, 21)).toMatchObject({ kind: 'message', sender: 'Elon Musk', deleted: true });
    // The marks WhatsApp put before its notice are cut (and listed); the one inside it stays.
    expect(recordAt(result, 24)).toMatchObject({
      kind: 'system',
      attributedTo: 'Elon Musk',
      text: 'Your security code with Elon changed. \u200eTap to learn more.',
      leadingMarks: 'U+200E U+200E',
    });
    expect(recordAt(result, 25).wallClock).toEqual({ year: 2023, month: 1, day: 7, hour: 23, minute: 32, second: 30 });
  });

  it('whats_json iOS English with media (<attached: …>)', () => {
    const result = parseSample('whats_json/ios/WhatsApp Chat - Elon Musk (EN+Media).txt');
    expect(recordAt(result, 3).media).toEqual({ kind: 'attached', mediaType: 'image', fileName: '00000035-PHOTO-2022-03-27-21-41-55.jpg' });
    expect(recordAt(result, 9).media).toEqual({ kind: 'attached', mediaType: 'contact', fileName: '00000042-TR.vcf' });
    expect(recordAt(result, 17).media).toEqual({ kind: 'attached', mediaType: 'gif', fileName: '00000051-GIF-2022-03-27-21-51-57.mp4' });
  });

  it('WhatsR englishiosampm.txt (12h, including "00:04:03 AM")', () => {
    const result = parseSample('WhatsR/englishiosampm.txt');
    expect(result).toMatchObject({ platform: 'ios', clock: '12h' });
    expect(recordAt(result, 11)).toMatchObject({ sender: 'Alice', text: 'Is this a chat log?', timestampText: '1/29/18, 11:33:03 PM' });
    expect(recordAt(result, 11).wallClock).toEqual({ year: 2018, month: 1, day: 29, hour: 23, minute: 33, second: 3 });
    expect(recordAt(result, 37).wallClock).toEqual({ year: 2018, month: 1, day: 30, hour: 0, minute: 0, second: 3 });
    expect(recordAt(result, 39).wallClock).toEqual({ year: 2018, month: 1, day: 30, hour: 0, minute: 4, second: 3 });
    expect(recordAt(result, 15).media).toEqual({ kind: 'attached', mediaType: 'audio', fileName: 'PTT-20180129-WA0025.opus' });
  });

  it('Chatistics _chat 4.txt (12h with EN DASH separator)', () => {
    const result = parseSample('Chatistics/_chat 4.txt');
    expect(recordAt(result, 3)).toMatchObject({ sender: 'John Doe', text: 'US datetime format', timestampText: '09/18/19, 4:50:32 pm' });
    expect(recordAt(result, 3).wallClock).toEqual({ year: 2019, month: 9, day: 18, hour: 16, minute: 50, second: 32 });
  });

  it('Arabic iOS export with Eastern Arabic digits', () => {
    const result = parseSample('whats_json/chats_unique/WhatsApp Chat - Arabic_NoMedia Dmitry S.txt');
    expect(result).toMatchObject({ platform: 'ios', dateOrder: 'dmy', clock: '12h' });
    expect(recordAt(result, 1)).toMatchObject({ kind: 'system', attributedTo: '+40\u00a0521\u00a0028\u00a061\u00a088' });
    expect(recordAt(result, 2)).toMatchObject({ sender: 'Dmitry S', text: 'Hello World', timestampText: '٢٧\u200f/٣\u200f/٢٠٢٢، ٩:٤١:٣٥\u00a0م' });
    expect(recordAt(result, 2).wallClock).toEqual({ year: 2022, month: 3, day: 27, hour: 21, minute: 41, second: 35 });
    expect(recordAt(result, 3).media).toEqual({ kind: 'omitted', mediaType: 'image' });
    expect(recordAt(result, 21)).toMatchObject({ sender: '+40\u00a0521\u00a0028\u00a061\u00a088', deleted: true });
  });

  it('Vietnamese iOS export with the time first', () => {
    const result = parseSample('whats_json/ios/iOS Vietnamese.txt');
    expect(recordAt(result, 1)).toMatchObject({ kind: 'system', attributedTo: 'Musk Elon', timestampText: '14:56:01, 3/18/22' });
    expect(recordAt(result, 1).wallClock).toEqual({ year: 2022, month: 3, day: 18, hour: 14, minute: 56, second: 1 });
    expect(recordAt(result, 26)).toMatchObject({ sender: 'Dmitry S', deleted: true });
    expect(recordAt(result, 26).wallClock).toEqual({ year: 2023, month: 1, day: 12, hour: 2, minute: 5, second: 44 });
  });

  it('Indonesian iOS export with dotted times', () => {
    const result = parseSample('whats_json/ios/iOS Indonesian.txt');
    expect(recordAt(result, 2).wallClock).toEqual({ year: 2022, month: 3, day: 27, hour: 21, minute: 41, second: 35 });
    expect(recordAt(result, 3).media).toEqual({ kind: 'omitted', mediaType: 'image' });
  });

  it('multi-line messages', () => {
    const android = parseSample('whats_json/android/WhatsApp Chat with Dmitry S EN Android.txt');
    expect(recordAt(android, 39)).toMatchObject({
      sender: 'Dmitry S',
      text: 'Pimlico Gardens\nLondon, United Kingdom\nhttps://foursquare.com/v/4e89af95e5fa82ad4c0aa03b',
      locator: { lineStart: 39, lineEnd: 41 },
    });
    const football = parseSample('whats_json/chats_unique/WhatsApp Chat - Group_NoMedia Football Sunday 10am.txt');
    expect(recordAt(football, 10)).toMatchObject({
      sender: '+90\u00a0514\u00a0771\u00a005\u00a038',
      text: 'koray\nmatt\nrich\nmel \ndave \nvictor\ndimitri?\nAlex?',
      locator: { lineStart: 10, lineEnd: 17 },
    });
    // The LRE…PDF pair WhatsApp wraps a phone number in stays; only the LRM before the line goes.
    expect(recordAt(football, 2)).toMatchObject({ kind: 'system', text: '\u202a+90\u00a0531\u00a0411\u00a038\u00a099\u202c created this group', leadingMarks: 'U+200E' });
  });

  it('Android system lines, captions after media, localised placeholders', () => {
    const group = parseSample('whats_json/android/WhatsApp Chat with Group Chat XXX Android.txt');
    expect(recordAt(group, 2)).toMatchObject({ kind: 'system', sender: null, text: 'Dmitry S created group "Group Chat"' });
    expect(recordAt(group, 17)).toMatchObject({ kind: 'message', sender: 'Dmitry S', text: 'Hello all' });
    const media = parseSample('whats_json/android/WhatsApp Chat with Dmitry S EN+Media Android.txt');
    expect(recordAt(media, 4)).toMatchObject({ text: '<Media omitted>\nCaption', media: { kind: 'omitted' } });
    expect(recordAt(media, 11).media).toEqual({ kind: 'attached', mediaType: 'image', fileName: 'IMG-20220323-WA0002.jpg' });
    const dutch = parseSample('whats_json/chats_unique/WhatsApp-chat met Dmitry S.txt');
    expect(dutch.dateOrder).toBe('dmy');
    expect(recordAt(dutch, 3).media).toEqual({ kind: 'omitted', mediaType: 'unknown' });
    expect(recordAt(dutch, 7).media).toEqual({ kind: 'attached', mediaType: 'audio', fileName: 'PTT-20220323-WA0000.opus' });
    expect(recordAt(dutch, 15)).toMatchObject({ text: 'Dit bericht is verwijderd', deleted: true });
    expect(recordAt(dutch, 22)).toMatchObject({ text: 'U hebt dit bericht verwijderd', deleted: true });
  });

  it('German iOS export with BOMs inside the brackets', () => {
    const result = parseSample('WhatsR/germanios24h.txt');
    expect(recordAt(result, 10)).toMatchObject({ sender: 'Dave', text: 'Test test', timestampText: '29.01.18, 12:26:03' });
    expect(recordAt(result, 10).wallClock).toEqual({ year: 2018, month: 1, day: 29, hour: 12, minute: 26, second: 3 });
  });

  it('Chatistics _chat 3.txt: an author name with ": " splits at the first ": "', () => {
    const result = parseSample('Chatistics/_chat 3.txt');
    expect(recordAt(result, 5)).toMatchObject({ sender: 'The final test', text: 'Does it work with colons?: Hallelujah!' });
    expect(recordAt(result, 8)).toMatchObject({ sender: 'The final test', text: 'Hope so!' });
    expect(recordAt(result, 16).locator.lineEnd).toBe(20);
  });

  it('whatstk pokemon.txt: a notice written under the chat name on Android', () => {
    const result = parseSample('whatstk/pokemon.txt');
    expect(recordAt(result, 1)).toMatchObject({ kind: 'system', attributedTo: 'Pokemon Chat' });
    expect(recordAt(result, 13)).toMatchObject({ sender: 'Jessie & James' });
  });

  it('chat-miner testlog.txt: mixed shapes in one file', () => {
    const result = parseSample('chat-miner/testlog.txt');
    expect(result.clock).toBe('mixed');
    expect(recordAt(result, 15).wallClock).toMatchObject({ year: 2019, month: 9, day: 24, hour: 23, minute: 30 });
    expect(recordAt(result, 27).wallClock).toMatchObject({ year: 2022, month: 12, day: 24, hour: 13, minute: 1 });
    expect(recordAt(result, 26)).toMatchObject({ sender: '🤓', text: 'Testing emoji 🤓' });
  });

  it('group or private, as each file shows it', () => {
    // Two speakers (Perry, Andrea and Parker), but German group events from line 3 on.
    expect(parseSample('WhatsR/ExampleChat.txt')).toMatchObject({ chatKind: 'group', chatKindEvidence: expect.stringMatching(/^group event on line 3: "Bob hat den Betreff/u) });
    // One speaker: the exporter's own messages, in a group the system lines show.
    expect(parseSample('whats_json/android/WhatsApp Chat with Group Chat XXX Android.txt')).toMatchObject({ chatKind: 'group' });
    expect(parseSample('whats_json/chats_unique/WhatsApp Chat - Group Chat XXX.txt')).toMatchObject({ chatKind: 'group' });
    expect(parseSample('whats_json/chats_unique/WhatsApp Chat - Group_NoMedia 2019 RU.txt')).toMatchObject({ chatKind: 'group' });
    expect(parseSample('Chatistics/_chat 3.txt')).toMatchObject({ chatKind: 'group', chatKindEvidence: expect.stringMatching(/^5 distinct senders/u) });
    for (const language of ['EN', 'Arabic', 'RU']) {
      expect(parseSample(`whats_json/ios/WhatsApp Chat - Elon Musk (${language}).txt`), language).toMatchObject({
        chatKind: 'private',
        chatKindEvidence: expect.stringMatching(/^2 distinct senders \("Dmitry S", "Elon Musk"\)/u),
      });
    }
  });

  it('ambiguous day/month orders are inferred or defaulted with a warning', () => {
    expect(parseSample('whats-reader/android-private-chat/WhatsApp Chat with Alice.txt')).toMatchObject({ dateOrder: 'dmy', dateOrderSource: 'inferred' });
    const ambiguous = parseSample('chat-analytics/1A_3M.txt');
    expect(ambiguous).toMatchObject({ dateOrder: 'dmy', dateOrderSource: 'default' });
    expect(ambiguous.warnings.some((warning) => warning.message.startsWith('ambiguous date order'))).toBe(true);
  });
});

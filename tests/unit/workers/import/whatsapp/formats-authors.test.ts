import { describe, expect, it } from 'vitest';

import { expectedLocator, parseLines, recordOnLine, utcIn } from '../../../../support/whatsapp-lines.ts';
import { LRE, LRM, NBSP, NNBSP, PDF } from '../../../../support/unicode-chars.ts';

/**
 * FORMATS.md §1.3 point by point, through the whole parser: who wrote a line (or that nobody
 * did), and which lines belong to one message. A wrong split here misattributes a message,
 * so each case states the sender, the kind, the text, the lines and the UTC instant.
 */

describe('FORMATS.md §1.3: authors', () => {
  it('splits on the first ": ", so a name is never extended by a colon in the text', () => {
    const lines = ['18/03/2022, 14:56 - Boss: Job: cleaning, pay: 500', '18/03/2022, 14:57 - Boss: ok?'];
    const result = parseLines(lines);
    const record = recordOnLine(result, 1);
    expect(record).toMatchObject({ kind: 'message', sender: 'Boss', text: 'Job: cleaning, pay: 500' });
    expect(record.locator).toEqual(expectedLocator(lines, 1));
    expect(utcIn(record, 'Europe/Berlin')).toBe('2022-03-18T13:56:00.000Z'); // CET +1
  });

  it('reads Chatistics _chat 3.txt the same way: a name ending in "test" before a question with a colon', () => {
    const lines = [
      '10/11/19, 14:21 - The final test: Does it work with colons?: Hallelujah!',
      '10/11/19, 14:25 - The final test: Hope so!',
    ];
    const result = parseLines(lines);
    expect(result.records.map((record) => [record.sender, record.text])).toEqual([
      ['The final test', 'Does it work with colons?: Hallelujah!'],
      ['The final test', 'Hope so!'],
    ]);
  });

  it('keeps emoji in a name, and a phone number with NBSP groups, without its LRE…PDF wrapping', () => {
    const phone = `${LRE}+49${NBSP}151${NBSP}23456789${PDF}`;
    const lines = ['18/03/2022, 14:56 - 🌸 Mia 🌸: hi', `18/03/2022, 14:57 - ${phone}: Wo bist du?`, '18/03/2022, 14:58 - 🌸 Mia 🌸: hier'];
    const result = parseLines(lines);
    expect(recordOnLine(result, 1)).toMatchObject({ kind: 'message', sender: '🌸 Mia 🌸', text: 'hi' });
    const fromPhone = recordOnLine(result, 2);
    expect(fromPhone).toMatchObject({ kind: 'message', sender: `+49${NBSP}151${NBSP}23456789`, text: 'Wo bist du?' });
    expect(fromPhone.locator).toEqual(expectedLocator(lines, 2));
    expect(utcIn(fromPhone, 'Europe/Berlin')).toBe('2022-03-18T13:57:00.000Z');
  });

  it('drops the iOS non-contact marker "~" + U+202F (and "~ ") from the sender', () => {
    const lines = [
      `[18.03.22, 14:56:01] ~${NNBSP}Nina Müller: hallo`,
      '[18.03.22, 14:57:01] ~ Nina Müller: noch da?',
      '[18.03.22, 14:58:01] Bob: ja',
    ];
    const result = parseLines(lines);
    expect(result.records.map((record) => [record.kind, record.sender, record.text])).toEqual([
      ['message', 'Nina Müller', 'hallo'],
      ['message', 'Nina Müller', 'noch da?'],
      ['message', 'Bob', 'ja'],
    ]);
    expect(utcIn(recordOnLine(result, 1), 'Europe/Vienna')).toBe('2022-03-18T13:56:01.000Z'); // CET +1
  });

  // Regression: any leading '~' was cut, so a contact saved as "~Lucy~" became "Lucy~"; the
  // marker FORMATS.md §1.3 describes is '~' followed by U+202F (or a space).
  it('keeps a tilde that is part of a saved name', () => {
    const lines = ['[18.03.22, 14:56:01] ~Lucy~: hi', `[18.03.22, 14:57:01] ~${NNBSP}Lucy: hello`];
    const result = parseLines(lines);
    expect(result.records.map((record) => record.sender)).toEqual(['~Lucy~', 'Lucy']);
  });
});

describe('FORMATS.md §1.3: system messages', () => {
  it('reads Android lines with no "Name: " as system lines with no sender', () => {
    const lines = [
      '18/03/2022, 14:56 - Ann created group "Jobs Berlin"',
      '18/03/2022, 14:56 - Ann added Bob',
      '18/03/2022, 14:57 - Ann: hi',
      '18/03/2022, 14:58 - Bob left',
    ];
    const result = parseLines(lines);
    expect(result.records.map((record) => [record.kind, record.sender, record.text])).toEqual([
      ['system', null, 'Ann created group "Jobs Berlin"'],
      ['system', null, 'Ann added Bob'],
      ['message', 'Ann', 'hi'],
      ['system', null, 'Bob left'],
    ]);
    expect(utcIn(recordOnLine(result, 4), 'Europe/Berlin')).toBe('2022-03-18T13:58:00.000Z');
  });

  it.each([
    ['2016', 'Messages to this group are now secured with end-to-end encryption. Tap for more info.'],
    ['2020', 'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.'],
    ['2024', 'Messages and calls are end-to-end encrypted. Only people in this chat can read, listen to, or share them.'],
  ])('reads the %s end-to-end notice as a system line on Android (no author) and on iOS (under the chat name)', (_era, notice) => {
    const android = parseLines([`18/03/2022, 14:56 - ${notice}`, '18/03/2022, 14:57 - Ann: hi']);
    expect(recordOnLine(android, 1)).toMatchObject({ kind: 'system', sender: null, text: notice });
    const iosLines = [`[18.03.22, 14:56:01] Jobs Berlin: ${LRM}${notice}`, '[18.03.22, 14:57:01] Ann: hi', '[18.03.22, 14:58:01] Bob: hey'];
    const ios = parseLines(iosLines);
    const record = recordOnLine(ios, 1);
    expect(record).toMatchObject({ kind: 'system', sender: null, attributedTo: 'Jobs Berlin', text: notice, leadingMarks: 'U+200E' });
    expect(record.locator).toEqual(expectedLocator(iosLines, 1));
    expect(utcIn(record, 'Europe/Berlin')).toBe('2022-03-18T13:56:01.000Z');
    expect(recordOnLine(ios, 2)).toMatchObject({ kind: 'message', sender: 'Ann' });
  });

  it('uses the LRM that starts an iOS line as a system signal, and keeps the same name’s own messages', () => {
    const lines = [
      `[18.03.22, 14:56:01] ${LRM}Ann created group “Jobs: Berlin”`,
      `${LRM}[18.03.22, 14:57:01] Ann: ${LRM}image omitted`,
      '[18.03.22, 14:58:01] Ann: Welcome',
    ];
    const result = parseLines(lines);
    expect(recordOnLine(result, 1)).toMatchObject({ kind: 'system', sender: null, text: 'Ann created group “Jobs: Berlin”', leadingMarks: 'U+200E' });
    expect(recordOnLine(result, 2)).toMatchObject({ kind: 'message', sender: 'Ann', media: { kind: 'omitted', mediaType: 'image' } });
    expect(recordOnLine(result, 3)).toMatchObject({ kind: 'message', sender: 'Ann', text: 'Welcome' });
  });
});

describe('FORMATS.md §1.2/§1.3: multi-line bodies', () => {
  it('keeps every line up to the next header in the message, blank and indented lines included', () => {
    const lines = [
      '18/03/2022, 14:56 - Ann: Price list:',
      '- room 50',
      '',
      '  - transport 100',
      '18/03/2022, 14:57 - Bob: ok',
    ];
    const result = parseLines(lines);
    const record = recordOnLine(result, 1);
    expect(record).toMatchObject({ kind: 'message', sender: 'Ann', text: 'Price list:\n- room 50\n\n  - transport 100' });
    expect(record.locator).toEqual(expectedLocator(lines, 1, 4));
    expect(recordOnLine(result, 5).locator).toEqual(expectedLocator(lines, 5));
    expect(utcIn(record, 'Europe/Berlin')).toBe('2022-03-18T13:56:00.000Z');
  });

  it('keeps a continuation line that starts with a name and a colon in the body, not as a new sender', () => {
    const lines = ['[18.03.22, 14:56:01] Ann: Forwarding what he said:', 'Marco: come alone', '[18.03.22, 14:57:01] Bob: ok'];
    const result = parseLines(lines);
    expect(result.records).toHaveLength(2);
    expect(recordOnLine(result, 1)).toMatchObject({ sender: 'Ann', text: 'Forwarding what he said:\nMarco: come alone' });
  });
});

describe('a participant whose every message is a placeholder keeps their name (regression)', () => {
  // Rule 2 of authors.ts extends a name to `Name: X` when all of its 5+ messages start with the
  // same `X: `. A seller who only sent photos on iOS (`‎<attached: …>`) or only shared locations
  // (`location: https://…`) was renamed "Seller: <attached" / "Seller: location", and the media
  // and location flags were lost with the label.
  const SENDS = 6;

  it.each([
    ['iOS attachments', (index: number) => `${LRM}[18/03/2022, 14:5${index}:00] Seller: ${LRM}<attached: 0000003${index}-PHOTO-2022-03-18-14-5${index}-00.jpg>`],
    ['de iOS attachments', (index: number) => `${LRM}[18/03/2022, 14:5${index}:00] Seller: ${LRM}<Anhang: 0000003${index}-PHOTO-2022-03-18-14-5${index}-00.jpg>`],
    ['iOS locations', (index: number) => `[18/03/2022, 14:5${index}:00] Seller: ${LRM}Location: https://maps.google.com/?q=52.${index},13.${index}`],
    ['Android locations', (index: number) => `18/03/2022, 14:5${index} - Seller: location: https://maps.google.com/?q=52.${index},13.${index}`],
  ])('%s', (_label, line) => {
    const lines = ['[18/03/2022, 14:50:00] Ann: hi', ...Array.from({ length: SENDS }, (_, index) => line(index))];
    const result = parseLines(lines);
    const sent = result.records.slice(1);
    expect(sent.map((record) => [record.kind, record.sender])).toEqual(Array.from({ length: SENDS }, () => ['message', 'Seller']));
    for (const record of sent) {
      expect(record.media !== null || record.location === true, `line ${record.locator.lineStart}`).toBe(true);
      expect(record.locator).toEqual(expectedLocator(lines, record.locator.lineStart));
    }
    expect(utcIn(recordOnLine(result, 2), 'Europe/Berlin')).toBe('2022-03-18T13:50:00.000Z'); // CET +1
  });

  it('still keeps a name that really contains ": " (five messages that all start the same way)', () => {
    const lines = Array.from({ length: 5 }, (_, index) => `18/03/2022, 14:5${index} - Dr: Who: message ${index}`);
    const result = parseLines(lines);
    expect(result.records.map((record) => [record.sender, record.text])).toEqual(
      Array.from({ length: 5 }, (_, index) => ['Dr: Who', `message ${index}`]),
    );
  });
});

describe('a participant seen once keeps their message (regression)', () => {
  // A name seen once before a notice's words was taken for a notice under the chat's name
  // (whatstk pokemon.txt), wherever the words stood: a one-off group member asking for a
  // "security code" lost the authorship of the message. A name with quotes in it was taken
  // for a quoted subject change, and the whole line, name included, became a system text.
  it.each([
    ['Android', ['18/03/2022, 14:50 - Ann: hi', '18/03/2022, 14:51 - Victor: send me the security code you got by SMS', '18/03/2022, 14:52 - Ann: ok']],
    ['iOS', ['[18/03/2022, 14:50:00] Ann: hi', '[18/03/2022, 14:51:00] Victor: send me the security code you got by SMS', '[18/03/2022, 14:52:00] Ann: ok']],
    ['Android, end-to-end', ['18/03/2022, 14:50 - Ann: hi', '18/03/2022, 14:51 - Victor: is this app end-to-end encrypted?', '18/03/2022, 14:52 - Ann: ok']],
  ])('who mentions a notice’s words (%s)', (_label, lines) => {
    const record = recordOnLine(parseLines(lines), 2);
    expect(record).toMatchObject({ kind: 'message', sender: 'Victor' });
    expect(record.attributedTo).toBeUndefined();
    expect(utcIn(record, 'Europe/Berlin')).toBe('2022-03-18T13:51:00.000Z');
  });

  it.each([
    ['straight quotes', '"Big" Mike', 'hello'],
    ['curly quotes', '“Big” Mike', 'hello'],
    ['German quotes', '„Chef“ Karl', 'Termin: morgen'],
  ])('whose name holds a quoted nickname (%s)', (_label, name, text) => {
    const lines = ['18/03/2022, 14:50 - Ann: hi', `18/03/2022, 14:51 - ${name}: ${text}`, '18/03/2022, 14:52 - Ann: ok'];
    const record = recordOnLine(parseLines(lines), 2);
    expect(record).toMatchObject({ kind: 'message', sender: name, text });
    expect(record.locator).toEqual(expectedLocator(lines, 2));
  });

  it('while a notice under the chat name on the first line, and quoted subject changes, stay system lines', () => {
    const lines = [
      '15.04.2016, 15:04 - Pokemon Chat: Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
      '15.04.2016, 15:05 - Ann: hi',
      '15.04.2016, 15:06 - Ann changed the subject from "Jobs" to "Jobs: Berlin"',
      '15.04.2016, 15:07 - Ann changed the subject from “Plan: A” to “B”',
      '15.04.2016, 15:08 - Ann: ok',
    ];
    const result = parseLines(lines);
    expect(recordOnLine(result, 1)).toMatchObject({ kind: 'system', sender: null, attributedTo: 'Pokemon Chat' });
    expect(recordOnLine(result, 3)).toMatchObject({ kind: 'system', sender: null, text: 'Ann changed the subject from "Jobs" to "Jobs: Berlin"' });
    expect(recordOnLine(result, 4)).toMatchObject({ kind: 'system', sender: null, text: 'Ann changed the subject from “Plan: A” to “B”' });
  });
});

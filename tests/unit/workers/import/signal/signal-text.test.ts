import path from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { chatTitle, matchSignalHeader, readSignalBody, signalTextParser, sniffSignalExport } from '../../../../../workers/import/signal/index.ts';
import { headOf, inputFromBytes, inputFromFile, inputFromText, otherFormatSamples, runParser, SAMPLES_ROOT } from '../../../../support/parser-harness.ts';

const FIXTURES = path.resolve(process.cwd(), 'fixtures/signal');
const ANA = path.join(FIXTURES, 'Ana Popescu', 'chat.md');
const GROUP = path.join(FIXTURES, 'group-2019.txt');
const EDGE = path.join(FIXTURES, 'edge-cases.md');

function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Every line in exactly one record, in order, and the byte ranges tile the file. */
function expectTiling(messages: ParsedMessage[], lineCount: number, byteLength: number): void {
  let nextLine = 1;
  let nextByte = 0;
  for (const message of messages) {
    if (message.locator.kind !== 'text-lines') throw new Error('expected text-lines locators');
    expect(message.locator.lineStart).toBe(nextLine);
    expect(message.locator.byteStart).toBe(nextByte);
    nextLine = message.locator.lineEnd + 1;
    nextByte = message.locator.byteEnd;
  }
  expect(nextLine - 1).toBe(lineCount);
  expect(nextByte).toBe(byteLength);
}

describe('signal-export header', () => {
  it('reads the four stamps signal-export writes', () => {
    expect(matchSignalHeader('[2019-05-29, 15:04] Me: hi')).toMatchObject({ stamp: '2019-05-29, 15:04', comma: true, seconds: false, sender: 'Me', rest: 'hi' });
    expect(matchSignalHeader('[2024-01-05 14:03:22] Ana: x')).toMatchObject({ wall: { year: 2024, month: 1, day: 5, hour: 14, minute: 3, second: 22 }, comma: false, seconds: true });
    expect(matchSignalHeader('[2024-01-05, 14:03:22] Ana: x')?.seconds).toBe(true);
    expect(matchSignalHeader('[2024-01-05 14:03] Ana: x')?.comma).toBe(false);
  });

  it('splits the author at the first ": " and accepts an empty body', () => {
    expect(matchSignalHeader('[2019-05-30, 09:01] Aya: Call me: now')).toMatchObject({ sender: 'Aya', rest: 'Call me: now' });
    expect(matchSignalHeader('[2019-05-30, 09:01] Me: ')).toMatchObject({ sender: 'Me', rest: '' });
    expect(matchSignalHeader('[2019-05-30, 09:01] Me:')).toMatchObject({ sender: 'Me', rest: '' });
    expect(matchSignalHeader('[2019-05-30, 09:01] no author here')).toMatchObject({ sender: null });
  });

  it('refuses WhatsApp and other bracketed stamps', () => {
    expect(matchSignalHeader('[3/18/22, 14:56:01] Ana: hi')).toBeNull();
    expect(matchSignalHeader('[2018/06/13, 21:25:15] Ana: hi')).toBeNull();
    expect(matchSignalHeader('23/03/2022, 13:31 - Ana: hi')).toBeNull();
  });
});

describe('signal-export body', () => {
  it('moves a reply quote, reactions and attachments out of the text', () => {
    const body = readSignalBody(['', '', '> quoted one', '> quoted two', '', 'my answer  ', '(- Ana: 👍, Dan: ❤ -)![a b.jpg](./media/a%20b.jpg)  [doc.pdf](./media/doc.pdf)  ']);
    expect(body.text).toBe('my answer');
    expect(body.quote).toBe('quoted one\nquoted two');
    expect(body.reactions).toEqual([{ name: 'Ana', emoji: '👍' }, { name: 'Dan', emoji: '❤' }]);
    expect(body.attachments.map((link) => [link.name, link.path, link.mediaType])).toEqual([
      ['a b.jpg', 'media/a b.jpg', 'image'],
      ['doc.pdf', 'media/doc.pdf', 'document'],
    ]);
  });

  it('keeps web links and refuses paths that climb out of the chat folder', () => {
    expect(readSignalBody(['see [site](https://example.org)']).text).toBe('see [site](https://example.org)');
    const outside = readSignalBody(['[x](../../etc/passwd)  ']);
    expect(outside.attachments[0]?.path).toBeNull();
  });

  it('recognises deleted messages, calls and stickers', () => {
    expect(readSignalBody(['(This message was deleted)']).deleted).toBe(true);
    expect(readSignalBody(['Incoming video call (accepted, 1m 2s)  ']).call).toBe(true);
    expect(readSignalBody(['Missed voice call']).call).toBe(true);
    expect(readSignalBody(['I missed your call']).call).toBe(false);
    expect(readSignalBody(['hi  ', '(( 😀 ))']).sticker).toEqual({ label: '😀', target: null, path: null });
    expect(readSignalBody(['hi  [😀](../exported_stickers/p/1.webp)  ']).sticker).toEqual({ label: '😀', target: '../exported_stickers/p/1.webp', path: '../exported_stickers/p/1.webp' });
  });

  it('keeps a sticker link that climbs out of the sticker folder, without a path to read', () => {
    expect(readSignalBody(['[😀](../exported_stickers/../../etc/passwd)  ']).sticker).toEqual({ label: '😀', target: '../exported_stickers/../../etc/passwd', path: null });
    expect(readSignalBody(['[😀](../exported_stickers/pack%201/2.webp)  ']).sticker?.path).toBe('../exported_stickers/pack 1/2.webp');
  });
});

describe('signal-export sniffing', () => {
  it('claims signal-export files', () => {
    for (const file of [ANA, GROUP]) expect(sniffSignalExport(headOf(file)), file).toBe(true);
    expect(sniffSignalExport(encode('\uFEFF[2019-12-24, 12:23] Jane Doe: Hello John!\n'))).toBe(true);
  });

  it('refuses a binary file whatever its name', () => {
    const binary = new Uint8Array(4096).map((_, index) => (index * 7919 + 13) % 256);
    expect(signalTextParser.sniff(binary, 'chat.md')).toBe(false);
  });

  it('leaves an ISO-dated WhatsApp iOS export (seconds, no Markdown breaks) alone', () => {
    expect(sniffSignalExport(encode('[2022-03-18 14:56:01] Ana: hello\n[2022-03-18 14:56:09] Dan: hi\n'))).toBe(false);
  });

  it('leaves an ISO-dated WhatsApp iOS export with no left-to-right mark in its head alone when one message ends in two spaces (regression)', () => {
    const whatsApp = ['[2024-01-05 14:03:22] Alice: hej  ', '[2024-01-05 14:03:25] Bob: hur mår du?', 'allt bra?', '[2024-01-05 14:04:01] Alice: bra', ''];
    expect(sniffSignalExport(encode(whatsApp.join('\r\n')))).toBe(false);
    expect(sniffSignalExport(encode(whatsApp.slice(0, 3).join('\n')))).toBe(false);
    // signal-export ends every message but a deleted one with the break, reactions after it.
    const signal = ['[2024-01-05 14:03:22] Alice: hej  ', '(- Me: 👍 -)', '[2024-01-05 14:03:25] Me: (This message was deleted)', '[2024-01-05 14:04:01] Alice: bra  ', ''];
    expect(sniffSignalExport(encode(signal.join('\n')))).toBe(true);
  });

  it('tolerates a line or two before the first header only when more headers follow', () => {
    expect(sniffSignalExport(encode('Signal chat\n[2019-12-24, 12:23] Jane: hi\n'))).toBe(false);
    expect(sniffSignalExport(encode('Signal chat\n\n[2019-12-24, 12:23] Jane: hi\n[2019-12-24, 12:24] Me: yes\n'))).toBe(true);
    expect(sniffSignalExport(encode('a\nb\nc\n[2019-12-24, 12:23] Jane: hi\n[2019-12-24, 12:24] Me: yes\n'))).toBe(false);
    expect(sniffSignalExport(encode(''))).toBe(false);
  });

  it.skipIf(!existsSync(SAMPLES_ROOT))('claims no sample of another format', () => {
    const claimed = otherFormatSamples(['signal']).filter((file) => sniffSignalExport(headOf(file)));
    expect(claimed).toEqual([]);
  });
});

describe('signal-export parsing', () => {
  it('reads a newer export with replies, attachments, a deleted message and a call', async () => {
    const input = inputFromFile(ANA, { displayName: 'Ana Popescu/chat.md' });
    const result = await runParser(signalTextParser, input);
    expect(result.chats).toEqual([{ key: 'file:Ana Popescu/chat.md', title: 'Ana Popescu', kind: 'private', participants: [{ name: 'Ana Popescu' }, { name: 'Me' }] }]);
    const [first, second, third, address, reply, ticket, deleted, call] = result.messages;
    expect(result.messages).toHaveLength(8);
    expect(first).toMatchObject({ kind: 'message', sender: 'Ana Popescu', direction: 'incoming', timestampText: '2024-03-02 10:14:05', time: { wall: { year: 2024, month: 3, day: 2, hour: 10, minute: 14, second: 5 } } });
    expect(first?.text).toBe('Bună! Am găsit o ofertă de muncă în Germania.');
    expect(second).toMatchObject({ sender: 'Me', direction: 'outgoing', text: 'Ce fel de muncă?' });
    expect(third?.text).toBe('Curățenie la un hotel.\nTransportul e plătit de ei,\ndar trebuie să le dau pașaportul.');
    expect(third?.locator).toMatchObject({ lineStart: 3, lineEnd: 5 });
    expect(address?.text).toBe('Uite adresa');
    expect(address?.attachments).toEqual([{ kind: 'attached', mediaType: 'document', fileName: 'address.txt', path: 'media/2024-03-02T10-16-30.000_00_address.txt' }]);
    expect(reply).toMatchObject({ text: 'Nu le da pașaportul!', extra: { quote: 'dar trebuie să le dau pașaportul.', reactions: [{ name: 'Ana Popescu', emoji: '👍' }] } });
    expect(ticket).toMatchObject({ text: '', extra: { placeholder: true } });
    expect(ticket?.attachments[0]).toMatchObject({ mediaType: 'image', fileName: 'photo%20of%20ticket.jpg', path: 'media/2024-03-02T10-18-12.000_00_photo of ticket.jpg' });
    expect(deleted).toMatchObject({ deleted: true, extra: { placeholder: true } });
    expect(call).toMatchObject({ kind: 'system', sender: 'Me', text: 'Outgoing voice call (accepted, 2m 3s)', extra: { call: true } });
    expect(result.outcome.formatVersion).toBe('stamp-with-seconds');
    expectTiling(result.messages, Number(result.outcome.details['lineCount']), input.size);
  });

  it('reads an older group export with multi-line bodies', async () => {
    const input = inputFromFile(GROUP);
    const result = await runParser(signalTextParser, input);
    expect(result.chats[0]).toMatchObject({ title: 'group-2019', kind: 'group' });
    expect(result.messages.map((message) => [message.sender, message.direction])).toEqual([['Me', 'outgoing'], ['Aya', 'incoming'], ['Jim', 'incoming'], ['Aya', 'incoming']]);
    expect(result.messages[2]?.text).toBe("I'm not.\nThe boss kept my documents\nand says I owe him 2000.");
    expect(result.outcome.formatVersion).toBe('stamp-minutes');
    expectTiling(result.messages, 6, input.size);
  });

  it('keeps every line of a damaged file, raw where it cannot be read', async () => {
    const input = inputFromFile(EDGE);
    const result = await runParser(signalTextParser, input);
    const [preamble, noSender, noName, sticker, missed, webLink, impossible, last] = result.messages;
    expect(preamble).toMatchObject({ kind: 'unparsed', text: 'Signal chat with Dan\n', reason: 'text before the first message header', locator: { lineStart: 1, lineEnd: 2 } });
    expect(noSender).toMatchObject({ kind: 'message', sender: null, direction: 'incoming', extra: { senderAsWritten: 'No-Sender' } });
    expect(noName).toMatchObject({ kind: 'unparsed', text: '[2023-11-05, 08:01] a stamp with no name after it' });
    expect(sticker).toMatchObject({ text: 'sticker next', attachments: [{ kind: 'omitted', mediaType: 'sticker', fileName: '😀' }] });
    expect(missed).toMatchObject({ kind: 'system', sender: 'Me' });
    expect(webLink?.text).toBe('see [the site](https://example.org/jobs) for details');
    // The stamp is kept as written; the record writer reports it as an impossible date.
    expect(impossible).toMatchObject({ kind: 'message', time: { wall: { month: 2, day: 30 } } });
    expect(last?.text).toBe('last line without a newline');
    expectTiling(result.messages, 10, input.size);
  });

  it('reports lines that are not UTF-8 with their line number and keeps their text', async () => {
    const bytes = new Uint8Array([...encode('[2019-12-24, 12:23] Jane: ok\n[2019-12-24, 12:24] Jane: bad '), 0xff, 0xfe, ...encode('\n')]);
    const result = await runParser(signalTextParser, inputFromBytes(bytes, { displayName: 'chat.txt' }));
    expect(result.warnings).toEqual([{ place: 'chat.txt:2', message: expect.stringContaining('not UTF-8') as unknown as string }]);
    expect(result.messages[1]?.text).toBe('bad \uFFFD\uFFFD');
  });

  // The case keeps the first MAX_MESSAGE_TEXT_CHARS of it: the RecordWriter cuts every format's bodies (record-writer-text-cap.test.ts).
  it('reads a 50 MB message line as one message and hands all of it on', async () => {
    const long = 'x'.repeat(50 * 1024 * 1024);
    const result = await runParser(signalTextParser, inputFromText(`[2019-12-24, 12:23] Jane: ${long}\n[2019-12-24, 12:24] Me: after\n`, { displayName: 'chat.txt' }));
    expect(result.messages).toHaveLength(2);
    expect(result.messages[0]?.text.length).toBe(long.length);
    expect(result.messages[0]?.locator).toMatchObject({ lineStart: 1, lineEnd: 1, byteEnd: long.length + 27 });
    expect(result.warnings).toEqual([]);
    expect(result.messages[1]?.text).toBe('after');
  });
});

describe('signal-export chat titles', () => {
  it('names a chat after its folder when the file is chat.md', () => {
    expect(chatTitle('/x/Ana/chat.md', 'chat.md')).toBe('Ana');
    expect(chatTitle('/x/e.zip!/Dan/chat.md', 'Dan/chat.md')).toBe('Dan');
    expect(chatTitle('/x/Friends.zip!/chat.md', 'chat.md')).toBe('Friends');
    expect(chatTitle('/x/test_export.txt', 'test_export.txt')).toBe('test_export');
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../../../shared/errors.ts';
import { sniffTelegramJson, telegramJsonParser } from '../../../../../workers/import/telegram/index.ts';
import { MAX_DOCUMENT_DEPTH, MAX_STRING_CHARS } from '../../../../../workers/import/telegram/json-walker.ts';
import { collectingSink, inputFromBytes, inputFromFile, inputFromText, runParser } from '../../../../support/parser-harness.ts';

const FIXTURES = path.resolve(process.cwd(), 'fixtures/telegram');
const fixture = (name: string): string => path.join(FIXTURES, name);

function byPointer(messages: ParsedMessage[], pointer: string): ParsedMessage {
  const found = messages.find((message) => message.locator.kind === 'json-pointer' && message.locator.pointer === pointer);
  if (found === undefined) throw new Error(`no message at ${pointer}`);
  return found;
}

describe('Telegram JSON: single-chat export', () => {
  it('reads every message, in file order, with JSON-pointer locators', async () => {
    const result = await runParser(telegramJsonParser, inputFromFile(fixture('single-chat.json')));
    expect(result.chats).toEqual([{ key: '4820011', mergeKey: '4820011', title: 'Radu Ionescu', kind: 'private' }]);
    expect(result.messages.map((message) => (message.locator.kind === 'json-pointer' ? message.locator.pointer : ''))).toEqual(
      Array.from({ length: 8 }, (_, index) => `/messages/${index}`),
    );
    expect(result.messages.every((message) => message.chatKey === '4820011')).toBe(true);
    expect(result.outcome.details['exportKind']).toBe('single-chat');
  });

  it('takes date_unixtime as the UTC instant and keeps the local date beside it', async () => {
    const { messages } = await runParser(telegramJsonParser, inputFromFile(fixture('single-chat.json')));
    const message = byPointer(messages, '/messages/1');
    expect(message.time).toEqual({ utcMs: 1709288130 * 1000 });
    expect(message.timestampText).toBe('1709288130');
    expect(message.extra?.['dateLocal']).toBe('2024-03-01T10:15:30');
    expect(message.text).toBe('Job in Milano, cazare inclusă. Scrie-mi mâine.');
    expect(message.sender).toBe('Radu Ionescu');
    expect(message.senderId).toBe('user4820011');
  });

  it('flattens entity arrays and keeps a hidden link target in the text', async () => {
    const { messages } = await runParser(telegramJsonParser, inputFromFile(fixture('single-chat.json')));
    const message = byPointer(messages, '/messages/2');
    expect(message.text).toBe('Details here (https://example.invalid/offer), ask @agent_m or call https://example.invalid/a');
    expect(message.edited).toBe(true);
    expect(message.extra?.['editedUnixtime']).toBe('1709288400');
  });

  it('makes service messages system lines with a generated description', async () => {
    const { messages } = await runParser(telegramJsonParser, inputFromFile(fixture('single-chat.json')));
    const call = byPointer(messages, '/messages/0');
    expect(call.kind).toBe('system');
    // A phone call is a call record whose sender is the caller (json-call.ts); the chat's id is Radu's.
    expect([call.sender, call.senderId, call.direction]).toEqual(['Radu Ionescu', 'user4820011', 'incoming']);
    expect(call.text).toBe('Radu Ionescu: phone_call (duration_seconds: 42; discard_reason: hangup)');
    expect(call.extra).toMatchObject({ action: 'phone_call', actor: 'Radu Ionescu', textGenerated: true, recordType: 'call', outcome: 'answered', durationSeconds: 42 });
  });

  it('turns media fields into attachments with paths relative to the export folder', async () => {
    const { messages } = await runParser(telegramJsonParser, inputFromFile(fixture('single-chat.json')));
    expect(byPointer(messages, '/messages/3').attachments).toEqual([
      { kind: 'attached', mediaType: 'image', size: 48211, path: 'photos/photo_1@01-03-2024_10-17-00.jpg', fileName: 'photo_1@01-03-2024_10-17-00.jpg' },
    ]);
    expect(byPointer(messages, '/messages/3').extra?.['reply_to_message_id']).toBe(102);
    const voice = byPointer(messages, '/messages/4');
    // from: null is a deleted account: named as Telegram shows it, with its id.
    expect(voice.sender).toBe('Deleted Account (user999)');
    expect(voice.senderId).toBe('user999');
    expect(voice.attachments).toEqual([
      { kind: 'attached', mediaType: 'audio', mimeType: 'audio/ogg', path: 'voice_messages/audio_1@01-03-2024_10-18-00.ogg', fileName: 'audio_1@01-03-2024_10-18-00.ogg' },
    ]);
    const omitted = byPointer(messages, '/messages/5');
    expect(omitted.attachments).toEqual([{ kind: 'omitted', mediaType: 'video', mimeType: 'video/mp4' }]);
    expect(omitted.extra?.['forwarded_from']).toBe('Travel Desk');
  });

  it('reads the non-standard \\xNN escape and says so', async () => {
    const result = await runParser(telegramJsonParser, inputFromFile(fixture('single-chat.json')));
    expect(byPointer(result.messages, '/messages/5').text).toBe('bus \u0007 ticket');
    expect(result.warnings.some((warning) => warning.message.includes('\\xNN'))).toBe(true);
    expect(result.outcome.details['nonStandardEscapes']).toBe(1);
  });

  it('keeps an "unsupported" message as an unparsed record with its JSON', async () => {
    const { messages, warnings } = await runParser(telegramJsonParser, inputFromFile(fixture('single-chat.json')));
    const unsupported = byPointer(messages, '/messages/6');
    // Regression: listed once, by the import worker from the record, not also as a parser warning.
    expect(warnings.filter((warning) => warning.place.endsWith('#/messages/6'))).toEqual([]);
    expect(unsupported.kind).toBe('unparsed');
    expect(unsupported.reason).toContain('unsupported');
    expect(JSON.parse(unsupported.text)).toMatchObject({ id: 107, type: 'unsupported' });
    expect(unsupported.time).toEqual({ utcMs: 1709288400000 });
  });

  it('refuses a file path that climbs out of the export folder', async () => {
    const result = await runParser(telegramJsonParser, inputFromFile(fixture('single-chat.json')));
    const message = byPointer(result.messages, '/messages/7');
    expect(message.attachments).toEqual([{ kind: 'attached', mediaType: 'document', fileName: 'passwd' }]);
    expect(message.extra?.['unsafeFilePaths']).toEqual(['../../../etc/passwd']);
    expect(result.warnings.some((warning) => warning.message.includes('outside the export folder'))).toBe(true);
  });

  it('gives the same records whatever the chunk size', async () => {
    const whole = await runParser(telegramJsonParser, inputFromFile(fixture('single-chat.json')));
    const tiny = await runParser(telegramJsonParser, inputFromFile(fixture('single-chat.json'), { chunkBytes: 3 }));
    expect(tiny.messages).toEqual(whole.messages);
  });
});

describe('Telegram JSON: full-account export', () => {
  it('reads chats.list and left_chats.list, skipping the account sections', async () => {
    const result = await runParser(telegramJsonParser, inputFromFile(fixture('full-account.json')));
    expect(result.chats.map((chat) => [chat.key, chat.title, chat.kind])).toEqual([
      ['7001', 'Ana', 'private'],
      ['9002', 'Transport group', 'group'],
      ['5550001', 'Saved Messages', 'private'],
      ['3003', 'Old channel', 'channel'],
    ]);
    expect(result.messages).toHaveLength(6);
    expect(byPointer(result.messages, '/left_chats/list/0/messages/0').extra?.['author']).toBe('Admin');
    expect(result.outcome.details['exportKind']).toBe('full-account');
    expect(result.messages.some((message) => message.text.includes('+40 700 000 002'))).toBe(false);
  });

  it('knows the direction from the owner in personal_information', async () => {
    const { messages } = await runParser(telegramJsonParser, inputFromFile(fixture('full-account.json')));
    expect(byPointer(messages, '/chats/list/0/messages/0').direction).toBe('incoming');
    expect(byPointer(messages, '/chats/list/0/messages/1').direction).toBe('outgoing');
    expect(byPointer(messages, '/chats/list/2/messages/0').direction).toBe('outgoing');
    expect(byPointer(messages, '/chats/list/1/messages/0').text).toBe('Owner Test: create_group (title: Transport group; members: Owner Test, Ana, Bogdan)');
  });
});

describe('Telegram JSON: old exports', () => {
  it('reads zone-less dates as wall clock and integer from_id', async () => {
    const result = await runParser(telegramJsonParser, inputFromFile(fixture('legacy.json')));
    const [first, second, third] = result.messages;
    expect(first?.time).toEqual({ wall: { year: 2019, month: 2, day: 14, hour: 21, minute: 3, second: 9 } });
    expect(first?.senderId).toBe('1234567');
    expect(second?.text).toBe('see this');
    expect(third?.time).toBeNull();
    expect(third?.timestampText).toBe('not a date');
    expect(result.chats[0]?.key).toBe('Legacy group');
    expect(result.outcome.formatVersion).toContain('legacy');
    expect(result.warnings.some((warning) => warning.message.includes('"not a date"'))).toBe(true);
  });

  it('reads a date with Z as an instant (generated files do this)', async () => {
    const json = '{"name":"g","messages":[{"id":1,"type":"message","date":"2017-01-01T06:20:09.248Z","from":"a","from_id":19,"text":"x"}]}';
    const { messages } = await runParser(telegramJsonParser, inputFromText(json));
    expect(messages[0]?.time).toEqual({ utcMs: Date.UTC(2017, 0, 1, 6, 20, 9, 248) });
  });
});

describe('Telegram JSON: broken and hostile files', () => {
  it('keeps what came before a truncation, marks the cut message, and warns with the place', async () => {
    const result = await runParser(telegramJsonParser, inputFromFile(fixture('truncated.json')));
    expect(result.messages.slice(0, 4).map((message) => message.kind)).toEqual(['system', 'message', 'message', 'message']);
    const cut = result.messages[4];
    expect(cut?.kind).toBe('unparsed');
    expect(cut?.reason).toContain('cut off');
    expect(cut?.locator).toEqual({ kind: 'json-pointer', file: 'truncated.json', pointer: '/messages/4' });
    const warning = result.warnings.find((item) => item.message.includes('reading stopped'));
    expect(warning?.place).toBe('truncated.json:line 71, column 22');
    expect(result.outcome.details['complete']).toBe(false);
  });

  it('throws E_IMPORT_FORMAT naming the place when nothing can be read', async () => {
    const error = await runParser(telegramJsonParser, inputFromText('{"messages": [1 2], "x": 1}', { displayName: 'bad.json' })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('E_IMPORT_FORMAT');
    expect((error as AppError).message).toMatch(/^bad\.json: JSON syntax error.* at line 1, column 17;/u);
  });

  it('throws for an empty file and for a top-level array', async () => {
    await expect(runParser(telegramJsonParser, inputFromText(''))).rejects.toMatchObject({ code: 'E_IMPORT_FORMAT' });
    await expect(runParser(telegramJsonParser, inputFromText('[1,2]'))).rejects.toMatchObject({ code: 'E_IMPORT_FORMAT' });
  });

  it('regression: one message value nested 600 levels deep stops nothing (the rest of the chat was not read)', async () => {
    const message = (id: number, text: string): string => `{"id":${id},"type":"message","date_unixtime":"${1_700_000_000 + id}","from":"a","text":${text}}`;
    const deep = `${'['.repeat(600)}${']'.repeat(600)}`;
    const result = await runParser(telegramJsonParser, inputFromText(`{"name":"x","type":"personal_chat","id":1,"messages":[${message(1, '"one"')},${message(2, deep)},${message(3, '"three"')}],"extra":${deep}}`));
    expect(result.messages.map((item) => [item.kind, item.kind === 'unparsed' ? item.reason?.includes('nested deeper') : item.text])).toEqual([
      ['message', 'one'],
      ['unparsed', true],
      ['message', 'three'],
    ]);
    expect(result.warnings.some((warning) => warning.message.includes('reading stopped'))).toBe(false);
  });

  it('refuses nesting deeper than the limit without exhausting memory', async () => {
    const deep = `{"messages":[${'['.repeat(MAX_DOCUMENT_DEPTH * 4)}`;
    const result = await runParser(telegramJsonParser, inputFromText(`{"name":"x","type":"personal_chat",${deep.slice(1)}`));
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]?.kind).toBe('unparsed');
    expect(result.warnings.some((warning) => warning.message.includes('nested deeper'))).toBe(true);
  });

  it('caps a huge string: the message is kept as unparsed, its raw text truncated', async () => {
    const huge = 'A'.repeat(MAX_STRING_CHARS + 10);
    const json = `{"name":"x","messages":[{"id":1,"type":"message","date_unixtime":"1","from":"a","text":"${huge}"},{"id":2,"type":"message","date_unixtime":"2","from":"a","text":"after"}]}`;
    const { messages } = await runParser(telegramJsonParser, inputFromText(json));
    expect(messages).toHaveLength(2);
    expect(messages[0]?.kind).toBe('unparsed');
    expect(messages[0]?.reason).toMatch(/longer than .* cut.*truncated to the first 65536/u);
    expect(messages[0]?.text.length).toBe(64 * 1024);
    expect(messages[1]?.text).toBe('after');
  });

  it('reads invalid UTF-8 as U+FFFD and reports the byte offset', async () => {
    const prefix = new TextEncoder().encode('{"name":"x","messages":[{"id":1,"type":"message","date_unixtime":"1","from":"a","text":"b');
    const suffix = new TextEncoder().encode('d"}]}');
    const bytes = new Uint8Array([...prefix, 0xff, 0xfe, ...suffix]);
    const result = await runParser(telegramJsonParser, inputFromBytes(bytes));
    expect(result.messages[0]?.text).toBe('b\uFFFD\uFFFDd');
    expect(result.warnings.some((warning) => warning.message.includes(`byte offset ${prefix.length}`))).toBe(true);
  });

  it('keeps a "__proto__" key as data', async () => {
    const json = '{"name":"x","messages":[{"id":1,"type":"message","date_unixtime":"1","from":"a","text":"t","__proto__":{"polluted":true}}]}';
    const { messages } = await runParser(telegramJsonParser, inputFromText(json));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(messages[0]?.extra?.['__proto__']).toMatchObject({ polluted: true });
  });
});

describe('Telegram JSON: streaming', () => {
  const many = (count: number): string =>
    `{"name":"big","type":"private_group","id":1,"messages":[${Array.from({ length: count }, (_, index) => `{"id":${index},"type":"message","date_unixtime":"${1700000000 + index}","from":"u${index % 7}","from_id":"user${index % 7}","text":"message ${index}"}`).join(',\n')}]}`;

  it('streams a long export without readAll(), reporting progress', async () => {
    const result = await runParser(telegramJsonParser, inputFromText(many(12_000), { forbidReadAll: true }));
    expect(result.messages).toHaveLength(12_000);
    expect(result.messages[11_999]?.text).toBe('message 11999');
    expect(result.progress.length).toBeGreaterThan(5);
    expect(result.progress[result.progress.length - 1]?.done).toBe(result.progress[result.progress.length - 1]?.total);
  });

  it('stops when cancelled', async () => {
    const sink = collectingSink({ cancelAfter: 3 });
    await expect(telegramJsonParser.parse(inputFromText(many(12_000), { chunkBytes: 16 * 1024 }), sink, {})).rejects.toMatchObject({ code: 'E_CANCELLED' });
    expect(sink.collected.messages.length).toBeLessThan(12_000);
  });
});

describe('sniffTelegramJson', () => {
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
  it('recognises single-chat, full-account and minimal exports', () => {
    expect(sniffTelegramJson(encode('{"name":"a","type":"personal_chat","id":1,"messages":[]}'))).toBe(true);
    expect(sniffTelegramJson(encode('\uFEFF{"about":"x","personal_information":{},"chats":{"list":[]}}'))).toBe(true);
    expect(sniffTelegramJson(encode('{"messages":[{"type":"message","date_unixtime":"1"}]}'))).toBe(true);
  });
  it('rejects Meta JSON and other JSON', () => {
    expect(sniffTelegramJson(encode('{"participants":[],"messages":[{"sender_name":"a","timestamp_ms":1}]}'))).toBe(false);
    expect(sniffTelegramJson(encode('{"messages":[]}'))).toBe(false);
    expect(sniffTelegramJson(encode('[{"type":"message","date_unixtime":"1"}]'))).toBe(false);
  });
});

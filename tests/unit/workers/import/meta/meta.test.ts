import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { MAX_REORDERED_MESSAGES, metaMessagesParser, parseMetaMessages, repairMojibake, sniffMetaMessages } from '../../../../../workers/import/meta/index.ts';
import { MAX_DOCUMENT_DEPTH } from '../../../../../workers/import/telegram/json-walker.ts';
import { collectingSink, inputFromBytes, inputFromFile, inputFromText, runParser } from '../../../../support/parser-harness.ts';

const FIXTURES = path.resolve(process.cwd(), 'fixtures/meta');
const THREAD = 'your_facebook_activity/messages/inbox/irina_8842';
const part = (n: number): string => path.join(FIXTURES, `inbox/irina_8842/message_${n}.json`);

function at(messages: ParsedMessage[], index: number): ParsedMessage {
  const found = messages.find((message) => message.locator.kind === 'json-pointer' && message.locator.pointer === `/messages/${index}`);
  if (found === undefined) throw new Error(`no message at /messages/${index}`);
  return found;
}

describe('Meta DYI message file', () => {
  it('writes messages oldest first while locators keep the original index', async () => {
    const { messages } = await runParser(metaMessagesParser, inputFromFile(part(1), { displayName: `${THREAD}/message_1.json` }));
    expect(messages).toHaveLength(12);
    const pointers = messages.map((message) => (message.locator.kind === 'json-pointer' ? message.locator.pointer : ''));
    // Newest first in the file, so reversed; the two records without a time stay beside their neighbours.
    expect(pointers).toEqual(['/messages/11', '/messages/10', '/messages/9', '/messages/8', '/messages/7', '/messages/6', '/messages/5', '/messages/4', '/messages/3', '/messages/2', '/messages/1', '/messages/0']);
    const times = messages.flatMap((message) => (message.time !== null && 'utcMs' in message.time ? [message.time.utcMs] : []));
    expect(times).toEqual([...times].sort((left, right) => left - right));
  });

  it('repairs the latin-1 mojibake in names, text and reactions', async () => {
    const { messages, chats } = await runParser(metaMessagesParser, inputFromFile(part(1)));
    expect(chats).toEqual([{ key: 'inbox/irina_8842', mergeKey: 'inbox/irina_8842', mergeWithinFolder: true, title: 'Irina Popescu', kind: 'private', participants: [{ name: 'Irina Popescu' }, { name: 'Ștefan' }] }]);
    expect(at(messages, 0).text).toBe('Mâine la 8, nu întârzia ❤️');
    expect(at(messages, 0).extra?.['reactions']).toEqual([{ reaction: '👍', actor: 'Ștefan' }]);
    expect(at(messages, 1).sender).toBe('Ștefan');
    expect(at(messages, 1).text).toBe('Trimite-mi poza pașaportului');
  });

  it('leaves strings alone that are not mojibake', async () => {
    const { messages } = await runParser(metaMessagesParser, inputFromFile(part(1)));
    expect(at(messages, 7).text).toBe('Ștefan called you.');
    expect(at(messages, 10).text).toBe('Café Latin-1, left alone');
  });

  it('reads the timestamp as UTC milliseconds, keeping the raw value', async () => {
    const { messages } = await runParser(metaMessagesParser, inputFromFile(part(1)));
    expect(at(messages, 0).time).toEqual({ utcMs: 1712340000000 });
    expect(at(messages, 0).timestampText).toBe('1712340000000');
  });

  it('turns photos, videos, audio, files, gifs and stickers into attachments', async () => {
    const { messages } = await runParser(metaMessagesParser, inputFromFile(part(1)));
    expect(at(messages, 2).attachments).toEqual([{ kind: 'attached', mediaType: 'image', fileName: '1122.jpg', path: `${THREAD}/photos/1122.jpg`, alternativePaths: ['photos/1122.jpg'] }]);
    expect(at(messages, 5).attachments.map((attachment) => [attachment.mediaType, attachment.fileName])).toEqual([
      ['video', '33.mp4'],
      ['audio', 'a1.mp4'],
      ['gif', 'g.gif'],
      ['document', 'contract.pdf'],
    ]);
    expect(at(messages, 6).attachments).toEqual([{ kind: 'attached', mediaType: 'sticker', fileName: 's1.png', path: 'your_facebook_activity/messages/stickers_used/s1.png', alternativePaths: ['../../stickers_used/s1.png'] }]);
  });

  it('marks unsent messages deleted and keeps share, call and other fields in extra', async () => {
    const { messages } = await runParser(metaMessagesParser, inputFromFile(part(1)));
    expect(at(messages, 3).deleted).toBe(true);
    expect(at(messages, 1).deleted).toBe(false);
    expect(at(messages, 4).extra?.['share']).toEqual({ link: 'https://example.invalid/job?id=7', share_text: 'Lucru în străinătate' });
    expect(at(messages, 7).extra).toMatchObject({ call_duration: 65, type: 'Call' });
  });

  it('makes membership notices system lines with the actor in extra', async () => {
    const { messages } = await runParser(metaMessagesParser, inputFromFile(part(1)));
    expect(at(messages, 11)).toMatchObject({ kind: 'system', sender: null, text: 'Ștefan added Irina Popescu to the group.' });
    expect(at(messages, 11).extra?.['actor']).toBe('Ștefan');
  });

  it('keeps an unparsed element as written, its mojibake not repaired (the raw text is the source, not a reading of it)', async () => {
    // "Ã\u0098tefan" is how the DYI export writes "Ștefan" (UTF-8 bytes as latin-1 code points).
    const json = JSON.stringify({ participants: [{ name: 'Ana' }], messages: [['\u00c8\u0098tefan', 1]], title: 'Ana', thread_path: 'inbox/ana_1' });
    const { messages } = await runParser(metaMessagesParser, inputFromText(json, { displayName: 'inbox/ana_1/message_1.json' }));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: 'unparsed', text: '["\u00c8\u0098tefan",1]' });
  });

  it('keeps a non-object element as unparsed and a message without time with a warning', async () => {
    const result = await runParser(metaMessagesParser, inputFromFile(part(1)));
    expect(at(result.messages, 8)).toMatchObject({ kind: 'unparsed', text: '"not a message object"' });
    // Regression: listed once, by the import worker from the record, not also as a parser warning.
    const pointer = (at(result.messages, 8).locator as { pointer: string }).pointer;
    expect(result.warnings.filter((warning) => warning.place.endsWith(`#${pointer}`))).toEqual([]);
    expect(at(result.messages, 9)).toMatchObject({ kind: 'message', time: null, text: 'no timestamp here' });
    expect(result.warnings.some((warning) => warning.message.includes('no timestamp_ms'))).toBe(true);
  });

  it('keeps a message whose timestamp is an object or array (a damaged file) with no time and the raw value as text', async () => {
    // Found by tests/integration/damaged-samples.test.ts: repaired objects have no prototype, so String() threw a TypeError.
    const text = JSON.stringify({
      participants: [{ name: 'A' }],
      messages: [
        { sender_name: 'A', timestamp_ms: { sender_name: 'B' }, content: 'object' },
        { sender_name: 'A', timestamp_ms: [1, 2], content: 'array' },
      ],
    });
    const { messages } = await runParser(metaMessagesParser, inputFromText(text, { displayName: 'message_1.json' }));
    // Written in reverse (Meta files are newest first), so compared in file order.
    expect(messages.map((message) => [message.text, message.time, message.timestampText]).reverse()).toEqual([
      ['object', null, '{"sender_name":"B"}'],
      ['array', null, '[1,2]'],
    ]);
  });

  it('gives every part of a thread the same chat key so they merge', async () => {
    const first = await runParser(metaMessagesParser, inputFromFile(part(1)));
    const second = await runParser(metaMessagesParser, inputFromFile(part(2)));
    expect(second.chats[0]?.key).toBe(first.chats[0]?.key);
    expect(second.messages.map((message) => message.text)).toEqual(['first message', 'older part of the thread']);
    expect(new Set([...first.messages, ...second.messages].map((message) => message.chatKey))).toEqual(new Set(['inbox/irina_8842']));
  });

  it('falls back to the folder for the chat key when thread_path is missing', async () => {
    const json = '{"messages":[{"sender_name":"a","timestamp_ms":2,"content":"x"}]}';
    const { chats, messages } = await runParser(metaMessagesParser, inputFromText(json, { displayName: 'inbox/bob_1/message_3.json' }));
    expect(chats[0]?.key).toBe('inbox/bob_1');
    expect(messages[0]?.chatKey).toBe('inbox/bob_1');
  });

  it('keeps what was read before a truncation and warns with the place', async () => {
    const result = await runParser(metaMessagesParser, inputFromFile(path.join(FIXTURES, 'truncated.json')));
    expect(result.messages.map((message) => message.kind)).toEqual(['unparsed', 'message', 'message', 'message']);
    expect(result.messages[0]?.reason).toContain('cut off');
    expect(result.warnings.find((warning) => warning.message.includes('reading stopped'))?.place).toMatch(/^truncated\.json:line 7, column \d+$/u);
  });

  it('throws E_IMPORT_FORMAT when nothing can be read', async () => {
    await expect(runParser(metaMessagesParser, inputFromText('{"participants": [{"name": ', { displayName: 'm.json' }))).rejects.toMatchObject({ code: 'E_IMPORT_FORMAT' });
  });

  it('reads the end-to-end-encrypted camelCase variant without repairing its proper UTF-8', async () => {
    const json = '{"participants":["Ana","Ion"],"threadName":"Ana","messages":[{"senderName":"Ion","timestamp":1712340000000,"text":"Bună","type":"text","isUnsent":true,"media":[{"uri":"media/x.jpg"}]}]}';
    const { messages, outcome } = await runParser(metaMessagesParser, inputFromText(json, { displayName: 'e2ee.json' }));
    expect(messages[0]).toMatchObject({ sender: 'Ion', text: 'Bună', deleted: true, time: { utcMs: 1712340000000 } });
    expect(messages[0]?.attachments).toEqual([{ kind: 'attached', mediaType: 'unknown', fileName: 'x.jpg', path: 'media/x.jpg' }]);
    expect(outcome.formatVersion).toBe('meta-e2ee-json');
  });

  it('past the reorder limit, writes the rest in file order under the folder key, with a warning', async () => {
    expect(MAX_REORDERED_MESSAGES).toBeGreaterThanOrEqual(10_000);
    const items = Array.from({ length: 6 }, (_, index) => `{"sender_name":"a","timestamp_ms":${600 - index},"content":"m${index}"}`);
    const sink = collectingSink();
    await parseMetaMessages(inputFromText(`{"messages":[${items.join(',')}],"thread_path":"inbox/late"}`, { displayName: 'inbox/x_1/message_1.json' }), sink, 3);
    expect(sink.collected.messages.map((message) => message.text)).toEqual(['m3', 'm2', 'm1', 'm0', 'm4', 'm5']);
    expect(new Set(sink.collected.messages.map((message) => message.chatKey))).toEqual(new Set(['inbox/x_1']));
    expect(sink.collected.warnings[0]?.message).toContain('more than 3 messages');
  });
});

describe('Meta importer against hostile input', () => {
  it('refuses hostile nesting with a place, without exhausting memory', async () => {
    const json = `{"messages":[{"sender_name":"a","timestamp_ms":1,"content":"ok"},${'['.repeat(MAX_DOCUMENT_DEPTH * 4)}`;
    const result = await runParser(metaMessagesParser, inputFromText(json, { displayName: 'deep.json', forbidReadAll: true }));
    // Written oldest first: the broken element came later in the (newest-first) file.
    expect(result.messages.map((message) => message.kind)).toEqual(['unparsed', 'message']);
    expect(result.warnings.find((warning) => warning.message.includes('reading stopped'))?.place).toMatch(/^deep\.json:line 1, column \d+$/u);
    expect(result.messages[0]?.locator).toEqual({ kind: 'json-pointer', file: 'deep.json', pointer: '/messages/1' });
  });

  it('regression: a participant name nested 600 levels deep fails nothing (the whole file was refused)', async () => {
    const json = `{"participants":[{"name":${'['.repeat(600)}${']'.repeat(600)}}],"messages":[{"sender_name":"a","timestamp_ms":1,"content":"ok"}]}`;
    const result = await runParser(metaMessagesParser, inputFromText(json, { displayName: 'deep.json' }));
    expect(result.messages.map((message) => [message.kind, message.text])).toEqual([['message', 'ok']]);
  });

  it('reads invalid UTF-8 as U+FFFD and reports where', async () => {
    const head = new TextEncoder().encode('{"messages":[{"sender_name":"a","timestamp_ms":1,"content":"x');
    const bytes = new Uint8Array([...head, 0xe2, 0x28, ...new TextEncoder().encode('y"}]}')]);
    const result = await runParser(metaMessagesParser, inputFromBytes(bytes));
    expect(result.messages[0]?.text).toBe('x\uFFFD(y');
    expect(result.warnings.some((warning) => warning.message.includes(`byte offset ${head.length}`))).toBe(true);
  });
});

describe('repairMojibake', () => {
  it('re-decodes UTF-8 bytes read as latin-1, only when the result is valid', () => {
    expect(repairMojibake('J\u00e2\u009d\u00a4\u00ef\u00b8\u008fhn')).toBe('J❤️hn');
    expect(repairMojibake('plain ascii')).toBe('plain ascii');
    expect(repairMojibake('café')).toBe('café');
    expect(repairMojibake('Ștefan Ã©')).toBe('Ștefan Ã©');
    expect(repairMojibake('\u00ef\u00bb\u00bfx')).toBe('\uFEFFx');
  });
});

describe('sniffMetaMessages', () => {
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
  it('recognises DYI and E2EE message files and nothing else', () => {
    expect(sniffMetaMessages(encode('\uFEFF{"participants":[{"name":"a"}],"messages":[{"sender_name":"a","timestamp_ms":1}]}'))).toBe(true);
    expect(sniffMetaMessages(encode('{"messages":[{"sender_name":"a","timestamp_ms":1}]}'))).toBe(true);
    expect(sniffMetaMessages(encode('{"participants":["a"],"messages":[{"senderName":"a","timestamp":1}]}'))).toBe(true);
    expect(sniffMetaMessages(encode('{"messages":[{"type":"message","date_unixtime":"1","from":"a"}]}'))).toBe(false);
    expect(sniffMetaMessages(encode('[{"sender_name":"a","timestamp_ms":1}]'))).toBe(false);
  });
});

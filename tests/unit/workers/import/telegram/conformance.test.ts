import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffTelegramHtml, sniffTelegramJson, telegramHtmlParser, telegramJsonParser } from '../../../../../workers/import/telegram/index.ts';
import { headOf, inputFromFile, listFiles, otherFormatSamples, runParser, SAMPLE_FOLDERS, SAMPLES_ROOT } from '../../../../support/parser-harness.ts';

/**
 * Conformance over the shared public Telegram samples (`../shared/samples`, provenance in
 * SOURCES.md): every message object becomes exactly one record whose locator finds it again,
 * and each sniffer claims its own samples only. Skipped when the samples are absent.
 */
const HAVE_SAMPLES = existsSync(SAMPLES_ROOT);
const jsonSamples = HAVE_SAMPLES ? listFiles(path.join(SAMPLES_ROOT, 'telegram-json'), (name) => name.endsWith('.json')) : [];
const htmlSamples = HAVE_SAMPLES ? listFiles(path.join(SAMPLES_ROOT, 'telegram-html'), (name) => name.endsWith('.html')) : [];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON pointer → value, for checking locators against the file itself. */
function resolvePointer(document: Json, pointer: string): Json | undefined {
  let current: Json | undefined = document;
  for (const part of pointer.split('/').slice(1)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current) ? current[Number(part)] : current[part.replace(/~1/gu, '/').replace(/~0/gu, '~')];
  }
  return current;
}

function countMessages(document: Json): number {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return 0;
  let count = Array.isArray(document['messages']) ? document['messages'].length : 0;
  for (const section of ['chats', 'left_chats']) {
    const list = (document[section] as { list?: Json } | undefined)?.list;
    if (Array.isArray(list)) for (const chat of list) count += countMessages(chat);
  }
  return count;
}

describe.skipIf(!HAVE_SAMPLES)('conformance: Telegram JSON samples', () => {
  it('finds the samples', () => {
    expect(jsonSamples.length).toBeGreaterThanOrEqual(7);
  });

  for (const file of jsonSamples) {
    const name = path.relative(SAMPLES_ROOT, file);
    it(`${name}: one record per message object, each locator pointing at it`, async () => {
      expect(sniffTelegramJson(headOf(file))).toBe(true);
      const document = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/u, '')) as Json;
      const result = await runParser(telegramJsonParser, inputFromFile(file, { displayName: name, forbidReadAll: true }));
      expect(result.messages).toHaveLength(countMessages(document));
      expect(result.messages.filter((message) => message.kind === 'unparsed')).toEqual([]);
      for (const message of result.messages) {
        expect(message.locator.kind).toBe('json-pointer');
        if (message.locator.kind !== 'json-pointer') continue;
        const original = resolvePointer(document, message.locator.pointer) as Record<string, Json> | undefined;
        expect(original).toBeTypeOf('object');
        expect(message.extra?.['id']).toEqual(original?.['id']);
        expect(message.time).not.toBeNull();
        expect(result.chats.map((chat) => chat.key)).toContain(message.chatKey);
      }
      expect(result.outcome.details['complete']).toBe(true);
    });
  }

  it('DM_2A_7M.json: wall clock where only `date` exists, UTC where date_unixtime does', async () => {
    const file = path.join(SAMPLES_ROOT, 'telegram-json/chat-analytics/DM_2A_7M.json');
    const { messages } = await runParser(telegramJsonParser, inputFromFile(file));
    expect(messages[0]?.time).toEqual({ wall: { year: 2019, month: 7, day: 5, hour: 16, minute: 55, second: 32 } });
    expect(messages[3]?.time).toEqual({ utcMs: 1652135033000 });
    expect(messages[1]?.text).toBe('https://google.com 👀');
    expect(messages[5]?.attachments).toEqual([{ kind: 'omitted', mediaType: 'image' }]);
    expect(messages[7]?.kind).toBe('system');
  });
});

describe.skipIf(!HAVE_SAMPLES)('conformance: Telegram HTML sample', () => {
  for (const file of htmlSamples) {
    const name = path.relative(SAMPLES_ROOT, file);
    it(`${name}: every message block is one record, in order, with its line`, async () => {
      expect(sniffTelegramHtml(headOf(file))).toBe(true);
      const text = readFileSync(file, 'utf8');
      const blocks = [...text.matchAll(/<div class="message [^"]*" id="(message\d+)"/gu)].map((match) => match[1]);
      const result = await runParser(telegramHtmlParser, inputFromFile(file, { displayName: name, forbidReadAll: true }));
      expect(result.messages.map((message) => (message.locator.kind === 'html-element' ? message.locator.elementId : null))).toEqual(blocks);
      const lines = text.split('\n');
      for (const message of result.messages) {
        if (message.locator.kind !== 'html-element') continue;
        expect(lines[(message.locator.line ?? 0) - 1]).toContain(`id="${message.locator.elementId ?? ''}"`);
        expect(message.sender).not.toBeNull();
        expect(message.time).not.toBeNull();
        expect(message.time !== null && 'standardOffsetMinutes' in message.time).toBe(true);
      }
      expect(result.outcome.details['dateDividers']).toBe([...text.matchAll(/id="message-\d+"/gu)].length);
      expect(result.warnings).toEqual([]);
    });
  }

  it('messages.html: stickers by folder, joined senders, the forwarded post, the reply', async () => {
    const file = path.join(SAMPLES_ROOT, 'telegram-html/Telegram-Chat-Export-Reader/messages.html');
    const { messages, chats } = await runParser(telegramHtmlParser, inputFromFile(file));
    expect(chats[0]?.title).toBe('Who');
    expect(messages[0]?.attachments[0]).toMatchObject({ mediaType: 'sticker', path: 'stickers/AnimatedSticker.tgs' });
    expect(messages[0]?.time).toEqual({ wall: { year: 2025, month: 12, day: 3, hour: 19, minute: 7, second: 11 }, standardOffsetMinutes: 120 });
    expect(messages[3]?.sender).toBe('Emerick Grimm');
    const forwarded = messages.find((message) => message.extra?.['forwardedFrom'] !== undefined);
    expect(forwarded?.extra?.['forwardedFrom']).toBe('[ ARCHIVE ] AroPixel Home');
    expect(forwarded?.text.startsWith('Схоже, що треба')).toBe(true);
    expect(messages.find((message) => message.extra?.['replyToMessageId'] === '1301549')?.text).toBe('Your quote');
  });
});

describe.skipIf(!HAVE_SAMPLES)('Telegram sniffers claim no other format', () => {
  it('telegram JSON sniffer is false on every other sample (Meta JSON, XML, CSV, HTML, WhatsApp...)', () => {
    const others = otherFormatSamples(SAMPLE_FOLDERS.telegramJson);
    expect(others.length).toBeGreaterThan(100);
    expect(others.filter((file) => sniffTelegramJson(headOf(file))).map((file) => path.relative(SAMPLES_ROOT, file))).toEqual([]);
  });

  it('telegram HTML sniffer is false on every other sample', () => {
    const others = otherFormatSamples(SAMPLE_FOLDERS.telegramHtml);
    expect(others.filter((file) => sniffTelegramHtml(headOf(file))).map((file) => path.relative(SAMPLES_ROOT, file))).toEqual([]);
  });
});

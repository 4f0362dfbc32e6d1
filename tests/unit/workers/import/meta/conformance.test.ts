import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { metaMessagesParser, sniffMetaMessages } from '../../../../../workers/import/meta/index.ts';
import { headOf, inputFromFile, listFiles, otherFormatSamples, runParser, SAMPLE_FOLDERS, SAMPLES_ROOT } from '../../../../support/parser-harness.ts';

/**
 * Conformance over the shared Messenger and Instagram samples (`../shared/samples`, provenance in
 * SOURCES.md): one record per message object, written oldest first, locators pointing back at the
 * original index. Skipped when the samples are absent.
 */
const HAVE_SAMPLES = existsSync(SAMPLES_ROOT);
const samples = HAVE_SAMPLES ? SAMPLE_FOLDERS.meta.flatMap((folder) => listFiles(path.join(SAMPLES_ROOT, folder), (name) => name.endsWith('.json'))) : [];

describe.skipIf(!HAVE_SAMPLES)('conformance: Meta message samples', () => {
  it('finds the samples', () => {
    expect(samples.length).toBeGreaterThanOrEqual(4);
  });

  for (const file of samples) {
    const name = path.relative(SAMPLES_ROOT, file);
    it(`${name}: every message once, oldest first, locators to the original index`, async () => {
      expect(sniffMetaMessages(headOf(file))).toBe(true);
      const document = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/u, '')) as { messages: { timestamp_ms: number; sender_name: string }[] };
      const result = await runParser(metaMessagesParser, inputFromFile(file, { displayName: name, forbidReadAll: true }));
      expect(result.messages).toHaveLength(document.messages.length);
      const indexes = result.messages.map((message) => (message.locator.kind === 'json-pointer' ? Number(message.locator.pointer.split('/')[2]) : -1));
      expect([...indexes].sort((left, right) => left - right)).toEqual(document.messages.map((_, index) => index));
      result.messages.forEach((message, position) => {
        const original = document.messages[indexes[position] ?? -1];
        expect(message.time).toEqual({ utcMs: original?.timestamp_ms });
        if (position > 0) {
          const previous = result.messages[position - 1]?.time;
          expect(previous !== null && previous !== undefined && 'utcMs' in previous && message.time !== null && 'utcMs' in message.time && previous.utcMs <= message.time.utcMs).toBe(true);
        }
      });
      expect(result.messages.filter((message) => message.kind === 'unparsed')).toEqual([]);
      expect(result.warnings).toEqual([]);
    });
  }

  it('instagram testlog.json: mojibake repaired everywhere', async () => {
    const file = path.join(SAMPLES_ROOT, 'instagram-json/chat-miner/testlog.json');
    const { messages, chats, outcome } = await runParser(metaMessagesParser, inputFromFile(file));
    expect(chats[0]?.participants?.map((participant) => participant.name)).toEqual(['John Doe', 'J❤️hn Doe', 'Jane Doe', 'Lionel Messi']);
    expect(chats[0]?.key).toBe('inbox/testlog_2765720812686121');
    expect(messages.map((message) => message.sender)).toContain('❤️');
    expect(messages.find((message) => message.text.startsWith('Testing message with emoji'))?.text).toBe('Testing message with emoji: ❤️');
    expect(messages.find((message) => message.text === 'Testing message with reactions.')?.extra?.['reactions']).toEqual([
      { reaction: '❤️', actor: 'J❤️hn Doe' },
      { reaction: '💖', actor: 'Jane Doe' },
    ]);
    expect(outcome.details['mojibakeStringsRepaired']).toBeGreaterThan(0);
  });

  it('messenger 2A_7M.json (BOM, newest first): files, audio, sticker, photo and the ip field', async () => {
    const file = path.join(SAMPLES_ROOT, 'messenger-json/chat-analytics/2A_7M.json');
    const { messages } = await runParser(metaMessagesParser, inputFromFile(file));
    expect(messages.map((message) => message.attachments[0]?.mediaType ?? 'text')).toEqual(['image', 'sticker', 'audio', 'document', 'text', 'text', 'text']);
    expect(messages[0]?.extra?.['ip']).toBe('1.1.1.1');
    expect(messages[6]?.text).toBe('Hello');
  });
});

describe.skipIf(!HAVE_SAMPLES)('the Meta sniffer claims no other format', () => {
  it('is false on every other sample (Telegram JSON, XML, CSV, HTML, WhatsApp...)', () => {
    const others = otherFormatSamples(SAMPLE_FOLDERS.meta);
    expect(others.length).toBeGreaterThan(100);
    expect(others.filter((file) => sniffMetaMessages(headOf(file))).map((file) => path.relative(SAMPLES_ROOT, file))).toEqual([]);
  });
});

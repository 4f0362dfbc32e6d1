import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { sniffTelegramHtml, telegramHtmlParser } from '../../../../../workers/import/telegram/index.ts';
import { MAX_BLOCK_DEPTH } from '../../../../../workers/import/telegram/html-tree.ts';
import { inputFromFile, inputFromText, runParser } from '../../../../support/parser-harness.ts';

const FIXTURES = path.resolve(process.cwd(), 'fixtures/telegram');
const fixture = (name: string): string => path.join(FIXTURES, name);

function byId(messages: ParsedMessage[], id: string): ParsedMessage {
  const found = messages.find((message) => message.locator.kind === 'html-element' && message.locator.elementId === id);
  if (found === undefined) throw new Error(`no message ${id}`);
  return found;
}

describe('Telegram HTML export page', () => {
  it('names the chat from the page header and skips date dividers', async () => {
    const result = await runParser(telegramHtmlParser, inputFromFile(fixture('messages.html'), { displayName: 'ChatExport_2024-04-06/messages.html' }));
    // Announced as the first message comes, and again once "Vlad invited Elena" has shown a group.
    expect(result.chats).toEqual([
      { key: 'ChatExport_2024-04-06/Recruiter & Co', mergeKey: 'ChatExport_2024-04-06/Recruiter & Co', mergeWithinFolder: true, title: 'Recruiter & Co', kind: 'unknown' },
      { key: 'ChatExport_2024-04-06/Recruiter & Co', mergeKey: 'ChatExport_2024-04-06/Recruiter & Co', mergeWithinFolder: true, title: 'Recruiter & Co', kind: 'group' },
    ]);
    expect(result.outcome.details).toMatchObject({ chatKind: 'group', chatKindEvidence: expect.stringContaining('"Vlad invited Elena"') });
    expect(result.messages.map((message) => message.locator.kind === 'html-element' && message.locator.elementId)).toEqual([
      'message4001',
      'message4002',
      'message4003',
      'message4004',
      'message4005',
    ]);
    expect(result.outcome.details).toMatchObject({ dateDividers: 1, joinedMessages: 1, messages: 5, unparsed: 0 });
    expect(result.warnings).toEqual([]);
  });

  it('reads the date title as the wall time with the standard offset Telegram Desktop writes beside it', async () => {
    const { messages } = await runParser(telegramHtmlParser, inputFromFile(fixture('messages.html')));
    const message = byId(messages, 'message4002');
    expect(message.time).toEqual({ wall: { year: 2024, month: 4, day: 5, hour: 21, minute: 14, second: 5 }, standardOffsetMinutes: 180 });
    expect(message.timestampText).toBe('05.04.2024 21:14:05 UTC+03:00');
    expect(message.locator).toEqual({ kind: 'html-element', file: 'messages.html', path: 'div#message4002', elementId: 'message4002', line: 32 });
  });

  it('decodes entities, keeps line breaks and link targets, and separates "via @bot"', async () => {
    const { messages } = await runParser(telegramHtmlParser, inputFromFile(fixture('messages.html')));
    const message = byId(messages, 'message4002');
    expect(message.sender).toBe('Vlad');
    expect(message.extra?.['fromNameDetails']).toBe('via @jobs_bot');
    expect(message.text).toBe('Lucru în Germania, 2000€?\nDetalii: click (https://example.invalid/x) <3');
  });

  it('gives a joined message the previous sender', async () => {
    const { messages } = await runParser(telegramHtmlParser, inputFromFile(fixture('messages.html')));
    const joined = byId(messages, 'message4003');
    expect(joined.sender).toBe('Vlad');
    expect(joined.extra?.['joined']).toBe(true);
    expect(joined.attachments).toEqual([
      {
        kind: 'attached',
        mediaType: 'image',
        path: 'photos/photo_2@05-04-2024_21-15-00.jpg',
        fileName: 'photo_2@05-04-2024_21-15-00.jpg',
        // The preview the page shows: stored only if the photo is missing from the copy.
        whenMissing: { kind: 'attached', mediaType: 'image', path: 'photos/photo_2@05-04-2024_21-15-00_thumb.jpg', fileName: 'photo_2@05-04-2024_21-15-00_thumb.jpg' },
      },
    ]);
  });

  it('keeps service lines as system messages', async () => {
    const { messages } = await runParser(telegramHtmlParser, inputFromFile(fixture('messages.html')));
    expect(byId(messages, 'message4001')).toMatchObject({ kind: 'system', text: 'Vlad invited Elena', sender: null, time: null });
  });

  it('reads replies, left-out files and forwarded messages', async () => {
    const { messages } = await runParser(telegramHtmlParser, inputFromFile(fixture('messages.html')));
    const reply = byId(messages, 'message4004');
    expect(reply.extra?.['replyToMessageId']).toBe('4002');
    expect(reply.attachments).toEqual([{ kind: 'omitted', mediaType: 'document', fileName: 'contract.pdf' }]);
    expect(reply.text).toBe('Primit.');
    const forwarded = byId(messages, 'message4005');
    expect(forwarded.sender).toBe('Vlad');
    expect(forwarded.text).toBe('Plecare luni.');
    expect(forwarded.extra).toMatchObject({ forwardedFrom: 'Agency X', forwardedDate: '04.04.2024 10:00:00 UTC+03:00', replyToMessageId: '3999', replyToFile: 'messages2.html' });
  });

  it('gives the same records whatever the chunk size (tags and entities cut across chunks)', async () => {
    const whole = await runParser(telegramHtmlParser, inputFromFile(fixture('messages.html')));
    const tiny = await runParser(telegramHtmlParser, inputFromFile(fixture('messages.html'), { chunkBytes: 5 }));
    expect(tiny.messages).toEqual(whole.messages);
  });

  it('reads pre-2022 titles without an offset as wall clock, and keeps unknown blocks', async () => {
    const result = await runParser(telegramHtmlParser, inputFromFile(fixture('messages-old.html')));
    const [first, second] = result.messages;
    expect(first?.sender).toBeNull();
    expect(result.warnings.some((warning) => warning.message.includes('no earlier message'))).toBe(true);
    expect(second?.time).toEqual({ wall: { year: 2019, month: 2, day: 14, hour: 21, minute: 4, second: 10 } });
    expect(second?.extra?.['otherBlocks']).toEqual([{ class: 'reactions', text: '👍 2' }]);
    expect(result.outcome.formatVersion).toContain('no UTC offset');
  });

  it('keeps a message cut off by the end of the file as unparsed, with its raw HTML', async () => {
    const result = await runParser(telegramHtmlParser, inputFromFile(fixture('messages-truncated.html')));
    const last = result.messages[result.messages.length - 1];
    expect(result.messages).toHaveLength(4);
    expect(last?.kind).toBe('unparsed');
    expect(last?.reason).toContain('file ends inside');
    expect(last?.text.startsWith('<div class="message default clearfix" id="message4004">')).toBe(true);
    expect(last?.text.endsWith('Pri')).toBe(true);
    // Regression: listed once, by the import worker from the record, not also as a parser warning.
    expect(result.warnings.filter((warning) => warning.message === last?.reason)).toEqual([]);
  });

  it('bounds hostile nesting inside a message', async () => {
    const deep = `<html><div class="message default clearfix" id="message1">${'<div>'.repeat(MAX_BLOCK_DEPTH * 4)}x</div>`;
    const { messages } = await runParser(telegramHtmlParser, inputFromText(deep));
    expect(messages).toHaveLength(1);
    expect(messages[0]?.kind).toBe('unparsed');
  });

  it('throws when the page has no Telegram blocks at all', async () => {
    await expect(runParser(telegramHtmlParser, inputFromText('<html><body><p>hello</p></body></html>'))).rejects.toMatchObject({ code: 'E_IMPORT_FORMAT' });
  });
});

describe('sniffTelegramHtml', () => {
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
  it('recognises an export page and rejects other HTML', () => {
    expect(sniffTelegramHtml(encode('<!DOCTYPE html><html><div class="message default clearfix" id="message12">'))).toBe(true);
    expect(sniffTelegramHtml(encode('<!DOCTYPE html><html><body><div class="page_wrap"><div class="history">'))).toBe(true);
    expect(sniffTelegramHtml(encode('<!DOCTYPE html><html><body><div class="message">hi</div></body></html>'))).toBe(false);
    expect(sniffTelegramHtml(encode('<div class="message default clearfix" id="message12">'))).toBe(false);
  });
});

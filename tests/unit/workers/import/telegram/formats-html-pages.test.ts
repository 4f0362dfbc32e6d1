import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { telegramHtmlParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * FORMATS.md §2.3 for the pages after the first: Telegram Desktop's HTML writer starts a new
 * file every 1000 messages (`messages2.html`, `messages3.html`…), repeats the chat header on
 * each, opens each with a "Previous messages" link and a date divider, and resets its notion of
 * the previous message, so the first message of a page always shows its sender. Pages built
 * here in that markup.
 */

const FOLDER = 'ChatExport_2024-04-07';

function page(body: string, header = 'Recruiter &amp; Co'): string {
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"/><title>Exported Data</title></head><body><div class="page_wrap">',
    `<div class="page_header"><div class="content"><div class="text bold">${header}</div></div></div>`,
    '<div class="page_body chat_page"><div class="history">',
    '<a class="pagination block_link" href="messages.html">Previous messages</a>',
    body,
    '<a class="pagination block_link" href="messages3.html">Next messages</a>',
    '</div></div></div></body></html>',
  ].join('\n');
}

function message(id: number, title: string, inner: string, joined = false): string {
  return `<div class="message default clearfix${joined ? ' joined' : ''}" id="message${id}"><div class="body"><div class="pull_right date details" title="${title}">10:00</div>${inner}</div></div>`;
}

async function parsePage(html: string, name = 'messages2.html'): Promise<Awaited<ReturnType<typeof runParser>>> {
  return runParser(telegramHtmlParser, inputFromText(html, { displayName: `${FOLDER}/${name}` }));
}

const ids = (messages: ParsedMessage[]): (string | undefined)[] => messages.map((item) => (item.locator.kind === 'html-element' ? item.locator.elementId : undefined));

describe('Telegram HTML (FORMATS.md §2.3): later pages of one chat', () => {
  const secondPage = page(
    [
      '<div class="message service" id="message-3"><div class="body details">6 April 2024</div></div>',
      message(5001, '06.04.2024 10:00:00 UTC+03:00', '<div class="from_name">Elena</div><div class="text">new page</div>'),
      message(5002, '06.04.2024 10:00:30 UTC+03:00', '<div class="text">same sender, joined</div>', true),
      '<div class="message service" id="message5003"><div class="body details">Elena pinned &quot;new page&quot;</div></div>',
      message(5004, '06.04.2024 10:02:00 UTC+03:00', '<div class="from_name">Vlad</div><div class="reply_to details">In reply to a message in another chat</div><div class="text">ok</div>'),
    ].join('\n'),
  );

  it('gives messages2.html the chat key of messages.html in the same folder, so the pages merge', async () => {
    const first = await parsePage(page(message(4001, '05.04.2024 21:14:05 UTC+03:00', '<div class="from_name">Vlad</div><div class="text">first page</div>')), 'messages.html');
    const second = await parsePage(secondPage);
    expect(second.chats).toEqual(first.chats);
    expect(second.chats).toEqual([{ key: `${FOLDER}/Recruiter & Co`, mergeKey: `${FOLDER}/Recruiter & Co`, mergeWithinFolder: true, title: 'Recruiter & Co', kind: 'unknown' }]);
    expect(second.messages.every((item) => item.chatKey === `${FOLDER}/Recruiter & Co`)).toBe(true);
  });

  it('reads every block of the page, in order, and nothing from the pagination links or the date divider', async () => {
    const { messages, outcome, warnings } = await parsePage(secondPage);
    expect(ids(messages)).toEqual(['message5001', 'message5002', 'message5003', 'message5004']);
    expect(messages.map((item) => [item.kind, item.sender, item.text])).toEqual([
      ['message', 'Elena', 'new page'],
      ['message', 'Elena', 'same sender, joined'],
      ['system', null, 'Elena pinned "new page"'],
      ['message', 'Vlad', 'ok'],
    ]);
    expect(messages[1]?.time).toEqual({ wall: { year: 2024, month: 4, day: 6, hour: 10, minute: 0, second: 30 }, standardOffsetMinutes: 180 });
    expect(messages[1]?.locator).toEqual({ kind: 'html-element', file: `${FOLDER}/messages2.html`, path: 'div#message5002', elementId: 'message5002', line: 7 });
    expect(outcome.details).toMatchObject({ messages: 4, dateDividers: 1, joinedMessages: 1 });
    expect(warnings).toEqual([]);
  });

  it('keeps the day divider above a service line, the only date the page gives it', async () => {
    // Service blocks carry no date title; the divider above them is the only trace of their day.
    const { messages } = await parsePage(secondPage);
    expect(messages[2]).toMatchObject({ kind: 'system', time: null, extra: { dayDivider: '6 April 2024' } });
    expect(messages[0]?.extra?.['dayDivider']).toBeUndefined();
  });

  it('keeps the sentence of a reply to another chat, which has no link', async () => {
    const { messages } = await parsePage(secondPage);
    expect(messages[3]?.extra).toMatchObject({ replyTo: 'In reply to a message in another chat' });
    expect(messages[3]?.extra?.['replyToMessageId']).toBeUndefined();
  });

  it('never borrows a sender from another page: a joined block first on a page has no sender and a warning', async () => {
    // Telegram Desktop never writes this (it resets the previous message per file); a page
    // edited or cut by hand could, and a guessed sender would be a misattribution.
    const { messages, warnings } = await parsePage(page(message(6001, '07.04.2024 09:00:00 UTC+03:00', '<div class="text">who wrote this?</div>', true)));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: 'message', sender: null, text: 'who wrote this?', extra: { joined: true } });
    expect(warnings).toEqual([{ place: `${FOLDER}/messages2.html:5`, message: expect.stringContaining('no earlier message to take its sender from') }]);
  });

  it('records a voice message the export left out as omitted, with what the page said about it', async () => {
    const media = '<div class="media_wrap clearfix"><div class="media clearfix pull_left media_voice_message"><div class="fill pull_left"></div><div class="body"><div class="title bold">Voice message</div><div class="description">Not included, change data exporting settings to download.</div><div class="status details">00:12, 20.1 KB</div></div></div></div>';
    const { messages } = await parsePage(page(message(7001, '07.04.2024 09:00:00 UTC+03:00', `<div class="from_name">Elena</div>${media}`)));
    expect(messages[0]?.attachments).toEqual([{ kind: 'omitted', mediaType: 'audio' }]);
    expect(messages[0]?.extra?.['media']).toEqual([expect.objectContaining({ title: 'Voice message', status: '00:12, 20.1 KB', description: 'Not included, change data exporting settings to download.' })]);
  });

  it('names a chat whose account was deleted as the header does ("Deleted Account")', async () => {
    const { chats, messages } = await parsePage(page(message(8001, '07.04.2024 09:00:00', '<div class="from_name">Deleted Account</div><div class="text">x</div>'), 'Deleted Account'), 'messages.html');
    expect(chats[0]?.title).toBe('Deleted Account');
    // A title without "UTC±hh:mm" (before ≈2022) is the exporting PC's wall clock.
    expect(messages[0]).toMatchObject({ sender: 'Deleted Account', time: { wall: { year: 2024, month: 4, day: 7, hour: 9, minute: 0, second: 0 } } });
  });
});

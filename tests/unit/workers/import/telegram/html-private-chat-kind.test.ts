import { describe, expect, it } from 'vitest';
import { telegramHtmlParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Regression: the HTML export of a private chat was stored with kind 'unknown'. A real export
 * (EmerickGrimm/Telegram-Chat-Export-Reader sample.html, a chat with one person) shows what only
 * a private chat has: phone calls, which Telegram Desktop writes as a `media_call` block whose
 * status is "Outgoing", "Incoming", "Missed", "Cancelled" or "Declined" (export_output_html.cpp,
 * prepareMediaData). A contact's "… joined Telegram" line is told only in a private chat too.
 * Pages built here in that markup.
 */

const FOLDER = 'ChatExport_2025-12-05';

function page(body: string): string {
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"/><title>Exported Data</title></head><body><div class="page_wrap">',
    '<div class="page_header"><div class="content"><div class="text bold">Marta</div></div></div>',
    '<div class="page_body chat_page"><div class="history">',
    '<div class="message service" id="message-1"><div class="body details">3 December 2025</div></div>',
    body,
    '</div></div></div></body></html>',
  ].join('\n');
}

function message(id: number, from: string | null, inner: string): string {
  const name = from === null ? '' : `<div class="from_name">${from}</div>`;
  return `<div class="message default clearfix${from === null ? ' joined' : ''}" id="message${id}"><div class="body"><div class="pull_right date details" title="03.12.2025 19:0${id % 10}:00 UTC+02:00">19:0${id % 10}</div>${name}${inner}</div></div>`;
}

function call(status: string, callee: string): string {
  return [
    '<div class="media_wrap clearfix"><div class="media clearfix pull_left media_call">',
    '<div class="fill pull_left"></div><div class="body">',
    `<div class="title bold">${callee}</div><div class="status details">${status}</div>`,
    '</div></div></div>',
  ].join('\n');
}

async function parse(html: string): Promise<Awaited<ReturnType<typeof runParser>>> {
  return runParser(telegramHtmlParser, inputFromText(html, { displayName: `${FOLDER}/messages.html` }));
}

describe('Telegram HTML: a private chat is known by what only a private chat has', () => {
  it('reads a page with a phone call as a private chat, naming the call as its evidence', async () => {
    const html = page([message(1, 'Marta', '<div class="text">are you there?</div>'), message(2, 'Ion', call('Declined', 'Marta'))].join('\n'));
    const { chats, outcome } = await parse(html);
    expect(chats.at(-1)).toEqual({ key: `${FOLDER}/Marta`, mergeKey: `${FOLDER}/Marta`, mergeWithinFolder: true, title: 'Marta', kind: 'private' });
    expect(outcome.details).toMatchObject({ chatKind: 'private', chatKindEvidence: 'a phone call (media_call block) at line 6: a call, "Declined"; Telegram calls are between two people' });
  });

  it('reads a call joined to the message before it (no from_name) the same way', async () => {
    const html = page([message(1, 'Ion', '<div class="text">calling</div>'), message(2, null, call('Outgoing (63 seconds)', 'Marta'))].join('\n'));
    expect((await parse(html)).outcome.details).toMatchObject({ chatKind: 'private' });
  });

  it('reads "… joined Telegram" as a private chat', async () => {
    const html = page('<div class="message service" id="message7"><div class="body details">Marta joined Telegram</div></div>');
    expect((await parse(html)).outcome.details).toMatchObject({ chatKind: 'private', chatKindEvidence: 'a private chat\'s service line at line 5: "Marta joined Telegram"' });
  });

  it('leaves two people writing without a call unknown, and a group line still makes a group', async () => {
    const twoPeople = page([message(1, 'Marta', '<div class="text">hi</div>'), message(2, 'Ion', '<div class="text">hi</div>')].join('\n'));
    expect((await parse(twoPeople)).outcome.details).toMatchObject({ chatKind: 'unknown' });
    const group = page(['<div class="message service" id="message3"><div class="body details">Ion invited Marta</div></div>', message(4, 'Ion', call('Incoming', 'Marta'))].join('\n'));
    expect((await parse(group)).outcome.details).toMatchObject({ chatKind: 'group' });
  });
});

/**
 * A Telegram Desktop HTML chat page as export_output_html.cpp writes it, for tests that build
 * their own: the page with its header, a message (a `joined` one, with no name, when `from` is
 * null) and a phone call's `media_call` block (title = the person called; the class `success`
 * only when the status gives a length, as prepareMediaData writes it).
 */
import { telegramHtmlParser } from '../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from './parser-harness.ts';

export function telegramPage(blocks: string[], header = 'Marta'): string {
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"/></head><body><div class="page_wrap">',
    `<div class="page_header"><div class="content"><div class="text bold">${header}</div></div></div>`,
    '<div class="page_body chat_page"><div class="history">',
    ...blocks,
    '</div></div></div></body></html>',
  ].join('\n');
}

export function telegramMessage(id: number, from: string | null, inner: string): string {
  const name = from === null ? '' : `<div class="from_name">${from}</div>`;
  return `<div class="message default clearfix${from === null ? ' joined' : ''}" id="message${id}"><div class="body"><div class="pull_right date details" title="03.12.2025 19:0${id}:00 UTC+02:00">19:0${id}</div>${name}${inner}</div></div>`;
}

export function telegramCall(status: string, title: string): string {
  const success = / seconds\)$/u.test(status) ? ' success' : '';
  return `<div class="media_wrap clearfix"><div class="media clearfix pull_left media_call${success}"><div class="fill pull_left"></div><div class="body"><div class="title bold">${title}</div><div class="status details">${status}</div></div></div></div>`;
}

export const telegramText = (words: string): string => `<div class="text">${words}</div>`;

/** Parses the blocks as the first page of one chat's export folder. */
export function parseTelegramPage(blocks: string[], chunkBytes?: number): ReturnType<typeof runParser> {
  return runParser(telegramHtmlParser, inputFromText(telegramPage(blocks), { displayName: 'ChatExport_2025-12-05/messages.html', ...(chunkBytes === undefined ? {} : { chunkBytes }) }));
}

/**
 * Is the head of a file a Telegram Desktop HTML export page? An HTML document with the exporter's
 * message blocks (`div.message.default|service` with id="messageNNN"), or its page skeleton
 * (page_wrap + history) for a page whose first message starts past the sniffed head.
 */

/** How much of the head the sniff looks at. */
export const SNIFF_BYTES = 64 * 1024;
const MESSAGE_BLOCK = /<div class="message (?:default|service)[^"]*"\s+id="message-?\d+"/u;

export function sniffTelegramHtml(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, SNIFF_BYTES));
  if (!/<!DOCTYPE html|<html[\s>]/iu.test(text)) return false;
  if (MESSAGE_BLOCK.test(text)) return true;
  return text.includes('class="page_wrap"') && text.includes('class="history"');
}

/**
 * Content sniffing for signal-export chat files. A message header must open the file (a line or
 * two of other text before it are tolerated when more headers follow), and the head must carry
 * a mark WhatsApp never writes:
 * - stamps without seconds (`[2019-05-29, 15:04]`, `[2019-05-29 15:04]`): iOS WhatsApp
 *   exports always write seconds, Android ones never use brackets; or
 * - with seconds (`[2024-01-05 14:03:22]`, the newer signal-export stamp, which an iOS WhatsApp
 *   export with an ISO-date region could also produce): signal-export's Markdown hard break on
 *   most messages, and no left-to-right mark opening a body or a line, which iOS WhatsApp writes
 *   before its end-to-end notice, placeholders and attachment lines (FORMATS.md §1.3) and
 *   signal-export never does. signal-export ends every message's text with two spaces (only a
 *   deleted message has none, and reactions or a sticker go on lines after them), so a WhatsApp
 *   export in which a message or two merely end in two spaces, with no mark in its head (no
 *   end-to-end notice, no placeholder), must not become a Signal one.
 */

import { matchSignalHeader, type SignalHeader } from './header.ts';

const SNIFF_BYTE_LIMIT = 64 * 1024;
const SNIFF_LINE_LIMIT = 200;
/** Non-empty lines allowed before the first header (a title someone typed above the chat). */
const MAX_PREAMBLE_LINES = 2;
const MIN_HEADERS_AFTER_PREAMBLE = 2;
const MARKDOWN_HARD_BREAK = / {2}$/u;
const MEDIA_LINK = /\]\(\.?\/?media\//u;
/** What signal-export writes, without the break, for a deleted message. */
const DELETED_BODY = '(This message was deleted)';
const LEFT_TO_RIGHT_MARK = '\u200E';

export function sniffSignalExport(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, SNIFF_BYTE_LIMIT));
  const lines = text.split('\n', SNIFF_LINE_LIMIT).map((line) => line.replace(/\r$/u, '')).filter((line) => line.trim() !== '');
  const headers = lines.map((line) => matchSignalHeader(line));
  const authored = headers.filter((header) => header !== null && header.sender !== null);
  const first = headers.findIndex((header) => header !== null && header.sender !== null);
  if (first === -1 || first > MAX_PREAMBLE_LINES) return false;
  if (first > 0 && authored.length < MIN_HEADERS_AFTER_PREAMBLE) return false;
  if (authored.every((header) => header?.seconds === false)) return true;
  if (hasWhatsAppIosMark(lines, authored)) return false;
  return mostMessagesEndInHardBreaks(lines.slice(first), headers.slice(first));
}

/**
 * True when more than half of the messages from the first header on carry signal-export's
 * ending: a line ending in the Markdown hard break, a link into `media/`, or the deleted text.
 */
function mostMessagesEndInHardBreaks(lines: string[], headers: (SignalHeader | null)[]): boolean {
  let messages = 0;
  let marked = 0;
  let current = false;
  lines.forEach((line, index) => {
    const header = headers[index];
    if (header !== null && header !== undefined) {
      if (current) marked += 1;
      messages += 1;
      current = header.rest === DELETED_BODY;
    }
    current ||= MARKDOWN_HARD_BREAK.test(line) || MEDIA_LINK.test(line);
  });
  if (current) marked += 1;
  return marked * 2 > messages;
}

function hasWhatsAppIosMark(lines: string[], authored: (SignalHeader | null)[]): boolean {
  return lines.some((line) => line.startsWith(LEFT_TO_RIGHT_MARK)) || authored.some((header) => header?.rest.startsWith(LEFT_TO_RIGHT_MARK) === true);
}

/**
 * Content sniffing for signal-export chat files. A message header must open the file (a line or
 * two of other text before it are tolerated when more headers follow), and the head must carry
 * a mark WhatsApp never writes:
 * - stamps without seconds (`[2019-05-29, 15:04]`, `[2019-05-29 15:04]`): iOS WhatsApp
 *   exports always write seconds, Android ones never use brackets; or
 * - with seconds (`[2024-01-05 14:03:22]`, the newer signal-export stamp, which an iOS WhatsApp
 *   export with an ISO-date region could also produce): signal-export's Markdown hard break
 *   (two spaces ending a message line) or a link into its `media/` folder, and no left-to-right
 *   mark opening a body or a line, which iOS WhatsApp writes before its end-to-end notice,
 *   placeholders and attachment lines (FORMATS.md §1.3) and signal-export never does: a WhatsApp
 *   message that merely ends in two spaces must not make its export a Signal one.
 */

import { matchSignalHeader, type SignalHeader } from './header.ts';

const SNIFF_BYTE_LIMIT = 64 * 1024;
const SNIFF_LINE_LIMIT = 200;
/** Non-empty lines allowed before the first header (a title someone typed above the chat). */
const MAX_PREAMBLE_LINES = 2;
const MIN_HEADERS_AFTER_PREAMBLE = 2;
const MARKDOWN_HARD_BREAK = / {2}$/u;
const MEDIA_LINK = /\]\(\.?\/?media\//u;
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
  return lines.some((line) => MARKDOWN_HARD_BREAK.test(line) || MEDIA_LINK.test(line));
}

function hasWhatsAppIosMark(lines: string[], authored: (SignalHeader | null)[]): boolean {
  return lines.some((line) => line.startsWith(LEFT_TO_RIGHT_MARK)) || authored.some((header) => header?.rest.startsWith(LEFT_TO_RIGHT_MARK) === true);
}

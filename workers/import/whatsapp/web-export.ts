/**
 * The lines WhatsApp Web's export writes before its first message, with no timestamp
 * (WAWebExportChatPlainTextFormatter, in WhatsApp Web's shipped code): the end-to-end notice,
 * then "Some earlier messages may not be available." when WhatsApp Web holds only part of the
 * chat's history. They are WhatsApp's notices, not lines the parser failed to read; the second
 * also says the export is incomplete, which a reader of the case must be told. The notice also
 * shows the file is that export, whose messages then say more (readWebExportMessage).
 */

import { fold } from './folding.ts';
import { removeInvisibleMarks } from './text-cleaning.ts';
import type { LineLocator, WhatsAppMedia, WhatsAppRecord } from './types.ts';
import type { WarningCollector } from './warnings.ts';

const END_TO_END_NOTICE = 'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.';
const EARLIER_MESSAGES_NOTICE = 'Some earlier messages may not be available.';

/**
 * English only. The formatter writes every wording through fbt (`s._("…")`, marked BTDS), so
 * WhatsApp Web's other locales write them translated, but the shipped builds of the formatter
 * found in public sources are English ones, and no locale table of its strings was found:
 * no other wording is read here, nor for the formatter's location, omitted-location and
 * waiting lines (location-shares.ts, media-lines.ts, message-states.ts). Its timestamp is not localised:
 * the formatter builds `M/D/YY, h:mm:ss AM` itself.
 */
const PREAMBLE_LINES: ReadonlySet<string> = new Set([END_TO_END_NOTICE, EARLIER_MESSAGES_NOTICE].map(fold));
const EARLIER_MESSAGES = fold(EARLIER_MESSAGES_NOTICE);
const END_TO_END_FOLDED = fold(END_TO_END_NOTICE);
const WEB_EXPORT_SELF = 'You';

function foldedLine(line: string): string {
  return fold(removeInvisibleMarks(line).trim());
}

/** True when every line (blank ones aside) is one of WhatsApp Web's preamble notices. */
export function isWebExportPreamble(lines: readonly string[]): boolean {
  const written = lines.filter((line) => line.trim() !== '');
  return written.length > 0 && written.length <= PREAMBLE_LINES.size && written.every((line) => PREAMBLE_LINES.has(foldedLine(line)));
}

/**
 * The preamble as one system record: WhatsApp's wording, with no time (the export gives none).
 * An incomplete history is warned about on the line that says so.
 */
export function preambleRecord(locator: LineLocator, lines: readonly string[], warnings: WarningCollector): WhatsAppRecord {
  const earlier = lines.findIndex((line) => foldedLine(line) === EARLIER_MESSAGES);
  if (earlier !== -1) {
    warnings.add('file', locator.lineStart + earlier, "WhatsApp Web's export says some earlier messages may not be available: the chat's history in this file may be incomplete");
  }
  return {
    kind: 'system',
    locator,
    timestampText: '',
    wallClock: null,
    sender: null,
    text: lines.join('\n').replace(/(?:\n\s*)+$/u, ''),
    media: null,
    deleted: false,
    edited: false,
    systemReason: "the notices WhatsApp Web's export writes, untimed, before the first message",
  };
}

/** True for the end-to-end notice's line as WhatsApp Web's export writes it first, untimed. */
export function isWebExportNoticeLine(line: string): boolean {
  return foldedLine(line) === END_TO_END_FOLDED;
}

/**
 * WhatsApp Web's export names the exporting account's own messages "You" and every other
 * sender by name (WAWebExportChatPlainTextFormatter: getIsSentByMe ? "You" : the sender's name).
 * In a file known to be such an export, the sender tells the direction. English only: the
 * word is translated in other locales, and no other wording was seen.
 */
export function webExportDirection(sender: string): 'incoming' | 'outgoing' {
  return sender === WEB_EXPORT_SELF ? 'outgoing' : 'incoming';
}

/** `GIF attached`: a GIF WhatsApp Web put in its export, written with no file name. */
const GIF_ATTACHED = 'GIF attached';
/** `Contact: Name`: a contact card WhatsApp Web names but leaves out (MSG_TYPE.VCARD with a name). */
const CONTACT_CARD = /^Contact: [^\n]{1,200}$/u;

/**
 * Media WhatsApp Web's export writes in words of its own (WAWebExportChatPlainTextFormatter),
 * read only in a file shown to be that export: in a phone export "GIF attached" or
 * "Contact: Anna" are a person's words. `body` is the text without marks or forwarded label.
 */
export function webExportWordedMedia(body: string): WhatsAppMedia | null {
  if (body === GIF_ATTACHED) return { kind: 'attached', mediaType: 'gif' };
  return CONTACT_CARD.test(body) ? { kind: 'omitted', mediaType: 'contact' } : null;
}

const FORWARDED_LABEL = /^\[Forwarded(?: many times)?\] /u;

/** What a message of WhatsApp Web's export says beyond its text: direction, and worded media. */
export function readWebExportMessage(record: WhatsAppRecord): void {
  if (record.sender === null) return;
  record.direction = webExportDirection(record.sender);
  if (record.media !== null) return;
  const media = webExportWordedMedia(removeInvisibleMarks(record.text).trim().replace(FORWARDED_LABEL, ''));
  if (media !== null) record.media = media;
}

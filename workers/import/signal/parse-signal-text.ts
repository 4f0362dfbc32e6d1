/**
 * signal-export chat files (FORMATS.md §6) as records: one record per header line with the
 * lines up to the next header as its body, and the lines before the first header as one
 * 'unparsed' record, so every line of the file is in exactly one record and the records' byte
 * ranges tile the file. A header-shaped line without "Name: " is kept raw ('unparsed').
 */

import type { ParsedAttachment, ParsedMessage } from '../../../shared/contracts/parsed-source.ts';
import { baseName } from '../import-limits.ts';
import { unparsedRecord } from '../unparsed-record.ts';
import { lineText, splitLines, type SplitText } from '../whatsapp/split-lines.ts';
import { readSignalBody, type SignalBody } from './body.ts';
import { matchSignalHeader, type SignalHeader } from './header.ts';

/** signal-export names the account holder "Me" (create.py: msg.type == "outgoing"). */
export const OWNER_NAME = 'Me';
/** Written when signal-export could not find an incoming message's sender. */
const UNKNOWN_SENDER = 'No-Sender';

export interface SignalParseResult {
  records: ParsedMessage[];
  lineCount: number;
  /** 1-based lines whose bytes are not UTF-8. */
  invalidUtf8Lines: number[];
  stampStyles: string[];
  senders: string[];
}

export function parseSignalText(bytes: Uint8Array, file: string, chatKey: string): SignalParseResult {
  const split = splitLines(bytes);
  const records: ParsedMessage[] = [];
  const styles = new Set<string>();
  const senders = new Set<string>();
  let open: { first: number; header: SignalHeader | null } | null = null;
  const close = (last: number): void => {
    if (open === null) return;
    records.push(toRecord(split, open.first, last, open.header, file, chatKey));
    if (open.header?.sender !== null && open.header?.sender !== undefined) senders.add(open.header.sender);
  };
  for (let line = 0; line < split.lineCount; line += 1) {
    const header = matchSignalHeader(lineText(split, line));
    if (header === null) {
      open ??= { first: line, header: null };
      continue;
    }
    close(line - 1);
    styles.add(`${header.comma ? 'comma' : 'space'}${header.seconds ? '+seconds' : ''}`);
    open = { first: line, header };
  }
  close(split.lineCount - 1);
  return { records, lineCount: split.lineCount, invalidUtf8Lines: split.invalidUtf8Lines, stampStyles: [...styles].sort(), senders: [...senders].sort() };
}

function toRecord(split: SplitText, first: number, last: number, header: SignalHeader | null, file: string, chatKey: string): ParsedMessage {
  const locator = { kind: 'text-lines' as const, file, lineStart: first + 1, lineEnd: last + 1, byteStart: split.byteStarts[first] ?? 0, byteEnd: split.byteStarts[last + 1] ?? 0 };
  const lines: string[] = [];
  for (let line = first; line <= last; line += 1) lines.push(lineText(split, line));
  const base = { chatKey, attachments: [], deleted: false, edited: false, locator };
  if (header === null || header.sender === null) {
    const reason = header === null ? 'text before the first message header' : 'a message header without "Name: " after the time';
    return unparsedRecord({ chatKey, raw: lines.join('\n'), locator, reason, time: header === null ? null : { wall: header.wall }, timestampText: header?.stamp ?? '' });
  }
  const body = readSignalBody([header.rest, ...lines.slice(1)]);
  const known = header.sender !== UNKNOWN_SENDER;
  const extra = extraFacts(body, known ? null : header.sender);
  return {
    ...base,
    kind: body.call ? 'system' : 'message',
    sender: known ? header.sender : null,
    direction: header.sender === OWNER_NAME ? 'outgoing' : 'incoming',
    time: { wall: header.wall },
    timestampText: header.stamp,
    text: body.text,
    attachments: attachmentsOf(body),
    deleted: body.deleted,
    ...(Object.keys(extra).length === 0 ? {} : { extra }),
  };
}

function attachmentsOf(body: SignalBody): ParsedAttachment[] {
  const attachments: ParsedAttachment[] = body.attachments.map((link) => ({
    kind: 'attached',
    mediaType: link.mediaType,
    fileName: link.name === '' ? link.target : link.name,
    ...(link.path === null ? {} : { path: link.path }),
  }));
  const { sticker } = body;
  if (sticker !== null) {
    // A sticker signal-export copied lives in the export's exported_stickers folder, beside the
    // chat folders (SHARED_EXPORT_FOLDERS lets attachments reach it): found there, it is hashed
    // like any attachment, or recorded missing. "(( 😀 ))": signal-export had no file for it.
    if (sticker.target === null) attachments.push({ kind: 'omitted', mediaType: 'sticker', fileName: sticker.label });
    else attachments.push({ kind: 'attached', mediaType: 'sticker', fileName: baseName(sticker.target), ...(sticker.path === null ? {} : { path: sticker.path }) });
  }
  return attachments;
}

function extraFacts(body: SignalBody, unresolvedSender: string | null): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  if (body.quote !== null) extra['quote'] = body.quote;
  if (body.reactions.length > 0) extra['reactions'] = body.reactions;
  if (body.sticker !== null) extra['sticker'] = body.sticker.label;
  if (body.call) extra['call'] = true;
  if (unresolvedSender !== null) extra['senderAsWritten'] = unresolvedSender;
  const unresolved = body.attachments.filter((link) => link.path === null).map((link) => link.target);
  const sticker = body.sticker;
  if (sticker !== null && sticker.target !== null && sticker.path === null) unresolved.push(sticker.target);
  if (unresolved.length > 0) extra['attachmentTargetsOutsideFolder'] = unresolved;
  // The body of a deleted or attachment-only message is the export's wording, not the person's words.
  if (body.deleted || (body.text === '' && (body.attachments.length > 0 || body.sticker !== null))) extra['placeholder'] = true;
  return extra;
}

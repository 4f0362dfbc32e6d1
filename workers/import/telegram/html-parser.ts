/**
 * Telegram Desktop HTML export: `messages.html`, `messages2.html`… (about 1000 messages each).
 * Each page is one source; all pages of a chat carry the same chat key (folder + header title) so
 * the import merges them into one conversation. Streamed block by block.
 */

import type { ParseOutcome, ParserInput, ParseSink, SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import { folderOf, PROGRESS_EVERY_RECORDS, WarningLimiter } from '../import-limits.ts';
import type { HtmlAccountHolder } from './html-call-owner.ts';
import { isHtmlCallRecord } from './html-call-record.ts';
import { isHtmlGroupCall } from './html-group-call.ts';
import { chatAccountHolder } from './html-chat-holder.ts';
import { exportHolderOf, holderForChatTitle, withExportHolder } from './html-export-holder.ts';
import type { UnlistedFolder, UnreadablePage } from './html-chat-holder.ts';
import { HtmlChatKindTally } from './html-chat-kind.ts';
import { pageFoldersOf } from './html-links.ts';
import { telegramHtmlMessage } from './html-message.ts';
import { chatKeyOf, headerTitleOf } from './html-page-holder-facts.ts';
import { sniffTelegramHtml } from './html-sniff.ts';
import { HtmlTokenizer } from './html-tokenizer.ts';
import type { HtmlToken } from './html-tokenizer.ts';
import { BlockCollector } from './html-tree.ts';
import type { CollectedBlock } from './html-tree.ts';
import { describeUtf8Problems, Utf8ChunkDecoder } from './utf8-chunks.ts';

export const TELEGRAM_HTML_PARSER_VERSION = '1.23.2';

export async function parseTelegramHtml(input: ParserInput, sink: ParseSink): Promise<ParseOutcome> {
  // The holder may be named only after their first messages, or on another page of the chat:
  // the chat's pages are weighed first (html-chat-holder.ts), then this page is written.
  const reading = await chatAccountHolder(input, sink, (page, scan) => readPage(page, scan, NO_HOLDER));
  // A full-account export names its holder on its root page (html-export-holder.ts).
  return readPage(input, sink, withExportHolder(reading, await exportHolderOf(input)));
}

interface HolderReading {
  holder: HtmlAccountHolder | null;
  /** Why there is none, for the details. */
  none: string;
  /** The chat's pages weighed for it. */
  pages: number;
  /** The pages that named someone, with the SHA-256 of their bytes (html-chat-holder.ts). */
  evidencePages: { page: string; sha256: string }[];
  /** Files beside that could not be read, and whether each could have named the holder (html-chat-holder.ts). */
  unreadablePages: UnreadablePage[];
  /** Folders beside whose files were not all looked at, and why (html-chat-holder.ts). */
  unlistedFolders: UnlistedFolder[];
}

const NO_HOLDER: HolderReading = { holder: null, none: '', pages: 0, evidencePages: [], unreadablePages: [], unlistedFolders: [] };

async function readPage(input: ParserInput, sink: ParseSink, reading: HolderReading): Promise<ParseOutcome> {
  let { holder, none } = reading;
  const file = input.displayName;
  const folder = folderOf(file);
  const pageFolders = pageFoldersOf(input.path);
  const warnings = new WarningLimiter(sink, file);
  const decoder = new Utf8ChunkDecoder();
  const tokenizer = new HtmlTokenizer();
  const collector = new BlockCollector();
  const tokens: HtmlToken[] = [];
  let title: string | null = null;
  let chatKey: string | null = null;
  let previousSender: string | null = null;
  let previousForwardedFrom: string | null = null;
  let day: string | null = null;
  let messages = 0;
  let unparsed = 0;
  let dividers = 0;
  let joined = 0;
  let withZone = 0;
  const chatKind = new HtmlChatKindTally();

  const keyFor = (): string => {
    if (chatKey !== null) return chatKey;
    // messages.html, messages2.html... of one chat share folder and title: one conversation.
    chatKey = chatKeyOf(title, file);
    sink.chat({ key: chatKey, mergeKey: chatKey, mergeWithinFolder: true, title: title ?? (folder === '' ? file : folder), kind: 'unknown' });
    return chatKey;
  };

  const onBlock = async (block: CollectedBlock): Promise<void> => {
    if (block.kind === 'header') {
      if (chatKey === null) {
        title = headerTitleOf(block);
        ({ holder, none } = holderForChatTitle({ holder, none }, title));
      }
      return;
    }
    const result = telegramHtmlMessage(block, { file, pageFolders, chatKey: keyFor(), previousSender, previousForwardedFrom, day });
    if (result.kind === 'divider') {
      dividers += 1;
      day = result.text;
      return;
    }
    const { message } = result;
    // Two people write in a chat with calls: the holder the calls name, and the other. A call's sender is its caller.
    const call = isHtmlCallRecord(message);
    if (holder !== null && (message.kind === 'message' || call) && message.sender !== null) message.direction = message.sender === holder.name ? 'outgoing' : 'incoming';
    // Another's voice chat says nothing of the holder: they may never have joined it.
    if (isHtmlGroupCall(message) && message.direction === 'incoming') message.direction = null;
    const place = `${file}:${message.locator.kind === 'html-element' ? (message.locator.line ?? 0) : 0}`;
    for (const note of result.notes) warnings.add('message', place, note);
    // No warning for an unparsed record: the import worker lists each one with its reason.
    if (message.kind === 'unparsed') unparsed += 1;
    if (message.extra?.['joined'] === true) joined += 1;
    if (message.time !== null && ('utcMs' in message.time || 'standardOffsetMinutes' in message.time)) withZone += 1;
    const line = message.locator.kind === 'html-element' ? (message.locator.line ?? 0) : 0;
    // A call record's text is written by the importer, not a service line of the page.
    if (message.kind === 'system' && !call) chatKind.addServiceLine(line, message.text);
    else if (message.kind === 'message' || call) {
      if (message.sender !== null) chatKind.addSender(message.sender);
      chatKind.addMessageMedia(line, message);
    }
    previousSender = result.sender;
    previousForwardedFrom = result.forwardedFrom;
    messages += 1;
    await sink.message(message);
    if (messages % PROGRESS_EVERY_RECORDS === 0) sink.throwIfCancelled();
  };

  const drain = async (): Promise<void> => {
    for (const token of tokens) collector.push(token);
    tokens.length = 0;
    for (const block of collector.take()) await onBlock(block);
  };

  for await (const chunk of input.stream()) {
    sink.throwIfCancelled();
    tokenizer.push(decoder.decode(chunk), tokens);
    await drain();
    sink.progress(decoder.bytesDone, input.size);
  }
  tokenizer.push(decoder.end(), tokens);
  tokenizer.end(tokens);
  await drain();
  collector.end();
  for (const block of collector.take()) await onBlock(block);

  if (messages === 0 && dividers === 0 && title === null) {
    throw new AppError('E_IMPORT_FORMAT', `${file}: no Telegram message block (div.message) and no chat header was found in ${decoder.bytesDone} bytes; this is not a Telegram HTML export page`);
  }
  const key = keyFor();
  const kind = chatKind.decide();
  // Announced again with what the page showed; a kind already known is kept (RecordWriter.chat).
  if (kind.kind !== 'unknown') sink.chat({ key, mergeKey: key, mergeWithinFolder: true, title: title ?? key, kind: kind.kind });
  const utf8 = describeUtf8Problems(decoder.report);
  if (utf8 !== null) sink.warning({ place: file, message: utf8 });
  warnings.finish();
  return {
    formatVersion: withZone > 0 ? 'telegram-desktop-html (UTC offset in date titles)' : 'telegram-desktop-html (no UTC offset in date titles, before ≈2022)',
    details: { chatTitle: title, chatKind: kind.kind, chatKindEvidence: kind.evidence, accountHolder: holder === null ? none : { name: holder.name, evidence: holder.evidence }, accountHolderPagesWeighed: reading.pages, accountHolderEvidencePages: reading.evidencePages, accountHolderUnreadablePages: reading.unreadablePages, accountHolderUnlistedFolders: reading.unlistedFolders, messages, unparsed, joinedMessages: joined, dateDividers: dividers, invalidUtf8Sequences: decoder.report.invalidSequences },
  };
}

export const telegramHtmlParser: SourceParser = {
  format: 'telegram-html',
  parserVersion: TELEGRAM_HTML_PARSER_VERSION,
  sniff: (head) => sniffTelegramHtml(head),
  parse: (input, sink) => parseTelegramHtml(input, sink),
};

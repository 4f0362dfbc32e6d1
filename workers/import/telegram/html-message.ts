/**
 * One `div.message` block of a Telegram HTML page → one ParsedMessage (or a date divider, which
 * is page layout, not a message). Structure (FORMATS.md §2.3): div.body holds the date
 * (`title` = full timestamp), from_name (absent on `.joined` messages: same sender as before),
 * forwarded body, reply_to, media_wrap, text and signature blocks.
 */

import type { ParsedMessage, SourceLocator } from '../../../shared/contracts/parsed-source.ts';
import { baseName } from '../import-limits.ts';
import { unparsedRecord } from '../unparsed-record.ts';
import { htmlBotButtons } from './html-bot-buttons.ts';
import { asHtmlCallRecord } from './html-call-record.ts';
import { htmlCustomEmoji } from './html-custom-emoji.ts';
import { asHtmlGroupCall } from './html-group-call.ts';
import { pageFilePath } from './html-links.ts';
import { htmlMedia } from './html-media.ts';
import { htmlReactions } from './html-reactions.ts';
import { htmlSharedMediaText } from './html-shared-media.ts';
import { isRichMessage, richMessageText } from './html-rich-message.ts';
import type { RichExporterLabel } from './html-rich-message.ts';
import { childElements, findAll, hasClasses } from './html-tree.ts';
import type { CollectedBlock, HtmlElement } from './html-tree.ts';
import { decodeEntities, textOf, textWithout } from './html-text.ts';
import { fromHtmlTitle } from './telegram-time.ts';

export interface HtmlMessageContext {
  file: string;
  /** The folders of the page's path: links are written from the export root (html-links.ts). */
  pageFolders: readonly string[];
  chatKey: string;
  /** Sender of the previous message in the file, for `.joined` messages. */
  previousSender: string | null;
  /** Original author of the previous message when it was forwarded, for a joined forward. */
  previousForwardedFrom: string | null;
  /** Text of the last date divider on the page ("6 April 2024"), null before the first. */
  day: string | null;
}

export type HtmlBlockResult =
  | { kind: 'divider'; text: string }
  | { kind: 'message'; message: ParsedMessage; sender: string | null; forwardedFrom: string | null; notes: string[] };

/** Blocks the interpreter reads; any other block's text is kept in extra.otherBlocks. */
const KNOWN_BLOCKS = ['date', 'from_name', 'forwarded', 'reply_to', 'media_wrap', 'text', 'signature', 'userpic_wrap', 'bot_buttons_table'];
const REPLY_LINK = /^(?:([^#]*)#)?go_to_message(\d+)$/u;

export function telegramHtmlMessage(block: CollectedBlock, context: HtmlMessageContext): HtmlBlockResult {
  const { element } = block;
  const id = element.attributes['id'] ?? '';
  const locator: SourceLocator = { kind: 'html-element', file: context.file, path: id === '' ? `div.message (line ${element.line})` : `div#${id}`, line: element.line };
  if (id !== '') locator.elementId = id;
  if (block.problem !== undefined) return unparsed(block, context, locator, block.problem);

  if (element.classes.includes('service')) {
    const body = findAll(element, (child) => hasClasses(child, 'body', 'details'))[0] ?? element;
    const text = textOf(body);
    // Negative ids (message-1, message-2...) are the day headers the page draws between messages.
    if (/^message-\d+$/u.test(id)) return { kind: 'divider', text };
    return { kind: 'message', ...serviceMessage(element, body, text, context, locator) };
  }

  const body = childElements(element).find((child) => child.classes.includes('body')) ?? element;
  const notes: string[] = [];
  const message = baseMessage(context, locator, 'message');
  const extra: Record<string, unknown> = {};

  const dateElement = childElements(body).find((child) => hasClasses(child, 'date', 'details'));
  const title = decodeEntities(dateElement?.attributes['title'] ?? '');
  message.timestampText = title;
  message.time = title === '' ? null : fromHtmlTitle(title);
  if (message.time === null) notes.push(title === '' ? 'the message has no date title' : `the date "${title}" could not be read`);
  if (/edited/iu.test(title) || (dateElement !== undefined && /edited/iu.test(textOf(dateElement)))) message.edited = true;

  const fromName = childElements(body).find((child) => child.classes.includes('from_name'));
  let sender: string | null;
  if (fromName !== undefined) {
    const named = splitViaBot(textWithout(fromName, (child) => child.classes.includes('details')));
    sender = named.name;
    const details = findAll(fromName, (child) => child.classes.includes('details')).map((child) => textOf(child));
    const via = [named.via, ...details].filter((part) => part !== '').join(' ');
    if (via !== '') extra['fromNameDetails'] = via;
  } else {
    sender = context.previousSender;
    extra['joined'] = true;
    if (sender === null) notes.push('a joined message (no sender shown) has no earlier message to take its sender from');
  }
  message.sender = sender;

  const textElements: HtmlElement[] = [];
  const ownText = childElements(body).find((child) => child.classes.includes('text'));
  if (ownText !== undefined) textElements.push(ownText);
  const media = htmlMedia(body, context.pageFolders);

  const forwarded = childElements(body).find((child) => hasClasses(child, 'forwarded', 'body'));
  if (forwarded !== undefined) {
    const original = childElements(forwarded).find((child) => child.classes.includes('from_name'));
    if (original !== undefined) {
      const named = splitViaBot(textWithout(original, isForwardedDate));
      extra['forwardedFrom'] = named.name;
      if (named.via !== '') extra['forwardedVia'] = named.via;
      const dateSpan = findAll(original, isForwardedDate)[0];
      // Newer pages give the full time in its title; older ones (no title) only in its text.
      const originalDate = dateSpan === undefined ? '' : dateSpan.attributes['title'] !== undefined ? decodeEntities(dateSpan.attributes['title']) : textOf(dateSpan);
      if (originalDate !== '') extra['forwardedDate'] = originalDate;
    } else if (fromName === undefined && context.previousForwardedFrom !== null) {
      // A batch forwarded at once: the exporter names the original author on the first message
      // only; the joined ones after it (same author, within 900 s) show a bare forwarded body.
      extra['forwardedFrom'] = context.previousForwardedFrom;
      extra['forwardedFromJoined'] = true;
    }
    const forwardedText = childElements(forwarded).find((child) => child.classes.includes('text'));
    if (forwardedText !== undefined) textElements.push(forwardedText);
    const forwardedMedia = htmlMedia(forwarded, context.pageFolders);
    media.attachments.push(...forwardedMedia.attachments);
    media.facts.push(...forwardedMedia.facts);
    media.unsafePaths.push(...forwardedMedia.unsafePaths);
  }
  // A rich message's blocks are its lines (html-rich-message.ts); an ordinary text is its characters.
  const exporterLabels: RichExporterLabel[] = [];
  message.text = textElements
    .map((element) => {
      if (!isRichMessage(element)) return textOf(element);
      const rich = richMessageText(element);
      exporterLabels.push(...rich.exporterLabels);
      return rich.text;
    })
    .filter((text) => text !== '')
    .join('\n');
  // "Unsupported rich content" and the like are the exporter's words, kept beside the person's.
  if (exporterLabels.length > 0) extra['richExporterLabels'] = exporterLabels;
  const poll = message.text === '' ? (pollText(media.facts) ?? htmlSharedMediaText(media.facts)) : null;
  if (poll !== null) {
    // The poll's words (or the contact or place shared) are the message's only content: written out as its text, so a search finds them.
    message.text = poll;
    extra['textGenerated'] = true;
  }
  const emoji = htmlCustomEmoji(textElements, context.pageFolders);
  message.attachments = [...media.attachments, ...emoji.attachments];
  if (media.facts.length > 0) extra['media'] = media.facts;
  if (emoji.facts.length > 0) extra['textEntityFacts'] = emoji.facts;
  for (const unsafe of [...media.unsafePaths, ...emoji.unsafePaths]) notes.push(`the link "${unsafe}" points outside the export folder; it was not linked`);

  // A forwarded message has its reply, buttons and signature inside the forwarded body.
  const blocks = forwarded === undefined ? childElements(body) : [...childElements(body), ...childElements(forwarded)];
  const reply = blocks.find((child) => child.classes.includes('reply_to'));
  if (reply !== undefined) readReply(reply, extra);
  const buttons = blocks.find((child) => child.classes.includes('bot_buttons_table'));
  if (buttons !== undefined) extra['inline_bot_buttons'] = htmlBotButtons(buttons);
  const signature = blocks.find((child) => child.classes.includes('signature'));
  if (signature !== undefined) extra['signature'] = textOf(signature);

  // Reactions in a layout not known are kept as an unread block, in words.
  const reactionBlock = blocks.find((child) => child.classes.includes('reactions'));
  const reactions = reactionBlock === undefined ? null : htmlReactions(reactionBlock);
  if (reactions !== null) extra['reactions'] = reactions;
  const others = blocks
    .filter((child) => !KNOWN_BLOCKS.some((name) => child.classes.includes(name)) && (reactions === null || child !== reactionBlock))
    .map((child) => ({ class: child.classes.join(' '), text: textOf(child) }))
    .filter((other) => other.text !== '');
  if (others.length > 0) extra['otherBlocks'] = others;
  if (id !== '') extra['messageId'] = id.replace(/^message/u, '');
  message.extra = extra;
  // A phone call is drawn as a message with a call block: it is a call record, as other importers write one.
  asHtmlCallRecord(message);
  const forwardedFrom = typeof extra['forwardedFrom'] === 'string' ? extra['forwardedFrom'] : null;
  return { kind: 'message', message, sender, forwardedFrom, notes };
}

/**
 * The original's date inside a forwarded from_name: `span.date.details` with the time in its
 * title (export_output_html.cpp as in corporateshark/tdesktop@1b12896), or, before the date titles
 * gained "UTC±hh:mm" (the Qt5-era writer, as in kotatogram/kotatogram-desktop@1927ab7), a bare
 * `span.details` with " dd.MM.yyyy hh:mm:ss" as its text. Nothing else of class details is there.
 */
function isForwardedDate(element: HtmlElement): boolean {
  return element.classes.includes('date') || element.classes.includes('details');
}

/**
 * The exporter writes a bot's name as plain text after the sender's, inside from_name:
 * "Vlad via @jobs_bot" (export_output_html.cpp appends " via @" + username, no span). The
 * sender is "Vlad", as `from` is in the JSON export of the same chat. A bot username is
 * letters, digits and underscores, so a name that merely contains "via" is left whole.
 */
const VIA_BOT_SUFFIX = / via (@[A-Za-z0-9_]{3,32})$/u;

function splitViaBot(written: string): { name: string; via: string } {
  const match = VIA_BOT_SUFFIX.exec(written);
  if (match === null) return { name: written, via: '' };
  return { name: written.slice(0, match.index), via: `via ${match[1] ?? ''}` };
}

/**
 * A service line. "changed group photo" shows the new photo as a userpic linking to the file
 * (the JSON export has it as `photo`); "pinned this message", "scored … in this game" link the
 * message they are about, as a reply does.
 */
function serviceMessage(element: HtmlElement, body: HtmlElement, text: string, context: HtmlMessageContext, locator: SourceLocator): { message: ParsedMessage; sender: string | null; forwardedFrom: null; notes: string[] } {
  const message = baseMessage(context, locator, 'system');
  message.text = text;
  const notes: string[] = [];
  const extra: Record<string, unknown> = {};
  const target = findAll(body, (child) => child.name === 'a').map((link) => REPLY_LINK.exec(decodeEntities(link.attributes['href'] ?? ''))).find((match) => match !== null);
  if (target !== undefined && target !== null) {
    extra['replyToMessageId'] = target[2];
    if (target[1] !== undefined && target[1] !== '') extra['replyToFile'] = target[1];
  }
  for (const link of findAll(element, (child) => child.classes.includes('userpic_link'))) {
    const href = decodeEntities(link.attributes['href'] ?? '');
    if (href === '') continue;
    const path = pageFilePath(href, context.pageFolders);
    if (path === null) notes.push(`the link "${href}" points outside the export folder; it was not linked`);
    message.attachments.push(path === null ? { kind: 'attached', mediaType: 'image', fileName: baseName(href) } : { kind: 'attached', mediaType: 'image', path, fileName: baseName(href) });
  }
  // A service block has no date title: the divider above it is the only date the page gives.
  if (context.day !== null) extra['dayDivider'] = context.day;
  if (Object.keys(extra).length > 0) message.extra = extra;
  // "Ann started voice chat (300 seconds)": a group's voice chat is a call record (html-group-call.ts).
  asHtmlGroupCall(message);
  return { message, sender: context.previousSender, forwardedFrom: null, notes };
}

function readReply(reply: HtmlElement, extra: Record<string, unknown>): void {
  const link = findAll(reply, (child) => child.name === 'a')[0];
  const target = REPLY_LINK.exec(decodeEntities(link?.attributes['href'] ?? ''));
  if (target !== null) {
    extra['replyToMessageId'] = target[2];
    if (target[1] !== undefined && target[1] !== '') extra['replyToFile'] = target[1];
  } else {
    // A reply to another chat has no link, only a sentence.
    extra['replyTo'] = textOf(reply);
  }
}

function baseMessage(context: HtmlMessageContext, locator: SourceLocator, kind: 'message' | 'system'): ParsedMessage {
  return {
    chatKey: context.chatKey,
    kind,
    sender: null,
    time: null,
    timestampText: '',
    text: '',
    attachments: [],
    deleted: false,
    edited: false,
    locator,
  };
}

function unparsed(block: CollectedBlock, context: HtmlMessageContext, locator: SourceLocator, problem: string): HtmlBlockResult {
  const message = unparsedRecord({ chatKey: context.chatKey, raw: block.raw, rawChars: block.size, locator, reason: problem });
  return { kind: 'message', message, sender: context.previousSender, forwardedFrom: context.previousForwardedFrom, notes: [] };
}

/** A poll block's question and answers as the page shows them, or null when the message holds no poll. */
function pollText(facts: readonly Record<string, string | string[]>[]): string | null {
  const poll = facts.find((fact) => typeof fact['class'] === 'string' && fact['class'].split(' ').includes('media_poll'));
  if (poll === undefined) return null;
  const question = typeof poll['question'] === 'string' ? poll['question'] : '';
  const answers = Array.isArray(poll['answers']) ? poll['answers'] : [];
  return [`Poll: ${question}`, ...answers].join('\n');
}

/**
 * One RFC 5322/MIME message, read with mailparser (ADR 0009) into plain facts: addresses, the
 * Date header as written and as an instant, the body as text (text/plain, else the HTML turned
 * into text), attachments with their bytes and IMAP-style MIME part numbers (RFC 3501 §6.4.5),
 * embedded messages (message/rfc822, read in turn, to a limited depth) and bounce reports
 * (message/delivery-status).
 */

import { simpleParser, type Attachment, type ParsedMail, type SimpleParserOptions } from 'mailparser';
import { formatMailbox, mailboxes, type MailAddress } from './addresses.ts';
import { readDeliveryStatus, type DeliveryStatus } from './delivery-status.ts';
import { parseMailDate, type MailDate } from './rfc5322-date.ts';
import { labelUnlabelledText } from './unlabelled-charset.ts';

/**
 * MIME parts one message may have. mailsplit counts every part, so this bounds both breadth and
 * nesting depth: a multipart nested thousands deep is refused, not walked.
 */
export const MAX_MIME_PARTS = 500;
/** Messages inside messages (a forward of a forward...) read as text; deeper ones stay attachments. */
export const MAX_EMBEDDED_DEPTH = 4;
/** HTML longer than this is not converted by html-to-text (slow on huge input); tags are stripped instead. */
const MAX_HTML_CHARS = 4 * 1024 * 1024;
/** Headers kept in `extra` because they matter as evidence (origin, route, threading, authentication). */
const EVIDENCE_HEADERS = [
  'message-id', 'in-reply-to', 'references', 'received', 'return-path', 'delivered-to', 'sender', 'reply-to', 'x-originating-ip',
  'x-mailer', 'user-agent', 'authentication-results', 'received-spf', 'dkim-signature', 'x-gm-thrid', 'x-gmail-labels',
  'x-mozilla-status', 'x-mozilla-status2',
];
const DELIVERY_STATUS_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
const MESSAGE_TYPES = new Set(['message/rfc822', 'message/global']);
const REPLACEMENT = '\uFFFD';
const UTF8_REPLACEMENT_BYTES = [0xef, 0xbf, 0xbd] as const;

const PARSER_OPTIONS: SimpleParserOptions = {
  skipTextToHtml: true,
  skipTextLinks: true,
  skipImageLinks: true,
  keepDeliveryStatus: true,
  // Attachments are hashed (SHA-256) where they are stored; a second digest here would only cost time.
  checksumAlgo: false,
  maxHtmlLengthToParse: MAX_HTML_CHARS,
  maxChildNodes: MAX_MIME_PARTS,
};

export interface EmailAttachment {
  /** IMAP part number ("2", "1.3.2", "3.1" inside an embedded message). */
  part: string;
  fileName: string | null;
  mimeType: string;
  bytes: Uint8Array;
}

export interface EmbeddedMessage {
  part: string;
  from: string[];
  to: string[];
  subject: string | null;
  dateText: string | null;
  messageId: string | null;
}

export interface EmailContent {
  from: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  subject: string | null;
  /** The Date header exactly as written (unfolded). */
  dateText: string | null;
  date: MailDate | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  /** The message's own words (text/plain, or the HTML as text). */
  body: string;
  /** Embedded messages and delivery reports as text, in part order. */
  appended: string[];
  attachments: EmailAttachment[];
  embedded: EmbeddedMessage[];
  deliveryStatus: (DeliveryStatus & { part: string })[];
  headers: Record<string, string[]>;
  /** What could not be read as it should, for the examiner. */
  problems: string[];
}

/** Parses one message; rejects when mailparser cannot (too many parts, a broken stream). */
export async function readEmail(bytes: Uint8Array, depth = 0, partPrefix = ''): Promise<EmailContent> {
  const bodyStart = unseparatedBodyStart(bytes);
  const labelled = labelUnlabelledText(bodyStart === null ? bytes : withSeparatorAt(bytes, bodyStart));
  const mail = await simpleParser(Buffer.from(labelled.bytes.buffer, labelled.bytes.byteOffset, labelled.bytes.byteLength), PARSER_OPTIONS);
  const headers = evidenceHeaders(mail);
  const dateText = firstHeader(mail, 'date');
  const date = dateText === null ? null : parseMailDate(dateText);
  const content: EmailContent = {
    from: mailboxes(mail.from),
    to: mailboxes(mail.to),
    cc: mailboxes(mail.cc),
    bcc: mailboxes(mail.bcc),
    subject: mail.subject ?? null,
    dateText,
    date,
    messageId: mail.messageId ?? null,
    inReplyTo: mail.inReplyTo ?? null,
    references: referencesOf(mail),
    body: bodyText(mail),
    appended: [],
    attachments: [],
    embedded: [],
    deliveryStatus: [],
    headers,
    problems: [...labelled.notes],
  };
  if (bodyStart === 0) content.problems.push('the message has no header block (its first line is not a header field); all of it is read as its body');
  else if (bodyStart !== null) content.problems.push(`line ${lineNumberAt(bytes, bodyStart)} of the message is not a header field, and no blank line ends the headers before it; the body is read from there on`);
  if (dateText === null) content.problems.push('the message has no Date header; it has no time');
  else if (date === null) content.problems.push(`the Date header "${dateText}" is not an RFC 5322 date; the message has no time`);
  else if ('unknownZone' in date) content.problems.push(`the Date header "${dateText}" names the zone "${date.unknownZone}", which RFC 5322 does not define (such abbreviations stand for different offsets in different countries); its time is read in the import's time zone`);
  if (mail.textConversionError !== undefined) content.problems.push(`the HTML body could not be turned into text (${mail.textConversionError.message}); its tags were stripped instead`);
  for (const attachment of mail.attachments) await takeAttachment(attachment, content, depth, partPrefix);
  if (hasUndecodedText(content, bytes)) content.problems.push(`some text could not be decoded${declaredCharsets(bytes)}; it shows as U+FFFD (the source bytes are unchanged)`);
  return content;
}

const HEADER_FIELD = /^[!-9;-~]+[ \t]*:/u;
/** A line this long decides; a header field name is never longer. */
const LINE_CHECK_BYTES = 1000;

/**
 * Where the body starts when no blank line ends the headers: at the first line of the header
 * block that is neither a field nor a folded continuation (as Python's email package reads it);
 * 0 for an mbox entry that is bare text (a note saved to a folder, a damaged entry). mailparser
 * takes every line up to the first blank one for headers and drops those that are not fields:
 * that text would be lost.
 */
function unseparatedBodyStart(bytes: Uint8Array): number | null {
  let envelopeEnd = 0;
  for (let lineStart = 0; lineStart < bytes.length; ) {
    const feed = bytes.indexOf(0x0a, lineStart);
    const lineEnd = feed === -1 ? bytes.length : feed;
    const line = Buffer.from(bytes.subarray(lineStart, Math.min(lineEnd, lineStart + LINE_CHECK_BYTES))).toString('latin1').replace(/\r$/u, '');
    if (line === '') return null;
    const continuation = lineStart > 0 && (line.startsWith(' ') || line.startsWith('\t'));
    // A second envelope line ("From sender date", ">From " unescaped) heads some re-filed mbox entries and UUCP mail; it is not body.
    const envelope = line.startsWith('From ') && lineStart === envelopeEnd;
    if (envelope) envelopeEnd = lineEnd + 1;
    else if (!continuation && !HEADER_FIELD.test(line)) return lineStart;
    lineStart = lineEnd + 1;
  }
  return null;
}

/** The message with a blank line (a line break of its own kind) inserted at `at`, so that the body starts there. */
function withSeparatorAt(bytes: Uint8Array, at: number): Uint8Array {
  const feed = bytes.indexOf(0x0a);
  const lineBreak = feed > 0 && bytes[feed - 1] === 0x0d ? '\r\n' : '\n';
  return new Uint8Array(Buffer.concat([bytes.subarray(0, at), Buffer.from(lineBreak, 'latin1'), bytes.subarray(at)]));
}

function lineNumberAt(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let feed = bytes.indexOf(0x0a); feed !== -1 && feed < at; feed = bytes.indexOf(0x0a, feed + 1)) line += 1;
  return line;
}

/** Only the header block, for a message too large or too broken to read whole. */
export async function readEmailHeaders(bytes: Uint8Array): Promise<EmailContent> {
  const end = headerEnd(bytes);
  return readEmail(bytes.subarray(0, end));
}

async function takeAttachment(attachment: Attachment, content: EmailContent, depth: number, partPrefix: string): Promise<void> {
  const part = partNumber(partPrefix, attachment.partId);
  const type = attachment.contentType.toLowerCase();
  const bytes = new Uint8Array(attachment.content.buffer, attachment.content.byteOffset, attachment.content.byteLength);
  if (DELIVERY_STATUS_TYPES.has(type)) {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).trim();
    content.deliveryStatus.push({ part, ...readDeliveryStatus(text) });
    content.appended.push(`---- Delivery status, MIME part ${part} ----\n${text}`);
    return;
  }
  content.attachments.push({ part, fileName: attachment.filename ?? null, mimeType: type, bytes });
  if (!MESSAGE_TYPES.has(type)) return;
  if (depth + 1 > MAX_EMBEDDED_DEPTH) {
    content.problems.push(`MIME part ${part}: a message nested more than ${MAX_EMBEDDED_DEPTH} deep is kept as an attachment, not read`);
    return;
  }
  try {
    const inner = await readEmail(bytes, depth + 1, part);
    content.embedded.push({ part, from: inner.from.map(formatMailbox), to: inner.to.map(formatMailbox), subject: inner.subject, dateText: inner.dateText, messageId: inner.messageId });
    content.appended.push(embeddedText(part, inner));
    content.attachments.push(...inner.attachments);
    content.embedded.push(...inner.embedded);
    content.deliveryStatus.push(...inner.deliveryStatus);
    content.problems.push(...inner.problems.filter((problem) => !problem.includes('Date header')).map((problem) => `in the message at MIME part ${part}: ${problem}`));
  } catch (error) {
    content.problems.push(`MIME part ${part}: the embedded message could not be read (${error instanceof Error ? error.message : String(error)}); kept as an attachment`);
  }
}

function embeddedText(part: string, inner: EmailContent): string {
  const lines = [`---- Attached message, MIME part ${part} ----`];
  if (inner.from.length > 0) lines.push(`From: ${inner.from.map(formatMailbox).join(', ')}`);
  if (inner.to.length > 0) lines.push(`To: ${inner.to.map(formatMailbox).join(', ')}`);
  if (inner.cc.length > 0) lines.push(`Cc: ${inner.cc.map(formatMailbox).join(', ')}`);
  if (inner.dateText !== null) lines.push(`Date: ${inner.dateText}`);
  if (inner.subject !== null) lines.push(`Subject: ${inner.subject}`);
  return [lines.join('\n'), inner.body, ...inner.appended].filter((block) => block !== '').join('\n\n');
}

/** IMAP numbering: a message that is not multipart has its body as part 1, also inside a message/rfc822 part. */
function partNumber(prefix: string, partId: string | null): string {
  const own = partId ?? '1';
  return prefix === '' ? own : `${prefix}.${own}`;
}

function bodyText(mail: ParsedMail): string {
  const text = (mail.text ?? '').replace(/\r\n/gu, '\n').trim();
  if (text !== '' || typeof mail.html !== 'string') return text;
  return stripTags(mail.html);
}

/** The fallback for HTML too large or too deep for html-to-text: tags out, common entities decoded. */
function stripTags(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/giu, ' ')
    .replace(/<br\s*\/?>|<\/(?:p|div|tr|li|h\d)>/giu, '\n')
    .replace(/<[^>]*>/gu, ' ')
    .replace(/&nbsp;/giu, ' ')
    .replace(/&lt;/giu, '<')
    .replace(/&gt;/giu, '>')
    .replace(/&quot;/giu, '"')
    .replace(/&#39;|&apos;/giu, "'")
    .replace(/&amp;/giu, '&')
    .replace(/[ \t]+/gu, ' ')
    .replace(/\n\s*\n+/gu, '\n\n')
    .trim();
}

function referencesOf(mail: ParsedMail): string[] {
  const value = mail.references;
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((entry) => entry.split(/\s+/u)).filter((entry) => entry !== '');
}

/** Raw header values, unfolded (RFC 5322 §2.2.3), for the headers that matter as evidence. */
function evidenceHeaders(mail: ParsedMail): Record<string, string[]> {
  const kept: [string, string[]][] = [];
  for (const name of EVIDENCE_HEADERS) {
    const values = mail.headerLines.filter((line) => line.key === name).map((line) => headerValue(line.line));
    if (values.length > 0) kept.push([name, values]);
  }
  return Object.fromEntries(kept);
}

function firstHeader(mail: ParsedMail, name: string): string | null {
  const line = mail.headerLines.find((candidate) => candidate.key === name);
  return line === undefined ? null : headerValue(line.line);
}

function headerValue(line: string): string {
  return line.slice(line.indexOf(':') + 1).replace(/\r?\n(?=[ \t])/gu, '').trim();
}

/** U+FFFD in what was read, when the raw bytes hold no literal U+FFFD: a charset that did not decode. */
function hasUndecodedText(content: EmailContent, bytes: Uint8Array): boolean {
  const read = [content.body, content.subject ?? '', ...content.from.map((mailbox) => mailbox.name)].some((text) => text.includes(REPLACEMENT));
  return read && !containsSequence(bytes, UTF8_REPLACEMENT_BYTES);
}

function containsSequence(bytes: Uint8Array, sequence: readonly number[]): boolean {
  for (let at = bytes.indexOf(sequence[0] ?? 0); at !== -1; at = bytes.indexOf(sequence[0] ?? 0, at + 1)) {
    if (sequence.every((byte, index) => bytes[at + index] === byte)) return true;
  }
  return false;
}

const CHARSET = /charset\s*=\s*"?([^\s";]+)/giu;
const MAX_CHARSET_SCAN_BYTES = 1024 * 1024;

function declaredCharsets(bytes: Uint8Array): string {
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, MAX_CHARSET_SCAN_BYTES));
  const found = new Set<string>();
  for (const match of text.matchAll(CHARSET)) found.add((match[1] ?? '').toLowerCase());
  return found.size === 0 ? ' (no charset declared)' : ` (declared charsets: ${[...found].slice(0, 10).join(', ')})`;
}

/** Offset just past the blank line that ends the header block (or the whole, when there is none). */
function headerEnd(bytes: Uint8Array): number {
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) {
    const next = bytes[at + 1];
    if (next === 0x0a) return at + 2;
    if (next === 0x0d && bytes[at + 2] === 0x0a) return at + 3;
  }
  return bytes.length;
}

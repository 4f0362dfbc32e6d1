/** One e-mail as the record every importer produces: sender, time, text, attachments and the facts a court asks about. */

import type { MediaType, ParsedAttachment, ParsedMessage, ParsedTime, ParseSink, SourceLocator } from '../../../shared/contracts/parsed-source.ts';
import { formatMailbox, type MailAddress } from './addresses.ts';
import type { RawMessage } from './mbox-splitter.ts';
import type { EmailContent } from './read-email.ts';
import { subjectWithoutPrefixes, type EmailThreads } from './threads.ts';
import { unparsedRecord, type UnparsedRecordFields } from '../unparsed-record.ts';

const NO_SUBJECT = '(no subject)';

export function toMessage(raw: RawMessage, file: string, content: EmailContent, threads: EmailThreads, sink: ParseSink): ParsedMessage {
  const chatKey = announceThread(content, raw, threads, sink);
  const sender = content.from[0];
  const full = [content.subject ?? '', content.body, ...content.appended].filter((block) => block.trim() !== '').join('\n\n');
  const extra: Record<string, unknown> = { ...factsOf(content), ...(raw.postmark === null ? {} : { mboxPostmark: raw.postmark }) };
  return {
    chatKey,
    kind: 'message',
    sender: sender === undefined ? null : formatMailbox(sender),
    senderId: sender === undefined || sender.address === '' ? null : sender.address,
    // The case owner is not known from a mailbox alone.
    direction: null,
    time: timeOf(content),
    timestampText: content.dateText ?? '',
    text: full,
    attachments: content.attachments.map((attachment) => ({
      kind: 'attached',
      mediaType: mediaTypeOf(attachment.mimeType),
      ...(attachment.fileName === null ? {} : { fileName: attachment.fileName }),
      mimeType: attachment.mimeType,
      bytes: attachment.bytes,
      size: attachment.bytes.byteLength,
    }) satisfies ParsedAttachment),
    deleted: deletedInThunderbird(content),
    edited: false,
    locator: locatorOf(raw, file),
    extra,
  };
}

/**
 * A message kept raw (`rawText`, cut to RAW_TEXT_LIMIT here; `rawBytes`: how many of the message's
 * bytes it was decoded from, for the reason's note); what its headers still tell (sender, time,
 * thread) is kept with it.
 */
export function toUnparsed(raw: RawMessage, file: string, headers: EmailContent | null, threads: EmailThreads, sink: ParseSink, reason: string, rawText: string, rawBytes: UnparsedRecordFields['rawBytes']): ParsedMessage {
  const chatKey = headers === null ? announceFallback(raw, threads, sink) : announceThread(headers, raw, threads, sink);
  const sender = headers?.from[0];
  return unparsedRecord({
    chatKey,
    raw: rawText,
    rawBytes,
    locator: locatorOf(raw, file),
    reason,
    sender: sender === undefined ? null : formatMailbox(sender),
    senderId: sender === undefined || sender.address === '' ? null : sender.address,
    direction: null,
    time: headers === null ? null : timeOf(headers),
    timestampText: headers?.dateText ?? '',
    extra: { ...(headers === null ? {} : factsOf(headers)), ...(raw.postmark === null ? {} : { mboxPostmark: raw.postmark }) },
  });
}

/**
 * Names the message's thread, announcing it the first time and again whenever a message of it
 * names someone new: the sender and every recipient (To, Cc, Bcc) take part in the thread, so
 * the conversation lists who each e-mail went to, with their addresses.
 */
function announceThread(content: EmailContent, raw: RawMessage, threads: EmailThreads, sink: ParseSink): string {
  const thread = threads.assign(content, String(raw.byteStart));
  const newcomers = threads.newcomers(thread.key, [...content.from, ...content.to, ...content.cc, ...content.bcc]);
  if (thread.isNew || newcomers.length > 0) {
    const title = subjectWithoutPrefixes(content.subject);
    sink.chat({
      key: thread.key,
      // Threads named after a Message-ID are one conversation in every mailbox file of one account (one folder, or one declared device).
      ...(thread.byId ? { mergeKey: thread.key, mergeWithinFolder: true } : {}),
      title: title === '' ? NO_SUBJECT : title,
      kind: 'unknown',
      participants: newcomers.map((mailbox) => ({ name: mailbox.name === '' ? null : mailbox.name, id: mailbox.address === '' ? null : mailbox.address, label: formatMailbox(mailbox) })),
    });
  }
  return thread.key;
}

function announceFallback(raw: RawMessage, threads: EmailThreads, sink: ParseSink): string {
  const thread = threads.assign({ messageId: null, inReplyTo: null, references: [], subject: null }, String(raw.byteStart));
  if (thread.isNew) sink.chat({ key: thread.key, title: NO_SUBJECT, kind: 'unknown' });
  return thread.key;
}

/** Thunderbird's MSG_FLAG_EXPUNGED: deleted by the user, its bytes left in the mbox until the folder is compacted. */
const MOZILLA_EXPUNGED = 0x0008;

/** Whether Thunderbird's own status header (hex flags) marks the message deleted. */
function deletedInThunderbird(content: EmailContent): boolean {
  const status = content.headers['x-mozilla-status']?.[0]?.trim() ?? '';
  return /^[0-9a-f]{1,8}$/iu.test(status) && (Number.parseInt(status, 16) & MOZILLA_EXPUNGED) !== 0;
}

function timeOf(content: EmailContent): ParsedTime {
  if (content.date === null) return null;
  return 'wall' in content.date ? { wall: content.date.wall } : { utcMs: content.date.utcMs };
}

function factsOf(content: EmailContent): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  const addresses = (list: MailAddress[]): string[] => list.map(formatMailbox);
  if (content.subject !== null) facts['subject'] = content.subject;
  if (content.from.length > 1) facts['from'] = addresses(content.from);
  if (content.to.length > 0) facts['to'] = addresses(content.to);
  if (content.cc.length > 0) facts['cc'] = addresses(content.cc);
  if (content.bcc.length > 0) facts['bcc'] = addresses(content.bcc);
  if (content.messageId !== null) facts['messageId'] = content.messageId;
  if (content.inReplyTo !== null) facts['inReplyTo'] = content.inReplyTo;
  if (content.references.length > 0) facts['references'] = content.references;
  if (content.date !== null && 'offset' in content.date) {
    facts['dateOffset'] = content.date.offset;
    if (content.date.obsoleteZone !== undefined) facts['dateObsoleteZone'] = content.date.obsoleteZone;
  }
  if (content.date !== null && 'unknownZone' in content.date) facts['dateUnknownZone'] = content.date.unknownZone;
  if (Object.keys(content.headers).length > 0) facts['headers'] = content.headers;
  if (content.attachments.length > 0) facts['attachmentParts'] = content.attachments.map((attachment) => ({ part: attachment.part, fileName: attachment.fileName, mimeType: attachment.mimeType, size: attachment.bytes.byteLength }));
  if (content.embedded.length > 0) facts['embeddedMessages'] = content.embedded;
  if (content.deliveryStatus.length > 0) facts['deliveryStatus'] = content.deliveryStatus;
  return facts;
}

function locatorOf(raw: RawMessage, file: string): SourceLocator {
  return { kind: 'text-lines', file, lineStart: raw.lineStart, lineEnd: raw.lineEnd, byteStart: raw.byteStart, byteEnd: raw.byteEnd };
}

function mediaTypeOf(mimeType: string): MediaType {
  if (mimeType === 'image/gif') return 'gif';
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType.startsWith('video/')) return 'video';
  if (mimeType.startsWith('audio/')) return 'audio';
  if (mimeType === 'text/vcard' || mimeType === 'text/x-vcard' || mimeType === 'text/directory') return 'contact';
  return 'document';
}


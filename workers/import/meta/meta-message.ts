/**
 * One message of a Meta DYI thread (`messages[i]` of message_N.json) → one ParsedMessage.
 * Strings arrive already repaired (mojibake.ts). The newer end-to-end-encrypted export's
 * camelCase fields (senderName, timestamp, text, isUnsent, media) are read too.
 */

import type { MediaType, ParsedAttachment, ParsedMessage, ParsedTime, SourceLocator } from '../../../shared/contracts/parsed-source.ts';
import { baseName, defineField, safeRelativePath } from '../import-limits.ts';
import { unparsedRecord } from '../unparsed-record.ts';
import { metaCallFacts } from './meta-call.ts';
import { threadMediaDownloadPath } from './split-download.ts';
import { isJsonObject } from '../telegram/json-walker.ts';
import type { JsonObject, JsonValue } from '../telegram/json-walker.ts';

export interface MetaMessageContext {
  chatKey: string;
  locator: SourceLocator;
  /** Name of the folder the message file lies in (the thread's folder, "alice_123"); '' when unknown. */
  threadFolder: string;
  /**
   * The folder of the message file as its source names it, from the root of the download
   * ("your_facebook_activity/messages/inbox/alice_123" in a zip); '' when unknown. A media uri
   * into this folder may be looked for in the other parts of a split download (split-download.ts).
   */
  messageFolder?: string;
  /**
   * The message as the file has it, before its mojibake was repaired: what an unparsed record
   * keeps as its raw text (the repaired value is a reading of the source, not the source).
   */
  asWritten?: JsonValue;
  /**
   * True when the file's path says it is Instagram's download: only there is a content ending in
   * " (edited)" taken for Instagram's edit mark (Messenger marks no edits so, and a person may
   * type the words).
   */
  instagram?: boolean;
}

export interface MetaMessageResult {
  message: ParsedMessage;
  notes: string[];
}

/** List fields holding files, and what they hold. */
const MEDIA_LISTS: [string, MediaType][] = [
  ['photos', 'image'],
  ['videos', 'video'],
  ['audio_files', 'audio'],
  ['gifs', 'gif'],
  ['files', 'document'],
  ['media', 'unknown'],
];
/** Membership notices: system lines, with the person in `extra.actor`. */
const SYSTEM_TYPES = new Set(['Subscribe', 'Unsubscribe']);
// The media lists (photos, videos, sticker…) stay in extra as written: an attachment holds a path,
// not a web-address uri, a creation_timestamp, a video's thumbnail or a sticker's ai_stickers.
// The time fields are always consumed: timestampText keeps them as written, whatever their type.
const TIME_KEYS = ['timestamp_ms', 'timestamp'];
/** Fields that become the sender, the text or the deleted flag, and the type they must have to. */
const READ_FIELDS: [string, 'string' | 'boolean'][] = [
  ['sender_name', 'string'],
  ['senderName', 'string'],
  ['content', 'string'],
  ['text', 'string'],
  ['is_unsent', 'boolean'],
  ['isUnsent', 'boolean'],
];
const MAX_PLAUSIBLE_MS = 8_640_000_000_000_000;
/** Instagram's edit mark: a space and "(edited)" closing the content, after some words. */
const EDITED_MARK = /\S \(edited\)$/u;

export function metaMessage(value: JsonValue, context: MetaMessageContext, problem?: string): MetaMessageResult {
  if (problem !== undefined) return unparsed(value, context, `the message could not be read whole: ${problem}`);
  if (!isJsonObject(value)) return unparsed(value, context, 'a message should be a JSON object');
  const notes: string[] = [];
  const sender = stringField(value, 'sender_name') ?? stringField(value, 'senderName');
  const { time, timestampText } = messageTime(value);
  if (time === null) notes.push(timestampText === '' ? 'the message has no timestamp_ms' : `the timestamp "${timestampText}" could not be read`);

  const { consumed, unreadable } = consumedKeys(value);
  if (unreadable.length > 0) notes.push(`${unreadable.join(', ')} could not be read (not of the expected type); kept in extra as written`);
  const extra: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (!consumed.has(key)) defineField(extra, key, field);
  }
  const attachments: ParsedAttachment[] = [];
  const unsafe: string[] = [];
  for (const [key, mediaType] of MEDIA_LISTS) {
    const list = value[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) attachments.push(mediaAttachment(item, mediaType, unsafe, context.threadFolder, context.messageFolder ?? ''));
  }
  if (isJsonObject(value['sticker'])) attachments.push(mediaAttachment(value['sticker'], 'sticker', unsafe, context.threadFolder, context.messageFolder ?? ''));
  for (const path of unsafe) notes.push(`the media path "${path}" points outside the export; it was not linked`);
  if (unsafe.length > 0) extra['unsafeMediaPaths'] = unsafe;

  const text = stringField(value, 'content') ?? stringField(value, 'text') ?? '';
  // Instagram marks an edited message only in its words: " (edited)" after the text as it now
  // reads. The text is kept as written; the mark is said to be read.
  const marked = EDITED_MARK.test(text);
  const edited = marked && context.instagram === true;
  if (edited) extra['editedMark'] = 'the content ends with " (edited)", the mark Instagram writes after an edited message';
  else if (marked) extra['editedMark'] = 'the content ends with " (edited)", as Instagram marks an edited message; not read as an edit: the file\'s path does not say it is from Instagram';
  const type = stringField(value, 'type');
  const isSystem = type !== null && SYSTEM_TYPES.has(type);
  if (isSystem && sender !== null) extra['actor'] = sender;
  // A call is a system record whose sender is the caller (parse-meta.ts gives it a direction).
  const call = metaCallFacts(value);
  if (call !== null) Object.assign(extra, call);
  const message: ParsedMessage = {
    chatKey: context.chatKey,
    kind: isSystem || call !== null ? 'system' : 'message',
    sender: isSystem ? null : sender,
    senderId: null,
    direction: null,
    time,
    timestampText,
    text,
    attachments,
    // is_unsent_image_by_messenger_kid_parent: a Messenger Kids parent removed the image; the
    // message was unsent as surely as with is_unsent (the flag also stays in extra).
    deleted: value['is_unsent'] === true || value['isUnsent'] === true || value['is_unsent_image_by_messenger_kid_parent'] === true,
    edited,
    locator: context.locator,
    extra,
  };
  return { message, notes };
}

/**
 * The keys the message's own fields were read from. One of another type (a damaged file's object
 * where sender_name should be) could not be read: it stays in extra rather than vanish. A null
 * says nothing and is dropped.
 */
function consumedKeys(value: JsonObject): { consumed: Set<string>; unreadable: string[] } {
  const consumed = new Set(TIME_KEYS);
  const unreadable: string[] = [];
  for (const [key, type] of READ_FIELDS) {
    const field = value[key];
    if (field === undefined) continue;
    if (field === null || typeof field === type) consumed.add(key);
    else unreadable.push(key);
  }
  return { consumed, unreadable };
}

/**
 * DYI's `timestamp_ms` is milliseconds by name. The E2EE export's `timestamp` has no sample yet
 * (FORMATS.md §3, belief), so its unit is taken from its size, per value (FORMATS.md §0.2):
 * below 1e11 it is seconds (as milliseconds it would be before March 1973, before Messenger).
 */
const SECONDS_BELOW = 100_000_000_000;

function messageTime(value: JsonObject): { time: ParsedTime; timestampText: string } {
  if (value['timestamp_ms'] !== undefined && value['timestamp_ms'] !== null) return readTime(value['timestamp_ms']);
  const read = readTime(value['timestamp']);
  if (read.time !== null && 'utcMs' in read.time && Math.abs(read.time.utcMs) < SECONDS_BELOW) return { ...read, time: { utcMs: read.time.utcMs * 1000 } };
  return read;
}

function readTime(raw: JsonValue | undefined): { time: ParsedTime; timestampText: string } {
  if (raw === undefined || raw === null) return { time: null, timestampText: '' };
  // A damaged file can put an object or array here: kept as its JSON (String() throws on the
  // prototype-less objects the mojibake repair makes).
  const timestampText = typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
  const ms = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/u.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_PLAUSIBLE_MS) return { time: null, timestampText };
  return { time: { utcMs: Math.trunc(ms) }, timestampText };
}

/**
 * What the E2EE download writes as a media uri when it could not fetch the file [source: timelinize
 * fork, facebook/e2ee.go]: no file of the download, so no path to look for (the uri stays in extra).
 */
const E2EE_MEDIA_NOT_DOWNLOADED = 'Failed to download media';

/** `{uri, creation_timestamp}`; the uri is relative to the root of the DYI archive. */
function mediaAttachment(item: JsonValue, mediaType: MediaType, unsafe: string[], threadFolder: string, messageFolder: string): ParsedAttachment {
  const attachment: ParsedAttachment = { kind: 'attached', mediaType };
  const uri = isJsonObject(item) ? item['uri'] : typeof item === 'string' ? item : undefined;
  if (typeof uri !== 'string' || uri === '' || uri === E2EE_MEDIA_NOT_DOWNLOADED) {
    attachment.kind = 'omitted';
    return attachment;
  }
  attachment.fileName = baseName(uri);
  if (/^[a-z][a-z0-9+.-]*:\/\//iu.test(uri)) {
    // A web address, not a file of the archive.
    attachment.kind = 'omitted';
    return attachment;
  }
  const path = safeRelativePath(uri);
  if (path === null) {
    unsafe.push(uri);
    return attachment;
  }
  attachment.path = path;
  const beside = pathFromThreadFolder(path, threadFolder);
  if (beside !== null) attachment.alternativePaths = [beside];
  const downloadPath = threadMediaDownloadPath(path, messageFolder);
  if (downloadPath !== null) attachment.downloadPath = downloadPath;
  return attachment;
}

/**
 * The uri written from the export root ("…/messages/inbox/alice_123/photos/1.jpg") as a path from
 * the message file's own folder ("photos/1.jpg"): a folder on disk is searched from there, so
 * without it every photo of an unzipped export was recorded as missing.
 */
function pathFromThreadFolder(path: string, threadFolder: string): string | null {
  if (threadFolder === '') return null;
  const parts = path.split('/');
  const at = parts.lastIndexOf(threadFolder, parts.length - 2);
  if (at !== -1) return parts.slice(at + 1).join('/');
  // A file the export keeps for every thread ("…/messages/stickers_used/s.png") lies two folders
  // up from the thread's (messages/inbox/alice_123): SHARED_EXPORT_FOLDERS lets a folder source reach it.
  const shared = parts.lastIndexOf(SHARED_STICKERS_FOLDER, parts.length - 2);
  return shared < 1 || parts[shared - 1] !== 'messages' ? null : ['..', '..', ...parts.slice(shared)].join('/');
}

/** The folder of stickers a DYI export shares between threads, beside its message boxes (inbox, …). */
const SHARED_STICKERS_FOLDER = 'stickers_used';

function stringField(value: JsonObject, key: string): string | null {
  const field = value[key];
  return typeof field === 'string' ? field : null;
}

function unparsed(value: JsonValue, context: MetaMessageContext, reason: string): MetaMessageResult {
  const when = isJsonObject(value) ? messageTime(value) : { time: null, timestampText: '' };
  const raw = context.asWritten ?? value;
  return { message: unparsedRecord({ chatKey: context.chatKey, raw: JSON.stringify(raw) ?? String(raw), locator: context.locator, reason, time: when.time, timestampText: when.timestampText }), notes: [] };
}

/**
 * The parts of a Signal Desktop message object beyond its text: attachments, sticker, quote,
 * reactions and edit history. Attachment files live in `attachments.noindex/` beside `sql/`.
 * Versions before 7 (2024) kept them as plain files: when the decrypted database lies in the
 * profile's `sql/` folder they are found there and hashed like any attachment (the shared folder
 * of SHARED_EXPORT_FOLDERS). Later versions encrypt each with its own `localKey`: those are
 * listed here with their key and decrypted by the parser (encrypted-attachments.ts). Every
 * attachment of a database copied anywhere else stays missing.
 */

import type { MediaType, ParsedAttachment } from '../../../shared/contracts/parsed-source.ts';
import type { JsonObject } from './json-fields.ts';
import { firstText, jsonFlag, jsonNumber, jsonObject, jsonObjects, jsonText } from './json-fields.ts';

/** AttachmentPointer flag for a voice note (Signal's protobuf, bit 0). */
const VOICE_MESSAGE_FLAG = 1;

export interface AttachmentsFound {
  attachments: ParsedAttachment[];
  /** Where Signal kept each file, relative to its attachments.noindex folder (null when not downloaded). */
  signalPaths: (string | null)[];
  /** Those encrypted on disk with their own key, to be decrypted (their file is ciphertext). */
  encrypted: EncryptedAttachment[];
}

/** An attachment whose file in attachments.noindex Signal encrypted with a per-attachment key. */
export interface EncryptedAttachment {
  attachment: ParsedAttachment;
  /** Where Signal kept it, relative to attachments.noindex. */
  signalPath: string;
  /** Base64; null when the row says version 2 but holds no key. */
  localKey: string | null;
  plaintextHash: string | null;
}

/** What marks an attachment as encrypted at rest: a localKey, or Signal's attachment version 2 and later. */
export interface AtRestKey {
  localKey: string | null;
  version: number | null;
  plaintextHash: string | null;
}

/** Signal's attachment folder, beside sql/ in the profile (SHARED_EXPORT_FOLDERS['signal-desktop-db']). */
const ATTACHMENT_FOLDER = '../attachments.noindex';
/** What Signal writes as a path: `ab/abcdef…`, folder and file of hex or base64url characters. */
const SIGNAL_FILE_PATH = /^[\w-]{1,64}(?:\/[\w.-]{1,200}){1,3}$/u;

/**
 * Points a plain (unencrypted) attachment at its file in attachments.noindex; an encrypted one is
 * listed for decryption and gets its path (and bytes) only once decrypted. A path Signal would
 * not write (`..`, absolute) keeps no path and stays missing.
 */
export function placeSignalFile(found: AttachmentsFound, attachment: ParsedAttachment, path: string | null, key: AtRestKey): void {
  found.attachments.push(attachment);
  found.signalPaths.push(path);
  if (path === null) return;
  if (key.localKey !== null || (key.version ?? 1) >= 2) {
    found.encrypted.push({ attachment, signalPath: path, localKey: key.localKey, plaintextHash: key.plaintextHash });
    return;
  }
  const place = signalFilePlace(path);
  if (place !== null) attachment.path = place;
}

/** The path of a file Signal wrote, as the import reads it (beside sql/); null for a path Signal would not write. */
export function signalFilePlace(path: string): string | null {
  return SIGNAL_FILE_PATH.test(path) && !path.split('/').includes('..') ? `${ATTACHMENT_FOLDER}/${path}` : null;
}

export function attachmentsOf(message: JsonObject | null): AttachmentsFound {
  const found: AttachmentsFound = { attachments: [], signalPaths: [], encrypted: [] };
  for (const attachment of jsonObjects(message, 'attachments')) add(found, attachment, mediaTypeOf(attachment));
  // A shared contact card: its name and numbers are inline (the caller keeps them in extra); its
  // avatar, when it has one, is the card's file.
  for (const contact of jsonObjects(message, 'contact')) add(found, jsonObject(jsonObject(contact, 'avatar'), 'avatar') ?? {}, 'contact');
  const sticker = jsonObject(message, 'sticker');
  const stickerData = jsonObject(sticker, 'data');
  if (sticker !== null) add(found, stickerData ?? {}, 'sticker');
  return found;
}

function add(found: AttachmentsFound, attachment: JsonObject, mediaType: MediaType): void {
  const parsed: ParsedAttachment = { kind: 'attached', mediaType };
  const fileName = jsonText(attachment, 'fileName');
  if (fileName !== null) parsed.fileName = fileName;
  const mimeType = jsonText(attachment, 'contentType');
  if (mimeType !== null) parsed.mimeType = mimeType;
  const size = jsonNumber(attachment, 'size');
  if (size !== null && size >= 0) parsed.size = size;
  const key = { localKey: jsonText(attachment, 'localKey'), version: jsonNumber(attachment, 'version'), plaintextHash: jsonText(attachment, 'plaintextHash') };
  placeSignalFile(found, parsed, jsonText(attachment, 'path'), key);
}

export function mediaTypeOf(attachment: JsonObject): MediaType {
  const type = (jsonText(attachment, 'contentType') ?? '').toLowerCase();
  const flags = jsonNumber(attachment, 'flags') ?? 0;
  if ((flags & VOICE_MESSAGE_FLAG) !== 0 || type.startsWith('audio/')) return 'audio';
  if (type === 'image/gif' || jsonFlag(attachment, 'isGif')) return 'gif';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('video/')) return 'video';
  if (type.includes('vcard')) return 'contact';
  if (type.startsWith('application/') || type.startsWith('text/')) return 'document';
  return 'unknown';
}

/** Resolves a sender identifier (service id, phone number, conversation id) to a name. */
export type NameOf = (identifier: string | null) => string | null;

/** The quoted message: Signal identifies it by its author and sent time, not by row. */
export function quoteOf(message: JsonObject | null, nameOf: NameOf): JsonObject | null {
  const quote = jsonObject(message, 'quote');
  if (quote === null) return null;
  const author = firstText(quote, ['authorAci', 'authorUuid', 'author']);
  const sentAt = jsonNumber(quote, 'id');
  return {
    author: nameOf(author) ?? author,
    authorId: author,
    quotedSentAt: sentAt === null ? null : isoOf(sentAt),
    quotedSentAtRaw: sentAt,
    text: jsonText(quote, 'text'),
    attachments: jsonObjects(quote, 'attachments').map((attachment) => ({ fileName: jsonText(attachment, 'fileName'), contentType: jsonText(attachment, 'contentType') })),
    referencedMessageNotFound: jsonFlag(quote, 'referencedMessageNotFound'),
  };
}

/** Reactions: the emoji, who (a conversation id in `fromId`) and when. */
export function reactionsOf(message: JsonObject | null, nameOf: NameOf): JsonObject[] {
  return jsonObjects(message, 'reactions').map((reaction) => {
    const from = firstText(reaction, ['fromId', 'fromUuid', 'fromAci']);
    const at = jsonNumber(reaction, 'timestamp');
    return { emoji: jsonText(reaction, 'emoji'), from: nameOf(from) ?? from, fromId: from, at: at === null ? null : isoOf(at) };
  });
}

/**
 * Earlier versions of an edited message. Signal lists every version, newest first, the current
 * one included, so one entry means the message was never edited.
 */
export function editHistoryOf(message: JsonObject | null): JsonObject[] {
  return jsonObjects(message, 'editHistory').map((version) => {
    const at = jsonNumber(version, 'timestamp');
    return { body: jsonText(version, 'body') ?? '', sentAt: at === null ? null : isoOf(at), attachments: jsonObjects(version, 'attachments').map((attachment) => jsonText(attachment, 'fileName')) };
  });
}

/** ISO text for a ms timestamp, or null when it is not a date JavaScript can hold. */
export function isoOf(milliseconds: number): string | null {
  const date = new Date(milliseconds);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Signal writes a mention into the body as this one character and names the person in bodyRanges. */
const MENTION_PLACEHOLDER = '\uFFFC';

export interface MentionsInserted {
  text: string;
  mentions: JsonObject[];
}

/**
 * Puts "@Name" where the body holds a mention placeholder, so the text says who was addressed
 * (and search finds it). Offsets are UTF-16 code units, as in JavaScript strings: Signal Desktop
 * computed them in JavaScript. A range that does not sit on a placeholder is listed, not applied.
 */
export function insertMentions(body: string, message: JsonObject | null, nameOf: NameOf): MentionsInserted {
  const ranges = jsonObjects(message, 'bodyRanges')
    .map((range) => ({ start: jsonNumber(range, 'start'), length: jsonNumber(range, 'length'), id: firstText(range, ['mentionAci', 'mentionUuid']), replacement: jsonText(range, 'replacementText') }))
    .filter((range): range is { start: number; length: number; id: string; replacement: string | null } => range.start !== null && range.length !== null && range.id !== null);
  const mentions: JsonObject[] = [];
  let text = body;
  // From the end, so earlier offsets stay valid as text is inserted.
  for (const range of [...ranges].sort((a, b) => b.start - a.start)) {
    const name = nameOf(range.id) ?? range.replacement ?? range.id;
    const applied = range.length === 1 && text.slice(range.start, range.start + 1) === MENTION_PLACEHOLDER;
    if (applied) text = `${text.slice(0, range.start)}@${name}${text.slice(range.start + 1)}`;
    mentions.unshift({ name, id: range.id, start: range.start, applied });
  }
  return { text, mentions };
}

/**
 * One row of Signal Desktop's `messages` as a ParsedMessage. The typed columns win when the
 * schema has them (they are what Signal itself queries); the `json` object fills in what older
 * schemas kept only there, and holds the attachments, quote, reactions and edit history.
 */

import type { ColumnRequest, Row } from '../sqlite/index.ts';
import type { ParsedMessage, SourceLocator } from '../../../shared/contracts/parsed-source.ts';
import { flagValue, isoOrNull, nonEmptyText, numberValue, putExtra, sqliteRowLocator, unixTime } from '../sqlite/index.ts';
import type { SignalAttachmentTable } from './attachment-table.ts';
import type { SignalConversations } from './conversations.ts';
import type { JsonObject } from './json-fields.ts';
import { firstText, identifierOf, jsonFlag, jsonNumber, jsonObject, jsonObjects, jsonText, parseJsonColumn } from './json-fields.ts';
import { attachmentsOf, editHistoryOf, insertMentions, quoteOf, reactionsOf } from './message-parts.ts';
import type { EncryptedAttachment, NameOf } from './message-parts.ts';
import { MESSAGE_TYPES, systemText } from './system-events.ts';

/** A message object bigger than this is not parsed (real ones are a few KiB; long texts are attachments). */
export const MAX_JSON_BYTES = 16 * 1024 * 1024;

/**
 * `received_at` became an ordering counter (2020) and the time moved to `received_at_ms`; a value
 * below this cannot be milliseconds since 1970 after 1973, so it is the counter.
 */
const SMALLEST_MILLISECOND_TIME = 1e11;

/** Message-object fields that carry a message's content when its body is empty. */
const CONTENT_BESIDE_BODY = ['payment', 'storyReaction', 'storyReplyContext', 'giftBadge'];

export const MESSAGE_COLUMNS: readonly (string | ColumnRequest)[] = [
  'id', { name: 'json', maxBytes: MAX_JSON_BYTES }, 'conversationId', 'type', 'body',
  { name: 'sent_at', asText: true }, { name: 'received_at', asText: true }, { name: 'received_at_ms', asText: true },
  'source', 'sourceServiceId', 'sourceUuid', 'sourceDevice', 'hasAttachments', 'isErased', 'isViewOnce', 'expireTimer',
];

/** What the caller should warn about for one row (kept apart so warnings stay capped per kind). */
export interface RowNotes {
  jsonProblem?: string;
  attachmentsNotListed?: boolean;
  /** Attachments whose files are encrypted at rest, for the caller to decrypt. */
  encrypted?: EncryptedAttachment[];
}

/** Who is who: the conversations table for a database; nothing but identifiers for a JSON export. */
export type SignalDirectory = Pick<SignalConversations, 'chatKeyFor' | 'get' | 'person'>;

export function readMessageRow(row: Row, file: string, conversations: SignalConversations, attachmentTable: SignalAttachmentTable, notes: RowNotes): ParsedMessage {
  return readMessage(row, readJson(row, notes), sqliteRowLocator(file, 'messages', row), conversations, attachmentTable, notes);
}

/**
 * A message from its typed columns (`row`; empty for a JSON export, which has only the object)
 * and its message object. Throws when the record cannot be told to be anything.
 */
export function readMessage(row: Row, json: JsonObject | null, locator: SourceLocator, conversations: SignalDirectory, attachmentTable: SignalAttachmentTable | null, notes: RowNotes): ParsedMessage {
  const type = nonEmptyText(row['type']) ?? jsonText(json, 'type');
  // Without a type a row cannot be told apart from a system record or placed as sent or received.
  if (type === null) throw new Error(notes.jsonProblem ?? 'the row has neither a type column nor a type in its json');
  const conversationId = identifierOf(row['conversationid'], json, ['conversationId']);
  const chatKey = conversations.chatKeyFor(conversationId);
  const nameOf: NameOf = (identifier) => (identifier === null ? null : conversations.person(identifier)?.label ?? null);
  const sent = sentTime(row, json);
  const extra: Record<string, unknown> = { signalType: type };
  const messageId = nonEmptyText(row['id']) ?? jsonText(json, 'id');
  putExtra(extra, 'signalId', messageId);
  putExtra(extra, 'receivedAt', receivedAt(row, json));
  putExtra(extra, 'sourceDevice', numberValue(row['sourcedevice']) ?? jsonNumber(json, 'sourceDevice'));
  putExtra(extra, 'expireTimerSeconds', numberValue(row['expiretimer']) ?? jsonNumber(json, 'expireTimer'));
  if (notes.jsonProblem !== undefined) extra['jsonUnreadable'] = notes.jsonProblem;

  const isMessage = MESSAGE_TYPES.has(type);
  const sender = isMessage && type === 'incoming' ? senderOf(row, json, conversationId, conversations) : null;
  if (sender !== null && sender.serviceId !== null && sender.serviceId !== sender.id) extra['senderServiceId'] = sender.serviceId;

  // From schema 1360 the table holds them; rows written before it keep them in the object.
  const fromTable = attachmentTable?.of(messageId) ?? null;
  const { attachments, signalPaths, encrypted } = fromTable !== null && fromTable.attachments.length > 0 ? fromTable : attachmentsOf(json);
  // Signal 7 on: each file is encrypted with its own key; the ciphertext is not the attachment.
  // The caller decrypts them (it can read files; this function cannot wait for them).
  if (encrypted.length > 0) {
    extra['attachmentsEncryptedOnDisk'] = encrypted.length;
    notes.encrypted = encrypted;
  }
  if (fromTable?.longTextInFile === true) extra['longTextInMissingFile'] = true;
  if (signalPaths.some((path) => path !== null)) extra['attachmentPaths'] = signalPaths;
  if (attachments.length === 0 && flagValue(row['hasattachments'])) {
    // Neither the object nor message_attachments lists them (a damaged or partly copied database).
    notes.attachmentsNotListed = true;
    extra['attachmentsNotListed'] = true;
  }
  // Shared contact cards: the name and numbers exist only here (attachments list the card itself).
  const sharedContacts = jsonObjects(json, 'contact');
  if (sharedContacts.length > 0) extra['sharedContacts'] = sharedContacts;
  putExtra(extra, 'quote', quoteOf(json, nameOf));
  const reactions = reactionsOf(json, nameOf);
  if (reactions.length > 0) extra['reactions'] = reactions;
  const editHistory = editHistoryOf(json);
  if (editHistory.length > 0) extra['editHistory'] = editHistory;
  // What some messages hold instead of a body: a payment's note and amount, a reaction to a story,
  // the story a reply answers (Signal shows them from these objects, so nothing else tells them).
  for (const key of CONTENT_BESIDE_BODY) putExtra(extra, key, jsonObject(json, key));
  putExtra(extra, 'storyId', jsonText(json, 'storyId'));
  const viewOnce = flagValue(row['isviewonce']) || jsonFlag(json, 'isViewOnce');
  if (viewOnce) extra['viewOnce'] = true;
  const erased = flagValue(row['iserased']) || jsonFlag(json, 'isErased');
  if (erased) extra['erased'] = true;
  const deletedForEveryone = jsonFlag(json, 'deletedForEveryone');
  if (!isMessage) putExtra(extra, 'signalDetails', systemDetails(json));

  const rawBody = nonEmptyText(row['body']) ?? jsonText(json, 'body') ?? '';
  const { text: body, mentions } = insertMentions(rawBody, json, nameOf);
  if (mentions.length > 0) {
    extra['mentions'] = mentions;
    extra['bodyAsStored'] = rawBody;
  }
  return {
    chatKey,
    kind: isMessage ? 'message' : 'system',
    sender: sender?.name ?? null,
    senderId: sender?.id ?? null,
    direction: type === 'incoming' ? 'incoming' : type === 'outgoing' ? 'outgoing' : null,
    time: sent.time,
    timestampText: sent.timestampText,
    text: isMessage || body !== '' ? body : (type === 'story' ? storyText(json) : null) ?? systemText(type, json, nameOf),
    attachments,
    // A viewed view-once message is erased too, but by design, not deleted by its sender.
    deleted: deletedForEveryone || (erased && !viewOnce),
    edited: editHistory.length > 1 || jsonNumber(json, 'editMessageTimestamp') !== null,
    locator,
    extra,
  };
}

function readJson(row: Row, notes: RowNotes): JsonObject | null {
  const length = numberValue(row['json__length']);
  if (row['json'] === null && length !== null && length > MAX_JSON_BYTES) {
    notes.jsonProblem = `the json column is ${length} bytes, more than the ${MAX_JSON_BYTES} read`;
    return null;
  }
  const parsed = parseJsonColumn(row['json']);
  if (parsed.ok === false) notes.jsonProblem = parsed.reason;
  return parsed.ok === true ? parsed.value : null;
}

/** `sent_at` is the sender's clock in ms since 1970, the time Signal shows; older rows may have it only in json. */
function sentTime(row: Row, json: JsonObject | null): ReturnType<typeof unixTime> {
  const column = unixTime(row['sent_at'], row['sent_at__text']);
  if (column.time !== null) return column;
  const fromJson = jsonNumber(json, 'sent_at') ?? jsonNumber(json, 'timestamp');
  return fromJson === null ? column : unixTime(fromJson);
}

function receivedAt(row: Row, json: JsonObject | null): string | null {
  const exact = unixTime(row['received_at_ms'], row['received_at_ms__text']);
  if (exact.time !== null) return isoOrNull(exact);
  // Before schema 1270 received_at_ms lived only in the object.
  const fromJson = jsonNumber(json, 'received_at_ms');
  if (fromJson !== null) return isoOrNull(unixTime(fromJson));
  const value = numberValue(row['received_at']) ?? jsonNumber(json, 'received_at');
  return value !== null && value >= SMALLEST_MILLISECOND_TIME ? isoOrNull(unixTime(value)) : null;
}

interface Sender {
  name: string | null;
  id: string | null;
  serviceId: string | null;
}

/**
 * Who sent an incoming message: the service id or phone number on the row, named from the
 * conversations table; in a private chat without one, the other person of that chat.
 */
function senderOf(row: Row, json: JsonObject | null, conversationId: string | null, conversations: SignalDirectory): Sender {
  const identifier =
    nonEmptyText(row['sourceserviceid']) ?? nonEmptyText(row['sourceuuid']) ?? firstText(json, ['sourceServiceId', 'sourceUuid']) ?? identifierOf(row['source'], json, ['source']);
  const chat = conversationId === null ? undefined : conversations.get(conversationId);
  const person = identifier === null ? (chat?.kind === 'private' ? chat : undefined) : conversations.person(identifier);
  if (person === undefined) return { name: identifier, id: identifier, serviceId: null };
  return { name: person.label ?? identifier, id: person.e164 ?? person.serviceId ?? identifier ?? person.id, serviceId: person.serviceId };
}

/** A text story keeps its words in its one attachment, not in the body. */
function storyText(json: JsonObject | null): string | null {
  return jsonObjects(json, 'attachments').map((attachment) => jsonText(jsonObject(attachment, 'textAttachment'), 'text')).find((text) => text !== null) ?? null;
}

/** The fields that describe a system record, kept raw for the examiner. */
function systemDetails(json: JsonObject | null): JsonObject | null {
  if (json === null) return null;
  const keys = ['groupV2Change', 'expirationTimerUpdate', 'profileChange', 'key_changed', 'verifiedChanged', 'verified', 'callId', 'callHistoryDetails', 'changedId'];
  const details: JsonObject = {};
  for (const key of keys) if (json[key] !== undefined) details[key] = json[key];
  return Object.keys(details).length > 0 ? details : null;
}

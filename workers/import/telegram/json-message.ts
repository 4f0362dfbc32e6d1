/**
 * One Telegram JSON message object → one ParsedMessage. Anything that is not a readable message
 * (not an object, `type: "unsupported"`, cut by a size cap or by a syntax error) becomes an
 * 'unparsed' record holding its JSON, never nothing.
 */

import type { ParsedMessage, ParsedTime, SourceLocator } from '../../../shared/contracts/parsed-source.ts';
import { defineField } from '../import-limits.ts';
import { unparsedRecord } from '../unparsed-record.ts';
import { groupCallFacts, isGroupCall, isPhoneCall, phoneCallFacts } from './json-call.ts';
import { readEdited } from './json-edited.ts';
import { isNotIncludedNote, MEDIA_KEYS, telegramAttachments } from './json-media.ts';
import { pollText } from './json-poll.ts';
import { readRichMessage } from './json-rich-message.ts';
import { sharedMediaText } from './json-shared-media.ts';
import { todoListText } from './json-todo-list.ts';
import { deletedAccountName, describeServiceMessage, entityFacts, flattenTelegramText } from './json-text.ts';
import { isJsonObject } from './json-walker.ts';
import type { DuplicateKey, JsonObject, JsonValue } from './json-walker.ts';
import { fromIsoDate, fromUnixSeconds } from './telegram-time.ts';

export interface TelegramMessageContext {
  chatKey: string;
  locator: SourceLocator;
  /** The account owner's ids ("user123" and "123"), from personal_information; empty if unknown. */
  ownerIds: ReadonlySet<string>;
  /** Every message in "Saved Messages" is the owner's own. */
  savedMessages: boolean;
  /**
   * The other person of a chat with one account ("user" + the chat's id: writeDialogStart writes
   * a personal or bot chat's id as the peer's bare user id), when the owner is not known: the
   * one sender who is not the owner. Null otherwise.
   */
  peerId: string | null;
}

export interface TelegramMessageResult {
  message: ParsedMessage;
  /** Problems worth a warning (besides the record being 'unparsed'). */
  notes: string[];
}

/** Read into dedicated fields; every other key of the message is kept in `extra`. */
const CONSUMED_KEYS = new Set(['type', 'date', 'date_unixtime', 'from', 'from_id', 'text', 'text_entities', 'edited', 'edited_unixtime']);
/** A user's id as current exports write it in from_id. */
const USER_ID = /^user\d+$/u;
/** A service message has no sender: its `from`/`from_id` (proximity_reached) are kept in `extra`. */
const SENDER_KEYS = new Set(['from', 'from_id']);

export function telegramMessage(value: JsonValue, context: TelegramMessageContext, problem?: string, duplicates: readonly DuplicateKey[] = []): TelegramMessageResult {
  if (problem !== undefined) return unparsed(value, context, `the message could not be read whole: ${problem}`);
  if (!isJsonObject(value)) return unparsed(value, context, `a message should be a JSON object, found ${describeKind(value)}`);
  const type = value['type'];
  if (type === 'unsupported') return unparsed(value, context, 'Telegram exported this message as "unsupported": its content is not in the export');
  const looksLikeMessage = type === undefined && ('text' in value || 'from' in value);
  if (type !== 'message' && type !== 'service' && !looksLikeMessage) {
    return unparsed(value, context, `unknown Telegram message type ${JSON.stringify(type ?? null)}`);
  }
  const notes: string[] = [];
  const isService = type === 'service';
  const { time, timestampText, extra, note } = readTime(value);
  if (time === null) notes.push(timestampText === '' ? 'the message has no date' : `the date "${timestampText}" could not be read`);
  if (note !== null) notes.push(note);

  const media = telegramAttachments(value);
  for (const unsafe of media.unsafePaths) notes.push(`the file path "${unsafe}" points outside the export folder; it was not linked`);
  for (const [key, field] of Object.entries(value)) {
    // A file field holding the exporter's note ("(File exceeds maximum size…)") is kept as written:
    // the note is the only record of why the attachment is omitted.
    const omissionNote = MEDIA_KEYS.has(key) && typeof field === 'string' && isNotIncludedNote(field);
    const consumed = CONSUMED_KEYS.has(key) && !(isService && SENDER_KEYS.has(key));
    if (omissionNote || (!consumed && !MEDIA_KEYS.has(key))) defineField(extra, key, field);
  }
  if (media.unsafePaths.length > 0) extra['unsafeFilePaths'] = media.unsafePaths;
  // A key written twice (send_webview_data's "text" before the message's own): the earlier value.
  if (duplicates.length > 0) extra['duplicateKeys'] = duplicates;

  const written = value['text'] ?? value['text_entities'];
  let text = flattenTelegramText(written);
  const facts = entityFacts(written);
  if (facts.length > 0) extra['textEntityFacts'] = facts;
  // A rich message has rich_message in place of text (json-rich-message.ts); it stays in extra as written.
  const rich = text === '' ? readRichMessage(value['rich_message']) : null;
  if (rich !== null) {
    text = rich.text;
    // One by one: a hostile rich message can hold more files than a call takes arguments.
    for (const attachment of rich.attachments) media.attachments.push(attachment);
    for (const unsafe of rich.unsafePaths) notes.push(`the file path "${unsafe}" points outside the export folder; it was not linked`);
    if (rich.unsafePaths.length > 0) extra['unsafeFilePaths'] = [...media.unsafePaths, ...rich.unsafePaths];
    // What the exporter could not convert is named, so that a message it leaves empty is not silently empty.
    if (rich.unsupported.length > 0) extra['richMessageUnsupported'] = rich.unsupported;
  }
  // A service message, a poll, a checklist or a shared contact or place has no text of its own: what it says is written out, marked as such.
  const generated = text !== '' ? null : isService ? describeServiceMessage(value, duplicates) : (pollText(value['poll']) ?? todoListText(value['todo_list']) ?? sharedMediaText(value));
  if (generated !== null) {
    text = generated;
    extra['textGenerated'] = true;
  }
  const { edited, epochEditDate } = readEdited(value['edited'], value['edited_unixtime']);
  if (value['edited'] !== undefined) extra['edited'] = value['edited'];
  if (value['edited_unixtime'] !== undefined) extra['editedUnixtime'] = value['edited_unixtime'];
  // Kept as written beside the reading, so the "never edited" date can be checked.
  if (epochEditDate) extra['editedDateIsEpoch'] = true;

  // A deleted account's null name is kept as written, beside the name it is shown by.
  if (!isService && value['from'] === null) extra['from'] = null;
  const fromId = idText(value['from_id']);
  // A phone call is a call record whose sender is its caller, the actor (json-call.ts); its line and fields stay.
  // A group voice chat's actor started it: the holder's own is outgoing; another's says nothing of the holder.
  const groupCall = isService && isGroupCall(value);
  const caller = isService && (isPhoneCall(value) || groupCall) ? { name: actorName(value), id: idText(value['actor_id']) } : null;
  const startedBy = caller === null ? null : direction(caller.id, context);
  const callDirection = groupCall && startedBy !== 'outgoing' ? null : startedBy;
  if (caller !== null) Object.assign(extra, groupCall ? groupCallFacts(value) : phoneCallFacts(value, callDirection));
  const message: ParsedMessage = {
    chatKey: context.chatKey,
    kind: isService ? 'system' : 'message',
    sender: caller !== null ? caller.name : isService ? null : senderName(value),
    senderId: caller !== null ? caller.id : isService ? null : fromId,
    direction: caller !== null ? callDirection : isService ? null : direction(fromId, context),
    time,
    timestampText,
    text,
    attachments: media.attachments,
    deleted: false,
    edited,
    locator: context.locator,
    extra,
  };
  return { message, notes };
}

interface ReadTime {
  time: ParsedTime;
  timestampText: string;
  extra: Record<string, unknown>;
  /** Which date was read when it was not the usual one (a warning), else null. */
  note: string | null;
}

function readTime(value: JsonObject): ReadTime {
  const extra: Record<string, unknown> = {};
  const unix = value['date_unixtime'];
  const date = value['date'];
  if (typeof unix === 'string' || typeof unix === 'number') {
    const raw = String(unix);
    const instant = fromUnixSeconds(raw);
    const local = instant === null && typeof date === 'string' ? fromIsoDate(date) : null;
    if (local !== null && typeof date === 'string') {
      // An unreadable date_unixtime (a hand-edited file) must not hide the readable local date.
      extra['dateUnixtimeUnread'] = raw;
      const note = `date_unixtime "${raw}" could not be read; the local date "${date}" (the exporting computer's clock, no zone) was used`;
      return { time: local, timestampText: date, extra, note };
    }
    // The zone-less local `date` beside the instant shows the exporting PC's UTC offset.
    if (typeof date === 'string') extra['dateLocal'] = date;
    return { time: instant, timestampText: raw, extra, note: null };
  }
  if (typeof date === 'string') return { time: fromIsoDate(date), timestampText: date, extra, note: null };
  return { time: null, timestampText: '', extra, note: null };
}

function direction(fromId: string | null, context: TelegramMessageContext): 'incoming' | 'outgoing' | null {
  if (context.savedMessages) return 'outgoing';
  if (fromId === null) return null;
  if (context.ownerIds.size > 0) return context.ownerIds.has(fromId) ? 'outgoing' : 'incoming';
  // Only an id in the form the chat id was read for ("user123"): the old bare integers predate it.
  if (context.peerId === null || !USER_ID.test(fromId)) return null;
  return fromId === context.peerId ? 'incoming' : 'outgoing';
}

/** The sender's name; a deleted account (name null, id kept) is named as Telegram shows it. */
function senderName(value: JsonObject): string | null {
  const from = value['from'];
  if (typeof from === 'string') return from;
  return from === null ? deletedAccountName(value['from_id']) : null;
}

/** A service message's actor (pushFrom("actor"): a name, or null for a deleted account, named with its id). */
function actorName(value: JsonObject): string | null {
  const actor = value['actor'];
  if (typeof actor === 'string') return actor;
  return actor === null ? deletedAccountName(value['actor_id']) : null;
}

/** `from_id` is "user123" in current exports and a bare integer in old ones. */
function idText(value: JsonValue | undefined): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

function describeKind(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function unparsed(value: JsonValue, context: TelegramMessageContext, reason: string): TelegramMessageResult {
  const when = isJsonObject(value) ? readTime(value) : { time: null, timestampText: '' };
  return { message: unparsedRecord({ chatKey: context.chatKey, raw: JSON.stringify(value) ?? String(value), locator: context.locator, reason, time: when.time, timestampText: when.timestampText }), notes: [] };
}

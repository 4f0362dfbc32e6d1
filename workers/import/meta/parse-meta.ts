/**
 * Meta DYI message file (`message_1.json`, `message_2.json`…): one file is one source. Messages
 * are written newest first and the thread's title and path come after them, so a file's
 * messages are read (streamed, one object at a time), kept, and written out oldest first once the
 * thread is known. Locators keep the original array index (`/messages/17`).
 *
 * A thread split over several files gets the same chat key (its `thread_path`) in each, so the
 * import merges them into one conversation.
 */

import type { ParsedChat, ParsedMessage, ParseOutcome, ParserInput, ParseSink, SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import { defineField, folderOf, PROGRESS_EVERY_RECORDS, WarningLimiter } from '../import-limits.ts';
import { walkJsonSource } from '../telegram/json-source.ts';
import { isJsonObject, jsonPointer } from '../telegram/json-walker.ts';
import type { JsonPath, JsonValue, PlanDecision, WalkedValue } from '../telegram/json-walker.ts';
import { describeUtf8Problems } from '../telegram/utf8-chunks.ts';
import { inferAccountHolder } from './account-holder.ts';
import { e2eeTitle, isE2eeThread } from './e2ee-thread.ts';
import type { AccountHolder } from './account-holder.ts';
import { metaMessage } from './meta-message.ts';
import { newRepairCounter, repairDeep } from './mojibake.ts';
import type { RepairCounter } from './mojibake.ts';
import { sniffMetaMessages } from './sniff.ts';

// 1.9.0: a thread's own media read from a zip carry their path in the download (downloadPath), so the zip
// reader may find them in another part of a download split over several zips (README.md).
// 1.10.0: strings left unrepaired that mix characters above U+00FF with what reads as mojibake are
// counted (details.mojibakeMixedStringsLeft) and named in a warning (README.md, "Mojibake").
export const META_MESSAGES_PARSER_VERSION = '1.10.0';

/**
 * Messages kept for reordering. Meta splits threads at about 10 000 messages per file; a file
 * far beyond that is not a normal export, and its messages are written in file order instead.
 */
export const MAX_REORDERED_MESSAGES = 100_000;
/** The key the chat is announced under until thread_path is known. */
const PENDING_KEY = '';

export function metaPlan(path: JsonPath): PlanDecision {
  if (path.length === 0) return 'descend';
  if (path.length === 1 && path[0] === 'messages') return 'descend';
  if (path.length === 2 && path[0] === 'messages' && typeof path[1] === 'number') return 'assemble';
  // participants, title, thread_path, thread_type, image, joinable_mode, magic_words…: small.
  if (path.length === 1) return 'assemble';
  return 'skip';
}

export interface Held {
  message: ParsedMessage;
  index: number;
}

/** `maxReordered` is a parameter so tests can reach the fallback with a small file. */
export async function parseMetaMessages(input: ParserInput, sink: ParseSink, maxReordered = MAX_REORDERED_MESSAGES): Promise<ParseOutcome> {
  const file = input.displayName;
  const warnings = new WarningLimiter(sink, file);
  const threadFolder = threadFolderOf(input);
  const instagram = INSTAGRAM_PATH.test(file) || INSTAGRAM_PATH.test(input.path);
  const counter = newRepairCounter();
  const thread: Record<string, JsonValue> = Object.create(null) as Record<string, JsonValue>;
  let held: Held[] | null = [];
  let streamedKey: string | null = null;
  let messages = 0;
  let unparsed = 0;
  let inversions = 0;
  let lastTime: number | null = null;

  const onValue = async (walked: WalkedValue): Promise<void> => {
    const { path } = walked;
    if (path.length === 1) {
      if (path[0] === 'messages') warnings.add('structure', `${file}#/messages`, '"messages" is not an array; no message could be read from it');
      // Kept raw: whether to repair is known only once threadName (E2EE) has or has not been seen.
      else defineField(thread, String(path[0]), walked.value);
      return;
    }
    // The E2EE export is proper UTF-8 (FORMATS.md §3): repairing it would turn a real "Ã©" into "é".
    const value = isE2eeMessage(walked.value) || 'threadName' in thread ? walked.value : repairDeep(walked.value, counter);
    const pointer = jsonPointer(path);
    const { message, notes } = metaMessage(value, { chatKey: streamedKey ?? PENDING_KEY, locator: { kind: 'json-pointer', file, pointer }, threadFolder, messageFolder: folderOf(file), asWritten: walked.value, instagram }, walked.problem);
    for (const note of notes) warnings.add('message', `${file}#${pointer}`, note);
    // No warning for an unparsed record: the import worker lists each one with its reason.
    if (message.kind === 'unparsed') unparsed += 1;
    const time = message.time !== null && 'utcMs' in message.time ? message.time.utcMs : null;
    // Newest first means each time is at most the one before it; count the exceptions.
    if (time !== null && lastTime !== null && time > lastTime) inversions += 1;
    if (time !== null) lastTime = time;
    messages += 1;
    if (held !== null) {
      held.push({ message, index: Number(path[1]) });
      if (held.length > maxReordered) {
        streamedKey = announce((fields) => fallbackKey(file, fields));
        sink.warning({ place: file, message: `more than ${maxReordered} messages in one file (Meta writes about 10 000): the first ${held.length} are sorted oldest first, the rest follow in file order (newest first)` });
        for (const item of chronological(held)) await sink.message({ ...item.message, chatKey: streamedKey });
        held = null;
      }
    } else {
      await sink.message(message);
    }
    if (messages % PROGRESS_EVERY_RECORDS === 0) sink.throwIfCancelled();
  };

  let announced: string | null = null;
  const announce = (keyOf: (fields: Record<string, JsonValue>) => string): string => {
    if (announced !== null) return announced;
    const fields = threadFields(thread, counter);
    announced = keyOf(fields);
    sink.chat(chatOf(announced, fields, file));
    return announced;
  };

  const result = await walkJsonSource(input, sink, metaPlan, onValue);
  if (result.rootKind !== null && result.rootKind !== 'object') {
    throw new AppError('E_IMPORT_FORMAT', `${file}: the top-level JSON value is not an object; a Meta message file starts with {"participants": …, "messages": […]}`);
  }
  // Thread fields alone (participants, title) are not worth an import: with no message, fail.
  if (result.fault !== null && messages === 0) {
    throw new AppError('E_IMPORT_FORMAT', `${file}: ${result.fault.message} at ${result.fault.place}; nothing could be read before it`);
  }
  if (result.fault !== null) {
    sink.warning({ place: `${file}:${result.fault.place}`, message: `${result.fault.message}; reading stopped there: the ${messages} messages before it were imported, anything after it was not` });
  }
  const chatKey = announce((fields) => chatKeyOf(file, fields));
  let holder: AccountHolder | null = null;
  if (held !== null) {
    const fields = threadFields(thread, newRepairCounter());
    holder = inferAccountHolder(participantNames(fields), titleOf(fields), held.map((item) => item.message));
    let written = 0;
    for (const item of chronological(held)) {
      await sink.message({ ...item.message, chatKey, direction: directionOf(item.message, holder) });
      written += 1;
      if (written % PROGRESS_EVERY_RECORDS === 0) sink.throwIfCancelled();
    }
  }
  const utf8 = describeUtf8Problems(result.utf8);
  if (utf8 !== null) sink.warning({ place: file, message: utf8 });
  if (counter.mixedLeft > 0) sink.warning({ place: file, message: describeMixedLeft(counter.mixedLeft) });
  warnings.finish();
  const e2ee = isE2eeThread(thread);
  const otherFields = otherThreadFields(threadFields(thread, newRepairCounter()));
  return {
    formatVersion: e2ee ? 'meta-e2ee-json' : 'meta-dyi-json',
    details: {
      platform: guessPlatform(file, threadFields(thread, newRepairCounter())),
      chatKey,
      messages,
      unparsed,
      order: messages < 2 ? 'unknown' : inversions === 0 ? 'newest-first (as Meta writes)' : `not strictly newest-first (${inversions} out of order); sorted by timestamp`,
      mojibakeStringsRepaired: counter.repaired,
      ...(counter.mixedLeft === 0 ? {} : { mojibakeMixedStringsLeft: counter.mixedLeft }),
      accountHolder: holder ?? (held === null ? 'not looked for: the file had too many messages to hold (message directions are unknown)' : 'not named by the file: message directions are unknown'),
      complete: result.fault === null,
      invalidUtf8Sequences: result.utf8.invalidSequences,
      ...(otherFields === null ? {} : { thread: otherFields }),
    },
  };
}

/** Why strings that look part mojibake were left as written (mojibake.ts isMixedMojibake). */
function describeMixedLeft(count: number): string {
  return `${count === 1 ? 'a string holds' : `${count} strings hold`} characters above U+00FF, which Meta's download never writes (it writes every non-ASCII character as \\u00XX escapes of its UTF-8 bytes), beside Latin-1 characters that read as such escapes ("Ã©" for "é"): left exactly as written, not repaired; the file may have been written or re-saved by another program`;
}

/**
 * The thread's fields as they should be read: repaired, except in the E2EE export (its
 * `threadName` marks it), whose strings are proper UTF-8 and must stay as written.
 */
function threadFields(thread: Record<string, JsonValue>, counter: RepairCounter): Record<string, JsonValue> {
  if (isE2eeThread(thread)) return thread;
  const repaired = Object.create(null) as Record<string, JsonValue>;
  for (const [key, value] of Object.entries(thread)) defineField(repaired, key, repairDeep(value, counter));
  return repaired;
}

/** The folder the message file lies in: from its name in a zip ("…/inbox/alice_123/message_1.json"), else on disk. */
function threadFolderOf(input: ParserInput): string {
  const folder = folderOf(input.displayName) || folderOf(input.path);
  return folder.slice(folder.lastIndexOf('/') + 1);
}

/**
 * Fields the chat itself is built from; the thread's other fields go to the source's details
 * (threadName too: the title may be read from it without its number).
 */
const CHAT_FIELDS = new Set(['participants', 'title', 'thread_path']);

/**
 * is_still_participant (had the account left?), thread_type, magic_words, image, joinable_mode
 * (the group's invitation link)…: facts of the thread a chat has no place for, kept as written.
 */
function otherThreadFields(fields: Record<string, JsonValue>): Record<string, JsonValue> | null {
  const other = Object.create(null) as Record<string, JsonValue>;
  for (const [key, value] of Object.entries(fields)) {
    if (!CHAT_FIELDS.has(key)) defineField(other, key, value);
  }
  return Object.keys(other).length === 0 ? null : other;
}

/** A message of the E2EE export: camelCase keys (senderName, timestamp) and none of DYI's. */
function isE2eeMessage(value: JsonValue): boolean {
  if (!isJsonObject(value) || 'sender_name' in value || 'timestamp_ms' in value) return false;
  return 'senderName' in value || 'isUnsent' in value;
}

/**
 * Oldest first: the file order reversed, then a stable sort by time. A message without a time
 * sorts with the message before it in the reversed order, so it stays next to its neighbours.
 */
export function chronological(items: readonly Held[]): Held[] {
  const reversed = [...items].reverse();
  let carried = Number.NEGATIVE_INFINITY;
  const keyed = reversed.map((item) => {
    const time = item.message.time;
    if (time !== null && 'utcMs' in time) carried = time.utcMs;
    return { item, key: carried };
  });
  keyed.sort((left, right) => left.key - right.key);
  return keyed.map((entry) => entry.item);
}

/** thread_path ("inbox/alice_123") names the thread in every file of it; else the folder, the title, the file. */
function chatKeyOf(file: string, thread: Record<string, JsonValue>): string {
  const path = thread['thread_path'];
  if (typeof path === 'string' && path !== '') return path;
  return fallbackKey(file, thread);
}

function fallbackKey(file: string, thread: Record<string, JsonValue>): string {
  // The E2EE download keeps every thread in one folder, a file each: the folder would make them one.
  if (isE2eeThread(thread)) return file;
  const folder = folderOf(file);
  if (folder !== '') return folder;
  const title = thread['title'] ?? thread['threadName'];
  return typeof title === 'string' && title !== '' ? title : file;
}

/** DYI's participants[{name}], E2EE's participants[names]. */
function participantNames(thread: Record<string, JsonValue>): (string | null)[] {
  const list = thread['participants'];
  if (!Array.isArray(list)) return [];
  return list.map((participant) => (isJsonObject(participant) && typeof participant['name'] === 'string' ? participant['name'] : typeof participant === 'string' ? participant : null));
}

function titleOf(thread: Record<string, JsonValue>): string | null {
  const threadName = thread['threadName'];
  if (typeof threadName === 'string' && threadName !== '' && thread['title'] === undefined) return e2eeTitle(threadName, participantNames(thread));
  const title = thread['title'];
  return typeof title === 'string' && title !== '' ? title : null;
}

/**
 * A message's direction when the file tells whose download it is; so is a call's, whose sender is
 * the caller (meta-call.ts). Other system lines keep none.
 */
function directionOf(message: ParsedMessage, holder: AccountHolder | null): 'incoming' | 'outgoing' | null {
  const directed = message.kind === 'message' || message.extra?.['recordType'] === 'call';
  if (holder === null || !directed || message.sender === null) return message.direction ?? null;
  return message.sender === holder.name ? 'outgoing' : 'incoming';
}

function chatOf(key: string, thread: Record<string, JsonValue>, file: string): ParsedChat {
  const titleField = titleOf(thread);
  const participants = participantNames(thread).map((name) => ({ name }));
  const type = thread['thread_type'];
  let kind: NonNullable<ParsedChat['kind']> = 'unknown';
  if (type === 'Regular') kind = 'private';
  else if (type === 'RegularGroup') kind = 'group';
  else if (participants.length > 2) kind = 'group';
  else if (participants.length === 2) kind = 'private';
  const chat: ParsedChat = { key, title: titleField ?? (key === '' ? file : key), kind };
  if (participants.length > 0) chat.participants = participants;
  // thread_path names the thread in every message_N.json of it: the parts (one folder) meet in one
  // chat. An E2EE thread is one file, beside the download's other threads: it meets no other.
  if (key !== '' && !(isE2eeThread(thread) && key === file)) {
    chat.mergeKey = key;
    chat.mergeWithinFolder = true;
  }
  return chat;
}

/** A path in Instagram's download ("instagram-user-2025-….zip", "your_instagram_activity/messages/…"). */
const INSTAGRAM_PATH = /instagram/iu;

function guessPlatform(file: string, thread: Record<string, JsonValue>): string {
  if (INSTAGRAM_PATH.test(file)) return 'instagram';
  if (/facebook|messenger/iu.test(file)) return 'facebook-messenger';
  const joinable = thread['joinable_mode'];
  if (isJsonObject(joinable) && typeof joinable['link'] === 'string' && joinable['link'].includes('ig.me')) return 'instagram';
  return 'unknown (Messenger and Instagram share this format)';
}

export const metaMessagesParser: SourceParser = {
  format: 'meta-messages-json',
  parserVersion: META_MESSAGES_PARSER_VERSION,
  sniff: (head) => sniffMetaMessages(head),
  parse: (input, sink) => parseMetaMessages(input, sink),
};

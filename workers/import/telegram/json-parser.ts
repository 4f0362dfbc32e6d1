/**
 * Telegram Desktop `result.json`: a single-chat export (the root is the chat) or a full-account
 * export (`chats.list[]`, `left_chats.list[]`, plus account sections that are skipped). Streamed:
 * only one message object is held at a time, whatever the file size.
 */

import type { ParsedChat, ParseOutcome, ParserInput, ParseSink, SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import { PROGRESS_EVERY_RECORDS, WarningLimiter } from '../import-limits.ts';
import { telegramMessage } from './json-message.ts';
import { walkJsonSource } from './json-source.ts';
import { isJsonObject, jsonPointer } from './json-walker.ts';
import type { JsonPath, JsonValue, PlanDecision, WalkedValue } from './json-walker.ts';
import { sniffTelegramJson } from './json-sniff.ts';
import { deletedAccountName } from './json-text.ts';
import { describeUtf8Problems } from './utf8-chunks.ts';

export const TELEGRAM_JSON_PARSER_VERSION = '1.15.2';

const CHAT_FIELDS = new Set(['name', 'type', 'id']);
const CHAT_LISTS = new Set(['chats', 'left_chats']);

/** The exporter writes no "name" for these chats (Type::Self, Type::Replies, Type::VerifyCodes); their type names them. */
const UNNAMED_CHAT_TITLES: ReadonlyMap<string, string> = new Map([
  ['saved_messages', 'Saved Messages'],
  ['replies', 'Replies'],
  ['verification_codes', 'Verification Codes'],
]);

/**
 * Chats with one user account: tdesktop's DialogTypeFromUser (export_data_types.cpp) gives a user
 * dialog one of these types; Replies and Verification Codes are chats with Telegram's service
 * accounts, as a bot_chat is with a bot.
 */
const ONE_ACCOUNT_CHAT_TYPES: ReadonlySet<string> = new Set(['personal_chat', 'bot_chat', 'saved_messages', 'replies', 'verification_codes']);

/** Where a chat object sits: [] for a single-chat export, ['chats','list',3] in a full export. */
type ChatPath = readonly (string | number)[];

/** Which values of the document the importer wants (see json-walker.ts). */
export function telegramPlan(path: JsonPath): PlanDecision {
  const chat = chatPathOf(path);
  if (path.length === 0) return 'descend';
  if (path.length === 1 && path[0] === 'personal_information') return 'assemble';
  if (path.length === 1 && CHAT_LISTS.has(String(path[0]))) return 'descend';
  if (path.length === 2 && CHAT_LISTS.has(String(path[0])) && path[1] === 'list') return 'descend';
  if (path.length === 3 && CHAT_LISTS.has(String(path[0])) && path[1] === 'list' && typeof path[2] === 'number') return 'descend';
  if (chat === null) return 'skip';
  const rest = path.slice(chat.length);
  if (rest.length === 1 && CHAT_FIELDS.has(String(rest[0]))) return 'assemble';
  if (rest.length === 1 && rest[0] === 'messages') return 'descend';
  if (rest.length === 2 && rest[0] === 'messages' && typeof rest[1] === 'number') return 'assemble';
  return 'skip';
}

/** The chat a path lies in, or null. */
function chatPathOf(path: JsonPath): ChatPath | null {
  if (path.length >= 3 && CHAT_LISTS.has(String(path[0])) && path[1] === 'list' && typeof path[2] === 'number') return path.slice(0, 3);
  if (path.length >= 1 && (CHAT_FIELDS.has(String(path[0])) || path[0] === 'messages')) return [];
  return null;
}

interface ChatState {
  pointer: string;
  name: string | null;
  /** "name" was written as null: for a chat with one account, a deleted account. */
  nameNull: boolean;
  type: string | null;
  /** The "type" key was read (its value may be null: a chat of a type the exporter did not know). */
  typeSeen: boolean;
  id: string | null;
  key: string | null;
  messages: number;
}

/** What the messages need from keys that a re-sorted file puts after them. */
interface ExportHeaders {
  /** Chat headers by the chat's JSON pointer. */
  chats: Map<string, ChatState>;
  ownerIds: Set<string>;
}

/**
 * Thrown by the first reading when a message comes before its chat's "type". The exporter always
 * writes "name", "type" and "id" before "messages" (and personal_information before "chats"), so
 * the keys were re-sorted by a tool (jq -S puts "messages" before "name" and "type", "chats"
 * before "personal_information"). Holding the messages until the header came could take the whole
 * file into memory; instead nothing has been handed to the sink yet, and the export is read again
 * after a pass that collects only the chat headers and the owner (messages skipped). A file in the
 * exporter's order is read once, as before.
 */
class HeadersAfterMessages extends Error {}

export async function parseTelegramJson(input: ParserInput, sink: ParseSink): Promise<ParseOutcome> {
  try {
    return await readExport(input, sink, null);
  } catch (error) {
    if (!(error instanceof HeadersAfterMessages)) throw error;
  }
  return readExport(input, sink, await readHeaders(input, sink));
}

/** The header pass: chat names, types and ids, and the owner, with every message skipped. */
async function readHeaders(input: ParserInput, sink: ParseSink): Promise<ExportHeaders> {
  const headers: ExportHeaders = { chats: new Map(), ownerIds: new Set() };
  // A fault is left to the full reading that follows, which reports it with its place.
  await walkJsonSource(input, sink, headerPlan, ({ path, value }) => {
    if (path.length === 1 && path[0] === 'personal_information') addOwnerIds(headers.ownerIds, value);
    const chatPath = chatPathOf(path);
    const rest = chatPath === null ? [] : path.slice(chatPath.length);
    if (chatPath !== null && rest.length === 1 && rest[0] !== 'messages') recordChatField(chatStateFor(headers.chats, chatPath), String(rest[0]), value);
    return Promise.resolve();
  });
  return headers;
}

function headerPlan(path: JsonPath): PlanDecision {
  const chat = chatPathOf(path);
  if (chat !== null && path[chat.length] === 'messages') return 'skip';
  return telegramPlan(path);
}

function chatStateFor(chats: Map<string, ChatState>, path: ChatPath): ChatState {
  const pointer = jsonPointer(path);
  let chat = chats.get(pointer);
  if (chat === undefined) {
    chat = { pointer, name: null, nameNull: false, type: null, typeSeen: false, id: null, key: null, messages: 0 };
    chats.set(pointer, chat);
  }
  return chat;
}

function addOwnerIds(ownerIds: Set<string>, value: JsonValue): void {
  if (isJsonObject(value) && (typeof value['user_id'] === 'number' || typeof value['user_id'] === 'string')) {
    ownerIds.add(String(value['user_id']));
    ownerIds.add(`user${String(value['user_id'])}`);
  }
}

async function readExport(input: ParserInput, sink: ParseSink, headers: ExportHeaders | null): Promise<ParseOutcome> {
  const file = input.displayName;
  const warnings = new WarningLimiter(sink, file);
  const chats = headers?.chats ?? new Map<string, ChatState>();
  const ownerIds = headers?.ownerIds ?? new Set<string>();
  let messages = 0;
  let unparsed = 0;
  let withUnixTime = 0;
  const times = { utc: 0, wall: 0, missing: 0 };
  /** The first chat whose directions came from its id (a single-chat export has no personal_information). */
  const directionBasis: { peer: string | null } = { peer: null };

  const announce = (chat: ChatState): string => {
    if (chat.key !== null) return chat.key;
    // The chat's own id when the export has one; otherwise its name, made unique by its place.
    chat.key = chat.id ?? (chat.pointer === '' ? (chat.name ?? file) : `${chat.name ?? 'chat'} (${file}#${chat.pointer})`);
    const unnamed = chat.pointer === '' ? file : `Telegram chat ${chat.pointer}`;
    const parsedChat: ParsedChat = { key: chat.key, title: chat.name ?? UNNAMED_CHAT_TITLES.get(chat.type ?? '') ?? deletedAccountTitle(chat) ?? unnamed, kind: chatKind(chat.type) };
    // Telegram chat ids are stable: the same chat in two exports is one conversation.
    if (/^-?\d+$/u.test(chat.key)) parsedChat.mergeKey = chat.key;
    sink.chat(parsedChat);
    return chat.key;
  };

  const onValue = async (walked: WalkedValue): Promise<void> => {
    const { path, value } = walked;
    if (path.length === 1 && path[0] === 'personal_information') {
      addOwnerIds(ownerIds, value);
      return;
    }
    const chatPath = chatPathOf(path);
    if (chatPath === null) return;
    const chat = chatStateFor(chats, chatPath);
    const rest = path.slice(chatPath.length);
    if (rest.length === 1) {
      if (rest[0] === 'messages') warnings.add('structure', `${file}#${jsonPointer(path)}`, '"messages" is not an array; no message could be read from it');
      else recordChatField(chat, String(rest[0]), value);
      return;
    }
    if (headers === null && !chat.typeSeen && messages === 0 && warnings.count('structure') === 0) throw new HeadersAfterMessages();
    const chatKey = announce(chat);
    const pointer = jsonPointer(path);
    const peerId = ownerIds.size === 0 ? peerIdOf(chat) : null;
    const { message, notes } = telegramMessage(value, { chatKey, locator: { kind: 'json-pointer', file, pointer }, ownerIds, savedMessages: chat.type === 'saved_messages', peerId }, walked.problem, walked.duplicates);
    if (peerId !== null && message.direction !== null && directionBasis.peer === null) directionBasis.peer = peerId;
    for (const note of notes) warnings.add('message', `${file}#${pointer}`, note);
    // No warning for an unparsed record: the import worker lists each one with its reason.
    if (message.kind === 'unparsed') unparsed += 1;
    if (isJsonObject(value) && value['date_unixtime'] !== undefined) withUnixTime += 1;
    if (message.time === null) times.missing += 1;
    else if ('utcMs' in message.time) times.utc += 1;
    else times.wall += 1;
    messages += 1;
    chat.messages += 1;
    await sink.message(message);
    if (messages % PROGRESS_EVERY_RECORDS === 0) sink.throwIfCancelled();
  };

  const result = await walkJsonSource(input, sink, telegramPlan, onValue);
  if (result.rootKind !== null && result.rootKind !== 'object') {
    throw new AppError('E_IMPORT_FORMAT', `${file}: the top-level JSON value is ${result.rootKind === 'array' ? 'an array' : `a ${result.rootKind}`}, not the object a Telegram export starts with`);
  }
  if (result.fault !== null && messages === 0 && chats.size === 0) {
    throw new AppError('E_IMPORT_FORMAT', `${file}: ${result.fault.message} at ${result.fault.place}; nothing could be read before it`);
  }
  if (result.fault !== null) {
    sink.warning({ place: `${file}:${result.fault.place}`, message: `${result.fault.message}; reading stopped there: the ${messages} messages before it were imported, anything after it was not` });
  }
  // A chat with no messages (or whose messages never came) is still a chat of the export.
  for (const chat of chats.values()) announce(chat);
  const utf8 = describeUtf8Problems(result.utf8);
  if (utf8 !== null) sink.warning({ place: file, message: utf8 });
  if (result.hexEscapes > 0) {
    sink.warning({ place: file, message: `${result.hexEscapes} non-standard \\xNN escapes (written by Telegram Desktop for control characters) were read as \\u00NN` });
  }
  warnings.finish();
  sink.progress(result.bytesRead, input.size);
  const fullAccount = [...chats.keys()].some((pointer) => pointer !== '');
  return {
    formatVersion: withUnixTime > 0 ? 'telegram-desktop-json (date_unixtime)' : 'telegram-desktop-json (legacy, no date_unixtime)',
    details: {
      exportKind: fullAccount ? 'full-account' : 'single-chat',
      chats: chats.size,
      messages,
      unparsed,
      ownerKnown: ownerIds.size > 0,
      directionsFrom:
        ownerIds.size > 0
          ? 'personal_information.user_id (the account holder)'
          : directionBasis.peer !== null
            ? `the chat id: a personal or bot chat's id is the other person's user id (${directionBasis.peer}), so its other sender is the account holder`
            : 'no personal_information: directions are unknown, except in Saved Messages (all the account holder\'s)',
      // UTC from date_unixtime (or a `date` with a zone); wall clock of the exporting PC otherwise.
      times,
      complete: result.fault === null,
      ...(result.fault === null ? {} : { stoppedAt: result.fault.place }),
      invalidUtf8Sequences: result.utf8.invalidSequences,
      nonStandardEscapes: result.hexEscapes,
    },
  };
}

/** Chats whose id is the other person's user id (writeDialogStart: PeerToBareId of a user peer). */
const PEER_ID_CHAT_TYPES: ReadonlySet<string> = new Set(['personal_chat', 'bot_chat']);

function peerIdOf(chat: ChatState): string | null {
  if (chat.id === null || chat.type === null || !PEER_ID_CHAT_TYPES.has(chat.type) || !/^\d+$/u.test(chat.id)) return null;
  return `user${chat.id}`;
}

function recordChatField(chat: ChatState, field: string, value: JsonValue): void {
  if (field === 'name' && typeof value === 'string') chat.name = value;
  if (field === 'name' && value === null) chat.nameNull = true;
  if (field === 'type') chat.typeSeen = true;
  if (field === 'type' && typeof value === 'string') chat.type = value;
  if (field === 'id' && (typeof value === 'number' || typeof value === 'string')) chat.id = String(value);
}

/**
 * writeDialogStart writes a chat's name with StringAllowNull: a chat with one account whose name
 * is null is a chat with a deleted account, which Telegram lists as "Deleted Account".
 */
function deletedAccountTitle(chat: ChatState): string | null {
  if (!chat.nameNull || chat.type === null || !ONE_ACCOUNT_CHAT_TYPES.has(chat.type)) return null;
  return deletedAccountName(chat.id ?? undefined);
}

function chatKind(type: string | null): NonNullable<ParsedChat['kind']> {
  if (type === null) return 'unknown';
  if (ONE_ACCOUNT_CHAT_TYPES.has(type)) return 'private';
  if (type.endsWith('_group') || type.endsWith('_supergroup')) return 'group';
  if (type.endsWith('_channel')) return 'channel';
  return 'unknown';
}

export const telegramJsonParser: SourceParser = {
  format: 'telegram-json',
  parserVersion: TELEGRAM_JSON_PARSER_VERSION,
  sniff: (head) => sniffTelegramJson(head),
  parse: (input, sink) => parseTelegramJson(input, sink),
};

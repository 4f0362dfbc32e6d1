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
import { describeUtf8Problems } from './utf8-chunks.ts';

export const TELEGRAM_JSON_PARSER_VERSION = '1.5.1';

const CHAT_FIELDS = new Set(['name', 'type', 'id']);
const CHAT_LISTS = new Set(['chats', 'left_chats']);

/** The exporter writes no "name" for these chats (Type::Self, Type::Replies, Type::VerifyCodes); their type names them. */
const UNNAMED_CHAT_TITLES: ReadonlyMap<string, string> = new Map([
  ['saved_messages', 'Saved Messages'],
  ['replies', 'Replies'],
  ['verification_codes', 'Verification Codes'],
]);

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
  type: string | null;
  id: string | null;
  key: string | null;
  messages: number;
}

export async function parseTelegramJson(input: ParserInput, sink: ParseSink): Promise<ParseOutcome> {
  const file = input.displayName;
  const warnings = new WarningLimiter(sink, file);
  const chats = new Map<string, ChatState>();
  const ownerIds = new Set<string>();
  let messages = 0;
  let unparsed = 0;
  let withUnixTime = 0;
  const times = { utc: 0, wall: 0, missing: 0 };

  const chatFor = (path: ChatPath): ChatState => {
    const pointer = jsonPointer(path);
    let chat = chats.get(pointer);
    if (chat === undefined) {
      chat = { pointer, name: null, type: null, id: null, key: null, messages: 0 };
      chats.set(pointer, chat);
    }
    return chat;
  };

  const announce = (chat: ChatState): string => {
    if (chat.key !== null) return chat.key;
    // The chat's own id when the export has one; otherwise its name, made unique by its place.
    chat.key = chat.id ?? (chat.pointer === '' ? (chat.name ?? file) : `${chat.name ?? 'chat'} (${file}#${chat.pointer})`);
    const unnamed = chat.pointer === '' ? file : `Telegram chat ${chat.pointer}`;
    const parsedChat: ParsedChat = { key: chat.key, title: chat.name ?? UNNAMED_CHAT_TITLES.get(chat.type ?? '') ?? unnamed, kind: chatKind(chat.type) };
    // Telegram chat ids are stable: the same chat in two exports is one conversation.
    if (/^-?\d+$/u.test(chat.key)) parsedChat.mergeKey = chat.key;
    sink.chat(parsedChat);
    return chat.key;
  };

  const onValue = async (walked: WalkedValue): Promise<void> => {
    const { path, value } = walked;
    if (path.length === 1 && path[0] === 'personal_information') {
      if (isJsonObject(value) && (typeof value['user_id'] === 'number' || typeof value['user_id'] === 'string')) {
        ownerIds.add(String(value['user_id']));
        ownerIds.add(`user${String(value['user_id'])}`);
      }
      return;
    }
    const chatPath = chatPathOf(path);
    if (chatPath === null) return;
    const chat = chatFor(chatPath);
    const rest = path.slice(chatPath.length);
    if (rest.length === 1) {
      if (rest[0] === 'messages') warnings.add('structure', `${file}#${jsonPointer(path)}`, '"messages" is not an array; no message could be read from it');
      else recordChatField(chat, String(rest[0]), value);
      return;
    }
    const chatKey = announce(chat);
    const pointer = jsonPointer(path);
    const { message, notes } = telegramMessage(value, { chatKey, locator: { kind: 'json-pointer', file, pointer }, ownerIds, savedMessages: chat.type === 'saved_messages' }, walked.problem, walked.duplicates);
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
      // UTC from date_unixtime (or a `date` with a zone); wall clock of the exporting PC otherwise.
      times,
      complete: result.fault === null,
      ...(result.fault === null ? {} : { stoppedAt: result.fault.place }),
      invalidUtf8Sequences: result.utf8.invalidSequences,
      nonStandardEscapes: result.hexEscapes,
    },
  };
}

function recordChatField(chat: ChatState, field: string, value: JsonValue): void {
  if (field === 'name' && typeof value === 'string') chat.name = value;
  if (field === 'type' && typeof value === 'string') chat.type = value;
  if (field === 'id' && (typeof value === 'number' || typeof value === 'string')) chat.id = String(value);
}

function chatKind(type: string | null): NonNullable<ParsedChat['kind']> {
  if (type === null) return 'unknown';
  if (type === 'personal_chat' || type === 'bot_chat' || type === 'saved_messages') return 'private';
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

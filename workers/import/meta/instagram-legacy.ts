/**
 * Instagram's data download before late 2020: one `messages.json` holding every conversation of
 * the account, `[{"participants": ["user1", "user2"], "conversation": [{"sender", "created_at",
 * "text", "likes", "media_url", "heart", "story_share", …}]}]`, newest first (a real export quoted
 * in a public guide; field names as public parsers of it read them). Still met in older seized
 * downloads; it was refused as no known format.
 *
 * Read twice, streamed: first the participants of every conversation (the account holder is the
 * one name in all of them, when there are two conversations or more: the download is theirs),
 * then the conversations, each written oldest first. Media are links to Instagram's servers, not
 * files of the export: they are omitted attachments, their links kept in extra. Strings are kept
 * as written (this format is not known to carry Meta's later Latin-1 mojibake).
 */

import type { MediaType, ParsedAttachment, ParsedChat, ParsedMessage, ParseOutcome, ParserInput, ParseSink, SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import { defineField, PROGRESS_EVERY_RECORDS, WarningLimiter } from '../import-limits.ts';
import { walkJsonSource } from '../telegram/json-source.ts';
import { isJsonObject, jsonPointer } from '../telegram/json-walker.ts';
import type { JsonObject, JsonPath, JsonValue, PlanDecision, WalkedValue } from '../telegram/json-walker.ts';
import { describeUtf8Problems } from '../telegram/utf8-chunks.ts';
import { chronological, MAX_REORDERED_MESSAGES } from './parse-meta.ts';
import type { Held } from './parse-meta.ts';

export const INSTAGRAM_LEGACY_PARSER_VERSION = '1.0.1';

const SNIFF_BYTES = 64 * 1024;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/u;
/** Fields that hold a link to media on Instagram's servers, and what they show. */
const MEDIA_FIELDS: readonly [string, MediaType][] = [
  ['media_url', 'image'],
  ['media', 'image'],
  ['voice_media', 'audio'],
  ['animated_media_images', 'gif'],
];
/** Fields read into the record itself; the rest stay in extra as written. */
const READ_FIELDS = new Set(['sender', 'created_at', 'text']);

export function sniffInstagramLegacy(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, SNIFF_BYTES)).replace(/^\uFEFF/u, '').trimStart();
  return /^\[\s*\{/u.test(text) && /"conversation"\s*:\s*\[/u.test(text) && /"participants"\s*:\s*\[/u.test(text) && /"created_at"\s*:/u.test(text) && /"sender"\s*:/u.test(text);
}

function participantsPlan(path: JsonPath): PlanDecision {
  if (path.length <= 1) return 'descend';
  if (path.length === 2 && path[1] === 'participants') return 'assemble';
  return 'skip';
}

function conversationsPlan(path: JsonPath): PlanDecision {
  if (path.length <= 1) return 'descend';
  if (path.length === 2 && path[1] === 'participants') return 'assemble';
  if (path.length === 2 && path[1] === 'conversation') return 'descend';
  if (path.length === 3 && path[1] === 'conversation' && typeof path[2] === 'number') return 'assemble';
  return 'skip';
}

function names(value: JsonValue): string[] {
  return Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string' && name !== '') : [];
}

/** The one name in every conversation's participants, when there are two or more conversations. */
export function legacyAccountHolder(conversations: readonly string[][]): string | null {
  if (conversations.length < 2) return null;
  let common = new Set(conversations[0]);
  for (const list of conversations.slice(1)) common = new Set(list.filter((name) => common.has(name)));
  return common.size === 1 ? ([...common][0] ?? null) : null;
}

export async function parseInstagramLegacy(input: ParserInput, sink: ParseSink, maxReordered = MAX_REORDERED_MESSAGES): Promise<ParseOutcome> {
  const file = input.displayName;
  const warnings = new WarningLimiter(sink, file);
  const lists: string[][] = [];
  const first = await walkJsonSource(input, sink, participantsPlan, (walked) => {
    if (typeof walked.path[0] === 'number') lists[walked.path[0]] = names(walked.value);
    return Promise.resolve();
  });
  if (first.rootKind !== null && first.rootKind !== 'array') throw new AppError('E_IMPORT_FORMAT', `${file}: the top-level JSON value is not an array of conversations`);
  const holder = legacyAccountHolder(lists.filter((list) => list !== undefined));

  let current: { index: number; participants: string[]; held: Held[] | null; key: string | null } | null = null;
  let messages = 0;
  let unparsed = 0;
  /** Conversations met per member list (announce). */
  const membersSeen = new Map<string, number>();
  const announce = (conversation: NonNullable<typeof current>): string => {
    if (conversation.key !== null) return conversation.key;
    const participants = conversation.participants.length > 0 ? conversation.participants : (lists[conversation.index] ?? []);
    // The members, as JSON (a name may hold a comma); a second conversation of the same members in
    // this file is another thread (a group and its members' own), so it gets a number of its own.
    const members = `instagram:${participants.length > 0 ? JSON.stringify([...participants].sort()) : `conversation ${conversation.index}`}`;
    const seen = membersSeen.get(members) ?? 0;
    membersSeen.set(members, seen + 1);
    conversation.key = seen === 0 ? members : `${members}#${seen + 1}`;
    sink.chat(chatOf(conversation.key, participants, holder));
    return conversation.key;
  };
  const finishConversation = async (): Promise<void> => {
    if (current === null || current.held === null) return;
    const key = announce(current);
    let written = 0;
    for (const item of chronological(current.held)) {
      await sink.message({ ...item.message, chatKey: key });
      written += 1;
      if (written % PROGRESS_EVERY_RECORDS === 0) sink.throwIfCancelled();
    }
    current.held = null;
  };

  const second = await walkJsonSource(input, sink, conversationsPlan, async (walked: WalkedValue) => {
    const index = walked.path[0];
    if (typeof index !== 'number') return;
    if (current === null || current.index !== index) {
      await finishConversation();
      current = { index, participants: lists[index] ?? [], held: [], key: null };
    }
    if (walked.path[1] === 'participants') {
      current.participants = names(walked.value);
      return;
    }
    const pointer = jsonPointer(walked.path);
    const message = legacyMessage(walked.value, { kind: 'json-pointer', file, pointer }, holder, walked.problem);
    for (const note of message.notes) warnings.add('message', `${file}#${pointer}`, note);
    if (message.record.kind === 'unparsed') unparsed += 1;
    messages += 1;
    if (current.held !== null) {
      current.held.push({ message: message.record, index: Number(walked.path[2]) });
      if (current.held.length > maxReordered) {
        sink.warning({ place: `${file}#/${index}`, message: `more than ${maxReordered} messages in one conversation: the first ${current.held.length} are sorted oldest first, the rest follow in file order (newest first)` });
        await finishConversation();
      }
    } else {
      await sink.message({ ...message.record, chatKey: announce(current) });
    }
    if (messages % PROGRESS_EVERY_RECORDS === 0) sink.throwIfCancelled();
  });
  await finishConversation();
  const fault = second.fault ?? first.fault;
  if (fault !== null && messages === 0) throw new AppError('E_IMPORT_FORMAT', `${file}: ${fault.message} at ${fault.place}; nothing could be read before it`);
  if (fault !== null) sink.warning({ place: `${file}:${fault.place}`, message: `${fault.message}; reading stopped there: the ${messages} messages before it were imported, anything after it was not` });
  const utf8 = describeUtf8Problems(second.utf8);
  if (utf8 !== null) sink.warning({ place: file, message: utf8 });
  warnings.finish();
  return {
    formatVersion: 'instagram-messages-json-legacy',
    details: {
      platform: 'instagram',
      conversations: lists.length,
      messages,
      unparsed,
      accountHolder: holder === null ? 'not named by the file (one name must be in every conversation, of two or more): message directions are unknown' : { name: holder, evidence: `the one participant of all ${lists.length} conversations` },
      complete: fault === null,
    },
  };
}

function chatOf(key: string, participants: string[], holder: string | null): ParsedChat {
  const others = participants.filter((name) => name !== holder);
  return {
    key,
    title: others.length > 0 ? others.join(', ') : participants.join(', ') || key,
    kind: participants.length > 2 ? 'group' : participants.length === 2 ? 'private' : 'unknown',
    participants: participants.map((name) => ({ name, id: name })),
    mergeKey: key,
  };
}

function legacyMessage(value: JsonValue, locator: ParsedMessage['locator'], holder: string | null, problem: string | undefined): { record: ParsedMessage; notes: string[] } {
  const notes: string[] = [];
  const base = { chatKey: '', attachments: [], deleted: false, edited: false, locator };
  if (problem !== undefined || !isJsonObject(value)) {
    const reason = problem !== undefined ? `the message could not be read whole: ${problem}` : 'a message should be a JSON object';
    return { record: { ...base, kind: 'unparsed', sender: null, direction: null, time: null, timestampText: '', text: JSON.stringify(value)?.slice(0, 4096) ?? '', reason }, notes };
  }
  const sender = typeof value['sender'] === 'string' && value['sender'] !== '' ? value['sender'] : null;
  const written = typeof value['created_at'] === 'string' ? value['created_at'] : '';
  const utcMs = ISO_TIME.test(written) ? Date.parse(written) : Number.NaN;
  if (Number.isNaN(utcMs)) notes.push(written === '' ? 'the message has no created_at' : `the time "${written.slice(0, 60)}" could not be read`);
  const extra: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (!READ_FIELDS.has(key)) defineField(extra, key, field);
  const attachments = mediaOf(value);
  const text = typeof value['text'] === 'string' ? value['text'] : typeof value['heart'] === 'string' ? value['heart'] : '';
  const action = typeof value['action'] === 'string' && text === '' && attachments.length === 0 ? value['action'] : null;
  return {
    record: {
      ...base,
      kind: action !== null ? 'system' : 'message',
      sender: action !== null ? null : sender,
      direction: holder === null || sender === null || action !== null ? null : sender === holder ? 'outgoing' : 'incoming',
      time: Number.isNaN(utcMs) ? null : { utcMs },
      timestampText: written,
      text: action ?? text,
      attachments,
      extra: action !== null && sender !== null ? { ...extra, actor: sender } : extra,
    },
    notes,
  };
}

/** Links to media on Instagram's servers: the export holds none of the files. */
function mediaOf(value: JsonObject): ParsedAttachment[] {
  const attachments: ParsedAttachment[] = [];
  for (const [field, mediaType] of MEDIA_FIELDS) {
    const link = value[field];
    const links = Array.isArray(link) ? link : [link];
    for (const item of links) {
      if (typeof item !== 'string' || item === '') continue;
      const attachment: ParsedAttachment = { kind: 'omitted', mediaType };
      const name = fileNameOf(item);
      if (name !== null) attachment.fileName = name;
      attachments.push(attachment);
    }
  }
  return attachments;
}

function fileNameOf(link: string): string | null {
  try {
    const name = new URL(link).pathname.split('/').pop() ?? '';
    return name === '' ? null : decodeURIComponent(name);
  } catch {
    return null;
  }
}

export const instagramLegacyParser: SourceParser = {
  format: 'instagram-messages-json-legacy',
  parserVersion: INSTAGRAM_LEGACY_PARSER_VERSION,
  sniff: (head) => sniffInstagramLegacy(head),
  parse: (input, sink) => parseInstagramLegacy(input, sink),
};

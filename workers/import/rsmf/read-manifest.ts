/**
 * Reads rsmf_manifest.json in two streamed passes, so memory stays bounded whatever its size and
 * whatever the order of its top-level keys: the first holds the participants and conversations
 * (ManifestDirectory) and skips the events; the second hands over the events one at a time.
 * The walker (telegram/json-walker.ts, shared with the Meta importer) caps each value's size and
 * depth; a syntax error or a truncated file stops reading there, and the place is reported.
 * Each event becomes one record whose locator is its JSON pointer (`/events/17`).
 */

import { createHash } from 'node:crypto';
import type { ParsedChat, ParserInput, ParseSink } from '../../../shared/contracts/parsed-source.ts';
import { PROGRESS_EVERY_RECORDS, WarningLimiter } from '../import-limits.ts';
import { unparsedRecord } from '../unparsed-record.ts';
import { walkJsonSource } from '../telegram/json-source.ts';
import type { JsonFault } from '../telegram/json-source.ts';
import type { JsonPath, PlanDecision } from '../telegram/json-walker.ts';
import { describeUtf8Problems } from '../telegram/utf8-chunks.ts';
import type { AttachmentReader } from './attachments.ts';
import { looseChatKey, ManifestDirectory, MAX_AS_WRITTEN_CHARS, MAX_LISTED_AS_WRITTEN } from './manifest-directory.ts';
import type { Warn } from './manifest-directory.ts';
import { eventRecord, NO_CONVERSATION } from './manifest-event.ts';

/** How event times are read (rsmf-time.ts), stated in the source's details. */
const TIME_RULE = 'ISO 8601 timestamps: one with an offset (Z, +hh:mm) is that instant; one without (the schemas\' own example has none) is a wall clock, converted in the time zone of the import; the text is kept as written';
const SECTIONS = new Set(['participants', 'conversations']);
const REQUIRED_ARRAYS = ['participants', 'conversations', 'events'];

function directoryPlan(path: JsonPath): PlanDecision {
  if (path.length === 0) return 'descend';
  if (path.length === 1) {
    if (path[0] === 'events') return 'skip';
    return SECTIONS.has(String(path[0])) ? 'descend' : 'assemble';
  }
  // The members of an object written where the schemas put an array are read too (at their keys), and said.
  return path.length === 2 && SECTIONS.has(String(path[0])) ? 'assemble' : 'skip';
}

function eventsPlan(path: JsonPath): PlanDecision {
  if (path.length === 0) return 'descend';
  if (path.length === 1) return path[0] === 'events' ? 'descend' : 'skip';
  return path.length === 2 && path[0] === 'events' ? 'assemble' : 'skip';
}

export interface ManifestCounts {
  messages: number;
  system: number;
  unparsed: number;
  attachments: number;
}

export interface ManifestReading {
  version: string | null;
  details: Record<string, unknown>;
}

/** `input` is the manifest (its displayName is the locators' file); `attachments` finds the files events name. */
export async function readManifest(input: ParserInput, sink: ParseSink, attachments: AttachmentReader): Promise<ManifestReading> {
  const file = input.displayName;
  const warnings = new WarningLimiter(sink, file);
  const warn: Warn = (kind, place, message) => warnings.add(kind, place, message);
  const directory = new ManifestDirectory(file, warn);
  // The top-level keys met (and how often), to tell of a required array the manifest lacks or a key written twice.
  const keys = new Map<string, number>();
  const plan = (path: JsonPath): PlanDecision => {
    if (path.length === 1) keys.set(String(path[0]), (keys.get(String(path[0])) ?? 0) + 1);
    return directoryPlan(path);
  };
  // The first pass also digests the bytes: the digest names the manifest where its own ids must be told from another's.
  const digest = createHash('sha256');
  const digesting: ParserInput = {
    ...input,
    async *stream() {
      for await (const chunk of input.stream()) {
        digest.update(chunk);
        yield chunk;
      }
    },
  };
  const first = await walkJsonSource(digesting, sink, plan, (walked) => {
    directory.take(walked);
    return Promise.resolve();
  });
  directory.finish(digest.digest('hex'));
  if (first.rootKind !== null && first.rootKind !== 'object') {
    // Not a manifest at all: kept whole (cut to the raw-text limit) as one record, never dropped.
    return notAManifest(input, sink, file, `the manifest is a JSON ${first.rootKind}, not the object the RSMF schemas define`);
  }
  if (first.rootKind === null) {
    const why = first.fault === null ? 'the manifest is empty' : `the manifest is not JSON (${first.fault.message} at ${first.fault.place})`;
    return notAManifest(input, sink, file, why);
  }
  const lacking = REQUIRED_ARRAYS.filter((key) => !keys.has(key));
  for (const [key, count] of keys) {
    if (count > 1 && REQUIRED_ARRAYS.includes(key)) {
      // A JSON reader keeps the last; a JSON pointer cannot tell the arrays apart.
      warn('manifest', file, `"${key}" is written ${count} times at the top level of the manifest; every one is read, and the pointers into the 2nd and later count from 0 within their own array${key === 'events' ? ' (the record\'s extra.eventsKeyOccurrence says which array)' : ''}`);
    }
  }
  if (first.fault === null && lacking.length > 0) warn('manifest', file, `the manifest has no ${lacking.map((key) => `"${key}"`).join(', ')} (the RSMF schemas require ${lacking.length === 1 ? 'it' : 'them'})`);
  for (const conversation of directory.conversations.values()) sink.chat(directory.chatOf(conversation));
  const stated = new Set<string>();
  const chatFor = (key: string, title: string): void => {
    if (stated.has(key)) return;
    stated.add(key);
    const chat: ParsedChat = { key, title, kind: 'unknown' };
    sink.chat(chat);
  };
  const counts: ManifestCounts = { messages: 0, system: 0, unparsed: 0, attachments: 0 };
  // How many times rest on the time zone declared at import (a wall clock), for the court.
  const times = { withOffset: 0, wallClock: 0, none: 0 };
  const context = { file, directory, attachments, warn, chatFor };
  // Which "events" array an event is in, when the key is written more than once: the index
  // starts again from 0 in each (values arrive in file order, so a lower index starts the next).
  let occurrence = 1;
  let lastIndex = -1;
  let eventsObjectTold = false;
  const second = await walkJsonSource(input, sink, eventsPlan, async (walked) => {
    if (walked.path.length === 1) {
      warn('manifest', `${file}#/events`, '"events" is not an array; no event could be read from it');
      return;
    }
    const [, index] = walked.path;
    if (typeof index === 'number') {
      if (index <= lastIndex) occurrence += 1;
      lastIndex = index;
    } else if (!eventsObjectTold) {
      eventsObjectTold = true;
      warn('manifest', `${file}#/events`, '"events" is an object, not the array the RSMF schemas define; each of its members is read as an event, its pointer naming its key');
    }
    const read = await eventRecord(walked, context);
    const record = occurrence === 1 ? read : { ...read, extra: { ...read.extra, eventsKeyOccurrence: occurrence } };
    if (record.kind === 'unparsed') counts.unparsed += 1;
    else if (record.kind === 'system') counts.system += 1;
    else counts.messages += 1;
    counts.attachments += record.attachments.length;
    if (record.time === null) times.none += 1;
    else if ('utcMs' in record.time) times.withOffset += 1;
    else times.wallClock += 1;
    await sink.message(record);
    if ((counts.messages + counts.system + counts.unparsed) % PROGRESS_EVERY_RECORDS === 0) sink.throwIfCancelled();
  });
  const fault: JsonFault | null = second.fault ?? first.fault;
  if (fault !== null) warn('manifest', `${file}:${fault.place}`, `${fault.message}; the manifest was read up to there (a truncated or damaged file), what follows is not read`);
  const utf8 = describeUtf8Problems(second.utf8);
  if (utf8 !== null) warn('manifest', file, utf8);
  if (directory.notListedAsWritten > 0) {
    warn('manifest', file, `${directory.notListedAsWritten} participants or conversations are not kept as written (beyond the first ${MAX_LISTED_AS_WRITTEN} of each, or ${MAX_AS_WRITTEN_CHARS} characters in all): their custom fields, avatars, platforms and custodians are in no record; read them in the manifest`);
  }
  if (directory.otherKeys.length > 0) warn('manifest', file, `top-level keys the RSMF schemas do not define were not read: ${directory.otherKeys.slice(0, 20).join(', ')}`);
  warnings.finish();
  return {
    version: directory.version,
    details: {
      manifest: file,
      manifestVersion: directory.version,
      ...(directory.eventCollectionId === null ? {} : { eventCollectionId: directory.eventCollectionId }),
      // The chats merge with other slices': ids only this manifest gives are qualified by its digest ("P1@rsmf-manifest:…").
      ...(directory.localIdScope === null ? {} : { participantIdsQualifiedBy: directory.localIdScope }),
      participants: directory.participants.size,
      conversations: directory.conversations.size,
      // As written, for their custom fields (phone numbers, devices), avatars, platforms and custodians.
      participantsAsWritten: directory.participantsAsWritten,
      conversationsAsWritten: directory.conversationsAsWritten,
      ...(directory.notListedAsWritten === 0 ? {} : { notListedAsWritten: directory.notListedAsWritten }),
      events: counts,
      times,
      timeRule: TIME_RULE,
      ...(stated.has(looseChatKey(file, NO_CONVERSATION)) ? { eventsWithoutConversation: true } : {}),
      ...(directory.otherKeys.length === 0 ? {} : { otherTopLevelKeys: directory.otherKeys }),
      ...(fault === null ? {} : { readUpTo: fault.place }),
    },
  };
}

async function notAManifest(input: ParserInput, sink: ParseSink, file: string, reason: string): Promise<ManifestReading> {
  const raw = await headText(input);
  const chatKey = looseChatKey(file, NO_CONVERSATION);
  sink.chat({ key: chatKey, title: `${file}: not a readable manifest`, kind: 'unknown' });
  await sink.message(unparsedRecord({ chatKey, raw: raw.text, rawBytes: { decoded: raw.bytes, total: input.size }, locator: { kind: 'file', file }, reason }));
  sink.warning({ place: file, message: `${reason}; kept as one unparsed record` });
  return { version: null, details: { manifest: file, readable: false, reason } };
}

/** Raw bytes of the manifest's start kept in the record. */
const RAW_HEAD_BYTES = 128 * 1024;

async function headText(input: ParserInput): Promise<{ text: string; bytes: number }> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of input.stream()) {
    chunks.push(chunk.subarray(0, RAW_HEAD_BYTES - length));
    length += Math.min(chunk.byteLength, RAW_HEAD_BYTES - length);
    if (length >= RAW_HEAD_BYTES) break;
  }
  const bytes = Buffer.concat(chunks);
  return { text: new TextDecoder('utf-8', { fatal: false }).decode(bytes), bytes: bytes.byteLength };
}

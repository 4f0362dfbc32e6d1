/**
 * One RSMF event as one record. Event fields as the RSMF 1.0.0 and 2.0.0 schemas define them
 * (relativitydev/rsmf-validator-samples, RSMFManifestSchema/): id, type, parent, body,
 * participant, conversation, timestamp, deleted, importance, reactions, attachments, edits and
 * custom; 2.0 adds direction and read_receipts. Types are 'message', 'disclaimer', 'join' and
 * 'leave' (1.0), plus 'history' and 'unknown' (2.0): a message is a message, every other type a
 * system record. Thread parents, reactions, read receipts, edits and custom fields are kept in
 * `extra` as written; fields the schemas do not define are kept there too, never dropped.
 */

import type { ParsedAttachment, ParsedMessage, SourceLocator } from '../../../shared/contracts/parsed-source.ts';
import { defineField } from '../import-limits.ts';
import { unparsedRecord } from '../unparsed-record.ts';
import { isJsonObject, jsonPointer } from '../telegram/json-walker.ts';
import type { JsonObject, JsonValue, WalkedValue } from '../telegram/json-walker.ts';
import type { AttachmentReader } from './attachments.ts';
import { idText, looseChatKey, text } from './manifest-directory.ts';
import type { ManifestDirectory, Warn } from './manifest-directory.ts';
import { readRsmfTime } from './rsmf-time.ts';

const SYSTEM_TYPES = new Set(['disclaimer', 'join', 'leave', 'history', 'unknown']);
const KNOWN_FIELDS = new Set([
  'id', 'type', 'parent', 'body', 'participant', 'conversation', 'timestamp', 'deleted', 'importance', 'reactions', 'attachments', 'edits', 'custom', 'direction', 'read_receipts',
]);
/** The conversation id of the chat of events that name none (the 2.0 schema does not require one). */
export const NO_CONVERSATION = '';

export interface EventContext {
  file: string;
  directory: ManifestDirectory;
  attachments: AttachmentReader;
  warn: Warn;
  /** Announces a chat for a conversation the manifest does not describe (once per key). */
  chatFor(key: string, title: string): void;
}

export async function eventRecord(walked: WalkedValue, context: EventContext): Promise<ParsedMessage> {
  const pointer = jsonPointer(walked.path);
  const locator: SourceLocator = { kind: 'json-pointer', file: context.file, pointer };
  const place = `${context.file}#${pointer}`;
  const event = isJsonObject(walked.value) ? walked.value : null;
  const chatKey = chatKeyOf(event, place, context);
  const type = event === null ? null : text(event['type']);
  if (event === null || type === null || walked.problem !== undefined) {
    const reason = walked.problem !== undefined ? `the event could not be read whole (${walked.problem})` : event === null ? 'the event is not a JSON object' : 'the event has no type (the schemas require one)';
    return unparsedRecord({ chatKey, raw: JSON.stringify(walked.value) ?? '', locator, reason });
  }
  if (type !== 'message' && !SYSTEM_TYPES.has(type)) context.warn('event', place, `the event type "${type}" is not one the RSMF schemas define; kept as a system record`);
  const who = senderOf(event, place, context);
  const timestamp = timestampTextOf(event['timestamp']);
  const read = typeof event['timestamp'] === 'string' && timestamp !== '' ? readRsmfTime(timestamp) : null;
  if (event['timestamp'] !== undefined && event['timestamp'] !== null && typeof event['timestamp'] !== 'string') {
    context.warn('timestamp', place, `the timestamp ${timestamp} is not a string (the schemas define an ISO 8601 text); the event has no time, the value is kept as written`);
  } else if (timestamp !== '' && read === null) context.warn('timestamp', place, `the timestamp "${timestamp}" is not an ISO 8601 date and time; the event has no time`);
  // A key written twice: the value kept is the last (as JSON readers do); the one it overwrote is kept in extra.
  if (walked.duplicates !== undefined) context.warn('event', place, `the key${walked.duplicates.length === 1 ? '' : 's'} ${[...new Set(walked.duplicates.map((duplicate) => `"${duplicate.key}"`))].join(', ')} ${walked.duplicates.length === 1 ? 'is' : 'are'} written more than once; the last value is read, the earlier kept in the record's extra (duplicateKeys)`);
  const body = typeof event['body'] === 'string' ? event['body'] : '';
  const direction = event['direction'] === 'incoming' || event['direction'] === 'outgoing' ? event['direction'] : null;
  const edits = Array.isArray(event['edits']) ? event['edits'] : [];
  return {
    chatKey,
    kind: type === 'message' ? 'message' : 'system',
    sender: who.sender,
    senderId: who.senderId,
    direction,
    time: read?.time ?? null,
    timestampText: timestamp,
    text: type === 'message' ? body : systemText(type, body, who.sender),
    attachments: await attachmentsOf(event, place, context),
    deleted: event['deleted'] === true,
    edited: edits.length > 0,
    locator,
    extra: { ...extraOf(event, type, read?.offset ?? null), ...(walked.duplicates === undefined ? {} : { duplicateKeys: walked.duplicates }) },
  };
}

/** The timestamp as written: a string as it is, any other value as its JSON text (a number's digits), '' when absent. */
function timestampTextOf(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function chatKeyOf(event: JsonObject | null, place: string, context: EventContext): string {
  const id = event === null ? null : idText(event['conversation']);
  if (id !== null && context.directory.conversations.has(id)) return context.directory.chatKey(id);
  if (id !== null) {
    context.warn('conversation', place, `names the conversation "${id}", which is not among the manifest's conversations; kept in a chat of that id`);
    context.chatFor(looseChatKey(context.file, id), `${id} (not described in the manifest)`);
    return looseChatKey(context.file, id);
  }
  if (event !== null) context.warn('conversation', place, 'names no conversation; kept in a chat of the events that name none');
  context.chatFor(looseChatKey(context.file, NO_CONVERSATION), `${context.file}: events naming no conversation`);
  return looseChatKey(context.file, NO_CONVERSATION);
}

function senderOf(event: JsonObject, place: string, context: EventContext): { sender: string | null; senderId: string | null } {
  const id = idText(event['participant']);
  if (id === null) return { sender: null, senderId: null };
  const known = context.directory.participants.get(id);
  if (known !== undefined) return context.directory.identityOf(known);
  context.warn('participant', place, `names the participant "${id}", who is not among the manifest's participants; the sender is shown by that id`);
  const localId = context.directory.localId(id);
  return { sender: localId, senderId: localId };
}

/** A system event's own words when it has a body; a join or leave without one says who. */
function systemText(type: string, body: string, sender: string | null): string {
  if (body !== '' || sender === null) return body;
  if (type === 'join') return `${sender} joined`;
  if (type === 'leave') return `${sender} left`;
  return '';
}

async function attachmentsOf(event: JsonObject, place: string, context: EventContext): Promise<ParsedAttachment[]> {
  const listed = event['attachments'];
  if (listed === undefined) return [];
  if (!Array.isArray(listed)) {
    context.warn('attachment', place, '"attachments" is not an array; no attachment could be read from it (kept in the record\'s extra)');
    return [];
  }
  const found: ParsedAttachment[] = [];
  for (const [index, item] of listed.entries()) {
    const id = isJsonObject(item) ? text(item['id']) : null;
    if (!isJsonObject(item) || id === null) {
      context.warn('attachment', `${place}/attachments/${index}`, 'an attachment without an id (the schemas require one); it names no file, kept in the record\'s extra');
      continue;
    }
    const size = typeof item['size'] === 'number' ? item['size'] : null;
    const result = await context.attachments.find({ id, display: text(item['display']), size });
    if (result.problem !== null) context.warn('attachment', `${place}/attachments/${index}`, `${result.problem}; recorded as missing`);
    if (result.note !== undefined) context.warn('attachment', `${place}/attachments/${index}`, result.note);
    found.push(result.attachment);
  }
  return found;
}

function extraOf(event: JsonObject, type: string, offset: string | null): Record<string, unknown> {
  const extra: Record<string, unknown> = { rsmfEventType: type };
  const keep = (name: string, key: string): void => {
    const value = event[key];
    if (value !== undefined && value !== null) defineField(extra, name, value);
  };
  keep('eventId', 'id');
  keep('parentId', 'parent');
  keep('participantId', 'participant');
  keep('conversationId', 'conversation');
  keep('importance', 'importance');
  keep('reactions', 'reactions');
  keep('readReceipts', 'read_receipts');
  keep('edits', 'edits');
  keep('custom', 'custom');
  keep('attachments', 'attachments');
  if (offset !== null) extra['timestampOffset'] = offset;
  // A direction other than the two the 2.0 schema allows is kept as written, not read as one.
  if (event['direction'] !== undefined && event['direction'] !== 'incoming' && event['direction'] !== 'outgoing') keep('directionAsWritten', 'direction');
  if (event['body'] !== undefined && typeof event['body'] !== 'string') keep('bodyAsWritten', 'body');
  // Values of a type the schemas do not define are not read (no time, not deleted), but kept as written.
  if (event['timestamp'] !== undefined && typeof event['timestamp'] !== 'string') keep('timestampAsWritten', 'timestamp');
  if (event['deleted'] !== undefined && typeof event['deleted'] !== 'boolean') keep('deletedAsWritten', 'deleted');
  const other: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(event)) if (!KNOWN_FIELDS.has(key)) defineField(other, key, value);
  if (Object.keys(other).length > 0) extra['otherFields'] = other;
  return extra;
}

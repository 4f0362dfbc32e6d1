/**
 * Call-log records. A call is not a message, but an analyst reads it on the same timeline ("she
 * called, then wrote"), so each call becomes a 'system' record (the case schema allows only
 * message, system and unparsed) with its direction, a sentence for the text ("Outgoing voice
 * call, 2 min 13 s") that search and reports show, and the facts in `extra.recordType = 'call'`.
 * Calls go into one conversation per other party, apart from that party's SMS, because a call
 * list and a text thread are read differently. The Cellebrite importer uses the same wording.
 */

import type { ParsedChat, ParsedMessage, SourceLocator } from '../../../shared/contracts/parsed-source.ts';
import type { AddressKeys } from './address.ts';
import { contactName, present, writtenTime } from './records.ts';
import type { RecordResult } from './records.ts';

/** What happened to a call, as the phone recorded it. */
export type CallOutcome = 'answered' | 'not connected' | 'missed' | 'rejected' | 'cancelled' | 'blocked' | 'voicemail' | 'answered elsewhere' | 'unknown';

export interface CallFacts {
  direction: 'incoming' | 'outgoing' | null;
  outcome: CallOutcome;
  durationSeconds: number | null;
  /** True for a video call, false for a voice call, null when the source does not say. */
  video: boolean | null;
  /** The app that placed the call (WhatsApp, Phone...), when the source names one. */
  app: string | null;
}

/** "Outgoing voice call, 2 min 13 s", "Incoming call, missed", "Incoming video call (WhatsApp), rejected". */
export function callText(facts: CallFacts): string {
  const medium = facts.video === true ? 'video call' : facts.video === false ? 'voice call' : 'call';
  const head = facts.direction === null ? `${medium.charAt(0).toUpperCase()}${medium.slice(1)}` : `${facts.direction === 'incoming' ? 'Incoming' : 'Outgoing'} ${medium}`;
  const app = facts.app === null ? '' : ` (${facts.app})`;
  const parts = [`${head}${app}`];
  if (facts.outcome !== 'answered' && facts.outcome !== 'unknown') parts.push(facts.outcome);
  // A zero length says only that the call did not connect, which the outcome already tells.
  if (facts.durationSeconds !== null && facts.durationSeconds > 0) parts.push(formatDuration(facts.durationSeconds));
  return parts.join(', ');
}

/** 0 s, 45 s, 2 min 13 s, 1 h 0 min 5 s. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  if (hours > 0) return `${hours} h ${minutes} min ${rest} s`;
  if (minutes > 0) return `${minutes} min ${rest} s`;
  return `${rest} s`;
}

/** A call's length as Cellebrite (a .NET TimeSpan) or a call-log CSV writes it: a TimeSpan (`[d.]hh:mm:ss[.fffffff]`), `mm:ss`, or whole seconds → seconds. */
export function timeSpanSeconds(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d{1,9}$/u.test(trimmed)) return Number(trimmed);
  const match = /^(?:(\d{1,5})\.)?(?:(\d{1,2}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,7}))?$/u.exec(trimmed);
  if (match === null) return null;
  const [days, hours, minutes, seconds] = [match[1], match[2], match[3], match[4]].map((part) => Number(part ?? '0')) as [number, number, number, number];
  if (minutes > 59 || seconds > 59 || hours > 23) return null;
  return days * 86_400 + hours * 3600 + minutes * 60 + seconds + (match[5] === undefined ? 0 : Math.round(Number(`0.${match[5]}`) * 1000) / 1000);
}

/** The conversation key of a party's calls: kept apart from their text thread's key. */
export function callConversationKey(partyKey: string): string {
  return `calls:${partyKey}`;
}

export function callChatTitle(name: string | null, id: string | null): string {
  const who = name !== null && id !== null && name !== id ? `${name} (${id})` : (name ?? id ?? 'unknown number');
  return `Calls: ${who}`;
}

interface CallType {
  direction: 'incoming' | 'outgoing';
  outcome: CallOutcome;
}

/** SMS Backup & Restore `<call type>` (Android CallLog.Calls.TYPE); a Map, so "constructor" is no type. */
const CALL_TYPES: ReadonlyMap<string, CallType> = new Map<string, CallType>([
  ['1', { direction: 'incoming', outcome: 'answered' }],
  // Answered or not: outcomeOf reads it from the length.
  ['2', { direction: 'outgoing', outcome: 'unknown' }],
  ['3', { direction: 'incoming', outcome: 'missed' }],
  ['4', { direction: 'incoming', outcome: 'voicemail' }],
  ['5', { direction: 'incoming', outcome: 'rejected' }],
  ['6', { direction: 'incoming', outcome: 'blocked' }],
  ['7', { direction: 'incoming', outcome: 'answered elsewhere' }],
]);

/**
 * Android logs every call the phone placed as OUTGOING_TYPE, answered or not; only its length
 * tells: a call that connected has one, a call nobody took lasts 0 s (a real backup holds both).
 */
function outcomeOf(type: CallType | undefined, durationSeconds: number | null): CallOutcome {
  if (type === undefined) return 'unknown';
  if (type.direction !== 'outgoing') return type.outcome;
  if (durationSeconds === null) return 'unknown';
  return durationSeconds > 0 ? 'answered' : 'not connected';
}

/**
 * The other party's number; an empty one (a withheld caller on newer Android, `presentation` 2 or
 * 3) is no number. The attribute itself is kept as written in `extra.attributes`.
 */
function callNumber(attributes: Record<string, string>): string | null {
  const number = present(attributes, 'number');
  return number === null || number.trim() === '' ? null : number;
}

/** A `<call>` element of a `<calls>` backup → a call-log record. */
export function smsBackupCall(attributes: Record<string, string>, locator: SourceLocator, keys: AddressKeys): RecordResult {
  const notes: string[] = [];
  const number = callNumber(attributes);
  const { time, timestampText, note } = writtenTime(attributes);
  if (note !== null) notes.push(note);
  const type = CALL_TYPES.get(attributes['type'] ?? '');
  if (type === undefined) notes.push(`unknown call type "${attributes['type'] ?? ''}"`);
  const rawDuration = present(attributes, 'duration');
  const durationSeconds = rawDuration !== null && /^\d{1,9}$/u.test(rawDuration.trim()) ? Number(rawDuration.trim()) : null;
  if (rawDuration !== null && durationSeconds === null) notes.push(`the duration "${rawDuration.slice(0, 40)}" is not a number of seconds`);
  const name = contactName(attributes);
  const facts: CallFacts = { direction: type?.direction ?? null, outcome: outcomeOf(type, durationSeconds), durationSeconds, video: null, app: null };
  const attributesKept: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== 'null') attributesKept[key] = value;
  const message: ParsedMessage = {
    chatKey: callConversationKey(keys.of(number)),
    kind: 'system',
    // The caller of an incoming call; the owner of an outgoing one is not named by the backup.
    sender: facts.direction === 'incoming' ? (name ?? number) : null,
    senderId: facts.direction === 'incoming' ? number : null,
    direction: facts.direction,
    time,
    timestampText,
    text: callText(facts),
    attachments: [],
    deleted: false,
    edited: false,
    locator,
    extra: {
      recordType: 'call',
      durationSeconds,
      outcome: facts.outcome,
      party: { id: number, name },
      element: 'call',
      attributes: attributesKept,
    },
  };
  return { message, notes };
}

/** The conversation of one party's calls in a `<calls>` backup. */
export function smsBackupCallChat(key: string, attributes: Record<string, string>): ParsedChat {
  const number = callNumber(attributes);
  return { key, title: callChatTitle(contactName(attributes), number), kind: 'private', participants: [{ name: contactName(attributes), id: number }], mergeKey: key };
}

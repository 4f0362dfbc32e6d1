/**
 * Who a group membership event is about. The new layout names the affected members in
 * `message_system_chat_participant` (message_row_id -> user_jid_row_id, one row per member) and a
 * number change in `message_system_number_change`; the actor is the row's sender. The legacy
 * layout keeps at most one jid per status-6 row (see android-legacy.ts for what is known of it).
 * The text names people as senders are named: contacts database name, else the number.
 */

import type { Database } from 'sql.js';
import { columnsOf, hasTable, integerValue, scanRows, selectExpressions } from '../sqlite/index.ts';
import type { ContactBook } from './contacts.ts';
import { phoneFromJid } from './jids.ts';
import type { JidBook, ResolvedJid } from './jids.ts';

/** The people a group event row names, as read from either layout. */
export interface WaGroupEvent {
  /** 'sender': the row's author (or me) did it; 'unknown': the layout does not say who did. */
  actor: 'sender' | 'unknown';
  participants: ResolvedJid[];
  /** Where the participants were read from, for the record. */
  participantSource: string;
  /** message_system_number_change: the number before and after. */
  numberChange?: { from: ResolvedJid | null; to: ResolvedJid | null };
}

/** Groups hold at most 1024 members; a hostile table cannot make one event unbounded. */
const MAX_PARTICIPANTS = 1024;

/** The action codes (message_system.action_type, legacy media_size) of a membership event. */
type Phrase = { byActor: (actor: string, who: string) => string; alone: (who: string) => string };
const added: Phrase = { byActor: (actor, who) => `${actor} added ${who}`, alone: (who) => `${who} was added` };
const removed: Phrase = { byActor: (actor, who) => `${actor} removed ${who}`, alone: (who) => `${who} was removed` };
const left: Phrase = { byActor: (actor) => `${actor} left`, alone: (who) => `${who} left` };
const PHRASES: Record<number, Phrase> = {
  4: added,
  5: left,
  7: removed,
  12: added,
  14: removed,
  15: { byActor: (actor, who) => `${actor} made ${who} an admin`, alone: (who) => `${who} is now an admin` },
  20: { byActor: (actor) => `${actor} joined via an invite link`, alone: (who) => `${who} joined via an invite link` },
};

/** Codes where the actor and the member are the same person (one leaves, one joins by link). */
const SELF_ACTIONS = new Set([5, 20]);

/** Number change (message_system.action_type 28; message_system_number_change). [source: third-party parsers] */
export const ACTION_NUMBER_CHANGE = 28;

export function isMembershipAction(code: number | null): boolean {
  return code !== null && (PHRASES[code] !== undefined || code === ACTION_NUMBER_CHANGE);
}

/** The affected members of every event, by message rowid, in one pass (the table may have no index). */
export function loadEventParticipants(db: Database, onError: (message: string) => void): Map<number, number[]> {
  const byMessage = new Map<number, number[]>();
  if (!hasTable(db, 'message_system_chat_participant')) return byMessage;
  const columns = columnsOf(db, 'message_system_chat_participant');
  if (!columns.has('message_row_id') || !columns.has('user_jid_row_id')) return byMessage;
  const select = selectExpressions(columns, 't', ['message_row_id', 'user_jid_row_id']);
  for (const row of scanRows(db, { table: 'message_system_chat_participant', select }, (message) => onError(`message_system_chat_participant: ${message}`))) {
    const message = integerValue(row['message_row_id']);
    const user = integerValue(row['user_jid_row_id']);
    if (message === null || user === null) continue;
    const list = byMessage.get(message) ?? [];
    if (list.length < MAX_PARTICIPANTS) list.push(user);
    byMessage.set(message, list);
  }
  return byMessage;
}

/** Resolves row ids to jids; a row id with no jid stays visible as "jid row n". */
export function resolveParticipants(rowIds: readonly number[], jids: JidBook): ResolvedJid[] {
  return rowIds.map((rowId) => jids.resolve(rowId) ?? { jid: `jid row ${rowId}` });
}

/**
 * The text of a membership event naming its actor and members, or null when the row names no one
 * (the caller then keeps the bare action label). `actor` is the author's label ("You" for me).
 */
export function membershipText(code: number, actor: string | null, event: WaGroupEvent, contacts: ContactBook, action: string): string | null {
  const names = event.participants.map((member) => contacts.labelOf(member.jid) ?? member.jid);
  if (code === ACTION_NUMBER_CHANGE) {
    const from = event.numberChange?.from ?? null;
    const to = event.numberChange?.to ?? null;
    if (from === null && to === null) return null;
    return `${label(from, contacts)} changed their number to ${label(to, contacts)}`;
  }
  const phrase = PHRASES[code];
  const knownActor = event.actor === 'sender' ? actor : null;
  const who = names.join(', ');
  if (phrase === undefined) return names.length === 0 ? null : `${action}: ${who}`;
  if (SELF_ACTIONS.has(code)) {
    if (names.length > 0) return phrase.alone(who);
    return knownActor === null ? null : phrase.byActor(knownActor, '');
  }
  if (names.length === 0) return null;
  return knownActor === null ? phrase.alone(who) : phrase.byActor(knownActor, who);
}

/** Raw ids of an event for `extra`: what the database said, before any name was put on it. */
export function eventFacts(event: WaGroupEvent): Record<string, unknown> {
  const facts: Record<string, unknown> = {
    participants: event.participants.map((member) => rawFacts(member)),
    participantSource: event.participantSource,
    actorRecorded: event.actor === 'sender',
  };
  if (event.numberChange !== undefined) {
    facts['numberChange'] = { from: event.numberChange.from === null ? null : rawFacts(event.numberChange.from), to: event.numberChange.to === null ? null : rawFacts(event.numberChange.to) };
  }
  return facts;
}

function rawFacts(member: ResolvedJid): Record<string, unknown> {
  return { jid: member.jid, id: phoneFromJid(member.jid) ?? member.jid, ...(member.lid === undefined ? {} : { lid: member.lid }) };
}

function label(member: ResolvedJid | null, contacts: ContactBook): string {
  return member === null ? 'an unknown number' : contacts.labelOf(member.jid) ?? member.jid;
}

/**
 * The call facts of a Telegram JSON phone call, as the other importers write a call record
 * (meta/meta-call.ts, sms-xml/call-log.ts): `extra.recordType = 'call'`, the outcome and the
 * length. Telegram Desktop writes a call as a service message (export_output_json.cpp,
 * SerializeMessage, ActionPhoneCall): `actor`/`actor_id` = the caller, `action: "phone_call"`,
 * `duration_seconds` only when not zero, `discard_reason` "busy" | "disconnect" | "hangup" |
 * "missed" (an unknown reason is "", which the writer leaves out). The JSON has no words of its
 * own for the outcome; the HTML writer reads the same fields for the account holder's side
 * (export_output_html.cpp, prepareMediaData): reason missed is "Cancelled" on the holder's call
 * and "Missed" on the other's, reason busy is "Declined" on the other's call (on the holder's it
 * is plain "Outgoing"), and a length marks the call "success". The outcome follows that reading,
 * so the same call reads alike in both exports; what it does not settle is 'unknown'. A missed
 * call whose direction is not established (no holder known) is 'not connected': 'missed' would
 * claim it was the holder's to take.
 *
 * A group's voice chat ("group_call", ActionGroupCall) is a call record too, with only what the
 * writer gives it: `actor`/`actor_id` = who started it, `duration` (seconds) only when not zero.
 * No participant list and no outcome are written (who joined is not in the export; an
 * "invite_to_group_call" line names whom someone invited, not who came), so its outcome is
 * 'unknown' and its length is the voice chat's, not anyone's share of it. Conference calls
 * (MTProto messageActionConferenceCall) have no case in the exporter's writers I could read
 * (export_output_json.cpp, export_output_html.cpp of 2025-2026): what they become in an export
 * is not known, so nothing reads them here.
 */

import type { CallOutcome } from '../sms-xml/call-log.ts';
import type { JsonObject } from './json-walker.ts';

export interface TelegramCallFacts {
  recordType: 'call';
  /** Set on a group's voice chat; a call between two people has none. */
  callKind?: 'group';
  outcome: CallOutcome;
  /** `duration_seconds` as written (a whole number of seconds), else null; the field stays in extra. */
  durationSeconds: number | null;
}

const PHONE_CALL_ACTION = 'phone_call';
const GROUP_CALL_ACTION = 'group_call';

export function isPhoneCall(value: JsonObject): boolean {
  return value['action'] === PHONE_CALL_ACTION;
}

export function isGroupCall(value: JsonObject): boolean {
  return value['action'] === GROUP_CALL_ACTION;
}

/** A group voice chat's facts: its length as written, no outcome (the export writes none). */
export function groupCallFacts(value: JsonObject): TelegramCallFacts {
  return { recordType: 'call', callKind: 'group', outcome: 'unknown', durationSeconds: wholeSeconds(value['duration']) };
}

/** `direction` is the call's from the holder's side (the caller's, as a message gets its sender's), or null when unknown. */
export function phoneCallFacts(value: JsonObject, direction: 'incoming' | 'outgoing' | null): TelegramCallFacts {
  const durationSeconds = wholeSeconds(value['duration_seconds']);
  return { recordType: 'call', outcome: outcomeOf(value['discard_reason'], direction, durationSeconds), durationSeconds };
}

function wholeSeconds(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

function outcomeOf(reason: unknown, direction: 'incoming' | 'outgoing' | null, durationSeconds: number | null): CallOutcome {
  // "Missed" is the other person's call nobody took, "Cancelled" the holder's (as the HTML writer
  // words them). With no direction, 'missed' would say the holder was called: that nobody took
  // the call is all the export establishes, which call logs name 'not connected'.
  if (reason === 'missed') return direction === 'outgoing' ? 'cancelled' : direction === 'incoming' ? 'missed' : 'not connected';
  if (reason === 'busy' && direction === 'incoming') return 'rejected';
  return durationSeconds !== null && durationSeconds > 0 ? 'answered' : 'unknown';
}

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
 * Not for "group_call" (a group's voice chat, with its own `duration`): that is no call between two people.
 */

import type { CallOutcome } from '../sms-xml/call-log.ts';
import type { JsonObject } from './json-walker.ts';

export interface TelegramCallFacts {
  recordType: 'call';
  outcome: CallOutcome;
  /** `duration_seconds` as written (a whole number of seconds), else null; the field stays in extra. */
  durationSeconds: number | null;
}

const PHONE_CALL_ACTION = 'phone_call';

export function isPhoneCall(value: JsonObject): boolean {
  return value['action'] === PHONE_CALL_ACTION;
}

/** `direction` is the call's from the holder's side (the caller's, as a message gets its sender's), or null when unknown. */
export function phoneCallFacts(value: JsonObject, direction: 'incoming' | 'outgoing' | null): TelegramCallFacts {
  const duration = value['duration_seconds'];
  const durationSeconds = typeof duration === 'number' && Number.isInteger(duration) && duration >= 0 ? duration : null;
  return { recordType: 'call', outcome: outcomeOf(value['discard_reason'], direction, durationSeconds), durationSeconds };
}

function outcomeOf(reason: unknown, direction: 'incoming' | 'outgoing' | null, durationSeconds: number | null): CallOutcome {
  // "Missed" is the other person's call nobody took, "Cancelled" the holder's (as the HTML writer
  // words them). With no direction, 'missed' would say the holder was called: that nobody took
  // the call is all the export establishes, which call logs name 'not connected'.
  if (reason === 'missed') return direction === 'outgoing' ? 'cancelled' : direction === 'incoming' ? 'missed' : 'not connected';
  if (reason === 'busy' && direction === 'incoming') return 'rejected';
  return durationSeconds !== null && durationSeconds > 0 ? 'answered' : 'unknown';
}

/**
 * A call event of a Meta DYI thread: `type: "Call"` with `call_duration` (seconds) and, for an
 * unanswered call, `missed: true`; its content is Meta's sentence ("Ana called you.", "The video
 * chat ended.", "Ana missed your call."), in the language of the account. Its sender is the
 * caller. Read as a call record, as the other importers write one (sms-xml/call-log.ts,
 * ufdr/call-records.ts): kind 'system', `extra.recordType = 'call'`, the duration and outcome in
 * extra; the sentence stays the text, as written (it is the only wording the source has).
 */

import type { CallOutcome } from '../sms-xml/call-log.ts';
import type { JsonObject } from '../telegram/json-walker.ts';

export interface MetaCallFacts {
  recordType: 'call';
  /** `call_duration` when it is a whole number of seconds, else null (the field stays in extra). */
  durationSeconds: number | null;
  /** 'missed' when the file says `missed: true`; 'answered' with a length; otherwise unknown. */
  outcome: CallOutcome;
}

const CALL_TYPE = 'Call';

/** The call facts of a message, or null when it is not a call event. */
export function metaCallFacts(value: JsonObject): MetaCallFacts | null {
  const duration = value['call_duration'];
  if (value['type'] !== CALL_TYPE && typeof duration !== 'number') return null;
  const durationSeconds = typeof duration === 'number' && Number.isInteger(duration) && duration >= 0 ? duration : null;
  const outcome: CallOutcome = value['missed'] === true ? 'missed' : durationSeconds !== null && durationSeconds > 0 ? 'answered' : 'unknown';
  return { recordType: 'call', durationSeconds, outcome };
}

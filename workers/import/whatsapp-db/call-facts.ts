/**
 * The facts of a WhatsApp call (call_log: video or voice, duration in seconds, a result code) and
 * how they read in a chat. Shared by call_log rows and the message rows linked to them.
 */

import type { Row } from '../sqlite/index.ts';
import { flagValue, integerValue, nonEmptyText } from '../sqlite/index.ts';

export interface WaCall {
  callId: string | null;
  video: boolean;
  durationSeconds: number | null;
  /** call_log.call_result as stored. */
  result: number | null;
}

/** call_log.call_result codes on which the public decoders agree; others are shown by number. */
const CALL_RESULTS: Record<number, { incoming: string; outgoing: string }> = {
  2: { incoming: 'missed', outgoing: 'not answered' },
  3: { incoming: 'unavailable', outgoing: 'unavailable' },
  5: { incoming: 'answered', outgoing: 'answered' },
};

/** A call_result code as words, for the owner's side or the other's; the number when not known. */
export function callResultLabel(result: number, fromMe: boolean): string {
  const known = CALL_RESULTS[result];
  return known === undefined ? `result ${result}` : fromMe ? known.outgoing : known.incoming;
}

/** "voice call, answered, 12 s": what a person would read in the chat; `outcome` in words, or null. */
export function callSentence(video: boolean, outcome: string | null, durationSeconds: number | null): string {
  const parts = [video ? 'video call' : 'voice call'];
  if (outcome !== null) parts.push(outcome);
  if (durationSeconds !== null && durationSeconds > 0) parts.push(`${durationSeconds} s`);
  return parts.join(', ');
}

/** An Android call as callSentence writes it. */
export function callText(call: WaCall, fromMe: boolean): string {
  return callSentence(call.video, call.result === null ? null : callResultLabel(call.result, fromMe), call.durationSeconds);
}

/** The call facts of a row read with `prefix` before the call_log column names. */
export function callOf(row: Row, prefix: string): WaCall {
  return {
    callId: nonEmptyText(row[`${prefix}call_id`]),
    video: flagValue(row[`${prefix}video_call`]),
    durationSeconds: integerValue(row[`${prefix}duration`]),
    result: integerValue(row[`${prefix}call_result`]),
  };
}


/**
 * An iOS call message's facts (ZMESSAGETYPE 59), from its media item's `ZMETADATA` protobuf: field
 * 87 holds a message whose field 1 has 1 video (a flag), 2 the outcome, 3 the duration in seconds
 * and 5 the participants of a group call (each a message whose field 1 is a jid) [source: a
 * personal archive tool that matches these bubbles against the same calls in WhatsApp's own
 * CallHistory.sqlite on a real iPhone; no sample holds one]. Without it a call read "voice call",
 * video or not, answered or missed, and without its length.
 */

import { callSentence } from './call-facts.ts';
import { protobufFields, utf8Text } from './protobuf-fields.ts';
import type { ProtobufField } from './protobuf-fields.ts';

const FIELD_CALL = 87;
const FIELD_CALL_DETAILS = 1;
const FIELD_VIDEO = 1;
const FIELD_OUTCOME = 2;
const FIELD_DURATION = 3;
const FIELD_PARTICIPANT = 5;
const FIELD_PARTICIPANT_JID = 1;

/**
 * Outcomes as that tool reads them (they agree with ZWACDCALLEVENT.ZOUTCOME): 0 connected, 1 not
 * answered, 4 missed (incoming, with no duration), 5 failed. Others are shown by number.
 */
const OUTCOMES: Record<number, { incoming: string; outgoing: string }> = {
  0: { incoming: 'answered', outgoing: 'answered' },
  1: { incoming: 'missed', outgoing: 'not answered' },
  4: { incoming: 'missed', outgoing: 'missed' },
  5: { incoming: 'failed', outgoing: 'failed' },
};

export interface IosCall {
  video: boolean;
  /** As stored; null when the metadata has none. */
  outcome: number | null;
  durationSeconds: number | null;
  participantJids: string[];
}

/** The call in a ZMETADATA blob, or null when it holds no field 87 (or is no protobuf). */
export function callFromMetadata(blob: Uint8Array | null): IosCall | null {
  if (blob === null) return null;
  const call = firstBytes(protobufFields(blob), FIELD_CALL);
  const details = call === null ? null : protobufFields(firstBytes(protobufFields(call), FIELD_CALL_DETAILS) ?? new Uint8Array());
  if (details === null || details.length === 0) return null;
  const participantJids: string[] = [];
  for (const field of details) {
    if (field.field !== FIELD_PARTICIPANT || field.wire !== 'bytes') continue;
    const jidBytes = firstBytes(protobufFields(field.value), FIELD_PARTICIPANT_JID);
    const jid = jidBytes === null ? null : utf8Text(jidBytes);
    // A participant that is not text is no one known: left out, never shown as bytes.
    if (jid !== null && jid !== '') participantJids.push(jid);
  }
  return {
    video: (firstVarint(details, FIELD_VIDEO) ?? 0) !== 0,
    outcome: firstVarint(details, FIELD_OUTCOME),
    durationSeconds: firstVarint(details, FIELD_DURATION),
    participantJids,
  };
}

/** "video call, answered, 95 s", as an Android call reads (callSentence). */
export function iosCallText(call: IosCall, fromMe: boolean): string {
  const known = call.outcome === null ? undefined : OUTCOMES[call.outcome];
  const outcome = call.outcome === null ? null : known === undefined ? `outcome ${call.outcome}` : fromMe ? known.outgoing : known.incoming;
  return callSentence(call.video, outcome, call.durationSeconds);
}

function firstBytes(fields: ProtobufField[] | null, number: number): Uint8Array | null {
  for (const field of fields ?? []) if (field.field === number && field.wire === 'bytes') return field.value;
  return null;
}

function firstVarint(fields: ProtobufField[], number: number): number | null {
  for (const field of fields) if (field.field === number && field.wire === 'varint') return field.value;
  return null;
}

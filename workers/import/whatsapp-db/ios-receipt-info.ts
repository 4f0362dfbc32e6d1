/**
 * Reactions to an iOS message, from its `ZWAMESSAGEINFO.ZRECEIPTINFO` (a protobuf). Field 7 holds
 * the reactions, one field-1 entry each: 1 an id, 2 the reactor's jid (absent when the reaction is
 * the owner's own), 3 the emoji, 4 the time in Unix milliseconds [source: three independent readers
 * worked out on real ChatStorage databases agree on this layout (an iOS/macOS export script, a
 * WhatsApp-for-Mac exporter and a French diagnostic tool's fixture of its real store); no sample
 * holds one]. An entry with an empty emoji is a reaction taken back (as Android's empty
 * `message_add_on_reaction.reaction`). Every entry is kept as stored: a changed reaction may leave
 * an older entry beside the newer one, and nothing is recounted.
 */

import { protobufFields, utf8Text } from './protobuf-fields.ts';

const FIELD_REACTIONS = 7;
const FIELD_REACTION_ENTRY = 1;
const FIELD_ID = 1;
const FIELD_SENDER = 2;
const FIELD_EMOJI = 3;
const FIELD_TIME = 4;
/**
 * An emoji as a reaction holds it: no letter or digit (but a keycap's, 1️⃣), a few code points at
 * most (a flag or a family is several). Another tool reads field 7 as per-recipient receipts: an entry whose field 3
 * is anything else is not taken for a reaction (SwiftWABackupAPI also asks for an emoji there).
 */
const REACTION_EMOJI = /^(?:[^\p{L}\p{N}]|[0-9#*]\uFE0F?\u20E3){0,16}$/u;

export interface IosReaction {
  /** '' when the reaction was taken back. */
  emoji: string;
  /** null: no jid in the entry, the owner's own reaction. */
  senderJid: string | null;
  timestampMs: number | null;
  reactionId: string | null;
}

/**
 * The reactions in a ZRECEIPTINFO blob (an empty list when it holds none) and how many field-7
 * entries were not read as reactions; null when the blob is no protobuf.
 */
export function reactionsFromReceiptInfo(blob: Uint8Array): { reactions: IosReaction[]; notReactions: number } | null {
  const top = protobufFields(blob);
  if (top === null) return null;
  const reactions: IosReaction[] = [];
  let notReactions = 0;
  for (const container of top) {
    if (container.field !== FIELD_REACTIONS || container.wire !== 'bytes') continue;
    for (const entry of protobufFields(container.value) ?? []) {
      if (entry.field !== FIELD_REACTION_ENTRY || entry.wire !== 'bytes') continue;
      const reaction = reactionOf(entry.value);
      if (reaction !== null && REACTION_EMOJI.test(reaction.emoji)) reactions.push(reaction);
      else notReactions += 1;
    }
  }
  return { reactions, notReactions };
}

/** One entry; null when it is no protobuf or holds no emoji field at all (not a reaction). */
function reactionOf(bytes: Uint8Array): IosReaction | null {
  const fields = protobufFields(bytes);
  if (fields === null) return null;
  let emoji: string | null = null;
  let senderJid: string | null = null;
  let timestampMs: number | null = null;
  let reactionId: string | null = null;
  for (const field of fields) {
    if (field.wire === 'bytes') {
      const text = utf8Text(field.value);
      if (field.field === FIELD_EMOJI) emoji = text;
      else if (field.field === FIELD_SENDER && text !== '') senderJid = text;
      else if (field.field === FIELD_ID) reactionId = text;
    } else if (field.wire === 'varint' && field.field === FIELD_TIME) {
      timestampMs = field.value;
    }
  }
  return emoji === null ? null : { emoji, senderJid, timestampMs, reactionId };
}

/**
 * A poll (ZMESSAGETYPE 46) in the same blob: field 8 holds 2 the question, 3 the options (each
 * field 1 its text, in order), 5 the other voters' votes and 6 the poll creator's vote, each vote
 * with 1 a chosen option's 0-based index (repeated) and 4 the voter's jid [source: the poll decoder
 * of a Whatsapp-Chat-Exporter fork (ydario/WhatsApp-Chat-Exporter, Whatsapp_Chat_Exporter/poll.py);
 * no sample holds one]. Votes are kept as stored; nothing is recounted.
 */
const FIELD_POLL = 8;
const FIELD_POLL_QUESTION = 2;
const FIELD_POLL_OPTION = 3;
const FIELD_POLL_OPTION_TEXT = 1;
const FIELD_POLL_VOTE = 5;
const FIELD_POLL_CREATOR_VOTE = 6;
const FIELD_VOTE_OPTION_INDEX = 1;
const FIELD_VOTE_JID = 4;

export interface IosPollVote {
  voterJid: string | null;
  /** True for field 6: the vote of whoever made the poll. */
  byCreator: boolean;
  optionIndexes: number[];
}

export interface IosPoll {
  question: string | null;
  options: (string | null)[];
  votes: IosPollVote[];
}

/** The poll in a ZRECEIPTINFO blob, or null when it holds none (or is no protobuf). */
export function pollFromReceiptInfo(blob: Uint8Array): IosPoll | null {
  const pollBytes = protobufFields(blob)?.find((field) => field.field === FIELD_POLL && field.wire === 'bytes');
  if (pollBytes === undefined || pollBytes.wire !== 'bytes') return null;
  const fields = protobufFields(pollBytes.value);
  if (fields === null) return null;
  const poll: IosPoll = { question: null, options: [], votes: [] };
  for (const field of fields) {
    if (field.wire !== 'bytes') continue;
    if (field.field === FIELD_POLL_QUESTION && poll.question === null) poll.question = utf8Text(field.value);
    else if (field.field === FIELD_POLL_OPTION) poll.options.push(firstText(field.value, FIELD_POLL_OPTION_TEXT));
    else if (field.field === FIELD_POLL_VOTE || field.field === FIELD_POLL_CREATOR_VOTE) {
      const vote = protobufFields(field.value);
      if (vote === null) continue;
      poll.votes.push({
        voterJid: firstText(field.value, FIELD_VOTE_JID),
        byCreator: field.field === FIELD_POLL_CREATOR_VOTE,
        optionIndexes: vote.flatMap((part) => (part.field === FIELD_VOTE_OPTION_INDEX && part.wire === 'varint' ? [part.value] : [])),
      });
    }
  }
  return poll.question === null && poll.options.length === 0 ? null : poll;
}

function firstText(bytes: Uint8Array, number: number): string | null {
  for (const field of protobufFields(bytes) ?? []) if (field.field === number && field.wire === 'bytes') return utf8Text(field.value);
  return null;
}

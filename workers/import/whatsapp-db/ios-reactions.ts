/**
 * A message's reactions as kept in `extra`, from its joined `ZWAMESSAGEINFO` row (columns
 * `inf_z_pk`, `inf_zreceiptinfo`): given ones in `reactions`, taken-back ones (empty emoji) apart in
 * `withdrawnReactions`, as the Android reader keeps them. Each names its reactor as senders are
 * named and its ZWAMESSAGEINFO row; a blob that cannot be read is reported by its size, not dropped.
 */

import type { ParsedParticipant } from '../../../shared/contracts/parsed-source.ts';
import type { Row } from '../sqlite/index.ts';
import { blobValue, integerValue } from '../sqlite/index.ts';
import { pollFromReceiptInfo, reactionsFromReceiptInfo, type IosReaction } from './ios-receipt-info.ts';
import type { IosPeople } from './ios-people.ts';
import { isoNoting, waUnixTime } from './wa-time.ts';

export interface ReactionChat {
  chatJid: string | null;
  chatName: string | null;
  members: ParsedParticipant[];
  people: IosPeople;
}

export function iosReactionFacts(row: Row, chat: ReactionChat, timeNotes: string[]): Record<string, unknown> {
  const infoRow = integerValue(row['inf_z_pk']);
  const blob = blobValue(row['inf_zreceiptinfo']);
  const size = integerValue(row['inf_zreceiptinfo__length']);
  if (blob === null) {
    // NULL, or larger than is read: the size says which.
    return size !== null && size > 0 ? { receiptInfoNotRead: { infoRow, size, note: 'ZRECEIPTINFO too large to read' } } : {};
  }
  const read = reactionsFromReceiptInfo(blob);
  if (read === null) return { receiptInfoNotRead: { infoRow, size: blob.byteLength, note: 'ZRECEIPTINFO is no protobuf' } };
  const { reactions, notReactions } = read;
  const facts: Record<string, unknown> = {};
  if (notReactions > 0) facts['receiptInfoEntriesNotRead'] = { infoRow, count: notReactions, note: 'ZRECEIPTINFO field 7 entries without an emoji: not read as reactions' };
  const given = reactions.filter((reaction) => reaction.emoji !== '');
  const withdrawn = reactions.filter((reaction) => reaction.emoji === '');
  if (given.length > 0) facts['reactions'] = given.map((reaction) => reactionFacts(reaction, infoRow, chat, timeNotes));
  if (withdrawn.length > 0) facts['withdrawnReactions'] = withdrawn.map((reaction) => { const { emoji: _emoji, ...rest } = reactionFacts(reaction, infoRow, chat, timeNotes); return rest; });
  return facts;
}

function reactionFacts(reaction: IosReaction, infoRow: number | null, chat: ReactionChat, timeNotes: string[]): Record<string, unknown> {
  const jid = reaction.senderJid;
  const facts: Record<string, unknown> = {
    emoji: reaction.emoji,
    fromMe: jid === null,
    sender: jid === null ? null : reactorName(jid, chat),
    senderId: jid === null ? null : chat.people.idOf(jid),
    at: isoNoting(waUnixTime(`ZWAMESSAGEINFO row ${infoRow ?? '?'} reaction time`, 'not set', reaction.timestampMs), timeNotes),
    infoRow,
  };
  if (reaction.reactionId !== null) facts['reactionId'] = reaction.reactionId;
  return facts;
}

/** Who wrote the message: a poll creator's vote without a jid is theirs. */
export interface MessageAuthor {
  fromMe: boolean;
  sender: string | null;
  senderId: string | null;
}

/**
 * A poll's question, options and votes from the joined ZWAMESSAGEINFO row, as kept in extra.poll,
 * and the lines shown under the question ("• the dock (2 votes)", votes counted from the rows kept);
 * null when the row holds no poll.
 */
export function iosPollFacts(row: Row, chat: ReactionChat, author: MessageAuthor): { poll: Record<string, unknown>; question: string | null; lines: string[] } | null {
  const blob = blobValue(row['inf_zreceiptinfo']);
  const poll = blob === null ? null : pollFromReceiptInfo(blob);
  if (poll === null) return null;
  const voters = poll.votes.map((vote) => ({
    ...(vote.voterJid === null
      ? (vote.byCreator ? author : { fromMe: false, sender: null, senderId: null })
      : { fromMe: false, sender: reactorName(vote.voterJid, chat), senderId: chat.people.idOf(vote.voterJid) }),
    byCreator: vote.byCreator,
    optionIndexes: vote.optionIndexes,
  }));
  const options = poll.options.map((name, index) => ({
    name,
    voters: voters.filter((voter) => voter.optionIndexes.includes(index)).map(({ optionIndexes: _indexes, ...voter }) => voter),
  }));
  const lines = options.map((option) => `• ${option.name ?? '(no text)'} (${option.voters.length} vote${option.voters.length === 1 ? '' : 's'})`);
  return { poll: { question: poll.question, options, votes: voters, infoRow: integerValue(row['inf_z_pk']) }, question: poll.question, lines };
}

/** The private chat's partner by the session's name; a group member by their member row's name; else push name, number or jid. */
function reactorName(jid: string, chat: ReactionChat): string {
  const id = chat.people.idOf(jid);
  if (jid === chat.chatJid && chat.chatName !== null) return chat.chatName;
  return chat.members.find((member) => member.id === id)?.name ?? chat.people.nameOf(jid) ?? id;
}

import type { ImportedChatSummary } from '../../shared/contracts/db-worker.ts';
import type { SenderSeen } from '../../shared/domain/participants.ts';
import { compareCodePoints } from '../../shared/text/code-point-order.ts';
import { ownCopy } from '../../shared/text/own-copy.ts';

/** SQLite's `ORDER BY sender, sender_id` on TEXT: code points (BINARY), a null id before any other. */
function compareSenders(a: SenderSeen, b: SenderSeen): number {
  const bySender = compareCodePoints(a.sender, b.sender);
  if (bySender !== 0 || a.senderId === b.senderId) return bySender;
  if (a.senderId === null) return -1;
  if (b.senderId === null) return 1;
  return compareCodePoints(a.senderId, b.senderId);
}

/**
 * What an import has written to one chat: what finishSource would otherwise read back from every
 * row (chatSummaries). `count` is also the next row's seq: a chat fed by this source alone is in
 * order without renumbering. Its senders are gathered by name, then by id, until the summary.
 */
export type ChatTally = Omit<ImportedChatSummary, 'senders'> & { senders: Map<string, Set<string | null>> };

/** Adds a message's sender and UTC time to its chat's tally. */
export function see(tally: ChatTally, sender: string | null, senderId: string | null, timestamp: string | null): void {
  if (sender !== null) {
    // Kept as strings of their own: a slice would keep the parser's whole buffer alive.
    let ids = tally.senders.get(sender);
    if (ids === undefined) {
      ids = new Set();
      tally.senders.set(ownCopy(sender), ids);
    }
    if (!ids.has(senderId)) ids.add(senderId === null ? null : ownCopy(senderId));
  }
  if (timestamp !== null) {
    if (tally.first === null || timestamp < tally.first) tally.first = timestamp;
    if (tally.last === null || timestamp > tally.last) tally.last = timestamp;
    else if (timestamp < tally.last) tally.outOfTimeOrder += 1;
  }
}

/** A chat's tally before its first row. */
export function newChatTally(chatId: string): ChatTally {
  return { chatId, count: 0, first: null, last: null, outOfTimeOrder: 0, unparsed: 0, senders: new Map() };
}

/** What the tally says of its chat (ImportedChatSummary): rows, first and last UTC time, senders in SQLite's order. */
export function chatSummaryOf(tally: ChatTally): ImportedChatSummary {
  return {
    chatId: tally.chatId,
    count: tally.count,
    first: tally.first,
    last: tally.last,
    outOfTimeOrder: tally.outOfTimeOrder,
    unparsed: tally.unparsed,
    senders: [...tally.senders].flatMap(([sender, ids]) => [...ids].map((senderId) => ({ sender, senderId }))).sort(compareSenders),
  };
}

import type { DecisionKind, MessageIndicatorsOf, ReviewDecision, ReviewItem, ReviewQueuePage, StoredTag } from '../../shared/domain/marker.ts';
import { queueWindowStart } from '../../shared/domain/review-queue.ts';
import { AppError } from '../../shared/errors.ts';
import { MARKER_IDS } from '../../shared/markers/schema.ts';
import type { CaseSession } from '../case/case-session.ts';
import { groupBy } from '../group-by.ts';

export interface QueuePageRequest {
  chatId: string;
  /** Position of the first message wanted; without it, the page holding `focus`, or else the first message left to decide (queueWindowStart). */
  offset?: number | undefined;
  limit: number;
  focus?: string | undefined;
}

/**
 * A page of the review queue: the window shows a hundred cards, and reading and sending every
 * item of a 57k-message queue took 2.9 s in the engine (and 69 MB to the window) each time.
 */
export async function reviewQueuePage(session: CaseSession, request: QueuePageRequest): Promise<ReviewQueuePage> {
  if (request.offset !== undefined) {
    // A page the window scrolled to: the queue's order alone, not where its first undecided message is.
    const rowids = await session.db.client.call('reviewQueueRowids', { chatId: request.chatId });
    const offset = Math.min(rowids.length, request.offset);
    return { total: rowids.length, offset, items: await reviewItems(session, rowids.slice(offset, offset + request.limit)), firstUndecided: null, focusIndex: null };
  }
  const order = await session.db.client.call('reviewQueueOrder', { chatId: request.chatId, focus: request.focus ?? null });
  const total = order.rowids.length;
  const offset = Math.min(total, queueWindowStart(order.focusIndex ?? order.firstUndecided, total));
  const items = await reviewItems(session, order.rowids.slice(offset, offset + request.limit));
  return { total, offset, items, firstUndecided: order.firstUndecided, focusIndex: order.focusIndex };
}

/** The review items of the queue's messages given, in that order. */
async function reviewItems(session: CaseSession, rowids: number[]): Promise<ReviewItem[]> {
  const messages = await session.db.client.call('messagesByRowids', { rowids });
  const tags = new Map(await session.db.client.call('tagsForRowids', { rowids }));
  const messageIds = messages.map((message) => message.id);
  const decisions = groupBy(await session.db.client.call('decisionsForMessages', { messageIds }), (decision) => decision.messageId);
  const noLongerFound = groupBy(await session.db.client.call('decisionsOnIndicatorsNoLongerFound', { messageIds }), (entry) => entry.decision.messageId);
  return messages.map((message) => {
    const mine = decisions.get(message.id) ?? [];
    const { rowid: _rowid, sourceName: _sourceName, chatTitle, ...plain } = message;
    return {
      message: plain,
      chatTitle,
      tags: withLatestDecisions(tags.get(message.rowid) ?? [], mine),
      ...notesAndBookmark(mine),
      noLongerFound: noLongerFound.get(message.id) ?? [],
    };
  });
}

/** A message's notes, oldest first, and whether its newest bookmark or unbookmark is a bookmark. */
function notesAndBookmark(decisions: readonly ReviewDecision[]): Pick<ReviewItem, 'notes' | 'bookmarked'> {
  const bookmarks = decisions.filter((decision) => decision.decision === 'bookmark' || decision.decision === 'unbookmark');
  return { notes: decisions.filter((decision) => decision.decision === 'note'), bookmarked: bookmarks[bookmarks.length - 1]?.decision === 'bookmark' };
}

/**
 * The indicators and decisions of a conversation's messages, as the review queue has them but
 * without the messages: the conversation view has those already, and a chat with tens of
 * thousands of tagged messages made the queue megabytes each time it was shown.
 */
export async function chatIndicators(session: CaseSession, chatId: string): Promise<MessageIndicatorsOf[]> {
  const rowids = await session.db.client.call('reviewQueueRowids', { chatId });
  const tags = new Map<string, StoredTag[]>();
  for (const [, ofMessage] of await session.db.client.call('tagsForRowids', { rowids })) {
    const messageId = ofMessage[0]?.messageId;
    if (messageId !== undefined) tags.set(messageId, ofMessage);
  }
  const noLongerFound = groupBy(await session.db.client.call('decisionsOnIndicatorsNoLongerFound', { chatId }), (entry) => entry.decision.messageId);
  // Notes and bookmarks too, on any message: they were shown in the Review view only, and one on
  // a message without an indicator (the CLI takes a note on any message) nowhere in the app.
  const annotated = await session.db.client.call('annotatedMessageIds', { chatId });
  const messageIds = [...new Set([...tags.keys(), ...noLongerFound.keys(), ...annotated])];
  const decisions = groupBy(await session.db.client.call('decisionsForMessages', { messageIds }), (decision) => decision.messageId);
  return messageIds.map((messageId) => ({
    messageId,
    tags: withLatestDecisions(tags.get(messageId) ?? [], decisions.get(messageId) ?? []),
    noLongerFound: noLongerFound.get(messageId) ?? [],
    ...notesAndBookmark(decisions.get(messageId) ?? []),
  }));
}

/** Each tag with the newest confirm or dismiss of its indicator among `decisions` (the message's, oldest first). */
function withLatestDecisions(tags: readonly StoredTag[], decisions: readonly ReviewDecision[]): ReviewItem['tags'] {
  const latest = (marker: string): ReviewDecision | null =>
    [...decisions].reverse().find((decision) => decision.marker === marker && (decision.decision === 'confirm' || decision.decision === 'dismiss')) ?? null;
  return tags.map((tag) => ({ ...tag, decision: latest(tag.marker) }));
}

export interface DecisionRequest {
  messageId: string;
  marker?: string;
  decision: DecisionKind;
  note?: string;
  by: string;
}

/**
 * Records an analyst's decision: in the case database (append-only, the newest counts) and in
 * the custody log, so a court can see who decided what and when.
 */
export async function recordDecision(session: CaseSession, request: DecisionRequest): Promise<ReviewDecision> {
  const located = await session.db.client.call('locateMessage', { messageId: request.messageId });
  if (located === null) throw new AppError('E_NOT_FOUND', `No message ${request.messageId} in this case`);
  if (request.marker !== undefined && !(MARKER_IDS as readonly string[]).includes(request.marker)) {
    // A misspelt id would be recorded, and then shown as a decision on an indicator "no longer found".
    throw new AppError('E_USAGE', `"${request.marker}" is no indicator the marker packs know: one of ${MARKER_IDS.join(', ')}`);
  }
  const marker = request.decision === 'confirm' || request.decision === 'dismiss' ? (request.marker ?? (await onlyIndicator(session, request))) : request.marker;
  if (request.decision === 'note' && (request.note ?? '').trim() === '') throw new AppError('E_USAGE', 'A note needs text (--note "...")');
  const decision: ReviewDecision = {
    messageId: request.messageId,
    marker: marker ?? null,
    decision: request.decision,
    note: request.note?.trim() === '' ? null : (request.note ?? null),
    by: request.by,
    at: new Date().toISOString(),
  };
  await session.db.client.call('addDecision', { decision });
  session.audit.append(request.by, 'review.decision', { ...decision });
  return decision;
}

/**
 * The indicator a confirm or dismiss without one is about: the message's only indicator. A
 * decision always names its indicator in the record; when the message has several, or none,
 * the analyst must say which (the refusal lists them).
 */
async function onlyIndicator(session: CaseSession, request: DecisionRequest): Promise<string> {
  const [rowid] = await session.db.client.call('rowidsForMessageIds', { ids: [request.messageId] });
  const tags = rowid === undefined ? [] : ((await session.db.client.call('tagsForRowids', { rowids: [rowid] }))[0]?.[1] ?? []);
  const markers = [...new Set(tags.map((tag) => tag.marker))];
  if (markers.length === 1 && markers[0] !== undefined) return markers[0];
  if (markers.length === 0) throw new AppError('E_USAGE', `Message ${request.messageId} has no indicator to ${request.decision}; record a note or a bookmark instead`);
  throw new AppError('E_USAGE', `Message ${request.messageId} has ${markers.length} indicators (${markers.join(', ')}): name the one to ${request.decision} with --marker <id>`);
}

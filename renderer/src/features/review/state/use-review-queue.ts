import { useCallback, useEffect, useState } from 'react';
import type { DecisionKind, ReviewItem } from '../../../../../shared/domain/marker.ts';
import { api } from '../../../api/client.ts';
import { describeError } from '../../../app/format.ts';
import { applyDecision, firstUndecidedItem, firstUndecidedTag } from './apply-decision.ts';
import { useLoaded } from './use-loaded.ts';

export interface DecideRequest {
  messageId: string;
  decision: DecisionKind;
  marker?: string;
  note?: string;
}

export interface QueueController {
  items: ReviewItem[];
  loading: boolean;
  error: string | null;
  actionError: string | null;
  /** Index of the message under the review cursor, and of the indicator within it. */
  index: number;
  tag: number;
  pending: ReadonlySet<string>;
  moveTo(index: number, tag?: number): void;
  /** Focus landed in a card: the cursor goes there, onto `tag` when one was picked. */
  focusItem(item: ReviewItem, tag: number | null): void;
  /** Moves to another indicator of `messageId` only if the cursor is still on that message. */
  pickTagOf(messageId: string, tag: number): void;
  decide(request: DecideRequest): Promise<boolean>;
}

/** One conversation's review queue (mount with key={chatId}) and the cursor that walks it. */
export function useReviewQueue(chatId: string, revision: number, onDecided: (chatId: string) => void): QueueController {
  const queue = useLoaded(() => api.invoke('markers.queue', { chatId }), `${chatId}:${revision}`);
  const items = queue.value ?? [];
  // The cursor follows a message id so it stays put when a retag reloads the queue.
  const [cursor, setCursor] = useState<{ messageId: string; tag: number } | null>(null);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [actionError, setActionError] = useState<string | null>(null);

  const found = cursor === null ? -1 : items.findIndex((item) => item.message.id === cursor.messageId);
  const index = found === -1 ? firstUndecidedItem(items) : found;
  const tag = found === -1 ? firstUndecidedTag(items[index]) : Math.min(cursor?.tag ?? 0, Math.max(0, (items[index]?.tags.length ?? 1) - 1));

  // Pinned once loaded: otherwise deciding the first undecided message would move the cursor on by itself.
  const start = found === -1 ? items[index]?.message.id : undefined;
  useEffect(() => {
    if (start !== undefined) setCursor({ messageId: start, tag });
  }, [start, tag]);

  const moveTo = useCallback(
    (next: number, nextTag?: number) => {
      const clamped = Math.max(0, Math.min(items.length - 1, next));
      const item = items[clamped];
      if (item !== undefined) setCursor({ messageId: item.message.id, tag: nextTag ?? firstUndecidedTag(item) });
    },
    [items],
  );

  const focusItem = useCallback((item: ReviewItem, picked: number | null) => {
    const messageId = item.message.id;
    setCursor((current) => {
      if (current?.messageId === messageId) return picked === null || picked === current.tag ? current : { messageId, tag: picked };
      return { messageId, tag: picked ?? firstUndecidedTag(item) };
    });
  }, []);

  const pickTagOf = useCallback((messageId: string, next: number) => {
    setCursor((current) => (current === null || current.messageId === messageId ? { messageId, tag: next } : current));
  }, []);

  const { update } = queue;
  const decide = useCallback(
    async (request: DecideRequest): Promise<boolean> => {
      setActionError(null);
      setPending((current) => new Set(current).add(request.messageId));
      try {
        const decision = await api.invoke('review.decide', request);
        update((current) => current.map((item) => (item.message.id === request.messageId ? applyDecision(item, decision) : item)));
        onDecided(chatId);
        return true;
      } catch (caught) {
        setActionError(describeError(caught));
        return false;
      } finally {
        setPending((current) => {
          const next = new Set(current);
          next.delete(request.messageId);
          return next;
        });
      }
    },
    [update, onDecided, chatId],
  );

  return { items, loading: queue.loading, error: queue.error, actionError, index, tag, pending, moveTo, focusItem, pickTagOf, decide };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { DecisionKind, ReviewItem } from '../../../../../shared/domain/marker.ts';
import { REVIEW_QUEUE_PAGE } from '../../../../../shared/domain/review-queue.ts';
import { api } from '../../../api/client.ts';
import { describeError } from '../../../app/format.ts';
import { applyDecision, firstUndecidedTag } from './apply-decision.ts';

export interface DecideRequest {
  messageId: string;
  decision: DecisionKind;
  marker?: string;
  note?: string;
}

export interface QueueController {
  /** Messages in the whole queue; only those asked for with `show` are loaded. */
  count: number;
  itemAt(index: number): ReviewItem | undefined;
  /** The cards from `start` to `end` are shown: their items are loaded if they are not yet. */
  show(start: number, end: number): void;
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

interface Loaded {
  total: number;
  items: ReadonlyMap<number, ReviewItem>;
}

/** The cursor: a position, the message there once known (so a reload finds it again), and the indicator (null: the first left to decide). */
interface Cursor {
  index: number;
  messageId: string | null;
  tag: number | null;
}

function indexOf(loaded: Loaded | null, messageId: string): number {
  for (const [index, item] of loaded?.items ?? []) if (item.message.id === messageId) return index;
  return -1;
}

/**
 * One conversation's review queue (mount with key={chatId}) and the cursor that walks it. The
 * queue is read a page at a time (markers.queue): a conversation can have tens of thousands of
 * tagged messages, and reading them all took seconds each time the queue was opened.
 */
export function useReviewQueue(chatId: string, revision: number, onDecided: (chatId: string) => void): QueueController {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [cursor, setCursor] = useState<Cursor | null>(null);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [actionError, setActionError] = useState<string | null>(null);
  const latest = useRef({ loaded, cursor });
  latest.current = { loaded, cursor };
  /** Positions asked for since the last (re)load, and which load that is: pages of an earlier one are dropped. */
  const requested = useRef(new Set<number>());
  const generation = useRef(0);

  // The first page, and again when the case changes (a retag): the page holding the cursor's
  // message, else the one holding the first message left to decide. The old items stay on screen meanwhile.
  useEffect(() => {
    const mine = ++generation.current;
    requested.current = new Set();
    const before = latest.current;
    const focus = before.cursor === null ? undefined : (before.cursor.messageId ?? before.loaded?.items.get(before.cursor.index)?.message.id);
    setLoading(true);
    api.invoke('markers.queue', { chatId, limit: REVIEW_QUEUE_PAGE, ...(focus === undefined ? {} : { focus }) }).then(
      (page) => {
        if (generation.current !== mine) return;
        const items = new Map(page.items.map((item, offset) => [page.offset + offset, item]));
        // What was read meanwhile went into the old items: those not in this page are asked for again.
        requested.current = new Set(items.keys());
        setLoaded({ total: page.total, items });
        // Asked for without an offset, so the engine says where the first undecided message is.
        const first = page.firstUndecided ?? 0;
        setCursor((current) =>
          current !== null && page.focusIndex !== null ? { ...current, index: page.focusIndex, messageId: items.get(page.focusIndex)?.message.id ?? current.messageId } : { index: first, messageId: items.get(first)?.message.id ?? null, tag: null },
        );
        setLoading(false);
        setError(null);
      },
      (caught: unknown) => {
        if (generation.current !== mine) return;
        setLoading(false);
        setError(describeError(caught));
      },
    );
  }, [chatId, revision]);

  const show = useCallback(
    (start: number, end: number) => {
      const total = loaded?.total ?? 0;
      const missing: number[] = [];
      for (let index = Math.max(0, start); index < Math.min(end, total); index++) if (!requested.current.has(index)) missing.push(index);
      const from = missing[0];
      const last = missing[missing.length - 1];
      if (from === undefined || last === undefined) return;
      for (let index = from; index <= last; index++) requested.current.add(index);
      const mine = generation.current;
      api.invoke('markers.queue', { chatId, offset: from, limit: last + 1 - from }).then(
        (page) => {
          if (generation.current !== mine) return;
          setLoaded((current) => {
            if (current === null) return current;
            const items = new Map(current.items);
            page.items.forEach((item, offset) => items.set(page.offset + offset, item));
            return { total: current.total, items };
          });
        },
        (caught: unknown) => {
          if (generation.current !== mine) return;
          for (let index = from; index <= last; index++) requested.current.delete(index);
          setError(describeError(caught));
        },
      );
    },
    [chatId, loaded],
  );

  const count = loaded?.total ?? 0;
  const index = cursor === null ? 0 : Math.max(0, Math.min(cursor.index, count - 1));
  const current = loaded?.items.get(index);
  const tag = cursor?.tag === null || cursor?.tag === undefined ? firstUndecidedTag(current) : Math.min(cursor.tag, Math.max(0, (current?.tags.length ?? 1) - 1));

  // The message under the cursor, once loaded, is remembered with it (a reload finds it by id), and
  // its indicator pinned: otherwise deciding the first one left would move the cursor on by itself.
  const currentId = current?.message.id;
  const firstLeft = firstUndecidedTag(current);
  useEffect(() => {
    if (currentId === undefined) return;
    setCursor((now) => (now === null || (now.messageId === currentId && now.tag !== null) ? now : { ...now, messageId: currentId, tag: now.tag ?? firstLeft }));
  }, [currentId, firstLeft]);

  const itemAt = useCallback((at: number) => loaded?.items.get(at), [loaded]);

  const moveTo = useCallback(
    (next: number, nextTag?: number) => {
      if (count === 0) return;
      const clamped = Math.max(0, Math.min(count - 1, next));
      const item = loaded?.items.get(clamped);
      setCursor({ index: clamped, messageId: item?.message.id ?? null, tag: nextTag ?? (item === undefined ? null : firstUndecidedTag(item)) });
    },
    [count, loaded],
  );

  const focusItem = useCallback((item: ReviewItem, picked: number | null) => {
    const messageId = item.message.id;
    setCursor((now) => {
      const at = indexOf(latest.current.loaded, messageId);
      if (now !== null && now.messageId === messageId) return picked === null || picked === now.tag ? now : { ...now, tag: picked };
      return at === -1 ? now : { index: at, messageId, tag: picked ?? firstUndecidedTag(item) };
    });
  }, []);

  const pickTagOf = useCallback((messageId: string, next: number) => {
    setCursor((now) => {
      if (now !== null && now.messageId === messageId) return { ...now, tag: next };
      if (now !== null) return now;
      const at = indexOf(latest.current.loaded, messageId);
      return at === -1 ? now : { index: at, messageId, tag: next };
    });
  }, []);

  const decide = useCallback(
    async (request: DecideRequest): Promise<boolean> => {
      setActionError(null);
      setPending((now) => new Set(now).add(request.messageId));
      try {
        const decision = await api.invoke('review.decide', request);
        setLoaded((now) => {
          if (now === null) return now;
          const at = indexOf(now, request.messageId);
          const item = now.items.get(at);
          if (item === undefined) return now;
          return { total: now.total, items: new Map(now.items).set(at, applyDecision(item, decision)) };
        });
        onDecided(chatId);
        return true;
      } catch (caught) {
        setActionError(describeError(caught));
        return false;
      } finally {
        setPending((now) => {
          const next = new Set(now);
          next.delete(request.messageId);
          return next;
        });
      }
    },
    [onDecided, chatId],
  );

  return { count, itemAt, show, loading, error, actionError, index, tag, pending, moveTo, focusItem, pickTagOf, decide };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationSummary, Message, MessageOrder } from '../../../../../shared/domain/message.ts';
import { api } from '../../../api/client.ts';
import { describeError } from '../../../app/format.ts';

export const PAGE_SIZE = 200;
/** About 12,000 messages in memory; pages far from the view are dropped and refetched if needed. */
const MAX_CACHED_PAGES = 60;
/** Extra rows fetched beyond the visible range so ordinary scrolling rarely shows placeholders. */
const PREFETCH_ROWS = 60;
/** Dragging the scrollbar across 100,000 rows should not request every page it passes. */
const THROTTLE_MS = 80;

type Page = (Message | undefined)[];

export interface MessagePages {
  /** From the engine once a page arrived, else the count the caller already knew. */
  total: number | null;
  /** undefined while the page is loading; null when the page loaded but has no message there. */
  at(index: number): Message | null | undefined;
  request(first: number, last: number): void;
  hasPage(index: number): boolean;
  error: string | null;
  retry(): void;
}

/**
 * Lazy, cached paging of one conversation through messages.range, read in `order`. Rows are
 * addressed by their place in that order (messages.range selects places [offset, offset + limit):
 * seq in the source's order). Mount one per chat and order (key by both).
 *
 * `contentKey` changes when the conversation's content may have changed under the view (a source
 * merged in or removed while it is open: conversationContentKey). The pages read before are then
 * stale: still shown where they are, so the view keeps its scroll place and shows no placeholders,
 * but read again as they are wanted, and an answer asked for before the change is thrown away.
 */
export function useMessagePages(chatId: string, knownTotal: number | null, order: MessageOrder = 'source', contentKey = ''): MessagePages {
  const pages = useRef(new Map<number, Page>());
  const stale = useRef(new Set<number>());
  /** Which reading of the content a fetch belongs to: bumped when contentKey changes. */
  const generation = useRef(0);
  const pending = useRef(new Map<number, number>());
  const failed = useRef(new Set<number>());
  const wanted = useRef({ first: 0, last: 0 });
  const cooldown = useRef<ReturnType<typeof setTimeout> | null>(null);
  const trailing = useRef(false);
  const live = useRef(true);
  const [total, setTotal] = useState<number | null>(knownTotal);
  const [error, setError] = useState<string | null>(null);
  const [, setVersion] = useState(0);
  const totalRef = useRef(total);
  totalRef.current = total;

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      if (cooldown.current !== null) clearTimeout(cooldown.current);
      cooldown.current = null;
    };
  }, []);

  const evict = useCallback((centre: number) => {
    if (pages.current.size <= MAX_CACHED_PAGES) return;
    const byDistance = [...pages.current.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const page of byDistance.slice(0, pages.current.size - MAX_CACHED_PAGES)) pages.current.delete(page);
  }, []);

  const fetchPage = useCallback(
    async (page: number) => {
      const asked = generation.current;
      pending.current.set(page, asked);
      try {
        const offset = page * PAGE_SIZE;
        const result = await api.invoke('messages.range', { chatId, offset, limit: PAGE_SIZE, order });
        if (!live.current || asked !== generation.current) return;
        const slots: Page = new Array<Message | undefined>(Math.max(0, Math.min(PAGE_SIZE, result.total - offset)));
        result.messages.forEach((message, index) => {
          const position = result.positions[index];
          if (position !== undefined && position >= offset && position - offset < slots.length) slots[position - offset] = message;
        });
        pages.current.set(page, slots);
        stale.current.delete(page);
        failed.current.delete(page);
        evict(Math.floor((wanted.current.first + wanted.current.last) / 2 / PAGE_SIZE));
        setTotal(result.total);
        setVersion((value) => value + 1);
      } catch (caught) {
        if (!live.current || asked !== generation.current) return;
        failed.current.add(page);
        setError(describeError(caught));
      } finally {
        if (pending.current.get(page) === asked) pending.current.delete(page);
      }
    },
    [chatId, order, evict],
  );

  const load = useCallback(() => {
    const { first, last } = wanted.current;
    const known = totalRef.current;
    const lastIndex = known === null ? last + PREFETCH_ROWS : Math.min(known - 1, last + PREFETCH_ROWS);
    const firstPage = Math.floor(Math.max(0, first - PREFETCH_ROWS) / PAGE_SIZE);
    const lastPage = Math.floor(Math.max(0, lastIndex) / PAGE_SIZE);
    for (let page = firstPage; page <= lastPage; page++) {
      const wantedAgain = !pages.current.has(page) || stale.current.has(page);
      if (wantedAgain && !pending.current.has(page) && !failed.current.has(page)) void fetchPage(page);
    }
  }, [fetchPage]);

  // The content changed under the view (not on mounting): what was read is stale, read it again.
  const readFor = useRef(contentKey);
  useEffect(() => {
    if (readFor.current === contentKey) return;
    readFor.current = contentKey;
    generation.current++;
    pending.current.clear();
    failed.current.clear();
    stale.current = new Set(pages.current.keys());
    setError(null);
    if (knownTotal !== null) {
      totalRef.current = knownTotal;
      setTotal(knownTotal);
    }
    load();
  }, [contentKey, knownTotal, load]);

  // Leading and trailing throttle: the first request loads at once, bursts collapse into one.
  const request = useCallback(
    (first: number, last: number) => {
      wanted.current = { first, last };
      if (cooldown.current !== null) {
        trailing.current = true;
        return;
      }
      load();
      const settle = (): void => {
        if (trailing.current && live.current) {
          trailing.current = false;
          load();
          cooldown.current = setTimeout(settle, THROTTLE_MS);
        } else cooldown.current = null;
      };
      cooldown.current = setTimeout(settle, THROTTLE_MS);
    },
    [load],
  );

  const retry = useCallback(() => {
    failed.current.clear();
    setError(null);
    load();
  }, [load]);

  const at = (index: number): Message | null | undefined => {
    const page = pages.current.get(Math.floor(index / PAGE_SIZE));
    if (page === undefined) return undefined;
    const slot = index % PAGE_SIZE;
    // A stale page ended where the conversation used to: what lies past it is loading, not missing.
    if (slot >= page.length && stale.current.has(Math.floor(index / PAGE_SIZE))) return undefined;
    return page[slot] ?? null;
  };
  const hasPage = (index: number): boolean => pages.current.has(Math.floor(index / PAGE_SIZE));

  return { total, at, request, hasPage, error, retry };
}

/**
 * What changes when a conversation's content may have changed under an open view: its counts
 * and time span (a source merged in or removed). The pages read before are then read again.
 */
export function conversationContentKey(conversation: ConversationSummary | undefined): string {
  if (conversation === undefined) return '';
  const { messageCount, unparsedCount, firstTimestamp, lastTimestamp, outOfTimeOrder, sourceIds } = conversation;
  return `${messageCount} ${unparsedCount} ${firstTimestamp ?? ''} ${lastTimestamp ?? ''} ${outOfTimeOrder} ${sourceIds.join(',')}`;
}

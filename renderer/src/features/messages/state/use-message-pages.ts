import { useCallback, useEffect, useRef, useState } from 'react';
import type { Message, MessageOrder } from '../../../../../shared/domain/message.ts';
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
 */
export function useMessagePages(chatId: string, knownTotal: number | null, order: MessageOrder = 'source'): MessagePages {
  const pages = useRef(new Map<number, Page>());
  const pending = useRef(new Set<number>());
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
      pending.current.add(page);
      try {
        const offset = page * PAGE_SIZE;
        const result = await api.invoke('messages.range', { chatId, offset, limit: PAGE_SIZE, order });
        if (!live.current) return;
        const slots: Page = new Array<Message | undefined>(Math.max(0, Math.min(PAGE_SIZE, result.total - offset)));
        result.messages.forEach((message, index) => {
          const position = result.positions[index];
          if (position !== undefined && position >= offset && position - offset < slots.length) slots[position - offset] = message;
        });
        pages.current.set(page, slots);
        failed.current.delete(page);
        evict(Math.floor((wanted.current.first + wanted.current.last) / 2 / PAGE_SIZE));
        setTotal(result.total);
        setVersion((value) => value + 1);
      } catch (caught) {
        if (!live.current) return;
        failed.current.add(page);
        setError(describeError(caught));
      } finally {
        pending.current.delete(page);
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
      if (!pages.current.has(page) && !pending.current.has(page) && !failed.current.has(page)) void fetchPage(page);
    }
  }, [fetchPage]);

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
    return page[index % PAGE_SIZE] ?? null;
  };
  const hasPage = (index: number): boolean => pages.current.has(Math.floor(index / PAGE_SIZE));

  return { total, at, request, hasPage, error, retry };
}

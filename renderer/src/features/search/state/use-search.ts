import { useCallback, useRef, useState } from 'react';
import type { SearchHit } from '../../../../../shared/domain/search.ts';
import { api } from '../../../api/client.ts';
import { describeError } from '../../../app/format.ts';

const PAGE_SIZE = 100;

export interface SearchState {
  query: string;
  hits: SearchHit[];
  total: number;
  tookMs: number;
  loading: boolean;
  error: string | null;
  open: boolean;
}

export interface SearchController {
  state: SearchState;
  run(query: string): Promise<void>;
  loadMore(): Promise<void>;
  close(): void;
  reopen(): void;
}

const EMPTY: SearchState = { query: '', hits: [], total: 0, tookMs: 0, loading: false, error: null, open: false };

/** search.run with "load more" paging; a newer query makes older answers stale. */
export function useSearch(): SearchController {
  const [state, setState] = useState<SearchState>(EMPTY);
  const ticket = useRef(0);
  const current = useRef(state);
  current.current = state;

  const run = useCallback(async (query: string) => {
    const mine = ++ticket.current;
    if (query.trim() === '') {
      setState(EMPTY);
      return;
    }
    setState((previous) => ({ ...previous, query, loading: true, error: null, open: true }));
    try {
      const result = await api.invoke('search.run', { query, limit: PAGE_SIZE, offset: 0 });
      if (mine === ticket.current) setState({ query, hits: result.hits, total: result.total, tookMs: result.tookMs, loading: false, error: null, open: true });
    } catch (caught) {
      if (mine === ticket.current) setState({ ...EMPTY, query, error: describeError(caught), open: true });
    }
  }, []);

  const loadMore = useCallback(async () => {
    const { query, hits, loading } = current.current;
    if (loading) return;
    const mine = ++ticket.current;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    try {
      const result = await api.invoke('search.run', { query, limit: PAGE_SIZE, offset: hits.length });
      if (mine === ticket.current)
        setState((previous) => ({ ...previous, hits: [...previous.hits, ...result.hits], total: result.total, tookMs: result.tookMs, loading: false }));
    } catch (caught) {
      if (mine === ticket.current) setState((previous) => ({ ...previous, loading: false, error: describeError(caught) }));
    }
  }, []);

  const close = useCallback(() => setState((previous) => ({ ...previous, open: false })), []);
  const reopen = useCallback(() => setState((previous) => (previous.query === '' ? previous : { ...previous, open: true })), []);

  return { state, run, loadMore, close, reopen };
}

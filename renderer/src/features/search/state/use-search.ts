import { useCallback, useRef, useState } from 'react';
import type { SearchSort } from '../../../../../shared/contracts/index-worker.ts';
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
  /** null: the engine's default (relevance for words, newest for filters only). */
  sort: SearchSort | null;
  /** Languages of all matching messages, for the facet bar. */
  langFacets: Record<string, number>;
}

export interface SearchController {
  state: SearchState;
  run(query: string, sort?: SearchSort | null): Promise<void>;
  loadMore(): Promise<void>;
  close(): void;
  reopen(): void;
}

const EMPTY: SearchState = { query: '', hits: [], total: 0, tookMs: 0, loading: false, error: null, open: false, sort: null, langFacets: {} };

/** search.run with "load more" paging; a newer query makes older answers stale. */
export function useSearch(): SearchController {
  const [state, setState] = useState<SearchState>(EMPTY);
  const ticket = useRef(0);
  const current = useRef(state);
  current.current = state;

  const run = useCallback(async (query: string, sortChoice?: SearchSort | null) => {
    const mine = ++ticket.current;
    const sort = sortChoice === undefined ? current.current.sort : sortChoice;
    if (query.trim() === '') {
      setState(EMPTY);
      return;
    }
    setState((previous) => ({ ...previous, query, sort, loading: true, error: null, open: true }));
    try {
      const result = await api.invoke('search.run', { query, limit: PAGE_SIZE, offset: 0, facets: true, ...(sort === null ? {} : { sort }) });
      if (mine === ticket.current) setState({ query, hits: result.hits, total: result.total, tookMs: result.tookMs, loading: false, error: null, open: true, sort, langFacets: result.langFacets });
    } catch (caught) {
      if (mine === ticket.current) setState({ ...EMPTY, query, sort, error: describeError(caught), open: true });
    }
  }, []);

  const loadMore = useCallback(async () => {
    const { query, hits, loading, sort } = current.current;
    if (loading) return;
    const mine = ++ticket.current;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    try {
      const result = await api.invoke('search.run', { query, limit: PAGE_SIZE, offset: hits.length, ...(sort === null ? {} : { sort }) });
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

import type { SearchSort } from '../../../../../shared/contracts/index-worker.ts';
import type { KeyboardEvent, RefObject } from 'react';
import type { SearchHit } from '../../../../../shared/domain/search.ts';
import { senderLabel } from '../../../../../shared/domain/sender-label.ts';
import { HighlightedText } from '../../../app/HighlightedText.tsx';
import { formatNumber, formatUtc } from '../../../app/format.ts';
import { makeSnippet } from '../state/snippet.ts';
import type { SearchController } from '../state/use-search.ts';

function hitButtons(list: HTMLElement): HTMLButtonElement[] {
  return Array.from(list.querySelectorAll<HTMLButtonElement>('button[data-testid="search-hit"]'));
}

export function focusFirstHit(list: HTMLElement | null): void {
  if (list !== null) hitButtons(list)[0]?.focus();
}

function SearchHitItem({ hit, active, onOpen }: { hit: SearchHit; active: boolean; onOpen: (hit: SearchHit) => void }) {
  const snippet = makeSnippet(hit.text, hit.highlights);
  const ocrSnippet = hit.ocr === undefined ? null : makeSnippet(hit.ocr.text, hit.ocr.highlights);
  return (
    <li>
      <button type="button" className="search-hit" data-testid="search-hit" data-message-id={hit.id} aria-current={active ? 'true' : undefined} onClick={() => onOpen(hit)}>
        <span className="search-hit-head">
          <bdi className="search-hit-chat">{hit.chat}</bdi>
          <span className="muted">{formatUtc(hit.timestamp)}</span>
        </span>
        <span className="search-hit-sender">
          <bdi>{senderLabel(hit, hit.source)}</bdi>
        </span>
        <span className="search-hit-text" dir="auto">
          <HighlightedText text={snippet.text} ranges={snippet.ranges} />
        </span>
        {ocrSnippet !== null && (
          <span className="search-hit-ocr" data-testid="search-hit-ocr">
            <span className="search-hit-ocr-label">text in image</span>
            <span dir="auto">
              <HighlightedText text={ocrSnippet.text} ranges={ocrSnippet.ranges} />
            </span>
          </span>
        )}
      </button>
    </li>
  );
}

/** Hits of the last search; Arrow keys move between them, Enter or a click opens one. */
/** Languages of the matching messages; picking one narrows the query with lang:. */
function LanguageFacets({ facets, onPick }: { facets: Record<string, number>; onPick: (lang: string) => void }) {
  const entries = Object.entries(facets).sort((a, b) => b[1] - a[1]);
  if (entries.length < 2) return null;
  return (
    <ul className="language-facets" data-testid="language-facets" aria-label="Languages of the hits">
      {entries.map(([lang, count]) => (
        <li key={lang}>
          <button type="button" className="small facet" title={`Only hits in ${lang} (ISO 639-3)`} onClick={() => onPick(lang)}>
            {lang} <span className="muted">{formatNumber(count)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function SearchResults({
  controller,
  listRef,
  activeId,
  onOpen,
  onLeaveTop,
}: {
  controller: SearchController;
  listRef: RefObject<HTMLOListElement | null>;
  activeId: string | null;
  onOpen: (hit: SearchHit) => void;
  onLeaveTop: () => void;
}) {
  const { state } = controller;

  function onKeyDown(event: KeyboardEvent<HTMLOListElement>): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const buttons = hitButtons(event.currentTarget);
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = index + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) onLeaveTop();
    else buttons[Math.min(next, buttons.length - 1)]?.focus();
  }

  return (
    <aside className="search-results" data-testid="search-results" aria-label="Search results">
      <header className="search-results-head">
        <p data-testid="search-total" role="status">
          {state.loading && state.hits.length === 0 ? 'Searching…' : `${formatNumber(state.total)} ${state.total === 1 ? 'hit' : 'hits'} · ${state.tookMs} ms`}
        </p>
        <label className="search-sort">
          <span className="visually-hidden">Order</span>
          <select
            data-testid="search-sort"
            value={state.sort ?? 'default'}
            onChange={(event) => void controller.run(state.query, event.target.value === 'default' ? null : (event.target.value as SearchSort))}
          >
            <option value="default">Best order</option>
            <option value="relevance">Relevance</option>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </select>
        </label>
        <button type="button" className="small" onClick={controller.close}>
          Close <span className="muted">(Esc)</span>
        </button>
      </header>
      <LanguageFacets facets={state.langFacets} onPick={(lang) => void controller.run(`${state.query} lang:${lang}`)} />
      {state.error !== null && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      {!state.loading && state.error === null && state.total === 0 && <p className="muted empty">No messages match “{state.query}”.</p>}
      <ol ref={listRef} className="search-hit-list" onKeyDown={onKeyDown}>
        {state.hits.map((hit) => (
          <SearchHitItem key={hit.id} hit={hit} active={hit.id === activeId} onOpen={onOpen} />
        ))}
      </ol>
      {state.hits.length < state.total && (
        <button type="button" className="load-more" disabled={state.loading} onClick={() => void controller.loadMore()}>
          {state.loading ? 'Loading…' : `Load more (${formatNumber(state.total - state.hits.length)} left)`}
        </button>
      )}
    </aside>
  );
}

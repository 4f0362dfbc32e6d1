import type { SearchHit, SearchResult } from '../../shared/domain/search.ts';
import { matchText } from '../../shared/search/match.ts';
import { isEmptyQuery, parseQuery } from '../../shared/search/query.ts';
import type { CaseSession } from '../case/case-session.ts';

/** How many index candidates are checked against the full query. */
const CANDIDATE_LIMIT = 50_000;
const VERIFY_CHUNK = 2000;

/**
 * Runs a query: the index proposes candidates containing every term, the database supplies
 * their text, and shared/search/match.ts decides (exact words, phrases, exclusions) and finds
 * the ranges to highlight.
 */
export async function searchCase(session: CaseSession, query: string, limit: number, offset: number): Promise<SearchResult> {
  const started = performance.now();
  const parsed = parseQuery(query);
  if (isEmptyQuery(parsed)) return { query, total: 0, tookMs: elapsed(started), hits: [] };
  const { rowids } = await session.index.client.call('candidates', { terms: parsed.required, limit: CANDIDATE_LIMIT });
  const hits: SearchHit[] = [];
  let total = 0;
  for (let start = 0; start < rowids.length; start += VERIFY_CHUNK) {
    const messages = await session.db.client.call('messagesByRowids', { rowids: rowids.slice(start, start + VERIFY_CHUNK) });
    for (const message of messages) {
      const highlights = matchText(parsed, message.text);
      if (highlights === null) continue;
      total++;
      if (total <= offset || hits.length >= limit) continue;
      hits.push({
        id: message.id,
        source: message.sourceName,
        sourceId: message.sourceId,
        chat: message.chatTitle,
        chatId: message.chatId,
        seq: message.seq,
        sender: message.sender,
        timestamp: message.timestamp,
        text: message.text,
        lang: message.lang,
        markers: [],
        locator: message.locator,
        highlights,
      });
    }
  }
  return { query, total, tookMs: elapsed(started), hits };
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

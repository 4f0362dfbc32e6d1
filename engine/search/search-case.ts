import type { SearchSort } from '../../shared/contracts/index-worker.ts';
import type { SearchHit, SearchResult } from '../../shared/domain/search.ts';
import { foldText } from '../../shared/text/fold.ts';
import { matchText } from '../../shared/search/match.ts';
import { hasTerms, isEmptyQuery, parseQuery } from '../../shared/search/query.ts';
import type { ParsedQuery } from '../../shared/search/query.ts';
import type { CaseSession } from '../case/case-session.ts';
import { expandConcept, listConcepts } from '../../shared/concepts/index.ts';
import { AppError } from '../../shared/errors.ts';
import { queryWordVariants } from '../../shared/search/query-variants.ts';

export interface SearchOptions {
  limit: number;
  offset: number;
  sort?: SearchSort;
  facets?: boolean;
}

/**
 * Runs a query: the index shards find the messages (words, phrases, filters) and return the
 * best page; the database supplies those messages; shared/search/match.ts marks the words to
 * highlight in the original text.
 */
export async function searchCase(session: CaseSession, query: string, limit: number, offset: number, options: Partial<SearchOptions> = {}): Promise<SearchResult> {
  const started = performance.now();
  const parsed = withConcepts(parseQuery(query, { variants: queryWordVariants }));
  if (isEmptyQuery(parsed)) return { query, total: 0, tookMs: elapsed(started), hits: [], langFacets: {} };
  const { chatIds, sourceIds } = await resolveNamedFilters(session, parsed);
  const result = await session.index.query({
    query: parsed,
    chatIds,
    sourceIds,
    sort: options.sort ?? (hasTerms(parsed) ? 'relevance' : 'newest'),
    limit: offset + limit,
    facets: options.facets ?? false,
  });
  const page = result.hits.slice(offset, offset + limit);
  const rowids = page.map((hit) => hit.rowid);
  const messages = await session.db.client.call('messagesByRowids', { rowids });
  const tags = new Map(await session.db.client.call('tagsForRowids', { rowids }));
  const ocrTexts = new Map(await session.db.client.call('ocrTextsForRowids', { rowids }));
  const hits: SearchHit[] = messages.map((message) => ({
    id: message.id,
    source: message.sourceName,
    sourceId: message.sourceId,
    chat: message.chatTitle,
    chatId: message.chatId,
    seq: message.seq,
    sender: message.sender,
    senderId: message.senderId,
    kind: message.kind,
    direction: message.direction,
    timestamp: message.timestamp,
    text: message.text,
    lang: message.lang,
    // A marker found in the text and in the message's images is one indicator of the message.
    markers: [...new Set((tags.get(message.rowid) ?? []).map((tag) => tag.marker))],
    locator: message.locator,
    highlights: hasTerms(parsed) ? (matchText(parsed, message.text) ?? []) : [],
    ...ocrPart(ocrTexts.get(message.rowid), parsed),
  }));
  return { query, total: result.total, tookMs: elapsed(started), hits, langFacets: result.langFacets };
}

function ocrPart(text: string | undefined, parsed: ParsedQuery): { ocr?: { text: string; highlights: [number, number][] } } {
  if (text === undefined) return {};
  // OCR text and message text are searched together; each gets the ranges of the words it holds.
  return { ocr: { text, highlights: hasTerms(parsed) ? highlightAny(parsed, text) : [] } };
}

function highlightAny(parsed: ParsedQuery, text: string): [number, number][] {
  return matchText({ ...parsed, groups: [{ alternatives: parsed.groups.flatMap((group) => group.alternatives) }], phrases: [], excluded: [] }, text) ?? [];
}

/** concept:passport becomes one required group: the concept's words in every lexicon language. */
export function withConcepts(parsed: ParsedQuery): ParsedQuery {
  for (const name of parsed.filters.concepts) {
    const expansion = expandConcept(name);
    if (expansion === undefined) {
      throw new AppError('E_QUERY_SYNTAX', `Unknown concept "${name}". Known concepts: ${listConcepts().map((concept) => concept.id).join(', ')}`);
    }
    // Words only: a multi-word term cannot be one alternative of a group (its words are indexed apart).
    const alternatives = expansion.terms.filter((term) => !term.term.includes(' ')).map((term) => ({ word: term.term, prefix: term.prefix }));
    parsed.groups.push({ alternatives: dedupe(alternatives) });
  }
  parsed.filters.concepts = [];
  return parsed;
}

function dedupe(terms: { word: string; prefix: boolean }[]): { word: string; prefix: boolean }[] {
  const seen = new Map<string, { word: string; prefix: boolean }>();
  for (const term of terms) {
    const key = `${term.word}${term.prefix ? '*' : ''}`;
    if (!seen.has(key)) seen.set(key, term);
  }
  return [...seen.values()];
}

/**
 * chat:, with:, source: and device: name conversations and sources as people see them (a title,
 * someone in the conversation header, a file name, the device declared at import); the index
 * knows ids. chat: and with: together keep the conversations that match both.
 */
export async function resolveNamedFilters(session: CaseSession, parsed: ParsedQuery): Promise<{ chatIds: string[] | null; sourceIds: string[] | null }> {
  const { chats, participants, sources, devices } = parsed.filters;
  let chatIds: string[] | null = null;
  let sourceIds: string[] | null = null;
  if (chats.length > 0 || participants.length > 0) {
    const conversations = await session.db.client.call('listConversations', {});
    chatIds = conversations
      .filter((chat) => chats.length === 0 || chats.some((wanted) => foldText(chat.title).includes(wanted) || chat.id === wanted))
      .filter((chat) => participants.length === 0 || participants.some((wanted) => chat.participants.some((person) => foldText(person).includes(wanted))))
      .map((chat) => chat.id);
  }
  if (sources.length > 0 || devices.length > 0) {
    const summary = await session.db.client.call('caseSummary', {});
    // source: and device: together keep the sources that match both.
    sourceIds = summary.sources
      .filter((source) => sources.length === 0 || sources.some((wanted) => foldText(source.displayName).includes(wanted) || source.id === wanted || source.sha256.startsWith(wanted)))
      .filter((source) => devices.length === 0 || (source.device !== null && devices.some((wanted) => foldText(source.device ?? '').includes(wanted))))
      .map((source) => source.id);
  }
  return { chatIds, sourceIds };
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

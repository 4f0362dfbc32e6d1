import { readFileSync } from 'node:fs';
import { AppError } from '../../shared/errors.ts';
import { parseQuery } from '../../shared/search/query.ts';
import type { CaseSession } from '../case/case-session.ts';
import { resolveNamedFilters, withConcepts } from '../search/search-case.ts';
import { queryWordVariants } from '../../shared/search/query-variants.ts';

/** How a package's messages are chosen (CLI.md: --select). */
export type Selection =
  | { kind: 'all' }
  | { kind: 'reviewed' }
  | { kind: 'confirmed' }
  | { kind: 'bookmarked' }
  | { kind: 'marker'; markerId: string }
  | { kind: 'query'; query: string }
  | { kind: 'ids'; file: string };

const EVERYTHING = 10_000_000;

export function parseSelection(text: string): Selection {
  if (text === 'all' || text === 'reviewed' || text === 'confirmed' || text === 'bookmarked') return { kind: text };
  const [kind, ...rest] = text.split(':');
  const value = rest.join(':');
  if (value !== '' && kind === 'marker') return { kind: 'marker', markerId: value };
  if (value !== '' && kind === 'query') return { kind: 'query', query: value };
  if (value !== '' && kind === 'ids') return { kind: 'ids', file: value };
  throw new AppError('E_USAGE', `--select takes all, reviewed, confirmed, bookmarked, marker:<id>, query:<q> or ids:<file>, not "${text}"`);
}

export function describeSelection(selection: Selection): string {
  switch (selection.kind) {
    case 'all':
      return 'every message of the case';
    case 'reviewed':
      return 'messages an analyst reviewed';
    case 'confirmed':
      return 'messages with an indicator an analyst confirmed';
    case 'bookmarked':
      return 'messages an analyst bookmarked';
    case 'marker':
      return `messages tagged with the indicator ${selection.markerId}`;
    case 'query':
      return `messages matching the search "${selection.query}"`;
    case 'ids':
      return `messages listed in ${selection.file}`;
  }
}

/** The row ids of the selected messages. */
export async function selectMessages(session: CaseSession, selection: Selection, reviewed: (kind: 'reviewed' | 'confirmed' | 'bookmarked') => Promise<number[]>): Promise<number[]> {
  switch (selection.kind) {
    case 'all':
      return session.db.client.call('allMessageRowids', {});
    case 'reviewed':
    case 'confirmed':
    case 'bookmarked':
      return reviewed(selection.kind);
    case 'marker':
      return searchRowids(session, `marker:${selection.markerId}`);
    case 'query':
      return searchRowids(session, selection.query);
    case 'ids': {
      let text: string;
      try {
        text = readFileSync(selection.file, 'utf8');
      } catch (error) {
        throw new AppError('E_USAGE', `Cannot read the id list ${selection.file}: ${String(error)}`);
      }
      const ids = text.split(/\r?\n/u).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
      return session.db.client.call('rowidsForMessageIds', { ids });
    }
  }
}

async function searchRowids(session: CaseSession, query: string): Promise<number[]> {
  const parsed = withConcepts(parseQuery(query, { variants: queryWordVariants }));
  const { chatIds, sourceIds } = await resolveNamedFilters(session, parsed);
  const result = await session.index.query({ query: parsed, chatIds, sourceIds, sort: 'oldest', limit: EVERYTHING, facets: false });
  return result.hits.map((hit) => hit.rowid);
}

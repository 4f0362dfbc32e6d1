import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchIndex } from '../../engine/search/search-index.ts';
import { parseQuery } from '../../shared/search/query.ts';
import { foldedWords } from '../../shared/text/fold.ts';
import { corpusBatches, queryMix } from '../../scripts/bench/corpus.ts';
import type { CorpusMessage } from '../../scripts/bench/corpus.ts';
import { tempFolder } from '../support/temp-case.ts';

/**
 * No missed hits: on a small corpus, every query of the benchmark's mix returns exactly the
 * messages a brute-force matcher with the same normalisation finds.
 */
const MESSAGES = 6000;

function bruteForce(messages: CorpusMessage[], query: { terms: string[]; lang: string | null; after: number | null }): number[] {
  const needles = query.terms.map((term) => foldedWords(term));
  return messages
    .filter((message) => {
      if (query.lang !== null && message.lang !== query.lang) return false;
      if (query.after !== null && message.time < query.after) return false;
      const words = new Set(foldedWords(message.text));
      return needles.every((needle) => needle.every((word) => words.has(word)));
    })
    .map((message) => message.rowid)
    .sort((a, b) => a - b);
}

describe('search returns exactly what a brute-force matcher finds', () => {
  let index: SearchIndex;
  let messages: CorpusMessage[];

  beforeAll(async () => {
    messages = [...corpusBatches(MESSAGES, MESSAGES)].flat();
    index = await SearchIndex.open(join(tempFolder(), 'case'));
    await index.add(messages.map((message) => ({ ...message, flags: 0 })));
  }, 120_000);

  afterAll(async () => {
    await index.close();
  });

  it('for every query of the benchmark mix, with and without filters', async () => {
    let compared = 0;
    for (const query of queryMix(150)) {
      const expected = bruteForce(messages, query);
      const result = await index.query({ query: parseQuery(query.text), chatIds: null, sourceIds: null, sort: 'oldest', limit: MESSAGES, facets: false });
      expect(result.total, query.text).toBe(expected.length);
      expect(result.hits.map((hit) => hit.rowid).sort((a, b) => a - b), query.text).toEqual(expected);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(100);
  });
});

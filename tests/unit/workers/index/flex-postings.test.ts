import { describe, expect, it } from 'vitest';
import { FlexPostings } from '../../../../workers/index/flex-postings.ts';

function bruteForce(documents: Map<number, string[]>, word: string): number[] {
  return [...documents].filter(([, words]) => words.includes(word)).map(([position]) => position).sort((a, b) => a - b);
}

describe('FlexPostings (FlexSearch bulk-loaded)', () => {
  const vocabulary = ['pasaport', 'datorie', 'bani', 'паспорт', 'tel721000111', 'a', 'b', 'c'];
  const documents = new Map<number, string[]>();
  const postings = new FlexPostings();
  for (let position = 0; position < 300; position++) {
    const words = vocabulary.filter((_word, index) => (position * (index + 3)) % (index + 2) === 0);
    words.push(words[0] ?? 'a'); // a word twice in one document counts once
    documents.set(position, words);
    postings.addDocument(position, words);
    if (position % 50 === 0) postings.commit();
  }
  postings.commit();
  // Text arriving later (OCR) lands in the middle of the lists.
  for (const position of [7, 150, 3]) {
    postings.appendWords(position, ['ocrword', 'bani', 'bani']);
    documents.set(position, [...(documents.get(position) ?? []), 'ocrword', 'bani']);
  }
  postings.commit();

  it('answers every word through FlexSearch exactly as a brute-force scan does', () => {
    for (const word of [...vocabulary, 'ocrword', 'missing']) {
      expect(postings.lookup(word), word).toEqual(bruteForce(documents, word));
      expect(postings.frequency(word), word).toBe(bruteForce(documents, word).length);
    }
    expect(postings.vocabularySize).toBe(vocabulary.length + 1);
  });

  it('survives export and load with the same answers', async () => {
    const files: [string, string][] = [];
    await postings.export((key, data) => {
      files.push([key, data]);
    });
    const loaded = new FlexPostings();
    for (const [key, data] of files) loaded.load(key, data);
    for (const word of [...vocabulary, 'ocrword']) expect(loaded.lookup(word), word).toEqual(postings.lookup(word));
    // Lists loaded from disk keep growing in place.
    loaded.addDocument(1000, ['pasaport', 'nou']);
    loaded.commit();
    expect(loaded.lookup('pasaport').at(-1)).toBe(1000);
    expect(loaded.lookup('nou')).toEqual([1000]);
  });

  it('refuses a damaged map file', () => {
    expect(() => new FlexPostings().load('1.map', JSON.stringify([[42, 'x']]))).toThrow(/malformed/);
  });
});

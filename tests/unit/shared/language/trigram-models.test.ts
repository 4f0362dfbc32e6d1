import { francAll } from 'franc';
import { describe, expect, it } from 'vitest';
import { romanisations } from '../../../../shared/language/chat-romanisation.ts';
import { trigramCounts, trigramDistances, trigramTable } from '../../../../shared/language/trigram-models.ts';

function ranking(text: string, languages: string[]): string[] {
  const table = trigramTable('Cyrl');
  if (table === null) throw new Error('no Cyrillic table');
  const columns = languages.map((lang) => table.languages.indexOf(lang));
  const distances = trigramDistances(trigramCounts(text), table, columns);
  return languages.map((lang, position) => ({ lang, distance: distances[position] ?? 0 })).sort((a, b) => a.distance - b.distance).map((entry) => entry.lang);
}

describe('trigram models', () => {
  it("reproduce franc's ranking on franc's own models", () => {
    const languages = ['rus', 'ukr', 'bul', 'srp', 'mkd', 'bel'];
    for (const text of ['Завтра поедем в город и купим билеты на поезд', 'Ще ти платя утре, не се притеснявай', 'Коли ти повернеш мені гроші за квартиру']) {
      expect(ranking(text, languages), text).toEqual(francAll(text, { only: languages }).map(([lang]) => lang));
    }
  });

  it('hold diacritic-free variants of Latin trigrams', () => {
    const table = trigramTable('Latn');
    const column = table?.languages.indexOf('vie') ?? -1;
    expect(column).toBeGreaterThanOrEqual(0);
    expect(table?.ranks.get('khô')?.[column]).toBeGreaterThanOrEqual(0);
    expect(table?.ranks.get('kho')?.[column]).toBeGreaterThanOrEqual(0);
  });

  it('hold romanised Cyrillic models in the Latin table', () => {
    const languages = trigramTable('Latn')?.languages ?? [];
    expect(languages).toEqual(expect.arrayContaining(['rus', 'bul', 'ukr', 'sqi']));
    expect(languages).not.toContain('als');
  });

  it('romanise with at most two spellings per letter', () => {
    expect(romanisations(' ще', 'bul')).toEqual([' shte']);
    expect(romanisations('ья ', 'rus')).toEqual(['ya ', 'ia ']);
    expect(romanisations('гі', 'ukr')).toEqual(['hi', 'gi']);
  });
});

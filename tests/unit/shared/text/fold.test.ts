import { describe, expect, it } from 'vitest';
import { foldedWords, foldText, wordsWithRanges } from '../../../../shared/text/fold.ts';
import { FNV_OFFSET, hashStep, WordTable } from '../../../../shared/text/word-table.ts';

const SAMPLES = [
  'Pașaportul TĂU e la mine, plătești datoria!',
  'Паспорт у меня. Ёлка, ЁЖИК и ещё',
  'Straße, Łódź, Ørsted, Æble, œuvre, ıstanbul, þorn, Ðam',
  'Tiếng Việt có dấu: Đường phố, người ở đâu?',
  'שלום עולם, مرحبا بالعالم، كيف الحال؟',
  'emoji 🙈🙈 and family 👨‍👩‍👧 and flags 🇷🇴 ok',
  'full-width ＡＢＣ１２３ and ligature ﬁnd and ²',
  'combining e\u0301cole and cafe\u0301',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 math letters and 𐐷 deseret',
  'snake_case words_here 42 3.14 +40 721 000 111',
  '\u200fשלום\u200f עו\u200fלם\u200e! pașa\u200eport \u202a+40 721\u202c \ufeffBOM\ufeff',
  '',
  '   ',
];

function randomText(seed: number): string {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state;
  };
  const pieces = ['a', 'Ș', 'ё', 'É', ' ', ' ', '-', '.', 'ß', '1', '_', '🙈', 'e\u0301', 'Ł', 'ф', 'ﬁ', 'İ', 'Σ', 'ς', '\u200d', '\u200e', '\u200f', '\ufeff', '\u202a', '\u00ad', '𐐷'];
  let text = '';
  for (let i = 0; i < 40; i++) text += pieces[next() % pieces.length];
  return text;
}

describe('foldedWords', () => {
  it('gives the same words as wordsWithRanges, the reference splitter', () => {
    const texts = [...SAMPLES, ...Array.from({ length: 500 }, (_, seed) => randomText(seed + 1))];
    for (const text of texts) expect(foldedWords(text), text).toEqual(wordsWithRanges(text).map((range) => range.word));
  });

  it('folds case and diacritics the way queries are folded', () => {
    expect(foldedWords('Pașaportul TĂU')).toEqual(['pasaportul', 'tau']);
    expect(foldedWords('Ёлка Łódź Straße')).toEqual(['елка', 'lodz', 'strasse']);
    expect(foldedWords('Đường')).toEqual(['duong']);
  });

  it('runs words through direction marks, BOMs and other format characters, and drops them', () => {
    // RTL text as people write it: an RLM inside a word must not split it, nor stop a query typed without it.
    expect(foldedWords('שלו\u200fם עולם\u200f')).toEqual(['שלום', 'עולם']);
    expect(foldedWords('pașa\u200eport, JuKo00\ufeff7')).toEqual(['pasaport', 'juko007']);
    expect(foldedWords('soft\u00adhyphen \u202aabc\u202c')).toEqual(['softhyphen', 'abc']);
    // A mark between words still separates them, and ZWSP is a separator of its own.
    expect(foldedWords('one \u200f two\u200bthree')).toEqual(['one', 'two', 'three']);
    expect(foldText('PAȘA\u200fPORT')).toBe('pasaport');
  });

  it('gives ranges that start and end on word characters, marks inside kept in the range', () => {
    const text = '\u200fמרחב\u200fא\u200f!';
    expect(wordsWithRanges(text)).toEqual([{ word: 'מרחבא', start: 1, end: 7 }]);
  });

  it('returns the same string object for a word seen again (interned)', () => {
    const [first] = foldedWords('Pașaport azi');
    const [again] = foldedWords('PAȘAPORT mâine');
    expect(again).toBe(first);
  });
});

describe('WordTable', () => {
  const hashOf = (word: string) => [...word].reduce((hash, _char, index) => hashStep(hash, word.charCodeAt(index)), FNV_OFFSET);
  const spanHash = (text: string, start: number, end: number) => {
    let hash = FNV_OFFSET;
    for (let index = start; index < end; index++) hash = hashStep(hash, text.charCodeAt(index));
    return hash;
  };

  it('looks words up by span, also after growing and after starting over when full', () => {
    let folds = 0;
    const table = new WordTable((word) => {
      folds++;
      return foldText(word);
    }, 5000);
    const words = Array.from({ length: 12_000 }, (_, index) => `Wörd${index}`);
    for (const word of words) expect(table.lookup(` ${word} `, 1, word.length + 1, hashOf(word))).toBe(foldText(word));
    expect(table.size).toBeLessThanOrEqual(5000);
    const before = folds;
    const last = words[words.length - 1] as string;
    expect(table.lookup(last, 0, last.length, spanHash(last, 0, last.length))).toBe(foldText(last));
    expect(folds).toBe(before); // still memoised after the reset
  });

  it('tells apart different words whose hashes collide in a slot', () => {
    const table = new WordTable((word) => word.toUpperCase(), 100);
    // Same hash value forced: the table must compare characters, not trust the hash.
    expect(table.lookup('abc', 0, 3, 7)).toBe('ABC');
    expect(table.lookup('xyz', 0, 3, 7)).toBe('XYZ');
    expect(table.lookup('abc', 0, 3, 7)).toBe('ABC');
    expect(table.lookup('ab', 0, 2, 7)).toBe('AB');
  });
});

import { describe, expect, it } from 'vitest';
import { matchText } from '../../../shared/search/match.ts';
import { parseQuery } from '../../../shared/search/query.ts';
import { foldText } from '../../../shared/text/fold.ts';

describe('foldText', () => {
  it('folds case and diacritics in several scripts', () => {
    expect(foldText('Pașaport ȘI Paşaport')).toBe('pasaport si pasaport');
    expect(foldText('Łódź')).toBe('lodz');
    expect(foldText('ЁЛКА')).toBe('елка');
    expect(foldText('Straße')).toBe('strasse');
  });
});

describe('parseQuery', () => {
  it('reads words, phrases, exclusions and prefixes', () => {
    const query = parseQuery('Passport "owe me" -joke pay*');
    expect(query.required).toEqual([
      { word: 'passport', prefix: false },
      { word: 'owe', prefix: false },
      { word: 'me', prefix: false },
      { word: 'pay', prefix: true },
    ]);
    expect(query.phrases).toEqual([['owe', 'me']]);
    expect(query.excluded).toEqual([{ word: 'joke', prefix: false }]);
  });

  it('treats an unterminated quote as a phrase to the end', () => {
    expect(parseQuery('"keep your').phrases).toEqual([['keep', 'your']]);
  });
});

describe('matchText', () => {
  it('highlights every matching word in the original text', () => {
    const text = 'You OWE me 500, pay tomorrow. Pașaportul stays with me.';
    expect(matchText(parseQuery('owe pașaportul'), text)).toEqual([
      [4, 7],
      [30, 40],
    ]);
  });

  it('requires exact words unless the term is a prefix', () => {
    expect(matchText(parseQuery('pay'), 'payment due')).toBeNull();
    expect(matchText(parseQuery('pay*'), 'payment due')).toEqual([[0, 7]]);
  });

  it('requires phrases to be contiguous and honours exclusions', () => {
    expect(matchText(parseQuery('"owe me"'), 'me owe')).toBeNull();
    expect(matchText(parseQuery('"owe me"'), 'you owe me')).not.toBeNull();
    expect(matchText(parseQuery('owe -joke'), 'you owe me, joke')).toBeNull();
  });

  it('finds text without diacritics from a query with them and the reverse', () => {
    expect(matchText(parseQuery('pasaport'), 'Unde e pașaportul? pașaport')).toEqual([[19, 27]]);
    expect(matchText(parseQuery('pașaport'), 'pasaport')).toEqual([[0, 8]]);
  });
});

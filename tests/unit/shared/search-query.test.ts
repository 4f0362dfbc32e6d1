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
    expect(query.groups.map((group) => group.alternatives)).toEqual([
      [{ word: 'passport', prefix: false }],
      [{ word: 'owe', prefix: false }],
      [{ word: 'me', prefix: false }],
      [{ word: 'pay', prefix: true }],
    ]);
    expect(query.phrases).toEqual([['owe', 'me']]);
    expect(query.excluded).toEqual([{ word: 'joke', prefix: false }]);
  });

  it('treats an unterminated quote as a phrase to the end', () => {
    expect(parseQuery('"keep your').phrases).toEqual([['keep', 'your']]);
  });
});

describe('parseQuery: OR, filters, phone numbers', () => {
  it('joins OR alternatives into one group', () => {
    const query = parseQuery('passport OR pașaport debt');
    expect(query.groups.map((group) => group.alternatives.map((term) => term.word))).toEqual([['passport', 'pasaport'], ['debt']]);
  });

  it('reads every filter, quoted values included', () => {
    const query = parseQuery('sender:"Ana Pop" with:Dan.Ionescu@Example.net chat:job source:msgstore device:"Exhibit JS/1" lang:ron,rus marker:debt-bondage after:2024-01-31 before:2024-03-01 has:attachment has:ocr concept:passport money');
    expect(query.filters).toMatchObject({
      senders: ['ana pop'],
      participants: ['dan.ionescu@example.net'],
      chats: ['job'],
      sources: ['msgstore'],
      devices: ['exhibit js/1'],
      langs: ['ron', 'rus'],
      markers: ['debt-bondage'],
      concepts: ['passport'],
      after: Date.parse('2024-01-31T00:00:00Z'),
      before: Date.parse('2024-03-01T00:00:00Z') - 1,
      has: ['attachment', 'ocr'],
    });
    expect(query.groups).toEqual([{ alternatives: [{ word: 'money', prefix: false }] }]);
  });

  it('rejects a bad date or has: value with a coded error', () => {
    expect(() => parseQuery('after:yesterday')).toThrow(expect.objectContaining({ code: 'E_QUERY_SYNTAX' }));
    expect(() => parseQuery('has:video')).toThrow(expect.objectContaining({ code: 'E_QUERY_SYNTAX' }));
  });

  it('after:/before: take ISO dates only, a time without an offset as UTC (2024-02-30, 3/12/2024 and "5" were read by Date.parse as dates)', () => {
    for (const bad of ['2024-02-30', '2023-02-29', '3/12/2024', '12/3/2024', '5', 'March', '2024/03/01', '2024-03-01T24:00', '2024-03-01T14:60', '2024-03-01T14:00+15:00']) {
      expect(() => parseQuery(`after:${bad}`), bad).toThrow(expect.objectContaining({ code: 'E_QUERY_SYNTAX' }));
    }
    expect(parseQuery('after:2024-02-29').filters.after).toBe(Date.UTC(2024, 1, 29));
    // The computer's own zone has no say: the times the app shows are UTC.
    expect(parseQuery('after:2024-03-12T21:00').filters.after).toBe(Date.UTC(2024, 2, 12, 21));
    expect(parseQuery('after:"2024-03-12 21:00:30"').filters.after).toBe(Date.UTC(2024, 2, 12, 21, 0, 30));
    expect(parseQuery('after:2024-03-12T21:00:30.25Z').filters.after).toBe(Date.UTC(2024, 2, 12, 21, 0, 30, 250));
    expect(parseQuery('after:2024-03-12T21:00+02:00').filters.after).toBe(Date.UTC(2024, 2, 12, 19));
    expect(parseQuery('before:2024-03-12T21:00-0530').filters.before).toBe(Date.UTC(2024, 2, 13, 2, 30) - 1);
  });

  it('turns a phone number in any formatting into the same token', () => {
    const a = parseQuery('+40 721-000-111'.replaceAll(' ', ''));
    const b = parseQuery('0721000111');
    expect(a.groups[0]?.alternatives[0]?.word).toBe('tel721000111');
    expect(b.groups[0]?.alternatives[0]?.word).toBe('tel721000111');
  });
});

describe('matchText', () => {
  it('matches a phone number written differently and highlights it', () => {
    const text = 'call me at +40 721 000 111 tonight';
    expect(matchText(parseQuery('0721000111'), text)).toEqual([[11, 26]]);
  });

  it('accepts any alternative of an OR group', () => {
    expect(matchText(parseQuery('passport OR ticket'), 'bring the ticket')).toEqual([[10, 16]]);
  });

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

  it('finds RTL text with a direction mark inside a word or a phone number, from a query typed without it', () => {
    // Message bodies keep the marks their writer put in (WhatsApp .txt, Telegram, SMS alike).
    const text = 'שלו\u200fם, الرقم \u202a+40\u200f 721 000 111\u202c';
    expect(matchText(parseQuery('שלום'), text)).toEqual([[0, 5]]);
    expect(matchText(parseQuery('0721000111'), text)).not.toBeNull();
  });

  it('finds text without diacritics from a query with them and the reverse', () => {
    expect(matchText(parseQuery('pasaport'), 'Unde e pașaportul? pașaport')).toEqual([[19, 27]]);
    expect(matchText(parseQuery('pașaport'), 'pasaport')).toEqual([[0, 8]]);
  });
});

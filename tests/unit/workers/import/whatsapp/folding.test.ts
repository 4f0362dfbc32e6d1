import { describe, expect, it } from 'vitest';
import { fold, FoldedEdges } from '../../../../../workers/import/whatsapp/folding.ts';
import { seededRandom } from '../../../../support/seeded-random.ts';

/**
 * fold's shortcuts must give what lower case of NFC gives, and the quick "cannot be one of
 * them" checks must never say so of a text whose fold starts (ends) like one of the texts: both
 * are checked on random texts built from the chars that could trip them (upper case, Latin-1,
 * U+0130 that lower-cases to two chars, combining marks that NFC joins, a final sigma).
 */
const next = seededRandom(20_261_130);
const CHARS = ['a', 'D', 'e', 'T', 'h', ' ', '.', 'é', 'É', 'ñ', 'Ñ', 'ă', 'Ă', '\u0130', 'i', '\u0301', '\u0306', 'Σ', 'ο', 'т', 'Т', 'є', '略', 'ß', '\u212a', 'k', 'ة'];
const randomText = (): string => Array.from({ length: 1 + Math.floor(next() * 6) }, () => CHARS[Math.floor(next() * CHARS.length)] as string).join('');
const TARGETS = ['this message was deleted', 'ék', 'ăd', 'тє', 'ho', 'a\u0301b', 'Σο', '略去', 'ss', 'ki'].map(fold);

describe('fold', () => {
  it('is lower case of NFC', () => {
    for (let round = 0; round < 20_000; round += 1) {
      const text = randomText();
      expect(fold(text)).toBe(text.normalize('NFC').toLowerCase());
    }
  });

  it('returns lower-case ASCII as it is', () => {
    expect(fold('omitted')).toBe('omitted');
    expect(fold('Omitted')).toBe('omitted');
    expect(fold('ÓMITIDA')).toBe('ómitida');
  });
});

describe('FoldedEdges', () => {
  const edges = new FoldedEdges(TARGETS);

  it('never rules out a text whose fold starts or ends like a target', () => {
    let ruledOutStarts = 0;
    let ruledOutEnds = 0;
    for (let round = 0; round < 50_000; round += 1) {
      const text = randomText();
      const folded = fold(text);
      if (!edges.mayStart(text)) {
        ruledOutStarts += 1;
        for (const target of TARGETS) expect(folded.startsWith(target.slice(0, 2)), `${text} starts like ${target}`).toBe(false);
      }
      if (!edges.mayEnd(text)) {
        ruledOutEnds += 1;
        for (const target of TARGETS) expect(folded.endsWith(target.slice(-2)), `${text} ends like ${target}`).toBe(false);
      }
    }
    // Both checks rule many texts out (most have a char past ASCII here), or they would save nothing.
    expect(ruledOutStarts).toBeGreaterThan(2_000);
    expect(ruledOutEnds).toBeGreaterThan(10_000);
  });

  it('rules out by the first or last two chars, whatever their case', () => {
    expect(edges.mayStart('This message was deleted')).toBe(true);
    expect(edges.mayStart('THat')).toBe(true);
    expect(edges.mayStart('Hello')).toBe(false);
    // Below U+0300 past ASCII too: "ÉK…" folds to "ék…", a target's start.
    expect(edges.mayStart('ÉKA')).toBe(true);
    expect(edges.mayStart('Éta')).toBe(false);
    expect(edges.mayEnd('XÉK')).toBe(true);
    expect(edges.mayEnd('no Ăd')).toBe(true);
    expect(edges.mayEnd('hello')).toBe(false);
    // A combining mark after the second char may join it: never ruled out.
    expect(edges.mayStart('He\u0301llo')).toBe(true);
  });

  it('rules nothing out when a target is shorter than two chars', () => {
    expect(new FoldedEdges(['x', 'ab']).mayStart('hello')).toBe(true);
    expect(new FoldedEdges(['x', 'ab']).mayEnd('hello')).toBe(true);
  });
});

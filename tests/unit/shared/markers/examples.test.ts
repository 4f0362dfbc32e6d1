import { describe, expect, it } from 'vitest';
import { createMarkerTagger, MARKER_IDS } from '../../../../shared/markers/index.ts';
import { NEGATIVE_EXAMPLES } from './negative-examples.ts';
import { POSITIVE_EXAMPLES } from './positive-examples.ts';
import { VARIANT_EXAMPLES } from './variant-examples.ts';

/**
 * Smoke tests per marker and language on messages written for these tests (not evaluation
 * lines): each message must carry its marker; benign look-alikes must carry none.
 */
const tagger = createMarkerTagger();
const LANGUAGES = ['eng', 'ron', 'bul', 'rus', 'ukr', 'pol', 'deu', 'fra', 'spa', 'ita', 'nld', 'hun', 'sqi', 'vie'];
/** Arabic and Hebrew have at least two examples per marker (a first pass: packs have far fewer terms than in the other languages). */
const ARABIC_HEBREW = ['ara', 'heb'];
const MIN_RTL_EXAMPLES = 2;

describe.each(MARKER_IDS)('%s', (marker) => {
  const examples = POSITIVE_EXAMPLES.filter((example) => example.marker === marker);

  it('has an example in every supported language', () => {
    expect(new Set(examples.map((example) => example.lang))).toEqual(new Set([...LANGUAGES, ...ARABIC_HEBREW]));
  });

  it('has at least two Arabic and two Hebrew examples', () => {
    for (const lang of ARABIC_HEBREW) expect(examples.filter((example) => example.lang === lang).length, lang).toBeGreaterThanOrEqual(MIN_RTL_EXAMPLES);
  });

  it.each(examples.map((example) => [example.lang, example.text] as const))('tags [%s] %s', (lang, text) => {
    expect(tagger.tag(text, lang).map((tag) => tag.marker)).toContain(marker);
  });

  it.each(VARIANT_EXAMPLES.filter((example) => example.marker === marker).map((example) => [example.lang, example.text] as const))('tags the variant [%s] %s', (lang, text) => {
    expect(tagger.tag(text, lang).map((tag) => tag.marker)).toContain(marker);
  });
});

describe('benign messages', () => {
  it.each(NEGATIVE_EXAMPLES.map((example) => [example.lang, example.text] as const))('leaves [%s] %s untagged', (lang, text) => {
    expect(tagger.tag(text, lang)).toEqual([]);
  });
});

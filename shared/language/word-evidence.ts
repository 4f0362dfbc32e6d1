/**
 * Evidence from common short words (function-words.ts): each distinct word of the text that a
 * language lists adds 1 to that language, shared equally among all languages listing it, so
 * "na" (a dozen languages) says little and "shte" (romanised Bulgarian) says a lot.
 */
import { foldedWords } from '../text/fold.ts';
import { COMMON_WORDS } from './common-words.ts';
import { FUNCTION_WORDS, NEUTRAL_WORDS } from './function-words.ts';

/** Longer texts have trigrams enough; counting words beyond this adds time, not accuracy. */
const MAX_WORDS = 40;

function buildIndex(): Map<string, Map<string, number>> {
  const listing = new Map<string, Set<string>>();
  for (const [key, words] of [...Object.entries(FUNCTION_WORDS), ...Object.entries(COMMON_WORDS)]) {
    const lang = key.split('-')[0] ?? key;
    for (const word of foldedWords(words)) {
      const languages = listing.get(word) ?? new Set<string>();
      languages.add(lang);
      listing.set(word, languages);
    }
  }
  const index = new Map<string, Map<string, number>>();
  for (const [word, languages] of listing) {
    const share = 1 / languages.size;
    index.set(word, new Map([...languages].map((lang) => [lang, share])));
  }
  return index;
}

let index: Map<string, Map<string, number>> | undefined;

/** language -> summed word shares for the distinct words of `text`. */
export function wordEvidence(text: string): Map<string, number> {
  index ??= buildIndex();
  const evidence = new Map<string, number>();
  const seen = new Set<string>();
  for (const word of foldedWords(text)) {
    if (seen.size >= MAX_WORDS) break;
    if (seen.has(word)) continue;
    seen.add(word);
    const shares = index.get(word);
    if (shares === undefined) continue;
    for (const [lang, share] of shares) evidence.set(lang, (evidence.get(lang) ?? 0) + share);
  }
  return evidence;
}

const NEUTRAL = new RegExp(`(?<![\\p{L}\\p{M}])(?:${NEUTRAL_WORDS.join('|')})(?![\\p{L}\\p{M}])`, 'giu');

/** `text` with chat words every language uses ("ok", "lol", app names) blanked out. */
export function withoutNeutralWords(text: string): string {
  return text.replace(NEUTRAL, ' ');
}

/**
 * Cyrillic ↔ Latin for Bulgarian, Russian, Ukrainian and Serbian as people actually type it.
 *
 * Seized chats mix scripts: a Bulgarian writes "dalzhish mi" for «дължиш ми», a Russian
 * "pasport u menya" for «паспорт у меня». Two uses:
 * - `cyrillicToLatin` gives ONE standard romanisation (Bulgarian Streamlined System, Russian
 *   and Ukrainian passport-style, Serbian official Latin), for display and indexing;
 * - `chatSpellings` enumerates the plausible informal spellings of a Cyrillic word, folded
 *   (lower case, no diacritics) so they compare with `foldText` output. The marker rule
 *   compiler and search use it to let a Cyrillic term find Latin-script chat.
 * Pure functions, no tables built per call.
 */
import { foldText } from './fold.ts';

export type CyrillicLanguage = 'bul' | 'rus' | 'ukr' | 'srp';

export const CYRILLIC_LANGUAGES: readonly CyrillicLanguage[] = ['bul', 'rus', 'ukr', 'srp'];

/** Upper bound on spellings per word: enough for real chat variation, bounded for long words. */
export const DEFAULT_SPELLING_LIMIT = 64;

type Table = Readonly<Record<string, readonly string[]>>;

/** Alternatives per lower-case letter; the first one is the standard romanisation. */
const COMMON: Table = {
  а: ['a'], б: ['b'], в: ['v', 'w'], г: ['g'], ґ: ['g'], д: ['d'], е: ['e'], ё: ['yo', 'e', 'jo', 'io'],
  є: ['ye', 'ie', 'je', 'e'], ж: ['zh', 'j', 'z'], з: ['z'], и: ['i', 'y'], і: ['i'], ї: ['yi', 'i', 'ji'],
  й: ['y', 'i', 'j'], ј: ['j'], к: ['k'], л: ['l'], љ: ['lj', 'l'], м: ['m'], н: ['n'], њ: ['nj', 'n'],
  о: ['o'], п: ['p'], р: ['r'], с: ['s'], т: ['t'], ћ: ['c', 'ch'], у: ['u'], ф: ['f'],
  х: ['kh', 'h', 'x'], ц: ['ts', 'c', 'tz'], ч: ['ch', 'c', '4'], џ: ['dz', 'dj'], ш: ['sh', 's', '6'],
  щ: ['shch', 'sch', 'sh', 'shh'], ъ: [''], ы: ['y', 'i'], ь: [''], э: ['e'], ю: ['yu', 'iu', 'ju', 'u'],
  я: ['ya', 'ia', 'ja', 'a'], ђ: ['dj', 'd'],
};

const OVERRIDES: Readonly<Record<CyrillicLanguage, Table>> = {
  bul: { х: ['h', 'x', 'kh'], щ: ['sht', 'sh', 'st'], ъ: ['a', 'u', 'y', 'e'], я: ['ya', 'q', 'ia', 'ja', 'a'], ю: ['yu', 'iu', 'ju', 'u'], ь: ['y', ''] },
  rus: { ъ: [''], ь: ['', 'j'] },
  ukr: { г: ['h', 'g'], и: ['y', 'i'], х: ['kh', 'h', 'x'] },
  srp: { ж: ['ž', 'zh', 'z'], ш: ['š', 'sh', 's'], ч: ['č', 'ch', 'c'], ћ: ['ć', 'c', 'ch'], ђ: ['đ', 'dj', 'd'], џ: ['dž', 'dz', 'dj'], х: ['h', 'x'], ц: ['c', 'ts'], и: ['i'], ј: ['j'] },
};

/** Russian and Ukrainian write «е» at the start of a word as "ye"/"je" as often as "e". */
const WORD_INITIAL_E: Readonly<Record<CyrillicLanguage, readonly string[]>> = {
  bul: ['e'], rus: ['e', 'ye', 'je'], ukr: ['e'], srp: ['e'],
};

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LETTER = /\p{L}/u;

export function isCyrillicLanguage(lang: string): lang is CyrillicLanguage {
  return (CYRILLIC_LANGUAGES as readonly string[]).includes(lang);
}

export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

function alternatives(letter: string, lang: CyrillicLanguage, wordInitial: boolean): readonly string[] | undefined {
  if (letter === 'е' && wordInitial) return WORD_INITIAL_E[lang];
  return OVERRIDES[lang][letter] ?? COMMON[letter];
}

/** One standard romanisation of `text`; letters outside the tables pass through unchanged. */
export function cyrillicToLatin(text: string, lang: CyrillicLanguage): string {
  let out = '';
  let previousIsLetter = false;
  for (const char of text) {
    const lower = char.toLowerCase();
    const options = alternatives(lower, lang, !previousIsLetter);
    previousIsLetter = LETTER.test(char);
    if (options === undefined) {
      out += char;
      continue;
    }
    const latin = options[0] ?? '';
    out += lower === char || latin === '' ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

/**
 * The plausible Latin chat spellings of one Cyrillic word, folded, standard spelling first.
 * Letters with several spellings multiply the count; past `limit` the remaining letters keep
 * only their most common spellings, so long words stay bounded.
 */
export function chatSpellings(word: string, lang: CyrillicLanguage, limit: number = DEFAULT_SPELLING_LIMIT): string[] {
  let spellings = [''];
  let index = 0;
  for (const char of word.toLowerCase()) {
    const options = alternatives(char, lang, index === 0) ?? [char];
    index += 1;
    const room = Math.max(1, Math.floor(limit / spellings.length));
    const used = options.slice(0, Math.min(options.length, room));
    const next: string[] = [];
    for (const prefix of spellings) for (const option of used) next.push(prefix + option);
    spellings = next;
  }
  const folded = new Set<string>();
  for (const spelling of spellings) folded.add(foldText(spelling));
  return [...folded];
}

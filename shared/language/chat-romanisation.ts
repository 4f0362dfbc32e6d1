/**
 * How Bulgarian, Russian and Ukrainian are typed in Latin letters in chats ("shte ti dam",
 * "ty gde", "pryvit"), letter by letter, most common spelling first. Used to build Latin-script
 * versions of franc's Cyrillic trigram models, so a romanised message is scored against the
 * language it is written in rather than against Polish or Czech.
 *
 * shared/text/transliterate.ts serves search (every plausible spelling of one query word);
 * models need the opposite trade-off: at most two spellings per letter, or the romanised model
 * would match everything.
 */

export type RomanisedLanguage = 'bul' | 'rus' | 'ukr';

export const ROMANISED_LANGUAGES: readonly RomanisedLanguage[] = ['bul', 'rus', 'ukr'];

type Spellings = Readonly<Record<string, readonly string[]>>;

const COMMON: Spellings = {
  а: ['a'], б: ['b'], в: ['v'], г: ['g'], д: ['d'], е: ['e'], ж: ['zh', 'j'], з: ['z'], и: ['i'], й: ['y', 'i'],
  к: ['k'], л: ['l'], м: ['m'], н: ['n'], о: ['o'], п: ['p'], р: ['r'], с: ['s'], т: ['t'], у: ['u'], ф: ['f'],
  х: ['h', 'kh'], ц: ['ts', 'c'], ч: ['ch'], ш: ['sh'], ь: [''], ю: ['yu', 'iu'], я: ['ya', 'ia'], ' ': [' '],
};

const BY_LANGUAGE: Readonly<Record<RomanisedLanguage, Spellings>> = {
  // Bulgarian chat writes ъ as a or u, я as q or ya, щ as sht.
  bul: { ...COMMON, щ: ['sht'], ъ: ['a', 'u'], я: ['ya', 'q'], ю: ['yu', 'iu'], ь: ['y'] },
  rus: { ...COMMON, х: ['kh', 'h'], щ: ['sch', 'shch'], ъ: [''], ы: ['y', 'i'], э: ['e'], ё: ['e', 'yo'], ь: [''] },
  ukr: { ...COMMON, г: ['h', 'g'], ґ: ['g'], и: ['y', 'i'], і: ['i'], ї: ['yi', 'i'], є: ['ye', 'ie'], х: ['kh', 'h'], щ: ['shch', 'sch'] },
};

/** Every romanisation of a short Cyrillic string (a model trigram), at most 2 per letter. */
export function romanisations(cyrillic: string, lang: RomanisedLanguage): string[] {
  const table = BY_LANGUAGE[lang];
  let results = [''];
  for (const letter of cyrillic) {
    const options = table[letter] ?? [letter];
    const next: string[] = [];
    for (const prefix of results) for (const option of options) next.push(prefix + option);
    results = next;
  }
  return results;
}

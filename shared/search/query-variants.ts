import { chatSpellings, hasCyrillic } from '../text/transliterate.ts';

/**
 * Other spellings of a query word, so that a Latin query finds Cyrillic text and the reverse
 * (people type Bulgarian, Russian and Ukrainian in Latin letters in chats, and investigators
 * type Latin letters for words they read in Cyrillic).
 */
const SPELLINGS_PER_LANGUAGE = 6;
const MAX_VARIANTS = 16;

/** Latin chat spellings to Cyrillic, longest first so "shch" wins over "sh" + "ch". */
const LATIN_TO_CYRILLIC: [string, string[]][] = [
  ['shch', ['щ']], ['sht', ['щ']], ['sch', ['щ']],
  ['zh', ['ж']], ['kh', ['х']], ['ts', ['ц']], ['ch', ['ч']], ['sh', ['ш']],
  ['yu', ['ю']], ['ju', ['ю']], ['ya', ['я']], ['ja', ['я']], ['yo', ['ё', 'йо']], ['ye', ['е', 'є']], ['yi', ['ї', 'ы']],
  ['a', ['а']], ['b', ['б']], ['v', ['в']], ['w', ['в']], ['g', ['г']], ['h', ['х', 'г']], ['d', ['д']], ['e', ['е', 'э']], ['z', ['з']],
  ['i', ['и', 'і']], ['j', ['й']], ['y', ['ы', 'й', 'и']], ['k', ['к']], ['l', ['л']], ['m', ['м']], ['n', ['н']], ['o', ['о']],
  ['p', ['п']], ['r', ['р']], ['s', ['с']], ['t', ['т']], ['u', ['у']], ['f', ['ф']], ['c', ['ц', 'к']], ['x', ['кс']], ['q', ['к']],
  ["'", ['ь', 'ъ']], ['`', ['ъ']],
];
const LATIN_WORD = /^[a-z'`]+$/u;

export function queryWordVariants(word: string): string[] {
  const variants = new Set<string>();
  if (hasCyrillic(word)) {
    for (const lang of ['rus', 'ukr', 'bul'] as const) for (const spelling of chatSpellings(word, lang, SPELLINGS_PER_LANGUAGE)) variants.add(spelling);
  } else if (LATIN_WORD.test(word) && word.length >= 3) {
    for (const spelling of latinToCyrillic(word)) variants.add(spelling);
  }
  variants.delete(word);
  return [...variants].slice(0, MAX_VARIANTS);
}

/** The most likely Cyrillic spellings of a Latin chat word: the first choice per letter, then a few alternatives. */
function latinToCyrillic(word: string): string[] {
  let spellings = [''];
  let index = 0;
  while (index < word.length) {
    const match = LATIN_TO_CYRILLIC.find(([latin]) => word.startsWith(latin, index));
    if (match === undefined) return [];
    const [latin, options] = match;
    const room = Math.max(1, Math.floor(MAX_VARIANTS / spellings.length));
    spellings = spellings.flatMap((prefix) => options.slice(0, room).map((option) => prefix + option));
    index += latin.length;
  }
  return spellings;
}

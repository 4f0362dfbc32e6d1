/**
 * Letters that only some languages write. Trigram models see them too, but diluted among a
 * short message's other trigrams; counted on their own they settle "ő" (Hungarian), "ї"
 * (Ukrainian) or "ơ" (Vietnamese) at once, and tip the balance for shared letters.
 *
 * Weights: 1 = the letter is characteristic of the language; lower = used, but less often or
 * also in loanwords. Languages not listed for a letter get nothing, so a letter is evidence
 * for its languages relative to all others.
 */

type LetterWeights = Readonly<Record<string, Readonly<Record<string, number>>>>;

const LATIN: LetterWeights = {
  ș: { ron: 1 }, ț: { ron: 1 }, ş: { ron: 0.6, tur: 1, azj: 1 }, ţ: { ron: 1 },
  ă: { ron: 1, vie: 0.6 }, â: { ron: 0.6, vie: 0.6, fra: 0.3, por: 0.4, tur: 0.2 }, î: { ron: 0.7, fra: 0.3 },
  ő: { hun: 1 }, ű: { hun: 1 },
  ł: { pol: 1 }, ś: { pol: 1 }, ź: { pol: 1 }, ż: { pol: 1 }, ń: { pol: 1 }, ę: { pol: 1, lit: 0.5 }, ą: { pol: 1, lit: 0.5 },
  ć: { pol: 0.6, hrv: 0.6, bos: 0.6, srp: 0.6 },
  ß: { deu: 1 }, ä: { deu: 0.6, fin: 0.6, swe: 0.6, est: 0.6, slk: 0.3 },
  ö: { deu: 0.5, hun: 0.5, tur: 0.5, azj: 0.5, fin: 0.5, swe: 0.5, est: 0.5 },
  ü: { deu: 0.5, hun: 0.5, tur: 0.5, azj: 0.5, est: 0.5 },
  ơ: { vie: 1 }, ư: { vie: 1 }, đ: { vie: 0.6, hrv: 0.6, bos: 0.6, srp: 0.6 },
  ë: { sqi: 1, nld: 0.2, fra: 0.1 }, ç: { sqi: 0.5, fra: 0.5, por: 0.5, tur: 0.5, azj: 0.5, cat: 0.5 },
  ñ: { spa: 1 }, ã: { por: 1, vie: 0.5 }, õ: { por: 0.6, est: 0.6, vie: 0.5 },
  œ: { fra: 1 }, û: { fra: 0.6 }, ê: { fra: 0.5, por: 0.5, vie: 0.5 }, ô: { fra: 0.4, por: 0.4, vie: 0.5, slk: 0.4 },
  è: { ita: 0.5, fra: 0.5, cat: 0.4 }, à: { ita: 0.5, fra: 0.5, cat: 0.4, por: 0.2 }, ì: { ita: 0.7 }, ò: { ita: 0.6, cat: 0.4 },
  ù: { ita: 0.4, fra: 0.4 }, ï: { fra: 0.3, nld: 0.3, cat: 0.3 },
  ř: { ces: 1 }, ů: { ces: 1 }, ě: { ces: 1 }, ľ: { slk: 1 }, ĺ: { slk: 1 }, ŕ: { slk: 1 },
  č: { ces: 0.5, slk: 0.5, hrv: 0.5, bos: 0.5, srp: 0.5, slv: 0.5, lit: 0.5, lav: 0.5 },
  š: { ces: 0.4, slk: 0.4, hrv: 0.4, bos: 0.4, srp: 0.4, slv: 0.4, lit: 0.4, lav: 0.4, est: 0.2, fin: 0.1 },
  ž: { ces: 0.4, slk: 0.4, hrv: 0.4, bos: 0.4, srp: 0.4, slv: 0.4, lit: 0.4, lav: 0.4, est: 0.2, fin: 0.1 },
  ğ: { tur: 1, azj: 1 }, ı: { tur: 1, azj: 1 }, ə: { azj: 1 }, å: { swe: 1, dan: 1, nob: 1 }, æ: { dan: 1, nob: 1 }, ø: { dan: 1, nob: 1 },
  ā: { lav: 1 }, ē: { lav: 1 }, ī: { lav: 1 }, ū: { lav: 1, lit: 0.6 }, ņ: { lav: 1 }, ķ: { lav: 1 }, ļ: { lav: 1 }, ģ: { lav: 1 },
  ė: { lit: 1 }, į: { lit: 1 }, ų: { lit: 1 },
};

const CYRILLIC: LetterWeights = {
  і: { ukr: 1, bel: 1, kaz: 0.5 }, ї: { ukr: 1 }, є: { ukr: 1 }, ґ: { ukr: 1 }, ў: { bel: 1 },
  ы: { rus: 1, bel: 1 }, э: { rus: 1, bel: 1 }, ё: { rus: 1, bel: 1 },
  ђ: { srp: 1 }, ћ: { srp: 1 }, ј: { srp: 1, mkd: 1 }, љ: { srp: 1, mkd: 1 }, њ: { srp: 1, mkd: 1 }, џ: { srp: 1, mkd: 1 },
  ѓ: { mkd: 1 }, ќ: { mkd: 1 }, ѕ: { mkd: 1 },
  ә: { kaz: 1 }, ғ: { kaz: 1 }, қ: { kaz: 1 }, ң: { kaz: 1 }, ө: { kaz: 1 }, ұ: { kaz: 1 }, ү: { kaz: 1 }, һ: { kaz: 1 },
};

const ARABIC: LetterWeights = {
  // Persian and Urdu letters absent from Arabic; Urdu-only letters; Arabic's ta marbuta and
  // alif maqsura are rare outside Arabic loanwords.
  پ: { pes: 1, urd: 1 }, چ: { pes: 1, urd: 1 }, ژ: { pes: 1, urd: 0.5 }, گ: { pes: 1, urd: 1 }, ک: { pes: 1, urd: 1 }, ی: { pes: 1, urd: 1 },
  ٹ: { urd: 1 }, ڈ: { urd: 1 }, ڑ: { urd: 1 }, ں: { urd: 1 }, ے: { urd: 1 }, ھ: { urd: 1 },
  ة: { arb: 1, pes: 0.2, urd: 0.2 }, ى: { arb: 1 }, ك: { arb: 0.6 }, ي: { arb: 0.6 },
};

const HARD_SIGN = 'ъ';
/** Russian writes ъ only before iotated vowels (подъезд, объявление); Bulgarian writes it as a vowel. */
const IOTATED = new Set(['е', 'ё', 'ю', 'я']);
const HARD_SIGN_BEFORE_VOWEL: Readonly<Record<string, number>> = { rus: 1, bul: 0.2 };
const HARD_SIGN_AS_VOWEL: Readonly<Record<string, number>> = { bul: 1 };

/** Count beyond which more of the same letter adds no evidence (names, repeated words). */
const LETTER_COUNT_CAP = 3;

function withUpperCase(table: LetterWeights): Map<string, Readonly<Record<string, number>>> {
  const map = new Map<string, Readonly<Record<string, number>>>();
  for (const [letter, weights] of Object.entries(table)) {
    map.set(letter, weights);
    map.set(letter.toUpperCase(), weights);
  }
  return map;
}

const TABLE = new Map([...withUpperCase(LATIN), ...withUpperCase(CYRILLIC), ...withUpperCase(ARABIC)]);
/** Vietnamese vowels with tone marks (Latin Extended Additional, U+1EA0..U+1EF9): no other candidate writes them. */
const VIETNAMESE_FIRST = 0x1ea0;
const VIETNAMESE_LAST = 0x1ef9;
const VIETNAMESE: Readonly<Record<string, number>> = { vie: 1 };

export interface LetterEvidence {
  /** language -> summed weight of its letters (count-capped). */
  weights: Map<string, number>;
  /** language -> capped count of letters that only it writes (weight 1, no other language listed). */
  exclusive: Map<string, number>;
}

function lookUp(text: string, index: number, char: string): Readonly<Record<string, number>> | undefined {
  const code = char.charCodeAt(0);
  if (code >= VIETNAMESE_FIRST && code <= VIETNAMESE_LAST) return VIETNAMESE;
  if (char === HARD_SIGN || char === 'Ъ') {
    const next = text.charAt(index + 1).toLowerCase();
    return IOTATED.has(next) ? HARD_SIGN_BEFORE_VOWEL : HARD_SIGN_AS_VOWEL;
  }
  return TABLE.get(char);
}

/** NFC input expected: decomposed letters (e + combining mark) are not recognised. */
export function letterEvidence(text: string): LetterEvidence {
  const counts = new Map<Readonly<Record<string, number>>, number>();
  for (let index = 0; index < text.length; index += 1) {
    if (text.charCodeAt(index) < 0xc0) continue;
    const weights = lookUp(text, index, text.charAt(index));
    if (weights !== undefined) counts.set(weights, Math.min(LETTER_COUNT_CAP, (counts.get(weights) ?? 0) + 1));
  }
  const evidence: LetterEvidence = { weights: new Map(), exclusive: new Map() };
  for (const [weights, count] of counts) {
    const languages = Object.keys(weights);
    for (const lang of languages) {
      const weight = weights[lang] ?? 0;
      evidence.weights.set(lang, (evidence.weights.get(lang) ?? 0) + weight * count);
      if (languages.length === 1 && weight === 1) evidence.exclusive.set(lang, (evidence.exclusive.get(lang) ?? 0) + count);
    }
  }
  return evidence;
}

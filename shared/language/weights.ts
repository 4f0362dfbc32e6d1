/**
 * The detector's few global numbers, in one place because they were set together: the
 * relative weights of the kinds of evidence by accuracy on the development file
 * (../shared/eval/markers-dev.jsonl, via scripts/eval-language.ts), then the temperature so
 * that confidence ≥ 0.7 is mostly right there. No number here refers to any single line.
 */
export const WEIGHTS = {
  /** Fewer letters than this is no language ("ok", "?", emoji): `und`. */
  minLetters: 2,
  /** Below this many letters, evidence is scaled down in proportion (see analyse.ts). */
  shortTextLetters: 12,
  /** franc distance units per log-score unit: 300 = one trigram missing from a model. */
  trigramScale: 200,
  /** Trigram evidence grows as (number of trigrams) ** this: 1 = independent trigrams. */
  trigramLengthExponent: 0.5,
  /** Log-score per unit of letter weight (letter-evidence.ts). */
  letter: 3,
  /** Log-score per function word (word-evidence.ts). */
  word: 2,
  /** Romanised Cyrillic models hold two spellings per letter and so match more: handicap them. */
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
  contextWeight: 0.5,
  /** ...and of all neighbours together. */
  contextTotalWeight: 1,
  /** Lowest log-score one neighbour can give a language: a long neighbour must not outvote. */
  contextFloor: -6,
} as const;

/**
 * Evidence about one text: its script, then, where the script leaves a choice, letters only
 * some languages write and franc's trigram distances, all as log-scores on one scale so that
 * the evidence of neighbouring messages can be added (context.ts).
 */
import { franc } from 'franc';
import { candidatePool, SINGLE_LANGUAGE_SCRIPTS } from './candidates.ts';
import type { CandidateRequest, Pool } from './candidates.ts';
import type { LanguageClassifier } from './classifier.ts';
import { ROMANISED_LANGUAGES } from './chat-romanisation.ts';
import { publicCode, UNDETERMINED } from './codes.ts';
import { letterEvidence } from './letter-evidence.ts';
import type { LetterEvidence } from './letter-evidence.ts';
import { scriptProfile } from './script.ts';
import type { Script, ScriptProfile } from './script.ts';
import { trigramCounts, trigramDistances, trigramTable } from './trigram-models.ts';
import { withoutNeutralWords, wordEvidence } from './word-evidence.ts';
import { WEIGHTS } from './weights.ts';

/** How an answer was reached; recorded with the answer as provenance. */
export type Method = 'none' | 'script' | 'letters' | 'trigrams' | 'franc';

export interface TextAnalysis {
  script: Script | undefined;
  method: Method;
  /** Languages the text may be in given its script and the candidates (context chooses among them). */
  pool: readonly string[];
  /** Pool language -> log-score relative to the best (best = 0, others below). Empty for 'none'. */
  scores: Map<string, number>;
  /** For answers settled without scoring ('script', 'letters', 'franc'): their confidence. */
  settledConfidence: number;
}

const NOTHING: TextAnalysis = { script: undefined, method: 'none', pool: [], scores: new Map(), settledConfidence: 0 };

function settled(script: Script | undefined, method: Method, lang: string, confidence: number): TextAnalysis {
  return { script, method, pool: [lang], scores: new Map([[lang, 0]]), settledConfidence: confidence };
}

/** franc reads 2048 characters; letters and words beyond this change no answer. */
const MAX_ANALYSED_LENGTH = 4096;

/** A few letters of a one-language script are already near-certain; one letter is not. */
function scriptConfidence(letters: number): number {
  return Math.min(WEIGHTS.scriptConfidenceMax, WEIGHTS.scriptConfidenceBase + WEIGHTS.scriptConfidencePerLetter * letters);
}

function singleScriptLanguage(profile: ScriptProfile): { script: Script; lang: string } | undefined {
  const { counts, dominant } = profile;
  if (dominant === undefined) return undefined;
  // Japanese mixes kana with kanji (often more kanji); Chinese never writes kana.
  if ((dominant === 'Hani' || dominant === 'Kana') && (counts.Kana ?? 0) > 0) return { script: 'Kana', lang: 'jpn' };
  if (dominant === 'Hani' && (counts.Hang ?? 0) > 0) return { script: 'Hang', lang: 'kor' };
  const lang = SINGLE_LANGUAGE_SCRIPTS[dominant];
  return lang === undefined ? undefined : { script: dominant, lang };
}

/** The one pool language that exclusive letters point to, when they point to exactly one. */
function decisiveLetters(evidence: LetterEvidence, pool: Pool, words: number): string | undefined {
  let found: string | undefined;
  let count = 0;
  for (const [lang, letters] of evidence.exclusive) {
    if (!pool.languages.includes(lang)) continue;
    if (found !== undefined) return undefined;
    found = lang;
    count = letters;
  }
  if (found === undefined) return undefined;
  return count >= WEIGHTS.decisiveLetterCount || words <= WEIGHTS.decisiveShortWords ? found : undefined;
}

function countWords(text: string): number {
  return text.split(/\s+/u).filter((word) => word !== '').length;
}

export function analyseText(raw: string, request: CandidateRequest): TextAnalysis {
  const text = raw.slice(0, MAX_ANALYSED_LENGTH).normalize('NFC');
  const profile = scriptProfile(text);
  if (profile.letters < WEIGHTS.minLetters || profile.dominant === undefined) return NOTHING;
  const single = singleScriptLanguage(profile);
  if (single !== undefined) return settled(single.script, 'script', single.lang, scriptConfidence(profile.letters));
  const script = profile.dominant;
  const table = trigramTable(script);
  if (table === null) {
    // Scripts of one language each that we do not route ourselves (Tamil, Khmer, ...): franc knows them.
    const lang = publicCode(franc(text, { minLength: 1 }));
    return lang === UNDETERMINED ? NOTHING : settled(script, 'franc', lang, scriptConfidence(profile.letters));
  }
  const pool = candidatePool(script, request);
  const [onlyLanguage] = pool.languages;
  if (pool.languages.length === 1 && onlyLanguage !== undefined) return settled(script, 'script', onlyLanguage, scriptConfidence(profile.letters));
  const letters = letterEvidence(text);
  const decisive = decisiveLetters(letters, pool, countWords(text));
  if (decisive !== undefined) return settled(script, 'letters', decisive, WEIGHTS.letterRuleConfidence);
  const telling = withoutNeutralWords(text);
  // "ok", "lol", "WhatsApp": letters, but no language; only context can tell.
  if (scriptProfile(telling).letters < WEIGHTS.minLetters) return { script, method: 'none', pool: pool.languages, scores: new Map(), settledConfidence: 0 };
  return { script, method: 'trigrams', pool: pool.languages, scores: scorePool(telling, script, pool, letters, request.classifier), settledConfidence: 0 };
}

function scorePool(text: string, script: Script, pool: Pool, letters: LetterEvidence, classifier: LanguageClassifier | undefined): Map<string, number> {
  const table = trigramTable(script);
  const counts = trigramCounts(text);
  const distances = table === null ? new Float64Array(pool.columns.length) : trigramDistances(counts, table, pool.columns);
  // Trigrams of one text are far from independent: evidence grows slower than their number.
  const trigramWeight = counts.size === 0 ? 0 : counts.size ** WEIGHTS.trigramLengthExponent / counts.size / WEIGHTS.trigramScale;
  const words = wordEvidence(text);
  const scores = new Map<string, number>();
  let best = Number.NEGATIVE_INFINITY;
  pool.languages.forEach((lang, position) => {
    let score = -(distances[position] ?? 0) * trigramWeight;
    score += WEIGHTS.letter * (letters.weights.get(lang) ?? 0);
    score += WEIGHTS.word * (words.get(lang) ?? 0);
    if (script === 'Latn' && (ROMANISED_LANGUAGES as readonly string[]).includes(lang)) score -= WEIGHTS.romanisedPrior;
    scores.set(lang, score);
    if (score > best) best = score;
  });
  // A few letters cannot carry much evidence whatever the models say ("vin" is Romanian,
  // French and romanised Ukrainian): shrink toward indifference below shortTextLetters.
  const shrink = Math.min(1, scriptProfile(text).letters / WEIGHTS.shortTextLetters);
  for (const [lang, score] of scores) scores.set(lang, (score - best) * shrink);
  // The classifier is trained on short and long text alike: its evidence is not shrunk. It is
  // asked only when it could change the answer: floored, it moves two languages apart by at
  // most classifierSwing(), so a lead larger than that is kept without the cost of asking.
  if (classifier !== undefined && runnerUp(scores) > -classifierSwing()) addClassifierEvidence(scores, classifier, text);
  return scores;
}

/** The largest log-score difference the classifier can make between two languages. */
function classifierSwing(): number {
  return -WEIGHTS.classifier * Math.log(WEIGHTS.classifierFloor);
}

/** The second-best score of scores re-centred on the best (0): how far behind the runner-up is. */
function runnerUp(scores: ReadonlyMap<string, number>): number {
  let best = Number.NEGATIVE_INFINITY;
  let second = Number.NEGATIVE_INFINITY;
  for (const score of scores.values()) {
    if (score > best) {
      second = best;
      best = score;
    } else if (score > second) second = score;
  }
  return second;
}

/** Adds weight × log-probability of the classifier for each pool language, then re-centres on the best. */
function addClassifierEvidence(scores: Map<string, number>, classifier: LanguageClassifier, text: string): void {
  const { listed, unlisted } = classifier.classify(text);
  let best = Number.NEGATIVE_INFINITY;
  for (const [lang, score] of scores) {
    const combined = score + WEIGHTS.classifier * Math.log(Math.max(WEIGHTS.classifierFloor, listed.get(lang) ?? unlisted));
    scores.set(lang, combined);
    if (combined > best) best = combined;
  }
  for (const [lang, score] of scores) scores.set(lang, score - best);
}

/**
 * Language of a chat message: script rules, letter rules, franc's trigrams, common words,
 * and, for short or ambiguous messages, the messages around it.
 */
import { analyseText } from './analyse.ts';
import type { Method, TextAnalysis } from './analyse.ts';
import type { CandidateRequest } from './candidates.ts';
import type { LanguageClassifier } from './classifier.ts';
import { DEFAULT_CANDIDATE_LANGUAGES, UNDETERMINED } from './codes.ts';
import type { Script } from './script.ts';
import { WEIGHTS } from './weights.ts';

export interface LanguageGuess {
  /** ISO 639-3, `und` when unknown. */
  lang: string;
  /** Probability-like, 0..1; on the development data answers at ≥ 0.7 are mostly right. */
  confidence: number;
  /** ISO 15924 script of the message (`Latn` for romanised Russian), when it has letters. */
  script?: Script;
  /** How the answer was reached; 'context' when neighbours decided it. */
  method: Method | 'context';
}

export interface DetectOptions {
  /** Languages to choose from: default DEFAULT_CANDIDATE_LANGUAGES; 'any' = all franc knows. */
  candidates?: readonly string[] | 'any';
  /** Languages of the case (e.g. ['ron','eng','rus']): narrow the candidates. */
  caseLanguages?: readonly string[];
  /** Neighbouring messages (same conversation, same sender), nearest first. */
  context?: readonly string[];
  /** A loaded statistical classifier (fastText in the language worker); none in pure callers. */
  classifier?: LanguageClassifier;
  /**
   * Analyses already made with the same candidates, case languages and classifier, by text: a
   * batch of chat lines analyses each line once, though it is also its neighbours' context.
   */
  analyses?: Map<string, TextAnalysis>;
}

export interface ContextOptions {
  context?: readonly string[];
  caseLanguages?: readonly string[];
  classifier?: LanguageClassifier;
}

const CONFIDENCE_DECIMALS = 1000;

function round(value: number): number {
  return Math.round(value * CONFIDENCE_DECIMALS) / CONFIDENCE_DECIMALS;
}

/** Best language and its softmax probability among the scored languages. */
function bestOf(scores: ReadonlyMap<string, number>): { lang: string; confidence: number } {
  let lang = UNDETERMINED;
  let best = Number.NEGATIVE_INFINITY;
  for (const [candidate, score] of scores) {
    if (score > best) {
      best = score;
      lang = candidate;
    }
  }
  if (lang === UNDETERMINED) return { lang, confidence: 0 };
  let total = 0;
  for (const score of scores.values()) total += Math.exp((score - best) / WEIGHTS.temperature);
  return { lang, confidence: 1 / total };
}

function guessOf(analysis: TextAnalysis): LanguageGuess {
  const script = analysis.script === undefined ? {} : { script: analysis.script };
  if (analysis.method === 'none') return { lang: UNDETERMINED, confidence: 0, method: 'none', ...script };
  if (analysis.method !== 'trigrams') {
    const [lang = UNDETERMINED] = analysis.scores.keys();
    return { lang, confidence: round(analysis.settledConfidence), method: analysis.method, ...script };
  }
  const { lang, confidence } = bestOf(analysis.scores);
  return { lang, confidence: round(confidence), method: 'trigrams', ...script };
}

/**
 * Adds the neighbours' scores to the message's, each neighbour weighted lower and floored, so
 * neighbours tip an ambiguous message but cannot overturn a clear one.
 */
function combine(own: TextAnalysis, neighbours: readonly TextAnalysis[], pool: readonly string[]): Map<string, number> {
  const informative = neighbours.filter((neighbour) => neighbour.scores.size > 0);
  const weight = Math.min(WEIGHTS.contextWeight, WEIGHTS.contextTotalWeight / Math.max(1, informative.length));
  const combined = new Map<string, number>();
  for (const lang of pool) {
    let score = own.scores.get(lang) ?? 0;
    for (const neighbour of informative) score += weight * Math.max(WEIGHTS.contextFloor, neighbour.scores.get(lang) ?? WEIGHTS.contextFloor);
    combined.set(lang, score);
  }
  return combined;
}

export function detectLanguage(text: string, options: DetectOptions = {}): LanguageGuess {
  const request: CandidateRequest = {
    candidates: options.candidates ?? DEFAULT_CANDIDATE_LANGUAGES,
    ...(options.caseLanguages === undefined ? {} : { caseLanguages: options.caseLanguages }),
    ...(options.classifier === undefined ? {} : { classifier: options.classifier }),
  };
  const memo = options.analyses;
  const analyse = (value: string): TextAnalysis => {
    if (memo === undefined) return analyseText(value, request);
    let analysis = memo.get(value);
    if (analysis === undefined) {
      analysis = analyseText(value, request);
      memo.set(value, analysis);
    }
    return analysis;
  };
  const own = analyse(text);
  const alone = guessOf(own);
  const context = options.context ?? [];
  // Context may only choose among the languages the message itself allows (its script's pool);
  // a settled answer (script, letters) allows one.
  if (context.length === 0 || own.pool.length < 2 || alone.confidence >= WEIGHTS.contextBelowConfidence) return alone;
  const neighbours = context.map(analyse);
  if (neighbours.every((neighbour) => neighbour.scores.size === 0)) return alone;
  const combined = bestOf(combine(own, neighbours, own.pool));
  // A message with no language of its own ("ok") only inherits its conversation's: say so.
  const confidence = own.method === 'none' ? Math.min(WEIGHTS.contextOnlyConfidenceMax, combined.confidence) : combined.confidence;
  return { ...alone, lang: combined.lang, confidence: round(confidence), method: combined.lang === alone.lang ? alone.method : 'context' };
}

/** The message's language, helped by its neighbours when it is short or ambiguous. */
export function detectWithContext(text: string, options: ContextOptions = {}): LanguageGuess {
  return detectLanguage(text, options);
}

/**
 * Tagging one message: evaluate.ts finds the matched rules in one pass over the words; this
 * file turns them into scored markers (score.ts), applies benign-context suppression and
 * reports spans in the original text.
 */
import type { CompiledRule, CompiledTagger } from './compile.ts';
import { MatchState } from './evaluate.ts';
import { ruleLanguageOf } from './schema.ts';
import type { MarkerId } from './schema.ts';
import { mergeSpans, roundScore } from './score.ts';

/** One marker found in a message: an indicator for an analyst, never a verdict. */
export interface MarkerTag {
  marker: MarkerId;
  /** 0..1, noisy-or of the matched rules' weights after benign-context suppression. */
  score: number;
  /** UTF-16 [start, end) ranges of the matched words in the original text. */
  spans: [number, number][];
  /** The strongest rule that matched. */
  rule: string;
  /** Every rule that matched, strongest first. */
  rules: string[];
  /** Language of the matched rule or words (ISO 639-3); "und" when unknown. */
  lang: string;
  packVersion: string;
}

/** What the matcher saw for one marker, including what benign context took away. */
export interface MarkerAnalysis extends MarkerTag {
  rawScore: number;
  suppressedBy: string[];
  reported: boolean;
}

/** Per-tagger buffers: the matcher's state and the per-marker score accumulators. */
interface Scratch {
  state: MatchState;
  miss: Float64Array;
  factor: Float64Array;
  evidence: Uint8Array;
}

const scratches = new WeakMap<CompiledTagger, Scratch>();

function scratchFor(tagger: CompiledTagger): Scratch {
  let scratch = scratches.get(tagger);
  if (scratch === undefined) {
    const count = tagger.markers.length;
    scratch = { state: new MatchState(tagger), miss: new Float64Array(count), factor: new Float64Array(count), evidence: new Uint8Array(count) };
    scratches.set(tagger, scratch);
  }
  return scratch;
}

/** The language of a tag: the rule's, else the one most of the matched words are listed under. */
function languageOf(state: MatchState, match: number, hint: string | undefined): string {
  const { tagger } = state;
  const rule = tagger.rules[state.matchedRules[match] ?? 0];
  if (rule !== undefined && rule.lang !== '*') return rule.lang;
  const counts = new Map<string, number>();
  for (let index = state.matchedStart[match] ?? 0; index < (state.matchedStart[match + 1] ?? 0); index++) {
    const term = tagger.terms[state.occurrenceTerm[state.matchedOccurrences[index] ?? 0] ?? 0];
    for (const lang of term?.langs ?? []) if (lang !== '*') counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  const hinted = hint === undefined ? undefined : ruleLanguageOf(hint);
  if (hinted !== undefined && counts.has(hinted)) return hinted;
  let chosen = 'und';
  let most = 0;
  for (const [lang, count] of counts) if (count > most) [chosen, most] = [lang, count];
  return chosen;
}

function spansOf(state: MatchState, matches: readonly number[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const match of matches) {
    for (let flat = state.matchedStart[match] ?? 0; flat < (state.matchedStart[match + 1] ?? 0); flat++) {
      const occurrence = state.matchedOccurrences[flat] ?? 0;
      spans.push([state.tokens.starts[state.occurrenceStart[occurrence] ?? 0] ?? 0, state.tokens.ends[state.occurrenceEnd[occurrence] ?? 0] ?? 0]);
    }
  }
  return mergeSpans(spans);
}

/** Scores every marker with evidence; builds results only for reported ones unless `all`. */
function analyse(tagger: CompiledTagger, text: string, lang: string | undefined, all: boolean): MarkerAnalysis[] {
  const { state, miss, factor, evidence } = scratchFor(tagger);
  state.run(text);
  if (state.matchedCount === 0) return [];
  miss.fill(1);
  factor.fill(1);
  evidence.fill(0);
  for (let match = 0; match < state.matchedCount; match++) {
    const rule = tagger.rules[state.matchedRules[match] ?? 0];
    if (rule === undefined) continue;
    for (const marker of rule.markers) {
      if (rule.suppress) factor[marker] = Math.min(factor[marker] ?? 1, rule.value);
      else {
        miss[marker] = (miss[marker] ?? 1) * (1 - rule.value);
        evidence[marker] = 1;
      }
    }
  }
  const out: MarkerAnalysis[] = [];
  tagger.markers.forEach((marker, index) => {
    if (evidence[index] !== 1) return;
    const rawScore = 1 - (miss[index] ?? 1);
    const score = roundScore(rawScore * (factor[index] ?? 1));
    const reported = score >= marker.threshold;
    if (!reported && !all) return;
    const ruleOf = (match: number): CompiledRule | undefined => tagger.rules[state.matchedRules[match] ?? 0];
    const matches: number[] = [];
    const suppressions: number[] = [];
    for (let match = 0; match < state.matchedCount; match++) {
      const rule = ruleOf(match);
      if (rule?.markers.includes(index) === true) (rule.suppress ? suppressions : matches).push(match);
    }
    matches.sort((a, b) => (ruleOf(b)?.value ?? 0) - (ruleOf(a)?.value ?? 0) || a - b);
    const best = matches[0] ?? 0;
    out.push({
      marker: marker.id,
      score,
      spans: spansOf(state, matches),
      rule: ruleOf(best)?.id ?? '',
      rules: matches.map((match) => ruleOf(match)?.id ?? ''),
      lang: languageOf(state, best, lang),
      packVersion: marker.version,
      rawScore: roundScore(rawScore),
      suppressedBy: suppressions.filter((match) => (ruleOf(match)?.value ?? 1) < 1).map((match) => ruleOf(match)?.id ?? ''),
      reported,
    });
  });
  return out;
}

/** Every marker with any matched rule, with raw and suppressed scores (for review and tests). */
export function analyseText(tagger: CompiledTagger, text: string, lang?: string): MarkerAnalysis[] {
  return analyse(tagger, text, lang, true);
}

/** The markers of one message, in taxonomy order. */
export function tagText(tagger: CompiledTagger, text: string, lang?: string): MarkerTag[] {
  return analyse(tagger, text, lang, false).map(({ marker, score, spans, rule, rules, lang: tagLang, packVersion }) => ({ marker, score, spans, rule, rules, lang: tagLang, packVersion }));
}

/**
 * How shared/language/weights.ts was set (`npx tsx scripts/fit-language-weights.ts`): a coarse
 * grid over the weights that balance the detector's evidence against fastText's (the classifier
 * weight and floor, the word weight, the short-text shrink), scored with fastText loaded and
 * default candidates on the DEV part of fixtures/language (mean accuracy over sentences, word
 * pairs and single words) and on ../shared/eval/markers-dev.jsonl. Each point is also scored by
 * two-fold cross-validation over the dev part (choose on one half, report the other), so the
 * report says how much the choice itself flatters the dev accuracy. The TEST part is never read
 * here. Then the softmax temperature minimising log-loss at the chosen point.
 */
import { detectLanguage } from '../shared/language/detect.ts';
import { WEIGHTS } from '../shared/language/weights.ts';
import { loadFastTextClassifier } from '../workers/language/fasttext-classifier.ts';
import { DEFAULT_DEV_FILE, EVAL_LENGTHS, readDevLines, readEvalSet } from './language-dev-data.ts';
import type { EvalLength } from './language-dev-data.ts';

interface Point {
  classifier: number;
  classifierFloor: number;
  word: number;
  shortTextLetters: number;
}

interface Sample {
  lang: string;
  text: string;
  length: EvalLength | 'shared';
}

const classifier = await loadFastTextClassifier();
// The grid writes the shared weights in place: this script is the only writer.
const weights = WEIGHTS as unknown as Record<string, number>;
const samples: Sample[] = [
  ...readEvalSet('dev').map((item) => ({ lang: item.lang, text: item.text, length: item.length })),
  ...readDevLines(DEFAULT_DEV_FILE).map((line) => ({ lang: line.lang, text: line.text, length: 'shared' as const })),
];
const halves = [samples.filter((_, index) => index % 2 === 0), samples.filter((_, index) => index % 2 === 1)];

function apply(point: Point): void {
  for (const [name, value] of Object.entries(point)) weights[name] = value;
}

/** Mean of the per-length accuracies (the "averaged over the three lengths") and the shared file's. */
function score(chosen: readonly Sample[]): number {
  const groups = [...EVAL_LENGTHS, 'shared' as const].map((length) => chosen.filter((sample) => sample.length === length));
  const accuracies = groups.map((group) => group.filter((sample) => detectLanguage(sample.text, { classifier }).lang === sample.lang).length / Math.max(1, group.length));
  return accuracies.reduce((sum, value) => sum + value, 0) / accuracies.length;
}

const grid: Point[] = [];
for (const classifierWeight of [0.5, 0.75, 1])
  for (const classifierFloor of [0.01, 0.05, 0.1, 0.2])
    for (const word of [3, 4, 6])
      for (const shortTextLetters of [3, 6, 12]) grid.push({ classifier: classifierWeight, classifierFloor, word, shortTextLetters });

const temperatureOnly = process.argv.includes('--temperature');
const scored = (temperatureOnly ? [] : grid).map((point) => {
  apply(point);
  return { point, byHalf: halves.map(score) };
});
let heldOut = 0;
for (const [choose, report] of temperatureOnly ? [] : ([[0, 1], [1, 0]] as const)) {
  const best = scored.reduce((a, b) => ((b.byHalf[choose] ?? 0) > (a.byHalf[choose] ?? 0) ? b : a));
  heldOut += (best.byHalf[report] ?? 0) / 2;
  console.log(`chosen on half ${choose}: ${JSON.stringify(best.point)} -> other half ${((best.byHalf[report] ?? 0) * 100).toFixed(1)}%`);
}
const mean = (entry: { byHalf: number[] }): number => ((entry.byHalf[0] ?? 0) + (entry.byHalf[1] ?? 0)) / 2;
if (!temperatureOnly) {
  console.log(`cross-validated score ${(heldOut * 100).toFixed(1)}% (mean of the length accuracies and the shared file's)`);
  for (const entry of [...scored].sort((a, b) => mean(b) - mean(a)).slice(0, Number(process.env.TOP ?? 8))) console.log(`  ${JSON.stringify(entry.point)} ${(mean(entry) * 100).toFixed(1)}%`);
  const best = scored.reduce((a, b) => (mean(b) > mean(a) ? b : a));
  apply(best.point);
}

// With --temperature: the weights as they are in weights.ts.
const LOG_FLOOR = 1e-6;
const CONFIDENT = 0.7;
for (const temperature of [0.3, 0.5, 0.75, 1, 1.5, 2]) {
  weights.temperature = temperature;
  let loss = 0;
  const confident: boolean[] = [];
  for (const sample of samples) {
    const guess = detectLanguage(sample.text, { classifier });
    const probability = guess.lang === sample.lang ? guess.confidence : 1 - guess.confidence;
    loss -= Math.log(Math.max(LOG_FLOOR, probability));
    if (guess.confidence >= CONFIDENT) confident.push(guess.lang === sample.lang);
  }
  const right = confident.filter(Boolean).length;
  console.log(`temperature ${temperature}: log-loss ${(loss / samples.length).toFixed(3)}; confidence ≥ ${CONFIDENT} on ${confident.length} of ${samples.length}, ${((100 * right) / Math.max(1, confident.length)).toFixed(1)}% right`);
}

/**
 * How shared/language/weights.ts was set (`npx tsx scripts/fit-language-weights.ts [file]`):
 * a coarse grid over the relative weights of the evidence, scored by accuracy with default
 * candidates (alone and with simulated context), each point evaluated by two-fold
 * cross-validation on the dev file (choose on one half, report the other), so the report
 * says how much the choice itself flatters the dev accuracy. Then the softmax temperature
 * minimising log-loss of the chosen setting.
 */
import { detectLanguage } from '../shared/language/detect.ts';
import { WEIGHTS } from '../shared/language/weights.ts';
import { DEFAULT_DEV_FILE, readDevLines, sameLanguageNeighbours } from './language-dev-data.ts';

const file = process.argv.slice(2).find((argument) => !argument.startsWith('--')) ?? DEFAULT_DEV_FILE;
const lines = readDevLines(file);
const neighbours = sameLanguageNeighbours(lines);
// The grid writes the shared weights in place: this script is the only writer.
const weights = WEIGHTS as unknown as Record<string, number>;
const REFERENCE_TRIGRAMS = 16;

interface Point {
  exponent: number;
  scale: number;
  letter: number;
  word: number;
  romanisedPrior: number;
}

function apply(point: Point): void {
  weights.trigramLengthExponent = point.exponent;
  // Same weight as exponent 1 for a text of REFERENCE_TRIGRAMS trigrams, so scales compare.
  weights.trigramScale = point.scale * REFERENCE_TRIGRAMS ** (point.exponent - 1);
  weights.letter = point.letter;
  weights.word = point.word;
  weights.romanisedPrior = point.romanisedPrior;
}

function correct(indices: readonly number[], withContext: boolean): number {
  let right = 0;
  for (const index of indices) {
    const line = lines[index];
    if (line === undefined) continue;
    const guess = detectLanguage(line.text, withContext ? { context: neighbours[index] ?? [] } : {});
    if (guess.lang === line.lang) right += 1;
  }
  return right;
}

const folds = [lines.map((_, index) => index).filter((index) => index % 2 === 0), lines.map((_, index) => index).filter((index) => index % 2 === 1)];
const grid: Point[] = [];
for (const exponent of [0.5, 0.75, 1])
  for (const scale of [400, 800, 1600])
    for (const letter of [1.5, 3])
      for (const word of [1, 2, 3])
        for (const romanisedPrior of [0, 1]) grid.push({ exponent, scale, letter, word, romanisedPrior });

const temperatureOnly = process.argv.includes('--temperature');
const scored = (temperatureOnly ? [] : grid).map((point) => {
  apply(point);
  return { point, byFold: folds.map((fold) => correct(fold, false) + correct(fold, true)) };
});
let heldOut = 0;
for (const [choose, report] of temperatureOnly ? [] : ([[0, 1], [1, 0]] as const)) {
  const best = scored.reduce((a, b) => ((b.byFold[choose] ?? 0) > (a.byFold[choose] ?? 0) ? b : a));
  heldOut += best.byFold[report] ?? 0;
  console.log(`chosen on half ${choose}: ${JSON.stringify(best.point)} -> held-out half ${report}: ${(((best.byFold[report] ?? 0) / 2 / (folds[report]?.length ?? 1)) * 100).toFixed(1)}% (alone+context mean)`);
}
const overall = temperatureOnly ? undefined : scored.reduce((a, b) => ((b.byFold[0] ?? 0) + (b.byFold[1] ?? 0) > (a.byFold[0] ?? 0) + (a.byFold[1] ?? 0) ? b : a));
if (overall !== undefined) console.log(`cross-validated accuracy ${((heldOut / 2 / lines.length) * 100).toFixed(1)}%; best on all lines: ${JSON.stringify(overall.point)} ${((((overall.byFold[0] ?? 0) + (overall.byFold[1] ?? 0)) / 2 / lines.length) * 100).toFixed(1)}%`);
const top = [...scored].sort((a, b) => (b.byFold[0] ?? 0) + (b.byFold[1] ?? 0) - (a.byFold[0] ?? 0) - (a.byFold[1] ?? 0)).slice(0, Number(process.env.TOP ?? 8));
for (const entry of top) console.log(`  ${JSON.stringify(entry.point)} ${(((entry.byFold[0] ?? 0) + (entry.byFold[1] ?? 0)) / 2 / lines.length * 100).toFixed(1)}%`);

// With --temperature: the weights as they are in weights.ts.
if (overall !== undefined) apply(overall.point);
const LOG_FLOOR = 1e-6;
const CONFIDENT = 0.7;
for (const temperature of [0.3, 0.4, 0.5, 0.6, 0.75, 1, 1.5]) {
  weights.temperature = temperature;
  let loss = 0;
  const confident: boolean[] = [];
  for (const line of lines) {
    const guess = detectLanguage(line.text);
    const probability = guess.lang === line.lang ? guess.confidence : 1 - guess.confidence;
    loss -= Math.log(Math.max(LOG_FLOOR, probability));
    if (guess.confidence >= CONFIDENT) confident.push(guess.lang === line.lang);
  }
  const right = confident.filter(Boolean).length;
  console.log(`temperature ${temperature}: log-loss ${(loss / lines.length).toFixed(3)}; confidence ≥ ${CONFIDENT} on ${confident.length} lines, ${((100 * right) / Math.max(1, confident.length)).toFixed(1)}% right`);
}

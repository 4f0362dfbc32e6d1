/**
 * Language identification accuracy and speed (`npm run eval:language [-- --errors]`), in one run:
 *
 * 1. Threadline's own set (fixtures/language/: 14 languages × sentences, word pairs, single
 *    words), the TEST part (never tuned on) and the DEV part (tuned on), per length and per
 *    language;
 * 2. the shared development file (../shared/eval/markers-dev.jsonl), per language and for short
 *    lines, with and without simulated context;
 * 3. messages per second on one core.
 *
 * Detectors, all in the same run:
 *   franc          franc 6 restricted to the 14 languages, minimum length 1 (the issue's baseline)
 *   fastText       lid.176 alone, its best label among the 14 languages
 *   ours           shared/language detector without a classifier (what `threadline lang` runs),
 *                  default candidates
 *   ours+ft        the same with fastText as classifier (what the language worker runs)
 *   ours+ft+case   ... with the 14 languages as the case's language list
 *   ours+ft+ctx    ... default candidates, with 2 OTHER same-language messages as context
 *                  (optimistic by construction: neighbours always share the language)
 */
import { franc } from 'franc';
import { publicCode } from '../shared/language/codes.ts';
import type { LanguageClassifier } from '../shared/language/classifier.ts';
import { detectLanguage } from '../shared/language/detect.ts';
import type { DetectOptions } from '../shared/language/detect.ts';
import { ALL_LABELS, fastTextFiles, loadFastTextClassifier } from '../workers/language/fasttext-classifier.ts';
import { DEFAULT_DEV_FILE, EVAL_LANGUAGES, EVAL_LENGTHS, readDevLines, readEvalSet, sameLanguageNeighbours } from './language-dev-data.ts';
import type { EvalLength, EvalPart } from './language-dev-data.ts';

interface Sample {
  lang: string;
  text: string;
  length?: EvalLength;
}

interface Detector {
  name: string;
  /** Answers one sample; `index` is the sample's position, for per-sample context. */
  detect: (text: string, index: number) => string;
}

const argv = process.argv.slice(2);
const FRANC_LANGUAGES = EVAL_LANGUAGES.map((lang) => (lang === 'sqi' ? 'als' : lang));
const CONFIDENCE_PERCENT = 100;

const loadStart = performance.now();
const classifier = await loadFastTextClassifier();
const loadMs = performance.now() - loadStart;
const everyLabel = await loadFastTextClassifier(fastTextFiles(), ALL_LABELS);

function francOnly(text: string): string {
  return publicCode(franc(text, { only: FRANC_LANGUAGES, minLength: 1 }));
}

function fastTextOnly(model: LanguageClassifier, text: string): string {
  let best = 'und';
  let probability = -1;
  for (const [lang, value] of model.classify(text).listed) {
    if (EVAL_LANGUAGES.includes(lang) && value > probability) {
      best = lang;
      probability = value;
    }
  }
  return best;
}

function ours(options: DetectOptions, context?: readonly string[][]): Detector['detect'] {
  return (text, index) => detectLanguage(text, context === undefined ? options : { ...options, context: context[index] ?? [] }).lang;
}

function detectorsFor(samples: readonly Sample[]): Detector[] {
  const neighbours = sameLanguageNeighbours(samples.map((sample, index) => ({ id: String(index), lang: sample.lang, text: sample.text })));
  return [
    { name: 'franc', detect: francOnly },
    { name: 'fastText', detect: (text) => fastTextOnly(everyLabel, text) },
    { name: 'ours', detect: ours({}) },
    { name: 'ours+ft', detect: ours({ classifier }) },
    { name: 'ours+ft+case', detect: ours({ classifier, caseLanguages: EVAL_LANGUAGES }) },
    { name: 'ours+ft+ctx', detect: ours({ classifier }, neighbours) },
  ];
}

/** answers[detector][sample] */
function run(detectors: readonly Detector[], samples: readonly Sample[]): string[][] {
  return detectors.map((detector) => samples.map((sample, index) => detector.detect(sample.text, index)));
}

function accuracy(answers: readonly string[], samples: readonly Sample[], pick: (sample: Sample) => boolean): number {
  let total = 0;
  let right = 0;
  samples.forEach((sample, index) => {
    if (!pick(sample)) return;
    total += 1;
    if (answers[index] === sample.lang) right += 1;
  });
  return total === 0 ? Number.NaN : (CONFIDENCE_PERCENT * right) / total;
}

function cell(value: number, width: number): string {
  return (Number.isNaN(value) ? '-' : value.toFixed(1)).padStart(width);
}

const NAME_WIDTH = 14;
const CELL_WIDTH = 10;

function reportEvalSet(part: EvalPart): void {
  const samples = readEvalSet(part);
  const detectors = detectorsFor(samples);
  const answers = run(detectors, samples);
  const count = (length: EvalLength): number => samples.filter((sample) => sample.length === length).length;
  console.log(`\n== fixtures/language ${part.toUpperCase()} part${part === 'test' ? ' (held out: never tuned on)' : ' (tuned on)'}: ` +
    `${samples.length} items, ${EVAL_LANGUAGES.length} languages; ${EVAL_LENGTHS.map((length) => `${count(length)} ${length}`).join(', ')}`);
  console.log(`${'detector'.padEnd(NAME_WIDTH)}${[...EVAL_LENGTHS, 'average'].map((name) => name.padStart(CELL_WIDTH)).join('')}`);
  detectors.forEach((detector, position) => {
    const byLength = EVAL_LENGTHS.map((length) => accuracy(answers[position] ?? [], samples, (sample) => sample.length === length));
    const average = byLength.reduce((sum, value) => sum + value, 0) / byLength.length;
    console.log(`${detector.name.padEnd(NAME_WIDTH)}${[...byLength, average].map((value) => cell(value, CELL_WIDTH)).join('')}`);
  });
  console.log(`per language, sentences/pairs/words %:`);
  console.log(`${'lang'.padEnd(6)}${detectors.map((detector) => detector.name.padStart(NAME_WIDTH)).join('')}`);
  for (const lang of EVAL_LANGUAGES) {
    const cells = detectors.map((_, position) => EVAL_LENGTHS.map((length) => accuracy(answers[position] ?? [], samples, (sample) => sample.lang === lang && sample.length === length).toFixed(0)).join('/'));
    console.log(`${lang.padEnd(6)}${cells.map((text) => text.padStart(NAME_WIDTH)).join('')}`);
  }
  if (argv.includes('--errors') && part === 'dev') printErrors(samples, answers[detectors.findIndex((detector) => detector.name === 'ours+ft')] ?? []);
}

function printErrors(samples: readonly Sample[], answers: readonly string[]): void {
  console.log('\nerrors of ours+ft on the dev part:');
  samples.forEach((sample, index) => {
    const answer = answers[index];
    if (answer !== sample.lang) console.log(`  ${sample.lang}->${answer} [${sample.length}] ${sample.text}`);
  });
}

function reportSharedDev(): void {
  const lines = readDevLines(DEFAULT_DEV_FILE);
  const samples: Sample[] = lines.map((line) => ({ lang: line.lang, text: line.text }));
  const detectors = detectorsFor(samples);
  const answers = run(detectors, samples);
  const languages = [...new Set(samples.map((sample) => sample.lang))].sort();
  console.log(`\n== ${DEFAULT_DEV_FILE}: ${samples.length} lines, ${languages.length} languages (accuracy %)`);
  console.log(`${'lang'.padEnd(NAME_WIDTH)}${detectors.map((detector) => detector.name.padStart(NAME_WIDTH)).join('')}`);
  const row = (label: string, pick: (sample: Sample) => boolean): void => {
    console.log(`${label.padEnd(NAME_WIDTH)}${detectors.map((_, position) => cell(accuracy(answers[position] ?? [], samples, pick), NAME_WIDTH)).join('')}`);
  };
  for (const lang of languages) row(`${lang} (${samples.filter((sample) => sample.lang === lang).length})`, (sample) => sample.lang === lang);
  row('≤ 30 chars', (sample) => sample.text.length <= 30);
  row('overall', () => true);
}

function perSecond(texts: readonly string[], detect: (text: string) => unknown): number {
  const rounds = Math.max(1, Math.ceil(20_000 / Math.max(1, texts.length)));
  for (const text of texts) detect(text);
  const start = performance.now();
  for (let round = 0; round < rounds; round += 1) for (const text of texts) detect(text);
  return Math.round((rounds * texts.length) / ((performance.now() - start) / 1000));
}

function reportSpeed(): void {
  const dev = readEvalSet('dev');
  const short = dev.filter((sample) => sample.length !== 'sentences').map((sample) => sample.text);
  const sentences = dev.filter((sample) => sample.length === 'sentences').map((sample) => sample.text);
  // Repeated chat lines hit the classifier's cache; fresh text is the honest case, so vary it.
  let serial = 0;
  const fresh = (text: string): string => `${text} ${(serial++).toString(36)}`;
  const rows: [string, (text: string) => unknown][] = [
    ['franc', (text) => franc(text, { only: FRANC_LANGUAGES, minLength: 1 })],
    ['fastText', (text) => classifier.classify(fresh(text))],
    ['ours', (text) => detectLanguage(text)],
    ['ours+ft', (text) => detectLanguage(fresh(text), { classifier })],
  ];
  console.log(`\n== speed, messages/s on one core (fastText model loaded in ${loadMs.toFixed(0)} ms)`);
  console.log(`${'detector'.padEnd(NAME_WIDTH)}${'short'.padStart(CELL_WIDTH)}${'sentences'.padStart(CELL_WIDTH)}`);
  for (const [name, detect] of rows) console.log(`${name.padEnd(NAME_WIDTH)}${String(perSecond(short, detect)).padStart(CELL_WIDTH)}${String(perSecond(sentences, detect)).padStart(CELL_WIDTH)}`);
  console.log('short = the dev part\'s word pairs and single words; fastText rows add a counter to each text so its cache never answers');
}

reportEvalSet('test');
reportEvalSet('dev');
reportSharedDev();
reportSpeed();

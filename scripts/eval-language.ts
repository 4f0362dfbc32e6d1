/**
 * Scores language identification on the `lang` field of ../shared/eval/markers-dev.jsonl
 * (`npx tsx scripts/eval-language.ts [file] [--errors]`), per setting:
 *   franc             franc 6 as shipped (all ~190 languages, its default minimum length)
 *   +script           our script and letter rules, franc's trigrams over every language of the script
 *   +candidates       ... restricted to DEFAULT_CANDIDATE_LANGUAGES (what the product does by default)
 *   +case list        ... restricted to the file's own languages, as a case-level list would be
 *   +context          default candidates plus 2 OTHER lines of the same language as neighbours
 *   +context+case     both
 * The context settings are optimistic by construction (neighbours always share the language);
 * they show what context can add, not what a real conversation will give.
 */
import { franc } from 'franc';
import { publicCode } from '../shared/language/codes.ts';
import { detectLanguage } from '../shared/language/detect.ts';
import type { DetectOptions, LanguageGuess } from '../shared/language/detect.ts';
import { CONTEXT_LINES, DEFAULT_DEV_FILE, otherLanguageNeighbours, readDevLines, RNG_SEED, sameLanguageNeighbours } from './language-dev-data.ts';
import type { DevLine } from './language-dev-data.ts';

interface Setting {
  name: string;
  run: (line: DevLine, index: number) => LanguageGuess;
}

const CONFIDENT = 0.7;

const argv = process.argv.slice(2);
const file = argv.find((argument) => !argument.startsWith('--')) ?? DEFAULT_DEV_FILE;
const lines = readDevLines(file);
const languages = [...new Set(lines.map((line) => line.lang))].sort();
const neighbours = sameLanguageNeighbours(lines);
const strangers = otherLanguageNeighbours(lines);

function ours(options: DetectOptions, context?: readonly string[][]): Setting['run'] {
  return (line, index) => detectLanguage(line.text, context === undefined ? options : { ...options, context: context[index] ?? [] });
}

const SETTINGS: Setting[] = [
  { name: 'franc', run: (line) => ({ lang: publicCode(franc(line.text)), confidence: 1, method: 'franc' }) },
  { name: '+script', run: ours({ candidates: 'any' }) },
  { name: '+candidates', run: ours({}) },
  { name: '+case list', run: ours({ caseLanguages: languages }) },
  { name: '+context', run: ours({}, neighbours) },
  { name: '+context+case', run: ours({ caseLanguages: languages }, neighbours) },
  { name: 'wrong context', run: ours({}, strangers) },
];

interface Outcome {
  line: DevLine;
  guess: LanguageGuess;
}

function percent(numerator: number, denominator: number): string {
  return denominator === 0 ? '   -' : `${((100 * numerator) / denominator).toFixed(0).padStart(3)}%`;
}

const results = SETTINGS.map((setting) => lines.map((line, index): Outcome => ({ line, guess: setting.run(line, index) })));

function accuracyRow(label: string, pick: (outcome: Outcome) => boolean): string {
  const cells = results.map((outcomes) => {
    const chosen = outcomes.filter(pick);
    return percent(chosen.filter((outcome) => outcome.guess.lang === outcome.line.lang).length, chosen.length).padStart(14);
  });
  return `${label.padEnd(10)}${cells.join('')}`;
}

console.log(`${file}: ${lines.length} lines, ${languages.length} languages; context = ${CONTEXT_LINES} other same-language lines (seed ${RNG_SEED})\n`);
console.log(`${'lang'.padEnd(10)}${SETTINGS.map((setting) => setting.name.padStart(14)).join('')}`);
for (const lang of languages) console.log(accuracyRow(`${lang} (${lines.filter((line) => line.lang === lang).length})`, (outcome) => outcome.line.lang === lang));
console.log(accuracyRow('≤ 30 chars', (outcome) => outcome.line.text.length <= 30));
console.log(accuracyRow('overall', () => true));

console.log(`\nconfidence ≥ ${CONFIDENT}: share of lines / accuracy on them`);
for (const [position, outcomes] of results.entries()) {
  if (position === 0) continue;
  const confident = outcomes.filter((outcome) => outcome.guess.confidence >= CONFIDENT);
  const right = confident.filter((outcome) => outcome.guess.lang === outcome.line.lang).length;
  const methods = new Map<string, [number, number]>();
  for (const outcome of outcomes) {
    const [count, correct] = methods.get(outcome.guess.method) ?? [0, 0];
    methods.set(outcome.guess.method, [count + 1, correct + (outcome.guess.lang === outcome.line.lang ? 1 : 0)]);
  }
  const byMethod = [...methods].map(([method, [count, correct]]) => `${method} ${count} (${percent(correct, count).trim()} right)`);
  console.log(`  ${(SETTINGS[position]?.name ?? '').padEnd(14)} ${percent(confident.length, outcomes.length)} / ${percent(right, confident.length)}   methods: ${byMethod.join(', ')}`);
}

const BINS = [0, 0.3, 0.5, 0.7, 0.9, 1.01];
console.log('\ncalibration (+candidates and +context): confidence bin -> lines, accuracy');
for (const position of [2, 4]) {
  const outcomes = results[position] ?? [];
  const cells = BINS.slice(0, -1).map((low, bin) => {
    const high = BINS[bin + 1] ?? 1;
    const inBin = outcomes.filter((outcome) => outcome.guess.confidence >= low && outcome.guess.confidence < high);
    return `[${low},${Math.min(1, high)}) ${String(inBin.length).padStart(3)} ${percent(inBin.filter((outcome) => outcome.guess.lang === outcome.line.lang).length, inBin.length)}`;
  });
  console.log(`  ${(SETTINGS[position]?.name ?? '').padEnd(14)} ${cells.join('  ')}`);
}

function throughput(texts: readonly string[], detect: (text: string) => unknown): number {
  const rounds = Math.max(1, Math.ceil(20_000 / Math.max(1, texts.length)));
  for (const text of texts) detect(text);
  const start = performance.now();
  for (let round = 0; round < rounds; round += 1) for (const text of texts) detect(text);
  return Math.round((rounds * texts.length) / ((performance.now() - start) / 1000));
}

const settledTexts = (results[2] ?? []).filter((outcome) => outcome.guess.method === 'script' || outcome.guess.method === 'letters').map((outcome) => outcome.line.text);
const RULE_SAMPLES = ['Γεια σου, τι κάνεις;', 'שלום מה נשמע', 'გამარჯობა', 'ขอบคุณครับ', '안녕하세요', 'こんにちは', '你好吗', 'я вже їду, ще їм', 'Ő is jön', 'Được rồi anh'];
console.log(`\nspeed (messages/s, one core): rules path ${throughput([...settledTexts, ...RULE_SAMPLES], (text) => detectLanguage(text))}` +
  ` (${settledTexts.length} dev lines settled by script/letters + ${RULE_SAMPLES.length} samples); all dev lines ${throughput(lines.map((line) => line.text), (text) => detectLanguage(text))};` +
  ` franc alone ${throughput(lines.map((line) => line.text), (text) => franc(text))}`);

if (argv.includes('--errors')) {
  console.log('\nerrors of +candidates:');
  for (const outcome of results[2] ?? []) {
    if (outcome.guess.lang !== outcome.line.lang) console.log(`  ${outcome.line.lang}->${outcome.guess.lang} ${outcome.guess.confidence} ${outcome.guess.method}  ${outcome.line.text.slice(0, 90)}`);
  }
}


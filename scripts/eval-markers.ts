/**
 * Scores the marker tagger on a labelled JSON Lines file (default ../shared/eval/markers-dev.jsonl
 * next to the repository) and checks the targets of the marker issue:
 *   micro-F1 >= 0.85, every marker's recall >= 0.70, false positives on negatives <= 5%.
 *
 *   npx tsx scripts/eval-markers.ts [--jsonl <file>] [--json] [--messages N]
 *
 * Prints precision, recall and F1 per marker and per language, micro and macro F1, the
 * false-positive rate on lines without labels and the tagging rate (messages per second of CPU
 * time; --messages N tags at least N messages for it instead of running for one second).
 * Exits 1 when a target is missed, naming it.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMarkerTagger, MARKER_IDS } from '../shared/markers/index.ts';
import type { MarkerTagger } from '../shared/markers/index.ts';

export const TARGETS = { microF1: 0.85, markerRecall: 0.7, negativeFalsePositiveRate: 0.05 } as const;

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DEV_SET = resolve(REPO_ROOT, '../shared/eval/markers-dev.jsonl');
/** How long the throughput measurement runs. */
const BENCH_MILLISECONDS = 1000;

export interface LabelledLine {
  id: string;
  lang: string;
  text: string;
  labels: string[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  lines: number;
  perMarker: Record<string, Scores>;
  perLanguage: Record<string, Scores>;
  micro: Scores;
  macroF1: number;
  negatives: number;
  negativesWithMarkers: number;
  negativeFalsePositiveRate: number;
  errors: { id: string; lang: string; text: string; missed: string[]; extra: string[] }[];
  failures: string[];
}

export function readLabelledLines(file: string): LabelledLine[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const row = JSON.parse(line) as Partial<LabelledLine>;
      if (typeof row.id !== 'string' || typeof row.text !== 'string' || !Array.isArray(row.labels)) {
        throw new Error(`${file}:${index + 1}: expected {id, text, labels}`);
      }
      return { id: row.id, lang: typeof row.lang === 'string' ? row.lang : 'und', text: row.text, labels: row.labels };
    });
}

function scores(counts: Counts): Scores {
  const precision = counts.tp + counts.fp === 0 ? 1 : counts.tp / (counts.tp + counts.fp);
  const recall = counts.tp + counts.fn === 0 ? 1 : counts.tp / (counts.tp + counts.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

function add(table: Map<string, Counts>, key: string, field: keyof Counts): void {
  const counts = table.get(key) ?? { tp: 0, fp: 0, fn: 0 };
  counts[field] += 1;
  table.set(key, counts);
}

export function evaluate(lines: readonly LabelledLine[], tagger: MarkerTagger): Evaluation {
  const perMarker = new Map<string, Counts>(MARKER_IDS.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  const perLanguage = new Map<string, Counts>();
  const micro: Counts = { tp: 0, fp: 0, fn: 0 };
  const errors: Evaluation['errors'] = [];
  let negatives = 0;
  let negativesWithMarkers = 0;
  for (const line of lines) {
    const predicted = new Set(tagger.tag(line.text, line.lang).map((tag) => tag.marker as string));
    const gold = new Set(line.labels);
    if (!perLanguage.has(line.lang)) perLanguage.set(line.lang, { tp: 0, fp: 0, fn: 0 });
    for (const marker of new Set([...predicted, ...gold])) {
      const field: keyof Counts = gold.has(marker) ? (predicted.has(marker) ? 'tp' : 'fn') : 'fp';
      add(perMarker, marker, field);
      add(perLanguage, line.lang, field);
      micro[field] += 1;
    }
    if (gold.size === 0) {
      negatives += 1;
      if (predicted.size > 0) negativesWithMarkers += 1;
    }
    const missed = [...gold].filter((marker) => !predicted.has(marker));
    const extra = [...predicted].filter((marker) => !gold.has(marker));
    if (missed.length > 0 || extra.length > 0) errors.push({ id: line.id, lang: line.lang, text: line.text, missed, extra });
  }
  const markerScores = Object.fromEntries([...perMarker].map(([id, counts]) => [id, scores(counts)]));
  const languageScores = Object.fromEntries([...perLanguage].sort(([a], [b]) => a.localeCompare(b)).map(([lang, counts]) => [lang, scores(counts)]));
  const microScores = scores(micro);
  const markerF1s = MARKER_IDS.map((id) => markerScores[id]?.f1 ?? 0);
  const macroF1 = markerF1s.reduce((sum, value) => sum + value, 0) / markerF1s.length;
  const negativeFalsePositiveRate = negatives === 0 ? 0 : negativesWithMarkers / negatives;
  const failures: string[] = [];
  if (microScores.f1 < TARGETS.microF1) failures.push(`micro-F1 ${microScores.f1.toFixed(3)} < ${TARGETS.microF1}`);
  for (const id of MARKER_IDS) {
    const recall = markerScores[id]?.recall ?? 0;
    if (recall < TARGETS.markerRecall) failures.push(`recall of ${id} ${recall.toFixed(3)} < ${TARGETS.markerRecall}`);
  }
  if (negativeFalsePositiveRate > TARGETS.negativeFalsePositiveRate) {
    failures.push(`false positives on negatives ${(negativeFalsePositiveRate * 100).toFixed(1)}% > ${TARGETS.negativeFalsePositiveRate * 100}%`);
  }
  return {
    lines: lines.length,
    perMarker: markerScores,
    perLanguage: languageScores,
    micro: microScores,
    macroF1,
    negatives,
    negativesWithMarkers,
    negativeFalsePositiveRate,
    errors,
    failures,
  };
}

/**
 * Messages per second of CPU time on the given texts, after one warm-up pass. CPU time, not
 * wall time, so the figure means "per core" even on a machine shared with other work.
 */
export function measureRate(lines: readonly LabelledLine[], tagger: MarkerTagger, milliseconds = BENCH_MILLISECONDS, messages = 0): number {
  if (lines.length === 0) return 0;
  for (const line of lines) tagger.tag(line.text);
  let tagged = 0;
  const start = process.cpuUsage();
  let elapsed = 0;
  while (messages > 0 ? tagged < messages : elapsed < milliseconds) {
    for (const line of lines) tagger.tag(line.text);
    tagged += lines.length;
    const used = process.cpuUsage(start);
    elapsed = (used.user + used.system) / 1000;
  }
  return tagged / (elapsed / 1000);
}

function row(name: string, value: Scores): string {
  const cell = (number: number): string => number.toFixed(3).padStart(6);
  return `${name.padEnd(26)} ${cell(value.precision)} ${cell(value.recall)} ${cell(value.f1)}  ${String(value.tp).padStart(4)} ${String(value.fp).padStart(4)} ${String(value.fn).padStart(4)}`;
}

export interface Rates {
  all: number;
  negatives: number;
}

function report(result: Evaluation, rates: Rates, file: string): string {
  const header = `${''.padEnd(26)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}  ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'fn'.padStart(4)}`;
  const lines = [`Marker tagger on ${file} (${result.lines} lines)`, '', header];
  for (const [id, value] of Object.entries(result.perMarker)) lines.push(row(id, value));
  lines.push('', header);
  for (const [lang, value] of Object.entries(result.perLanguage)) lines.push(row(lang, value));
  lines.push(
    '',
    row('micro', result.micro),
    `macro-F1 ${result.macroF1.toFixed(3)}`,
    `negatives with a marker: ${result.negativesWithMarkers}/${result.negatives} (${(result.negativeFalsePositiveRate * 100).toFixed(1)}%)`,
    `rate (per core, CPU time): ${Math.round(rates.all).toLocaleString('en')} messages/s on all lines, ${Math.round(rates.negatives).toLocaleString('en')} on lines without labels (ordinary chat)`,
    '',
  );
  for (const error of result.errors) {
    lines.push(`${error.id} ${error.lang} missed [${error.missed.join(', ')}] extra [${error.extra.join(', ')}]: ${error.text}`);
  }
  lines.push('', result.failures.length === 0 ? 'All targets met.' : `Targets missed:\n${result.failures.map((failure) => `  - ${failure}`).join('\n')}`);
  return `${lines.join('\n')}\n`;
}

function main(argv: string[]): number {
  let file = DEFAULT_DEV_SET;
  let json = false;
  let messages = 0;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const value = argv[index + 1];
    if (argument === '--json') json = true;
    else if (argument === '--jsonl' && value !== undefined) file = resolve(argv[++index] ?? '');
    else if (argument === '--messages' && value !== undefined && Number.isInteger(Number(value)) && Number(value) > 0) messages = Number(argv[++index]);
    else {
      process.stderr.write('usage: npx tsx scripts/eval-markers.ts [--jsonl <file>] [--json] [--messages N]\n');
      return 2;
    }
  }
  const tagger = createMarkerTagger();
  const lines = readLabelledLines(file);
  const result = evaluate(lines, tagger);
  const negatives = lines.filter((line) => line.labels.length === 0);
  const rates: Rates = { all: measureRate(lines, tagger, BENCH_MILLISECONDS, messages), negatives: measureRate(negatives, tagger, BENCH_MILLISECONDS, messages) };
  const output = { file, ...result, messagesPerSecond: { all: Math.round(rates.all), negatives: Math.round(rates.negatives) } };
  process.stdout.write(json ? `${JSON.stringify(output)}\n` : report(result, rates, file));
  return result.failures.length === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}

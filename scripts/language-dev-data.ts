/**
 * The evaluation data for language identification, shared by scripts/eval-language.ts,
 * scripts/fit-language-weights.ts and the tests: the shared development file
 * (../shared/eval/markers-dev.jsonl) with a simulated conversation context, and Threadline's own
 * set of sentences, word pairs and single words (fixtures/language/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../shared/errors.ts';
import { seededRandom } from './bench/random.ts';

export { seededRandom };

export interface DevLine {
  id: string;
  lang: string;
  text: string;
}

export const DEFAULT_DEV_FILE = new URL('../../shared/eval/markers-dev.jsonl', import.meta.url).pathname;
export const CONTEXT_LINES = 2;
export const RNG_SEED = 20240611;

export function readDevLines(file: string): DevLine[] {
  return readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as DevLine);
}


/**
 * For each line, CONTEXT_LINES OTHER lines of the same language, chosen by a seeded generator:
 * a stand-in for "neighbouring messages of the same conversation" which the file does not have.
 */
export function sameLanguageNeighbours(lines: readonly DevLine[], seed: number = RNG_SEED): string[][] {
  return neighbours(lines, seed, (line, other) => other.lang === line.lang);
}

/** The opposite stress test: neighbours all in OTHER languages (a code-switching chat, a wrong guess of the thread). */
export function otherLanguageNeighbours(lines: readonly DevLine[], seed: number = RNG_SEED): string[][] {
  return neighbours(lines, seed, (line, other) => other.lang !== line.lang);
}

function neighbours(lines: readonly DevLine[], seed: number, eligible: (line: DevLine, other: DevLine) => boolean): string[][] {
  const random = seededRandom(seed);
  return lines.map((line, index) => {
    const others = lines.map((_, position) => position).filter((position) => {
      const other = lines[position];
      return position !== index && other !== undefined && eligible(line, other);
    });
    const picked: string[] = [];
    while (picked.length < CONTEXT_LINES && others.length > 0) {
      const [position] = others.splice(Math.floor(random() * others.length), 1);
      const text = position === undefined ? undefined : lines[position]?.text;
      if (text !== undefined) picked.push(text);
    }
    return picked;
  });
}

/** The three message lengths of Threadline's own evaluation set (fixtures/language/README.md). */
export type EvalLength = 'sentences' | 'pairs' | 'words';
export const EVAL_LENGTHS: readonly EvalLength[] = ['sentences', 'pairs', 'words'];
/** `dev` may be tuned on; `test` never is. */
export type EvalPart = 'dev' | 'test';
export const EVAL_LANGUAGES: readonly string[] = ['eng', 'ron', 'bul', 'rus', 'ukr', 'pol', 'deu', 'fra', 'spa', 'ita', 'nld', 'hun', 'sqi', 'vie'];
export const EVAL_SET_DIRECTORY = new URL('../fixtures/language/', import.meta.url).pathname;

export interface EvalItem {
  lang: string;
  length: EvalLength;
  text: string;
  /** `<part>/<lang>.txt:<line>`, so an error names its place. */
  where: string;
}

const SECTION = /^\[(sentences|pairs|words)\]$/u;

/** One part of the evaluation set, every language, in file order. Malformed files fail with file and line. */
export function readEvalSet(part: EvalPart, directory: string = EVAL_SET_DIRECTORY): EvalItem[] {
  const items: EvalItem[] = [];
  for (const lang of EVAL_LANGUAGES) {
    const name = `${part}/${lang}.txt`;
    let length: EvalLength | undefined;
    readFileSync(join(directory, name), 'utf8').split('\n').forEach((raw, index) => {
      const text = raw.trim();
      if (text === '' || text.startsWith('#')) return;
      const section = SECTION.exec(text);
      if (section !== null) {
        length = section[1] as EvalLength;
        return;
      }
      if (length === undefined) throw new AppError('E_IMPORT_FORMAT', `${name}:${index + 1}: text before the first [sentences|pairs|words] header`);
      items.push({ lang, length, text, where: `${name}:${index + 1}` });
    });
  }
  return items;
}

/**
 * The development file for language identification and the simulated conversation context
 * shared by scripts/eval-language.ts and scripts/fit-language-weights.ts.
 */
import { readFileSync } from 'node:fs';
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

/**
 * franc's trigram models, indexed for fast scoring and extended for chat.
 *
 * We score with franc's own data and distance (for each trigram of the text: 300 if the
 * language's model lacks it, else |count - rank - 1|) but keep the raw distance sum instead of
 * francAll's per-text normalisation, because evidence from several messages (context) and from
 * several scripts (a romanised Russian line against Polish) must be added on one scale.
 *
 * Two extensions, both because chat is typed on phones:
 * - Latin models also contain their trigrams with diacritics removed ("nuoc" as well as
 *   "nước"), ranked like the original, so "khong duoc" still looks Vietnamese;
 * - the Latin table holds romanised Bulgarian, Russian and Ukrainian models built from franc's
 *   Cyrillic ones (chat-romanisation.ts).
 */
import { data } from 'franc/data.js';
import { foldText } from '../text/fold.ts';
import { ROMANISED_LANGUAGES, romanisations } from './chat-romanisation.ts';
import { publicCode } from './codes.ts';
import type { Script } from './script.ts';

/** franc's distance for a trigram the model does not contain. */
export const MISSING_TRIGRAM_DISTANCE = 300;
/** franc reads at most this many characters of a text. */
const MAX_TEXT_LENGTH = 2048;
const NO_RANK = -1;

/** Scripts for which franc has several languages and therefore trigram models. */
const FRANC_GROUPS: Partial<Record<Script, string>> = {
  Latn: 'Latin', Cyrl: 'Cyrillic', Arab: 'Arabic', Deva: 'Devanagari', Mymr: 'Myanmar', Ethi: 'Ethiopic', Hebr: 'Hebrew',
};

export interface TrigramTable {
  /** Public language codes; position = column in `ranks`. */
  languages: readonly string[];
  /** trigram -> rank per language (NO_RANK when absent). */
  ranks: ReadonlyMap<string, Int16Array>;
}

const tables = new Map<Script, TrigramTable | null>();

function addRanks(ranks: Map<string, Int16Array>, width: number, column: number, trigram: string, rank: number): void {
  let row = ranks.get(trigram);
  if (row === undefined) {
    row = new Int16Array(width).fill(NO_RANK);
    ranks.set(trigram, row);
  }
  const existing = row[column] ?? NO_RANK;
  if (existing === NO_RANK || rank < existing) row[column] = rank;
}

/** Adds every window of three characters of `text` (which may be longer, after expansion). */
function addWindows(ranks: Map<string, Int16Array>, width: number, column: number, text: string, rank: number): void {
  for (let start = 0; start + 3 <= text.length; start += 1) addRanks(ranks, width, column, text.slice(start, start + 3), rank);
}

function buildTable(script: Script, group: string): TrigramTable | null {
  const models = data[group];
  if (models === undefined) return null;
  const francCodes = Object.keys(models);
  const extra = script === 'Latn' ? ROMANISED_LANGUAGES.filter((lang) => data.Cyrillic?.[lang] !== undefined) : [];
  const languages = [...francCodes.map(publicCode), ...extra];
  const width = languages.length;
  const ranks = new Map<string, Int16Array>();
  francCodes.forEach((code, column) => {
    const trigrams = (models[code] ?? '').split('|');
    trigrams.forEach((trigram, rank) => addRanks(ranks, width, column, trigram, rank));
    if (script !== 'Latn') return;
    trigrams.forEach((trigram, rank) => {
      const folded = foldText(trigram);
      if (folded !== trigram) addWindows(ranks, width, column, folded, rank);
    });
  });
  extra.forEach((lang, offset) => {
    const column = francCodes.length + offset;
    (data.Cyrillic?.[lang] ?? '').split('|').forEach((trigram, rank) => {
      for (const latin of romanisations(trigram, lang)) addWindows(ranks, width, column, latin, rank);
    });
  });
  return { languages, ranks };
}

/** The table for a script, built on first use (the Latin one takes a few tens of ms). */
export function trigramTable(script: Script): TrigramTable | null {
  const cached = tables.get(script);
  if (cached !== undefined) return cached;
  const group = FRANC_GROUPS[script];
  const table = group === undefined ? null : buildTable(script, group);
  tables.set(script, table);
  return table;
}

const NOT_LETTERS = /[^\p{L}\p{M}]+/gu;

/** franc's trigrams with counts: lower case, non-letters as spaces, padded with one space. */
export function trigramCounts(text: string): Map<string, number> {
  const cleaned = ` ${text.slice(0, MAX_TEXT_LENGTH).normalize('NFC').toLowerCase().replace(NOT_LETTERS, ' ').trim()} `;
  const counts = new Map<string, number>();
  for (let start = 0; start + 3 <= cleaned.length; start += 1) {
    const trigram = cleaned.slice(start, start + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return counts;
}

/**
 * franc's distance of the text to each language in `columns` (positions in table.languages),
 * in the same order. Lower is closer.
 */
export function trigramDistances(counts: ReadonlyMap<string, number>, table: TrigramTable, columns: readonly number[]): Float64Array {
  const distances = new Float64Array(columns.length);
  for (const [trigram, count] of counts) {
    const row = table.ranks.get(trigram);
    for (let position = 0; position < columns.length; position += 1) {
      const rank = row === undefined ? NO_RANK : (row[columns[position] ?? 0] ?? NO_RANK);
      distances[position] = (distances[position] ?? 0) + (rank === NO_RANK ? MISSING_TRIGRAM_DISTANCE : Math.abs(count - rank - 1));
    }
  }
  return distances;
}

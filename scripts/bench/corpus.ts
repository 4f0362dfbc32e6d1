/**
 * A seeded synthetic multilingual chat corpus for benchmarks: the same seed gives the same
 * messages in every process, so Threadline and each baseline index exactly the same text.
 * Word frequencies follow a Zipf-like curve, as real chats do (a few words are everywhere).
 */
import { seededRandom } from './random.ts';

export interface CorpusMessage {
  rowid: number;
  text: string;
  time: number;
  chatId: string;
  sender: string;
  sourceId: string;
  lang: string;
}

const ALPHABETS: Record<string, string> = {
  eng: 'abcdefghijklmnopqrstuvwxyz',
  ron: 'abcdefghijklmnoprstuvzăâîșț',
  rus: 'абвгдеёжзийклмнопрстуфхцчшщыьэюя',
  bul: 'абвгдежзийклмнопрстуфхцчшщъьюя',
  ukr: 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя',
  pol: 'abcdefghijklmnoprstuwyząćęłńóśźż',
  deu: 'abcdefghijklmnopqrstuvwxyzäöüß',
  fra: 'abcdefghijlmnopqrstuvéèàçêô',
  spa: 'abcdefghijlmnopqrstuvyzñáéíóú',
  ita: 'abcdefghilmnopqrstuvzàèìòù',
  nld: 'abcdefghijklmnopqrstuvwz',
  hun: 'abcdefghijklmnoprstuvzáéíóöőúüű',
  sqi: 'abcdefghijklmnopqrstuvxyzëç',
  vie: 'abcdeghiklmnopqrstuvxyđăâêôơưàáạảãềếệọộ',
};
export const CORPUS_LANGUAGES = Object.keys(ALPHABETS);
const WORDS_PER_LANGUAGE = 8000;
const START_TIME = Date.UTC(2023, 0, 1);
const SPAN_MS = 2 * 365 * 86_400_000;


export interface Vocabulary {
  words: Record<string, string[]>;
  /** Index into a language's word list with a Zipf-like skew (small indexes are frequent). */
  pick(random: () => number): number;
}

export function buildVocabulary(seed = 1): Vocabulary {
  const random = seededRandom(seed);
  const words: Record<string, string[]> = {};
  for (const [lang, alphabet] of Object.entries(ALPHABETS)) {
    const letters = [...alphabet];
    const list = new Set<string>();
    while (list.size < WORDS_PER_LANGUAGE) {
      const length = 2 + Math.floor(random() * 9);
      let word = '';
      for (let i = 0; i < length; i++) word += letters[Math.floor(Math.pow(random(), 1.3) * letters.length)] ?? 'a';
      list.add(word);
    }
    words[lang] = [...list];
  }
  return { words, pick: (rng) => Math.floor(Math.pow(rng(), 2.6) * WORDS_PER_LANGUAGE) };
}

/** Yields the corpus in batches so no process has to hold all of it. */
export function* corpusBatches(count: number, batchSize: number, seed = 2): Generator<CorpusMessage[]> {
  const vocabulary = buildVocabulary();
  const random = seededRandom(seed);
  let batch: CorpusMessage[] = [];
  for (let rowid = 1; rowid <= count; rowid++) {
    const lang = CORPUS_LANGUAGES[Math.floor(Math.pow(random(), 1.5) * CORPUS_LANGUAGES.length)] ?? 'eng';
    const list = vocabulary.words[lang] ?? [];
    const length = 3 + Math.floor(random() * 16);
    const parts: string[] = [];
    for (let i = 0; i < length; i++) parts.push(list[vocabulary.pick(random)] ?? 'x');
    if (random() < 0.02) parts.push(`+40 7${String(Math.floor(random() * 1e8)).padStart(8, '0')}`);
    const chat = Math.floor(random() * 5000);
    batch.push({
      rowid,
      text: parts.join(' '),
      time: START_TIME + Math.floor(random() * SPAN_MS),
      chatId: `c-${chat}`,
      sender: `Person ${chat % 1500}-${Math.floor(random() * 3)}`,
      sourceId: `s-${chat % 40}`,
      lang,
    });
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

export interface BenchQuery {
  text: string;
  terms: string[];
  lang: string | null;
  after: number | null;
  label: string;
}

/** A fixed mix of 1-, 2- and 3-term queries, half of them with a language or date filter. */
export function queryMix(count: number, seed = 3): BenchQuery[] {
  const vocabulary = buildVocabulary();
  const random = seededRandom(seed);
  const queries: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const lang = CORPUS_LANGUAGES[Math.floor(Math.pow(random(), 1.5) * CORPUS_LANGUAGES.length)] ?? 'eng';
    const termCount = 1 + (i % 3);
    const list = vocabulary.words[lang] ?? [];
    // Query words come from the frequent half of the vocabulary, as investigators' words do.
    const terms = Array.from({ length: termCount }, () => list[Math.floor(Math.pow(random(), 1.8) * 2000)] ?? 'x');
    const filter = i % 4;
    const withLang = filter === 1;
    const after = filter === 2 ? START_TIME + Math.floor(random() * SPAN_MS) : null;
    const text = [...terms, ...(withLang ? [`lang:${lang}`] : []), ...(after === null ? [] : [`after:${new Date(after).toISOString()}`])].join(' ');
    queries.push({ text, terms, lang: withLang ? lang : null, after, label: `${termCount}-term${withLang || after !== null ? '+filter' : ''}` });
  }
  return queries;
}

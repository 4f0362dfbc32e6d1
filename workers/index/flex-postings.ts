import { Encoder, Index } from 'flexsearch';

/**
 * Text is folded by shared/text/fold.ts before FlexSearch sees it, so FlexSearch only splits on
 * our spaces. 'strict' tokenizing with one resolution slot keeps each word's posting list in
 * position order: the lists the intersections in postings.ts need.
 */
export const FLEXSEARCH_OPTIONS = { tokenize: 'strict', resolution: 1, cache: false } as const;
const ALL_RESULTS = 1 << 30;

export function createFlexIndex(): Index {
  return new Index({ ...FLEXSEARCH_OPTIONS, // Our words are unique strings already folded: FlexSearch's own per-term cache only costs time.
    encoder: new Encoder({ normalize: false, dedupe: false, split: ' ', numeric: false, minlength: 1, cache: false }) });
}

/** One exported FlexSearch map entry: a word and its posting lists by resolution slot (one slot here). */
type MapEntry = [word: string, slots: number[][]];

/**
 * The shard's FlexSearch index, bulk-loaded. FlexSearch's per-document add() costs about 17 µs a
 * document (it re-splits text we have already folded and dedupes words through dictionary-mode
 * objects): at a million messages that alone was most of the build. Here each word's posting
 * list is built with one Map lookup and a push, and new words are handed to FlexSearch through
 * its import() API, which stores the very arrays we keep appending to. FlexSearch still holds
 * the index, answers word lookups and writes and reads the persisted form (ADR 0008).
 */
export class FlexPostings {
  readonly flex = createFlexIndex();
  /** Word → the same posting array FlexSearch holds in its map. */
  private readonly lists = new Map<string, number[]>();
  private pending: MapEntry[] = [];

  /** Adds a document's words at `position`, which must be above every position added before. */
  addDocument(position: number, words: readonly string[]): void {
    for (const word of words) {
      const list = this.lists.get(word);
      if (list === undefined) this.createList(word, [position]);
      else if (list[list.length - 1] !== position) list.push(position);
    }
  }

  /** Adds words to a document already indexed (OCR text arriving later): inserted in order. */
  appendWords(position: number, words: readonly string[]): void {
    for (const word of words) {
      const list = this.lists.get(word);
      if (list === undefined) {
        this.createList(word, [position]);
        continue;
      }
      const at = lowerBound(list, position);
      if (list[at] !== position) list.splice(at, 0, position);
    }
  }

  /** Hands the words created since the last commit to FlexSearch. */
  commit(): void {
    if (this.pending.length === 0) return;
    importParsed(this.flex, 'map', this.pending);
    this.pending = [];
  }

  /** Positions holding `word`, in ascending order, as FlexSearch returns them. */
  lookup(word: string): number[] {
    if (!this.lists.has(word)) return [];
    return this.flex.search(word, { limit: ALL_RESULTS }) as number[];
  }

  frequency(word: string): number {
    return this.lists.get(word)?.length ?? 0;
  }

  get vocabularySize(): number {
    return this.lists.size;
  }

  words(): IterableIterator<string> {
    return this.lists.keys();
  }

  async export(write: (key: string, data: string) => void): Promise<void> {
    this.commit();
    await this.flex.export(write);
  }

  /** Reads one file written by export(); map files also rebuild the word → list table. */
  load(key: string, json: string): void {
    const data = JSON.parse(json) as unknown;
    if (key.split('.').includes('map') && Array.isArray(data)) {
      for (const entry of data as MapEntry[]) {
        const list = entry[1]?.[0];
        if (typeof entry[0] !== 'string' || !Array.isArray(list)) throw new Error(`index map entry ${JSON.stringify(entry).slice(0, 80)} is malformed`);
        this.lists.set(entry[0], list);
      }
    }
    importParsed(this.flex, key, data);
  }

  private createList(word: string, list: number[]): void {
    this.lists.set(word, list);
    this.pending.push([word, [list]]);
  }
}

/**
 * FlexSearch's import() parses a string but also takes the parsed value (serialize.js:
 * `if (typeof data === "string") data = JSON.parse(data)`); its typings only declare the string.
 */
function importParsed(index: Index, key: string, data: unknown): void {
  (index.import as (key: string, data: unknown) => void)(key, data);
}

function lowerBound(list: number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

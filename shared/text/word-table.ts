/**
 * A memo from a word as written to its folded form, looked up by a span of the text instead of
 * a string. Indexing a million messages looks up some ten million words; slicing each word out
 * and hashing the fresh string for a Map was most of the cost of folding. The caller hashes the
 * characters while it scans them, so a hit costs one probe and one character comparison, and the
 * folded string returned is the same object every time (its hash is cached for later Maps).
 */
const INITIAL_SLOTS = 1 << 16;
/** Entries kept before the table starts over (chat vocabularies are Zipf-shaped: a reset is cheap). */
const MAX_ENTRIES = 1 << 18;
export const FNV_OFFSET = 0x811c9dc5 | 0;

/** One step of the 32-bit FNV-1a hash the callers compute over a word's UTF-16 code units. */
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

export class WordTable {
  private slots = new Int32Array(INITIAL_SLOTS);
  private written: string[] = [];
  private folded: string[] = [];
  private hashes: number[] = [];

  constructor(
    private readonly fold: (word: string) => string,
    private readonly maxEntries = MAX_ENTRIES,
  ) {}

  get size(): number {
    return this.written.length;
  }

  /** The folded form of text[start, end), whose FNV-1a hash (from FNV_OFFSET) is `hash`. */
  lookup(text: string, start: number, end: number, hash: number): string {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = (this.slots[slot] as number) - 1;
      if (entry === -1) return this.insert(text.slice(start, end), hash, slot);
      if (this.hashes[entry] !== hash) continue;
      const candidate = this.written[entry] as string;
      if (candidate.length === length && sameCharacters(candidate, text, start)) return this.folded[entry] as string;
    }
  }

  private insert(word: string, hash: number, slot: number): string {
    if (this.written.length >= this.maxEntries) {
      this.clear();
      return this.insertFresh(word, hash);
    }
    const folded = this.fold(word);
    this.slots[slot] = this.written.push(word);
    this.folded.push(folded);
    this.hashes.push(hash);
    // Keep the table at most half full so probes stay short.
    if (this.written.length * 2 > this.slots.length) this.grow();
    return folded;
  }

  private insertFresh(word: string, hash: number): string {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    return this.insert(word, hash, slot);
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    this.hashes.forEach((hash, entry) => {
      let slot = hash & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    });
    this.slots = slots;
  }

  private clear(): void {
    this.slots = new Int32Array(INITIAL_SLOTS);
    this.written = [];
    this.folded = [];
    this.hashes = [];
  }
}

function sameCharacters(word: string, text: string, start: number): boolean {
  for (let index = 0; index < word.length; index++) if (word.charCodeAt(index) !== text.charCodeAt(start + index)) return false;
  return true;
}

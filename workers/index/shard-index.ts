import type { IndexDocument, IndexUpdate, ShardQuery, ShardResult } from '../../shared/contracts/index-worker.ts';
import type { QueryTerm, TermGroup } from '../../shared/search/query.ts';
import { foldedWords } from '../../shared/text/fold.ts';
import { phoneTokens } from '../../shared/text/phone.ts';
import { Column, Dictionary } from './columns.ts';
import { FlexPostings } from './flex-postings.ts';
import { allPositions, intersect, subtract, union } from './postings.ts';
import { TopHits } from './top-hits.ts';

const NO_TIME = Number.NaN;
/** A prefix matching more words than this is cut to the most frequent ones. */
const MAX_PREFIX_WORDS = 2000;
const POSTINGS_CACHE_SIZE = 512;

/** One shard: FlexSearch for words, typed columns for filters and sorting, folded text for phrases. */
export class ShardIndex {
  postings = new FlexPostings();
  readonly rowids = new Column((size) => new Float64Array(size));
  readonly times = new Column((size) => new Float64Array(size));
  readonly chats = new Column((size) => new Int32Array(size));
  readonly senders = new Column((size) => new Int32Array(size));
  readonly sources = new Column((size) => new Int32Array(size));
  readonly langs = new Column((size) => new Int32Array(size));
  readonly flags = new Column((size) => new Uint8Array(size));
  readonly markers = new Column((size) => new Uint32Array(size));
  readonly chatIds = new Dictionary();
  readonly senderNames = new Dictionary();
  readonly sourceIds = new Dictionary();
  readonly langCodes = new Dictionary();
  readonly markerIds = new Dictionary();
  /** Space-padded folded words per document: " a b c ", so a phrase is a substring. */
  texts: string[] = [];
  readonly deadSources = new Set<number>();
  private readonly positionOf = new Map<number, number>();
  /** Sender as written → its id: the same few senders repeat on every message. */
  private readonly senderIdOf = new Map<string, number>();
  private vocabulary: string[] | null = null;
  private readonly postingsCache = new Map<string, Int32Array>();

  get size(): number {
    return this.rowids.length;
  }

  add(documents: IndexDocument[]): void {
    for (const document of documents) {
      const position = this.rowids.length;
      const words = indexWords(document.text);
      this.rowids.push(document.rowid);
      this.times.push(document.time ?? NO_TIME);
      this.chats.push(this.chatIds.idOf(document.chatId));
      this.senders.push(this.senderId(document.sender ?? ''));
      this.sources.push(this.sourceIds.idOf(document.sourceId));
      this.langs.push(this.langCodes.idOf(document.lang));
      this.flags.push(document.flags);
      this.markers.push(0);
      this.texts.push(` ${words.join(' ')} `);
      this.positionOf.set(document.rowid, position);
      this.postings.addDocument(position, words);
    }
    this.postings.commit();
    this.invalidate();
  }

  update(updates: IndexUpdate[]): void {
    for (const update of updates) {
      const position = this.positionOf.get(update.rowid);
      if (position === undefined) continue;
      if (update.lang !== undefined) this.langs.set(position, this.langCodes.idOf(update.lang));
      if (update.setFlags !== undefined) this.flags.set(position, this.flags.get(position) | update.setFlags);
      if (update.markers !== undefined) this.markers.set(position, this.markerMask(update.markers));
      if (update.appendText !== undefined) {
        const words = indexWords(update.appendText);
        if (words.length === 0) continue;
        this.texts[position] = `${this.texts[position] ?? ' '}${words.join(' ')} `;
        this.postings.appendWords(position, words);
      }
    }
    this.postings.commit();
    this.invalidate();
  }

  dropSources(sourceIds: string[]): void {
    for (const id of sourceIds) {
      const known = this.sourceIds.find(id);
      if (known !== undefined) this.deadSources.add(known);
    }
  }

  query(request: ShardQuery): ShardResult {
    const { query } = request;
    let candidates: Int32Array;
    const groupLists = query.groups.map((group) => this.groupPostings(group));
    if (groupLists.length > 0) {
      groupLists.sort((a, b) => a.length - b.length);
      candidates = groupLists[0] as Int32Array;
      for (const list of groupLists.slice(1)) {
        if (candidates.length === 0) break;
        candidates = intersect(candidates, list);
      }
    } else {
      candidates = allPositions(this.size);
    }
    for (const term of query.excluded) candidates = subtract(candidates, this.termPostings(term));
    const accept = this.filterPredicate(request);
    const phrases = query.phrases.map((words) => ` ${words.join(' ')} `);
    const weights = query.groups.map((group) => this.groupWeights(group));
    // Text is only read for phrases, or to score which alternative of an OR group matched.
    const scoreByText = request.sort === 'relevance' && weights.some((alternatives) => alternatives.length > 1);
    const baseScore = weights.reduce((sum, alternatives) => sum + (alternatives.length === 1 ? (alternatives[0]?.weight ?? 0) : 0), 0) + phrases.length;
    const top = new TopHits(request.limit, request.sort);
    const langFacets: Record<string, number> = {};
    const langCounts = request.facets ? new Int32Array(this.langCodes.values.length) : null;
    const times = this.times.view();
    const rowids = this.rowids.view();
    let total = 0;
    for (let i = 0; i < candidates.length; i++) {
      const position = candidates[i] as number;
      if (accept !== null && !accept(position)) continue;
      const text = phrases.length > 0 || scoreByText ? (this.texts[position] ?? '') : '';
      if (phrases.length > 0 && phrases.some((phrase) => !text.includes(phrase))) continue;
      total++;
      if (langCounts !== null) langCounts[this.langs.get(position)]! += 1;
      top.offer(rowids[position] as number, times[position] as number, scoreByText ? baseScore + this.alternativeScore(weights, text) : baseScore);
    }
    if (langCounts !== null) langCounts.forEach((count, id) => {
      if (count > 0) langFacets[this.langCodes.values[id] ?? 'und'] = count;
    });
    return { total, hits: top.hits, langFacets };
  }

  /** A test for the query's filters, or null when there is nothing to test (the common case). */
  private filterPredicate(request: ShardQuery): ((position: number) => boolean) | null {
    const { filters } = request.query;
    const nothingToTest =
      this.deadSources.size === 0 && filters.senders.length === 0 && request.chatIds === null && request.sourceIds === null && filters.langs.length === 0 &&
      filters.markers.length === 0 && filters.has.length === 0 && filters.after === null && filters.before === null;
    if (nothingToTest) return null;
    const senders = filters.senders.length === 0 ? null : this.senderNames.matching((name) => filters.senders.some((wanted) => name.includes(wanted)));
    const chats = request.chatIds === null ? null : new Set(request.chatIds.map((id) => this.chatIds.find(id)).filter((id) => id !== undefined));
    const sources = request.sourceIds === null ? null : new Set(request.sourceIds.map((id) => this.sourceIds.find(id)).filter((id) => id !== undefined));
    const langs = filters.langs.length === 0 ? null : this.langCodes.matching((code) => filters.langs.includes(code));
    const markerMask = filters.markers.reduce((mask, id) => mask | this.markerBit(id), 0);
    const unknownMarker = filters.markers.some((id) => this.markerIds.find(id) === undefined);
    const hasMask = (filters.has.includes('attachment') ? 1 : 0) | (filters.has.includes('ocr') ? 2 : 0);
    const after = filters.after ?? Number.NEGATIVE_INFINITY;
    const before = filters.before ?? Number.POSITIVE_INFINITY;
    const timeFiltered = filters.after !== null || filters.before !== null;
    const dead = this.deadSources;
    return (position) => {
      if (dead.size > 0 && dead.has(this.sources.get(position))) return false;
      if (senders !== null && !senders.has(this.senders.get(position))) return false;
      if (chats !== null && !chats.has(this.chats.get(position))) return false;
      if (sources !== null && !sources.has(this.sources.get(position))) return false;
      if (langs !== null && !langs.has(this.langs.get(position))) return false;
      // A marker no message of this shard carries matches nothing here.
      if (unknownMarker) return false;
      if (markerMask !== 0 && (this.markers.get(position) & markerMask) >>> 0 !== markerMask >>> 0) return false;
      if (hasMask !== 0 && (this.flags.get(position) & hasMask) !== hasMask) return false;
      if (timeFiltered) {
        const time = this.times.get(position);
        if (Number.isNaN(time) || time < after || time > before) return false;
      }
      return true;
    };
  }

  /** Postings of a group: the union of its alternatives (prefixes expanded through the vocabulary). */
  private groupPostings(group: TermGroup): Int32Array {
    return union(group.alternatives.map((term) => this.termPostings(term)));
  }

  private termPostings(term: QueryTerm): Int32Array {
    if (!term.prefix) return this.wordPostings(term.word);
    return union(this.expandPrefix(term.word).map((word) => this.wordPostings(word)));
  }

  private wordPostings(word: string): Int32Array {
    const cached = this.postingsCache.get(word);
    if (cached !== undefined) return cached;
    const found = Int32Array.from(this.postings.lookup(word));
    if (this.postingsCache.size >= POSTINGS_CACHE_SIZE) this.postingsCache.delete(this.postingsCache.keys().next().value as string);
    this.postingsCache.set(word, found);
    return found;
  }

  expandPrefix(prefix: string): string[] {
    this.vocabulary ??= [...this.postings.words()].sort();
    const words = this.vocabulary;
    let low = 0;
    let high = words.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((words[middle] as string) < prefix) low = middle + 1;
      else high = middle;
    }
    const matches: string[] = [];
    for (let i = low; i < words.length && (words[i] as string).startsWith(prefix); i++) matches.push(words[i] as string);
    if (matches.length <= MAX_PREFIX_WORDS) return matches;
    return matches.sort((a, b) => this.postings.frequency(b) - this.postings.frequency(a)).slice(0, MAX_PREFIX_WORDS);
  }

  /** Inverse document frequency of each alternative of a group: rare words weigh more. */
  private groupWeights(group: TermGroup): { needle: string; weight: number }[] {
    return group.alternatives.map((term) => {
      const frequency = term.prefix ? this.expandPrefix(term.word).reduce((sum, word) => sum + this.postings.frequency(word), 0) : this.postings.frequency(term.word);
      return { needle: term.prefix ? ` ${term.word}` : ` ${term.word} `, weight: Math.log(1 + this.size / (1 + frequency)) };
    });
  }

  /** Weight of the OR-group alternatives present in the text (rarer words weigh more). */
  private alternativeScore(weights: { needle: string; weight: number }[][], text: string): number {
    let score = 0;
    for (const alternatives of weights) {
      if (alternatives.length < 2) continue;
      for (const alternative of alternatives) if (text.includes(alternative.needle)) score += alternative.weight;
    }
    return score;
  }

  private senderId(sender: string): number {
    let id = this.senderIdOf.get(sender);
    if (id === undefined) {
      id = this.senderNames.idOf(foldedWords(sender).join(' '));
      this.senderIdOf.set(sender, id);
    }
    return id;
  }

  private markerBit(id: string): number {
    const known = this.markerIds.find(id);
    return known === undefined || known >= 32 ? 0 : 1 << known;
  }

  private markerMask(ids: string[]): number {
    // Up to 32 distinct markers fit the mask; the taxonomy has far fewer.
    return ids.reduce((mask, id) => {
      const bit = this.markerIds.idOf(id);
      return bit < 32 ? mask | (1 << bit) : mask;
    }, 0) >>> 0;
  }

  invalidate(): void {
    this.vocabulary = null;
    this.postingsCache.clear();
  }

  rebuildPositionMap(): void {
    this.positionOf.clear();
    const rowids = this.rowids.view();
    for (let position = 0; position < rowids.length; position++) this.positionOf.set(rowids[position] as number, position);
  }
}

/** The words a document is indexed under: its folded words, then a token per phone number. */
function indexWords(text: string): string[] {
  const words = foldedWords(text);
  const phones = phoneTokens(text);
  for (const token of phones) words.push(token);
  return words;
}

/**
 * From matched words to matched rules, without allocating per message: occurrences of terms,
 * the slots they fill, and the rules whose every slot is filled within the rule's distance.
 * All buffers live in one MatchState per tagger and are reset, not reallocated.
 */
import type { CompiledRule, CompiledTagger } from './compile.ts';
import { grow, scanText, TokenBuffer } from './scan.ts';
import type { TermNode } from './trie.ts';

const EMPTY = -1;

export class MatchState {
  readonly tokens = new TokenBuffer();
  /** Term occurrences: term id and first/last token. */
  occurrenceTerm = new Int32Array(64);
  occurrenceStart = new Int32Array(64);
  occurrenceEnd = new Int32Array(64);
  occurrenceCount = 0;
  /** Per global slot, the last entry of a linked list of occurrences (or EMPTY). */
  readonly slotHead: Int32Array;
  entryOccurrence = new Int32Array(128);
  entryNext = new Int32Array(128);
  entryCount = 0;
  /** Per rule, how many slots are filled; the rules touched by this message. */
  readonly filled: Int32Array;
  readonly touched: Int32Array;
  touchedCount = 0;
  /** Matched rules and, flat, the occurrences each one chose. */
  readonly matchedRules: Int32Array;
  matchedStart: Int32Array;
  matchedOccurrences = new Int32Array(128);
  matchedCount = 0;
  private readonly picked = new Int32Array(64);
  private pickedCount = 0;

  constructor(readonly tagger: CompiledTagger) {
    this.slotHead = new Int32Array(tagger.slotTotal).fill(EMPTY);
    this.filled = new Int32Array(tagger.rules.length);
    this.touched = new Int32Array(tagger.rules.length);
    this.matchedRules = new Int32Array(tagger.rules.length);
    this.matchedStart = new Int32Array(tagger.rules.length + 1);
  }

  /** Scans `text` and evaluates every rule; results in matched* until the next call. */
  run(text: string): void {
    scanText(text, this.tagger.trie, this.tagger.numberPattern, this.tokens);
    this.occurrenceCount = 0;
    this.findOccurrences();
    this.fillSlots();
    this.evaluateTouched();
    this.clear();
  }

  private addOccurrence(term: number, start: number, end: number): void {
    const index = this.occurrenceCount;
    this.occurrenceTerm = grow(this.occurrenceTerm, index + 1);
    this.occurrenceStart = grow(this.occurrenceStart, index + 1);
    this.occurrenceEnd = grow(this.occurrenceEnd, index + 1);
    this.occurrenceTerm[index] = term;
    this.occurrenceStart[index] = start;
    this.occurrenceEnd[index] = end;
    this.occurrenceCount += 1;
  }

  private follow(node: TermNode, start: number, at: number): void {
    for (const term of node.terms) this.addOccurrence(term, start, at);
    const { count, patterns, patternStart } = this.tokens;
    if (node.next === undefined || at + 1 >= count) return;
    const last = patternStart[at + 2] ?? 0;
    for (let index = patternStart[at + 1] ?? 0; index < last; index++) {
      const next = node.next.get(patterns[index] ?? EMPTY);
      if (next !== undefined) this.follow(next, start, at + 1);
    }
  }

  private findOccurrences(): void {
    const { count, patterns, patternStart } = this.tokens;
    const starts = this.tagger.termStarts;
    for (let start = 0; start < count; start++) {
      const last = patternStart[start + 1] ?? 0;
      for (let index = patternStart[start] ?? 0; index < last; index++) {
        const node = starts[patterns[index] ?? EMPTY];
        if (node !== undefined) this.follow(node, start, start);
      }
    }
  }

  private fillSlots(): void {
    const refsByTerm = this.tagger.termSlots;
    for (let occurrence = 0; occurrence < this.occurrenceCount; occurrence++) {
      const refs = refsByTerm[this.occurrenceTerm[occurrence] ?? 0];
      if (refs === undefined) continue;
      for (let index = 0; index + 1 < refs.length; index += 2) {
        const rule = refs[index] ?? 0;
        const slot = refs[index + 1] ?? 0;
        const head = this.slotHead[slot] ?? EMPTY;
        if (head === EMPTY) {
          if (this.filled[rule] === 0) this.touched[this.touchedCount++] = rule;
          this.filled[rule] = (this.filled[rule] ?? 0) + 1;
        }
        const entry = this.entryCount++;
        this.entryOccurrence = grow(this.entryOccurrence, entry + 1);
        this.entryNext = grow(this.entryNext, entry + 1);
        this.entryOccurrence[entry] = occurrence;
        this.entryNext[entry] = head;
        this.slotHead[slot] = entry;
      }
    }
  }

  private overlapsPicked(occurrence: number): boolean {
    const start = this.occurrenceStart[occurrence] ?? 0;
    const end = this.occurrenceEnd[occurrence] ?? 0;
    for (let index = 0; index < this.pickedCount; index++) {
      const other = this.picked[index] ?? 0;
      if (start <= (this.occurrenceEnd[other] ?? 0) && (this.occurrenceStart[other] ?? 0) <= end) return true;
    }
    return false;
  }

  /** Whether the picked words and `occurrence` are all listed under one common language. */
  private shareLanguage(occurrence: number): boolean {
    const terms = this.tagger.terms;
    let mask = terms[this.occurrenceTerm[occurrence] ?? 0]?.langMask ?? 0;
    for (let index = 0; index < this.pickedCount && mask !== 0; index++) mask &= terms[this.occurrenceTerm[this.picked[index] ?? 0] ?? 0]?.langMask ?? 0;
    return mask !== 0;
  }

  private fits(rule: CompiledRule, occurrence: number): boolean {
    if (rule.sameLanguage && !this.shareLanguage(occurrence)) return false;
    const start = this.occurrenceStart[occurrence] ?? 0;
    if (rule.kind === 'phrase') {
      if (this.pickedCount === 0) return true;
      const previousEnd = this.occurrenceEnd[this.picked[this.pickedCount - 1] ?? 0] ?? 0;
      return start > previousEnd && start - previousEnd - 1 <= rule.gap;
    }
    let low = start;
    let high = this.occurrenceEnd[occurrence] ?? 0;
    for (let index = 0; index < this.pickedCount; index++) {
      const other = this.picked[index] ?? 0;
      low = Math.min(low, this.occurrenceStart[other] ?? 0);
      high = Math.max(high, this.occurrenceEnd[other] ?? 0);
    }
    return high - low + 1 <= rule.window;
  }

  /** Depth-first: one occurrence per slot, pairwise disjoint, within window or gap. */
  private choose(rule: CompiledRule): boolean {
    if (this.pickedCount === rule.slotCount) return true;
    for (let entry = this.slotHead[rule.slotOffset + this.pickedCount] ?? EMPTY; entry !== EMPTY; entry = this.entryNext[entry] ?? EMPTY) {
      const occurrence = this.entryOccurrence[entry] ?? 0;
      if (this.overlapsPicked(occurrence) || !this.fits(rule, occurrence)) continue;
      this.picked[this.pickedCount++] = occurrence;
      if (this.choose(rule)) return true;
      this.pickedCount -= 1;
    }
    return false;
  }

  /** A `term` rule: every occurrence counts; `min` distinct terms are needed. */
  private collectTerms(rule: CompiledRule): boolean {
    this.pickedCount = 0;
    let distinct = 0;
    for (let entry = this.slotHead[rule.slotOffset] ?? EMPTY; entry !== EMPTY; entry = this.entryNext[entry] ?? EMPTY) {
      const occurrence = this.entryOccurrence[entry] ?? 0;
      const term = this.occurrenceTerm[occurrence];
      let seen = false;
      for (let index = 0; index < this.pickedCount && !seen; index++) seen = this.occurrenceTerm[this.picked[index] ?? 0] === term;
      if (!seen) distinct += 1;
      if (this.pickedCount < this.picked.length) this.picked[this.pickedCount++] = occurrence;
    }
    return distinct >= rule.min;
  }

  private evaluateTouched(): void {
    this.matchedCount = 0;
    let flat = 0;
    this.sortTouched();
    for (let position = 0; position < this.touchedCount; position++) {
      const ruleIndex = this.touched[position] ?? 0;
      const rule = this.tagger.rules[ruleIndex];
      if (rule === undefined || this.filled[ruleIndex] !== rule.slotCount) continue;
      this.pickedCount = 0;
      const matched = rule.kind === 'term' ? this.collectTerms(rule) : this.choose(rule);
      if (!matched) continue;
      this.matchedOccurrences = grow(this.matchedOccurrences, flat + this.pickedCount);
      for (let index = 0; index < this.pickedCount; index++) this.matchedOccurrences[flat + index] = this.picked[index] ?? 0;
      this.matchedRules[this.matchedCount] = ruleIndex;
      this.matchedStart[this.matchedCount] = flat;
      flat += this.pickedCount;
      this.matchedCount += 1;
      this.matchedStart[this.matchedCount] = flat;
    }
  }

  /** Rules in pack order, so results do not depend on word order. Insertion sort: few rules. */
  private sortTouched(): void {
    for (let index = 1; index < this.touchedCount; index++) {
      const value = this.touched[index] ?? 0;
      let position = index - 1;
      while (position >= 0 && (this.touched[position] ?? 0) > value) {
        this.touched[position + 1] = this.touched[position] ?? 0;
        position -= 1;
      }
      this.touched[position + 1] = value;
    }
  }

  private clear(): void {
    for (let index = 0; index < this.touchedCount; index++) {
      const ruleIndex = this.touched[index] ?? 0;
      const rule = this.tagger.rules[ruleIndex];
      if (rule !== undefined) this.slotHead.fill(EMPTY, rule.slotOffset, rule.slotOffset + rule.slotCount);
      this.filled[ruleIndex] = 0;
    }
    this.touchedCount = 0;
    this.entryCount = 0;
  }
}

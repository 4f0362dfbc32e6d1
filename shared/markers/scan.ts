/**
 * The single pass over a message: characters are classified and folded one by one (with the
 * same classes and folding as shared/text/fold.ts and terms.ts) and fed straight into the
 * compiled trie, so no word strings are built. Each token records its UTF-16 range in the
 * original text and the word patterns it matched, exact and stem alike.
 */
import { isIgnorableInWord, MARK_FOLDING_LETTER } from '../text/fold.ts';
import { foldForMarkers, MIN_STEM } from './terms.ts';
import { childOf } from './trie.ts';
import type { CharTrie } from './trie.ts';

const WORD_CHAR = /^[\p{L}\p{M}\p{N}_]$/u;
const SYMBOL_CHAR = /^(?:[\p{Sc}%]|\p{Extended_Pictographic})$/u;

const UNKNOWN = 0;
const WORD = 1;
const SYMBOL = 2;
const OTHER = 3;
/** A format character (direction mark, BOM...): a word runs through it, as in fold.ts. */
const INSIDE_WORD = 4;

/**
 * Combining marks fold away after a Latin, Greek, Cyrillic, Arabic or Hebrew letter (accents,
 * harakat, niqqud), as foldText does for a whole word, but stay in abugidas where they are the
 * vowels. Folding one character at a time cannot see the letter before a mark, so the scanner
 * tracks it: MARK_FOLDS_AFTER is a letter whose marks fold away, MARK a combining mark.
 */
const MARK_CHAR = /^\p{M}$/u;
const MARK_UNKNOWN = 0;
const MARK = 1;
const MARK_FOLDS_AFTER = 2;
const MARK_STAYS_AFTER = 3;
const bmpMarkClasses = new Uint8Array(0x10000);

function markClassOf(codePoint: number): number {
  if (codePoint >= 0x10000) return MARK_STAYS_AFTER;
  let value = bmpMarkClasses[codePoint] ?? MARK_UNKNOWN;
  if (value === MARK_UNKNOWN) {
    const char = String.fromCharCode(codePoint);
    value = MARK_CHAR.test(char) ? MARK : MARK_FOLDING_LETTER.test(char) ? MARK_FOLDS_AFTER : MARK_STAYS_AFTER;
    bmpMarkClasses[codePoint] = value;
  }
  return value;
}

/** Character classes, computed once per code point (Unicode property regexes are slow). */
const bmpClasses = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();
/** Folded form of each non-ASCII code point seen so far. */
const foldedChars = new Map<number, string>();
const FOLDED_CHARS_LIMIT = 100_000;

function classify(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  if (WORD_CHAR.test(char)) return WORD;
  if (SYMBOL_CHAR.test(char)) return SYMBOL;
  return codePoint < 0x10000 && isIgnorableInWord(codePoint) ? INSIDE_WORD : OTHER;
}

function classOf(codePoint: number): number {
  if (codePoint < 0x10000) {
    let value = bmpClasses[codePoint] ?? UNKNOWN;
    if (value === UNKNOWN) {
      value = classify(codePoint);
      bmpClasses[codePoint] = value;
    }
    return value;
  }
  let value = astralClasses.get(codePoint);
  if (value === undefined) {
    value = classify(codePoint);
    astralClasses.set(codePoint, value);
  }
  return value;
}

function foldChar(codePoint: number): string {
  let folded = foldedChars.get(codePoint);
  if (folded === undefined) {
    if (foldedChars.size >= FOLDED_CHARS_LIMIT) foldedChars.clear();
    folded = foldForMarkers(String.fromCodePoint(codePoint));
    foldedChars.set(codePoint, folded);
  }
  return folded;
}

/** `array`, or a copy at least twice as long when `needed` elements do not fit. */
export function grow(array: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const larger = new Int32Array(Math.max(needed, array.length * 2));
  larger.set(array);
  return larger;
}

/**
 * Reusable per-tagger token buffers: token i spans [starts[i], ends[i]) of the text and
 * matched the word patterns patterns[patternStart[i] .. patternStart[i + 1]).
 */
export class TokenBuffer {
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  patternStart = new Int32Array(65);
  patterns = new Int32Array(256);
  patternCount = 0;

  reset(): void {
    this.count = 0;
    this.patternCount = 0;
    this.patternStart[0] = 0;
  }

  begin(start: number): void {
    this.starts = grow(this.starts, this.count + 1);
    this.ends = grow(this.ends, this.count + 1);
    this.patternStart = grow(this.patternStart, this.count + 2);
    this.starts[this.count] = start;
  }

  /** Adds a pattern to the current token unless it is already there. */
  add(pattern: number): void {
    const first = this.patternStart[this.count] ?? 0;
    for (let index = first; index < this.patternCount; index++) if (this.patterns[index] === pattern) return;
    this.patterns = grow(this.patterns, this.patternCount + 1);
    this.patterns[this.patternCount] = pattern;
    this.patternCount += 1;
  }

  finish(end: number): void {
    this.ends[this.count] = end;
    this.count += 1;
    this.patternStart[this.count] = this.patternCount;
  }

  /** Whether token `token` matched `pattern`. */
  has(token: number, pattern: number): boolean {
    const last = this.patternStart[token + 1] ?? 0;
    for (let index = this.patternStart[token] ?? 0; index < last; index++) if (this.patterns[index] === pattern) return true;
    return false;
  }
}

/*
 * The walk of the current token through the trie. Module-level state rather than an object:
 * this is the innermost loop of the tagger, and imported bindings are copied into locals so
 * that loaders which turn module exports into getters do not slow it down.
 */
const minStem = MIN_STEM;
const child = childOf;
let walkTrie: CharTrie | undefined;
let walkBuffer: TokenBuffer | undefined;
let walkNode = -1;
let walkDepth = 0;

function addPatterns(ids: readonly number[]): void {
  for (const id of ids) walkBuffer?.add(id);
}

function feed(code: number): void {
  if (walkNode < 0 || walkTrie === undefined) return;
  walkNode = child(walkTrie, walkNode, code);
  walkDepth += 1;
  if (walkNode >= 0 && walkDepth >= minStem) {
    const stems = walkTrie.prefix[walkNode];
    if (stems !== undefined) addPatterns(stems);
  }
}

const ASCII_UPPER_A = 65;
const ASCII_UPPER_Z = 90;
const ASCII_CASE_OFFSET = 32;
const ASCII_LOWER_A = 97;
const ASCII_LOWER_Z = 122;
const ASCII_DIGIT_0 = 48;
const ASCII_DIGIT_9 = 57;
const ASCII_LIMIT = 0x80;
const ARABIC_DIGIT_0 = 0x0660;
const ARABIC_DIGIT_9 = 0x0669;
const EASTERN_ARABIC_DIGIT_0 = 0x06f0;
const EASTERN_ARABIC_DIGIT_9 = 0x06f9;

/** Digits that start a number (#num): ASCII, Arabic-Indic and Eastern Arabic-Indic. */
function isNumberStart(codePoint: number): boolean {
  return (
    (codePoint >= ASCII_DIGIT_0 && codePoint <= ASCII_DIGIT_9) ||
    (codePoint >= ARABIC_DIGIT_0 && codePoint <= ARABIC_DIGIT_9) ||
    (codePoint >= EASTERN_ARABIC_DIGIT_0 && codePoint <= EASTERN_ARABIC_DIGIT_9)
  );
}

function feedCodePoint(codePoint: number): void {
  if (codePoint < ASCII_LIMIT) {
    feed(codePoint >= ASCII_UPPER_A && codePoint <= ASCII_UPPER_Z ? codePoint + ASCII_CASE_OFFSET : codePoint);
    return;
  }
  const folded = foldChar(codePoint);
  for (let index = 0; index < folded.length; index++) feed(folded.charCodeAt(index));
}

function endWalk(): void {
  if (walkNode < 0 || walkTrie === undefined) return;
  const exact = walkTrie.exact[walkNode];
  if (exact !== undefined) addPatterns(exact);
}

/** Tokenises `text` into `buffer`, matching every token against the trie. */
export function scanText(text: string, trie: CharTrie, numberPattern: number, buffer: TokenBuffer): void {
  buffer.reset();
  walkTrie = trie;
  walkBuffer = buffer;
  let index = 0;
  while (index < text.length) {
    let codePoint = text.codePointAt(index) ?? 0;
    const kind = classOf(codePoint);
    if (kind === OTHER || kind === INSIDE_WORD) {
      index += codePoint > 0xffff ? 2 : 1;
      continue;
    }
    buffer.begin(index);
    walkNode = 0;
    walkDepth = 0;
    if (kind === SYMBOL) {
      feedCodePoint(codePoint);
      index += codePoint > 0xffff ? 2 : 1;
    } else {
      if (isNumberStart(codePoint)) buffer.add(numberPattern);
      // Whether a combining mark here follows a letter whose marks fold away.
      let marksFold = false;
      // The token ends after its last word character: format characters it ran through at its
      // end are left to the outer loop, which skips them.
      let end = index;
      while (index < text.length) {
        const inner = classOf(codePoint);
        if (inner === WORD) {
          if (codePoint >= ASCII_LIMIT) {
            const marks = markClassOf(codePoint);
            if (marks !== MARK) marksFold = marks === MARK_FOLDS_AFTER;
            if (marks !== MARK || !marksFold) feedCodePoint(codePoint);
          } else {
            marksFold = (codePoint | ASCII_CASE_OFFSET) >= ASCII_LOWER_A && (codePoint | ASCII_CASE_OFFSET) <= ASCII_LOWER_Z;
            feedCodePoint(codePoint);
          }
          index += codePoint > 0xffff ? 2 : 1;
          end = index;
        } else if (inner === INSIDE_WORD) {
          index += 1;
        } else {
          break;
        }
        codePoint = text.codePointAt(index) ?? 0;
      }
      index = end;
    }
    endWalk();
    buffer.finish(index);
  }
}

/**
 * stream-json's tokenizer, fed in small slices so that a syntax error can be placed (the library
 * reports no position), and with Telegram's non-standard `\xNN` string escapes read as `\u00NN`
 * (tdesktop's SerializeString writes them for control characters; strict JSON rejects them).
 *
 * Every value is streamed in pieces (no packing), so the tokenizer itself never holds a whole
 * string, key or number: the bounded assembler in json-walker.ts decides what to keep.
 */

import { jsonParser } from 'stream-json/parser.js';
import type { Token } from 'stream-json/parser.js';

/** Characters handed to the tokenizer at once: a syntax error is placed within this span. */
const SLICE_CHARS = 256;
/**
 * stream-chain's protocol markers are registered symbols (Symbol.for), so they are named here
 * rather than importing stream-chain, which is only stream-json's own dependency.
 */
const NONE = Symbol.for('object-stream.none');
const MANY = Symbol.for('object-stream.many');

export type JsonToken = Token;

/**
 * A syntax error, placed by line and column (1-based). In a normal pass the place is the span of
 * the slice that held it; a precise pass (see JsonTokenizer's `preciseFrom`) pins the character.
 */
export class JsonSyntaxError extends Error {
  constructor(
    readonly detail: string,
    readonly line: number,
    readonly columnFrom: number,
    readonly columnTo: number,
    /** Characters (after escape rewriting) before the slice that failed. */
    readonly sliceStart: number,
    /** The error came at the end of the input (truncated document). */
    readonly atEnd = false,
  ) {
    super(`${detail} at line ${line}, column ${columnFrom === columnTo ? columnFrom : `${columnFrom}-${columnTo}`}`);
    this.name = 'JsonSyntaxError';
  }
}

type Tokenizer = (input: string | symbol) => unknown;

export class JsonTokenizer {
  private readonly tokenize: Tokenizer = jsonParser({ packValues: false, streamValues: true }) as Tokenizer;
  private line = 1;
  private column = 1;
  private pendingBackslash = false;
  private started = false;
  /** Characters handed to the tokenizer so far (after escape rewriting). */
  private fed = 0;
  /** How many `\xNN` escapes were rewritten. */
  hexEscapes = 0;

  /**
   * @param preciseFrom from this character on, text is fed one character at a time, so that a
   * second pass over a broken file can name the exact line and column of the error.
   */
  constructor(private readonly preciseFrom = Number.POSITIVE_INFINITY) {}

  get position(): { line: number; column: number } {
    return { line: this.line, column: this.column };
  }

  /** Tokens for the next piece of text; throws JsonSyntaxError. */
  push(text: string, into: JsonToken[]): void {
    let piece = text;
    if (!this.started && piece.length > 0) {
      this.started = true;
      // A BOM the decoder kept (e.g. one after a BOM) is not JSON whitespace.
      if (piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
    }
    piece = this.rewriteHexEscapes(piece);
    let start = 0;
    while (start < piece.length) {
      const size = this.fed >= this.preciseFrom ? 1 : Math.min(SLICE_CHARS, Math.max(1, this.preciseFrom - this.fed));
      this.feed(piece.slice(start, start + size), into);
      start += size;
    }
  }

  /** Ends the input: a truncated document throws here. */
  end(into: JsonToken[]): void {
    const lineBefore = this.line;
    const columnBefore = this.column;
    try {
      collect(this.tokenize(NONE), into);
    } catch (error) {
      throw new JsonSyntaxError(`${messageOf(error)} (the file ends too early)`, lineBefore, columnBefore, columnBefore, this.fed, true);
    }
  }

  private feed(slice: string, into: JsonToken[]): void {
    const lineBefore = this.line;
    const columnBefore = this.column;
    const sliceStart = this.fed;
    this.advance(slice);
    this.fed += slice.length;
    try {
      collect(this.tokenize(slice), into);
    } catch (error) {
      const columnTo = this.line === lineBefore ? this.column - 1 : columnBefore + slice.indexOf('\n') - 1;
      throw new JsonSyntaxError(messageOf(error), lineBefore, columnBefore, Math.max(columnBefore, columnTo), sliceStart);
    }
  }

  private advance(slice: string): void {
    let from = 0;
    for (;;) {
      const feed = slice.indexOf('\n', from);
      if (feed === -1) break;
      this.line += 1;
      this.column = 1;
      from = feed + 1;
    }
    this.column += slice.length - from;
  }

  /** `\x41` → `\u0041`, tracking escape state across pieces; `\\x` is an escaped backslash, untouched. */
  private rewriteHexEscapes(text: string): string {
    if (text.length === 0 || (!this.pendingBackslash && !text.includes('\\'))) return text;
    let out = '';
    let copied = 0;
    let index = 0;
    if (this.pendingBackslash) {
      this.pendingBackslash = false;
      if (text.startsWith('x')) {
        out += 'u00';
        copied = 1;
        this.hexEscapes += 1;
      }
      index = 1;
    }
    for (;;) {
      const slash = text.indexOf('\\', index);
      if (slash === -1) break;
      if (slash + 1 >= text.length) {
        this.pendingBackslash = true;
        break;
      }
      if (text.charCodeAt(slash + 1) === 0x78 /* x */) {
        out += `${text.slice(copied, slash + 1)}u00`;
        copied = slash + 2;
        this.hexEscapes += 1;
      }
      index = slash + 2;
    }
    return copied === 0 ? text : out + text.slice(copied);
  }
}

interface ManyTokens {
  values: JsonToken[];
}

function collect(result: unknown, into: JsonToken[]): void {
  if (result === NONE || result === undefined || result === null) return;
  if (typeof result === 'object' && (result as Record<symbol, unknown>)[MANY] === 1) {
    for (const token of (result as ManyTokens).values) into.push(token);
    return;
  }
  into.push(result as JsonToken);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

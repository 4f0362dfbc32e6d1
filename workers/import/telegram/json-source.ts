/**
 * Drives a JSON source through decoder → tokenizer → walker, chunk by chunk from
 * `input.stream()`, handing each planned value to the importer (which may await the sink).
 *
 * A syntax error, a truncated file or hostile nesting does not throw: reading stops there, the
 * value that was being built is handed over marked as incomplete, and the fault is returned with
 * its place so the importer can warn (or throw when nothing at all was read).
 */

import type { ParserInput, ParseSink } from '../../../shared/contracts/parsed-source.ts';
import { JsonSyntaxError, JsonTokenizer } from './json-tokens.ts';
import type { JsonToken } from './json-tokens.ts';
import { JsonDepthError, JsonWalker } from './json-walker.ts';
import type { JsonPath, PlanDecision, WalkedValue } from './json-walker.ts';
import { Utf8ChunkDecoder } from './utf8-chunks.ts';
import type { Utf8Report } from './utf8-chunks.ts';

export interface JsonFault {
  /** "line 12, column 3-40" or similar. */
  place: string;
  message: string;
}

export interface JsonWalkResult {
  fault: JsonFault | null;
  /** Kind of the top-level value ('object', 'array'...), null for an empty file. */
  rootKind: string | null;
  hexEscapes: number;
  utf8: Utf8Report;
  bytesRead: number;
}

export async function walkJsonSource(
  input: ParserInput,
  sink: ParseSink,
  plan: (path: JsonPath) => PlanDecision,
  onValue: (value: WalkedValue) => Promise<void>,
): Promise<JsonWalkResult> {
  const decoder = new Utf8ChunkDecoder();
  const tokenizer = new JsonTokenizer();
  const walker = new JsonWalker(plan);
  const tokens: JsonToken[] = [];
  let fault: JsonFault | null = null;

  // Set inside `run`; held in an object so the compiler does not narrow it to null.
  const first: { error: JsonSyntaxError | null } = { error: null };
  const run = async (text: string, last: boolean): Promise<void> => {
    tokens.length = 0;
    try {
      tokenizer.push(text, tokens);
      if (last) tokenizer.end(tokens);
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      first.error = error;
      fault = { place: placeOf(error), message: `JSON syntax error: ${error.detail}` };
    }
    // Tokens read before the error are still good: walk them, then stop.
    try {
      for (const token of tokens) walker.push(token);
    } catch (error) {
      if (!(error instanceof JsonDepthError)) throw error;
      const { line, column } = tokenizer.position;
      fault = { place: `line ${line}, column ${column}`, message: error.message };
    }
    for (const value of walker.take()) await onValue(value);
  };

  for await (const chunk of input.stream()) {
    sink.throwIfCancelled();
    await run(decoder.decode(chunk), false);
    sink.progress(decoder.bytesDone, input.size);
    if (fault !== null) break;
  }
  if (fault === null) await run(decoder.end(), true);
  const found = first.error;
  if (found !== null && fault !== null) {
    // The first pass places the error within a slice; a second pass pins the character.
    const exact = await locateSyntaxError(input, sink, found.sliceStart);
    // Fed one character at a time the tokenizer may wait for more input where the first pass
    // could already decide (e.g. a bare word); then the first pass's span is the better answer.
    if (exact !== null && (!exact.atEnd || found.atEnd)) fault = { place: placeOf(exact), message: `JSON syntax error: ${exact.detail}` };
  }
  if (fault !== null) {
    const broken = walker.abandon(`cut off by the fault at ${(fault as JsonFault).place}`);
    if (broken !== null) await onValue(broken);
  }
  return { fault, rootKind: walker.rootKind, hexEscapes: tokenizer.hexEscapes, utf8: decoder.report, bytesRead: decoder.bytesDone };
}

function placeOf(error: JsonSyntaxError): string {
  return `line ${error.line}, column ${error.columnFrom === error.columnTo ? error.columnFrom : `${error.columnFrom}-${error.columnTo}`}`;
}

/** Reads the file again up to a known syntax error, character by character near it. */
async function locateSyntaxError(input: ParserInput, sink: ParseSink, sliceStart: number): Promise<JsonSyntaxError | null> {
  const decoder = new Utf8ChunkDecoder();
  const tokenizer = new JsonTokenizer(sliceStart);
  const discard: JsonToken[] = [];
  try {
    for await (const chunk of input.stream()) {
      sink.throwIfCancelled();
      tokenizer.push(decoder.decode(chunk), discard);
      discard.length = 0;
    }
    tokenizer.push(decoder.end(), discard);
    tokenizer.end(discard);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error;
    throw error;
  }
  return null;
}

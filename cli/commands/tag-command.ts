/**
 * `threadline tag [--jsonl <file> | -]` (../shared/CLI.md): tags each JSON line
 * {"id", "text", "lang"?} with marker indicators and writes one line per input line:
 * {"id", "markers": [{"id", "score", "spans", "rule", "lang", "version"}]}. Spans are UTF-16
 * [start, end) offsets into the original text. A malformed line gets {"id", "error"} on stdout
 * and a message naming its line number on stderr; the other lines go on.
 */
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createMarkerTagger } from '../../shared/markers/index.ts';
import type { MarkerTag, MarkerTagger } from '../../shared/markers/index.ts';

export interface TagCommandOptions {
  /** A JSON Lines file, or "-" (or nothing) for standard input. */
  jsonl?: string;
}

/** Where the command reads and writes; the process's streams unless a caller (a test) says otherwise. */
export interface TagCommandStreams {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

const EXIT_OK = 0;
const EXIT_FAILED = 1;
/** Output is written in chunks of this many lines to keep write calls few. */
const LINES_PER_WRITE = 256;
const MAX_TEXT_LENGTH = 1_000_000;

type InputId = string | number | null;

interface OutputMarker {
  id: string;
  score: number;
  spans: [number, number][];
  rule: string;
  lang: string;
  version: string;
}

function toOutput(tag: MarkerTag): OutputMarker {
  return { id: tag.marker, score: tag.score, spans: tag.spans, rule: tag.rule, lang: tag.lang, version: tag.packVersion };
}

/** The id of a line, when it has a usable one, so even error lines can be matched to the input. */
function idOf(value: unknown): InputId {
  if (value === null || typeof value !== 'object') return null;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : null;
}

/** Tags one input line; returns the output line and, for a malformed line, the problem. */
export function tagLine(tagger: MarkerTagger, line: string): { output: string; error?: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const reason = `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
    return { output: JSON.stringify({ id: null, error: reason }), error: reason };
  }
  const id = idOf(value);
  const record = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  let problem: string | undefined;
  if (record === undefined) problem = 'expected a JSON object {"id", "text", "lang"?}';
  else if (id === null) problem = 'missing "id" (a string or a number)';
  else if (typeof record.text !== 'string') problem = 'missing "text" (a string)';
  else if (record.text.length > MAX_TEXT_LENGTH) problem = `"text" is longer than ${MAX_TEXT_LENGTH} characters`;
  else if (record.lang !== undefined && typeof record.lang !== 'string') problem = '"lang" must be a string (ISO 639-3)';
  if (problem !== undefined || record === undefined) {
    const reason = problem ?? 'malformed line';
    return { output: JSON.stringify({ id, error: reason }), error: reason };
  }
  const text = record.text as string;
  const lang = typeof record.lang === 'string' ? record.lang : undefined;
  return { output: JSON.stringify({ id, markers: tagger.tag(text, lang).map(toOutput) }) };
}

async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

export async function runTag(options: TagCommandOptions, streams?: Partial<TagCommandStreams>): Promise<number> {
  const stdout = streams?.stdout ?? process.stdout;
  const stderr = streams?.stderr ?? process.stderr;
  const fromStdin = options.jsonl === undefined || options.jsonl === '-';
  const source = fromStdin ? 'standard input' : (options.jsonl ?? '');
  let input: Readable;
  if (fromStdin) input = streams?.stdin ?? process.stdin;
  else {
    input = createReadStream(source, { encoding: 'utf8' });
    try {
      await once(input, 'open');
    } catch (error) {
      stderr.write(`threadline tag: cannot read ${source}: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_FAILED;
    }
  }
  const tagger = createMarkerTagger();
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let failures = 0;
  let pending: string[] = [];
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const result = tagLine(tagger, line);
    if (result.error !== undefined) {
      failures += 1;
      stderr.write(`threadline tag: ${source} line ${lineNumber}: ${result.error}\n`);
    }
    pending.push(result.output);
    if (pending.length >= LINES_PER_WRITE) {
      await write(stdout, `${pending.join('\n')}\n`);
      pending = [];
    }
  }
  if (pending.length > 0) await write(stdout, `${pending.join('\n')}\n`);
  return failures === 0 ? EXIT_OK : EXIT_FAILED;
}

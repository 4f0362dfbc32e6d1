/**
 * `threadline lang [--jsonl <file> | -]` (../shared/CLI.md): one JSON object per input line
 * {"id","text","context"?} -> {"id","lang","confidence"} (plus "script" and "method").
 * A malformed line yields {"id","error"} and a stderr message naming the line; the other lines
 * are still answered, and the exit code is 1 if any line failed.
 *
 * Detection runs on the engine's language worker (engine/language/text-languages.ts), the one
 * an import uses, so the answer for a text, its context and a language list is the import's,
 * fastText lid.176 included. Lines are sent in batches as they arrive and answered in input order.
 */
import { createReadStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { TextLanguages } from '../../engine/language/text-languages.ts';
import type { TextToDetect } from '../../engine/language/text-languages.ts';
import { parseLanguageList } from '../../shared/domain/case.ts';
import { AppError } from '../../shared/errors.ts';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes.ts';

export interface LangCommandOptions {
  /** A JSON Lines file; `-` or absent: standard input. */
  jsonl?: string;
  /** Comma-separated case languages (ISO 639-3) narrowing the candidates, e.g. "ron,eng,rus". */
  languages?: string;
}

export interface LangCommandStreams {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** Lines per call to the worker: large enough to amortise the message, small enough to answer a pipe promptly. */
const BATCH_LINES = 500;
/** A batch that has not filled is sent after this long without a new line (interactive or slow pipes). */
const IDLE_FLUSH_MS = 15;
/** Batches in flight per started worker before reading pauses. */
const IN_FLIGHT_PER_WORKER = 2;

const Id = z.union([z.string(), z.number()]);
const InputLine = z.object({ id: Id, text: z.string(), context: z.array(z.string()).optional() });
type Id = z.infer<typeof Id>;

/** One input line's answer: its stdout line and, for a failed line, the stderr message. */
interface Answer {
  line: string;
  problem?: string;
}

type Parsed = { ok: true; id: Id; item: TextToDetect } | { ok: false; answer: Answer };

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length === 0 ? 'line' : issue.path.join('.')}: ${issue.message}`).join('; ');
}

function parseLine(raw: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    const message = `not JSON (${error instanceof Error ? error.message : String(error)})`;
    return { ok: false, answer: { line: JSON.stringify({ id: null, error: message }), problem: message } };
  }
  const parsed = InputLine.safeParse(value);
  if (!parsed.success) {
    const id = Id.safeParse((value as { id?: unknown } | null)?.id);
    const message = describeIssues(parsed.error);
    return { ok: false, answer: { line: JSON.stringify({ id: id.success ? id.data : null, error: message }), problem: message } };
  }
  const { id, text, context } = parsed.data;
  return { ok: true, id, item: { text, ...(context === undefined ? {} : { context }) } };
}

function openInput(options: LangCommandOptions, stdin: Readable): { stream: Readable; name: string } {
  if (options.jsonl === undefined || options.jsonl === '-') return { stream: stdin, name: 'stdin' };
  return { stream: createReadStream(options.jsonl, { encoding: 'utf8' }), name: options.jsonl };
}

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/** Answers arrive out of order (batches, failed lines at once); they leave in input order. */
class OrderedOutput {
  private readonly waiting = new Map<number, Answer>();
  private next = 0;
  private writing: Promise<void> = Promise.resolve();
  failed = 0;

  constructor(
    private readonly streams: LangCommandStreams,
    private readonly inputName: string,
    private readonly lineNumbers: Map<number, number>,
  ) {}

  /** Stores slot's answer and writes every answer now in order; resolves when they are written. */
  fill(slot: number, answer: Answer): Promise<void> {
    this.waiting.set(slot, answer);
    let out = '';
    let err = '';
    for (let ready = this.waiting.get(this.next); ready !== undefined; ready = this.waiting.get(this.next)) {
      out += `${ready.line}\n`;
      if (ready.problem !== undefined) {
        this.failed += 1;
        err += `threadline lang: ${this.inputName}:${this.lineNumbers.get(this.next) ?? '?'}: ${ready.problem}\n`;
      }
      this.waiting.delete(this.next);
      this.lineNumbers.delete(this.next);
      this.next += 1;
    }
    if (out !== '') {
      this.writing = this.writing.then(async () => {
        await write(this.streams.stdout, out);
        if (err !== '') await write(this.streams.stderr, err);
      });
    }
    return this.writing;
  }

  /** Resolves when every answer filled so far is written. */
  flushed(): Promise<void> {
    return this.writing;
  }
}

export async function runLang(options: LangCommandOptions, streams: LangCommandStreams = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const caseLanguages = options.languages === undefined ? undefined : parseLanguageList(options.languages);
  const input = openInput(options, streams.stdin);
  const detector = new TextLanguages(caseLanguages === undefined ? {} : { caseLanguages });
  detector.warmUp();
  try {
    return await answerLines(input, detector, streams);
  } finally {
    await detector.close();
  }
}

async function answerLines(input: { stream: Readable; name: string }, detector: TextLanguages, streams: LangCommandStreams): Promise<number> {
  const lineNumbers = new Map<number, number>();
  const output = new OrderedOutput(streams, input.name, lineNumbers);
  const inFlight = new Set<Promise<void>>();
  let batch: { slot: number; id: Id; item: TextToDetect }[] = [];
  let timer: NodeJS.Timeout | undefined;
  let failure: unknown;
  let warned = false;
  let slots = 0;
  let lineNumber = 0;

  const send = (): void => {
    clearTimeout(timer);
    timer = undefined;
    const taken = batch;
    batch = [];
    if (taken.length === 0) return;
    const done = detector
      .detect(taken.map((entry) => entry.item))
      .then(async ({ results, tool }) => {
        if (!warned && tool.parameters['classifier'] === 'none') {
          warned = true;
          await write(streams.stderr, 'threadline lang: fastText could not be loaded; answering without it (an import would record classifier "none")\n');
        }
        let written = Promise.resolve();
        taken.forEach((entry, position) => {
          const result = results[position];
          if (result === undefined) return;
          written = output.fill(entry.slot, { line: JSON.stringify({ id: entry.id, lang: result.lang, confidence: result.confidence, script: result.script, method: result.method }) });
        });
        await written;
      })
      .catch((error: unknown) => {
        failure ??= error;
      });
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  };

  try {
    for await (const raw of createInterface({ input: input.stream, crlfDelay: Infinity })) {
      lineNumber += 1;
      if (failure !== undefined) break;
      if (raw.trim() === '') continue;
      const slot = slots++;
      lineNumbers.set(slot, lineNumber);
      const parsed = parseLine(raw);
      if (!parsed.ok) {
        void output.fill(slot, parsed.answer);
        continue;
      }
      batch.push({ slot, id: parsed.id, item: parsed.item });
      if (batch.length >= BATCH_LINES) send();
      else timer ??= setTimeout(send, IDLE_FLUSH_MS);
      while (inFlight.size >= IN_FLIGHT_PER_WORKER * Math.max(1, detector.started)) await Promise.race(inFlight);
    }
  } catch (error) {
    clearTimeout(timer);
    await Promise.all(inFlight);
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') throw new AppError('E_USAGE', `Cannot read --jsonl file ${input.name}: no such file`);
    throw new AppError('E_IMPORT_READ', `Cannot read ${input.name} after line ${lineNumber}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  send();
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;
  await output.flushed();
  if (output.failed > 0) await write(streams.stderr, `threadline lang: ${output.failed} of ${lineNumber} lines failed\n`);
  return output.failed > 0 ? EXIT_FAILED : EXIT_OK;
}

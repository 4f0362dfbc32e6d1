/**
 * `threadline lang [--jsonl <file> | -]` (../shared/CLI.md): one JSON object per input line
 * {"id","text","context"?} -> {"id","lang","confidence"} (plus "script" and "method").
 * A malformed line yields {"id","error"} and a stderr message naming the line; the other lines
 * are still answered, and the exit code is 1 if any line failed.
 *
 * The detector is the pure one in shared/language/ (the same code the language worker runs):
 * the CLI may not import workers/, and language identification needs no case or engine.
 */
import { createReadStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import { detectLanguage } from '../../shared/language/detect.ts';
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

const Id = z.union([z.string(), z.number()]);
const InputLine = z.object({ id: Id, text: z.string(), context: z.array(z.string()).optional() });

type Outcome = { ok: true; line: string } | { ok: false; line: string; message: string };

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length === 0 ? 'line' : issue.path.join('.')}: ${issue.message}`).join('; ');
}

function answer(raw: string, caseLanguages: readonly string[] | undefined): Outcome {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    const message = `not JSON (${error instanceof Error ? error.message : String(error)})`;
    return { ok: false, line: JSON.stringify({ id: null, error: message }), message };
  }
  const parsed = InputLine.safeParse(value);
  if (!parsed.success) {
    const id = Id.safeParse((value as { id?: unknown } | null)?.id);
    const message = describeIssues(parsed.error);
    return { ok: false, line: JSON.stringify({ id: id.success ? id.data : null, error: message }), message };
  }
  const { id, text, context } = parsed.data;
  const guess = detectLanguage(text, { ...(context === undefined ? {} : { context }), ...(caseLanguages === undefined ? {} : { caseLanguages }) });
  return { ok: true, line: JSON.stringify({ id, lang: guess.lang, confidence: guess.confidence, script: guess.script, method: guess.method }) };
}

function openInput(options: LangCommandOptions, stdin: Readable): { stream: Readable; name: string } {
  if (options.jsonl === undefined || options.jsonl === '-') return { stream: stdin, name: 'stdin' };
  return { stream: createReadStream(options.jsonl, { encoding: 'utf8' }), name: options.jsonl };
}

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

export async function runLang(options: LangCommandOptions, streams: LangCommandStreams = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const caseLanguages = options.languages?.split(',').map((code) => code.trim()).filter((code) => code !== '');
  const input = openInput(options, streams.stdin);
  let failed = 0;
  let lineNumber = 0;
  try {
    for await (const raw of createInterface({ input: input.stream, crlfDelay: Infinity })) {
      lineNumber += 1;
      if (raw.trim() === '') continue;
      const outcome = answer(raw, caseLanguages);
      await write(streams.stdout, `${outcome.line}\n`);
      if (!outcome.ok) {
        failed += 1;
        await write(streams.stderr, `threadline lang: ${input.name}:${lineNumber}: ${outcome.message}\n`);
      }
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') throw new AppError('E_USAGE', `Cannot read --jsonl file ${input.name}: no such file`);
    throw new AppError('E_IMPORT_READ', `Cannot read ${input.name} after line ${lineNumber}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (failed > 0) await write(streams.stderr, `threadline lang: ${failed} of ${lineNumber} lines failed\n`);
  return failed > 0 ? EXIT_FAILED : EXIT_OK;
}

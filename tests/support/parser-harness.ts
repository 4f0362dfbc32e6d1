import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type {
  ParsedChat,
  ParsedMessage,
  ParseOutcome,
  ParserInput,
  ParseSink,
  ParseWarning,
  SourceParser,
} from '../../shared/contracts/parsed-source.ts';
import { nearbyListing } from '../../workers/import/file-input.ts';

/**
 * An in-memory ParserInput and a collecting ParseSink for importer tests: the parser sees the
 * same interface the import worker gives it (readAll, a chunked stream, companions), and the test
 * sees everything it produced.
 */

/** The chunk size the import worker streams with. */
export const STREAM_CHUNK_BYTES = 64 * 1024;

export interface HarnessInputOptions {
  /** Name shown in locators; defaults to the file's base name (or "input"). */
  displayName?: string;
  /** Chunk size for stream(); small values exercise boundaries inside tokens. */
  chunkBytes?: number;
  /** Sibling files by name, for companion(). */
  companions?: Record<string, Uint8Array>;
  /** readAll() rejects: proves a streaming parser never loads the whole file. */
  forbidReadAll?: boolean;
}

/** A ParserInput over bytes already in memory. */
export function inputFromBytes(bytes: Uint8Array, options: HarnessInputOptions = {}): ParserInput & { streamedChunks: () => number } {
  const chunkBytes = options.chunkBytes ?? STREAM_CHUNK_BYTES;
  let chunks = 0;
  return {
    path: `/in-memory/${options.displayName ?? 'input'}`,
    displayName: options.displayName ?? 'input',
    size: bytes.length,
    readAll: () => (options.forbidReadAll === true ? Promise.reject(new Error('readAll() called on a streamed input')) : Promise.resolve(bytes.slice())),
    async *stream() {
      for (let start = 0; start < bytes.length; start += chunkBytes) {
        chunks += 1;
        // A copy per chunk, as a file stream would give, so no parser can keep a view of the whole.
        yield bytes.slice(start, start + chunkBytes);
      }
    },
    companion: (name: string) => Promise.resolve(options.companions?.[name] ?? null),
    nearby: () => Promise.resolve([]),
    nearbyUnlisted: () => Promise.resolve([]),
    streamedChunks: () => chunks,
  };
}

/** A ParserInput over a file on disk; companion() reads a sibling file (null when absent). */
export function inputFromFile(file: string, options: Omit<HarnessInputOptions, 'companions'> = {}): ParserInput {
  const bytes = new Uint8Array(readFileSync(file));
  const base = inputFromBytes(bytes, {
    displayName: options.displayName ?? path.basename(file),
    ...(options.chunkBytes === undefined ? {} : { chunkBytes: options.chunkBytes }),
    ...(options.forbidReadAll === undefined ? {} : { forbidReadAll: options.forbidReadAll }),
  });
  return {
    ...base,
    path: file,
    companion: (name: string) => {
      try {
        return Promise.resolve(new Uint8Array(readFileSync(path.join(path.dirname(file), name))));
      } catch {
        return Promise.resolve(null);
      }
    },
    // The files beside it, found by content as the import worker finds them.
    nearby: () => Promise.resolve(nearbyListing(file, []).files),
    nearbyUnlisted: () => Promise.resolve(nearbyListing(file, []).unlisted),
  };
}

/** A ParserInput over a string, encoded as UTF-8. */
export function inputFromText(text: string, options: HarnessInputOptions = {}): ParserInput {
  return inputFromBytes(new TextEncoder().encode(text), options);
}

export interface CollectedParse {
  chats: ParsedChat[];
  messages: ParsedMessage[];
  warnings: ParseWarning[];
  progress: { done: number; total: number }[];
  cancelChecks: number;
}

export interface CollectingSink extends ParseSink {
  collected: CollectedParse;
}

/** A sink that keeps everything; `cancelAfter` makes throwIfCancelled throw after that many checks. */
export function collectingSink(options: { cancelAfter?: number; asyncMessages?: boolean } = {}): CollectingSink {
  const collected: CollectedParse = { chats: [], messages: [], warnings: [], progress: [], cancelChecks: 0 };
  return {
    collected,
    chat: (chat) => {
      collected.chats.push(chat);
    },
    message: (message) => {
      collected.messages.push(message);
      // Awaited backpressure, as the real sink applies when its batch is full.
      return options.asyncMessages === true ? Promise.resolve() : undefined;
    },
    warning: (warning) => {
      collected.warnings.push(warning);
    },
    throwIfCancelled: () => {
      collected.cancelChecks += 1;
      if (options.cancelAfter !== undefined && collected.cancelChecks > options.cancelAfter) {
        throw Object.assign(new Error('cancelled'), { code: 'E_CANCELLED' });
      }
    },
    progress: (done, total) => {
      collected.progress.push({ done, total });
    },
  };
}

export interface HarnessResult extends CollectedParse {
  outcome: ParseOutcome;
}

/** Runs a parser over an input and returns what it produced. */
export async function runParser(
  parser: SourceParser,
  input: ParserInput,
  options: { dateOrder?: 'dmy' | 'mdy' | 'ymd'; asyncMessages?: boolean } = {},
): Promise<HarnessResult> {
  const sink = collectingSink({ asyncMessages: options.asyncMessages ?? true });
  const outcome = await parser.parse(input, sink, options.dateOrder === undefined ? {} : { dateOrder: options.dateOrder });
  return { ...sink.collected, outcome };
}

/** The first 64 KiB of a file, as the format detector passes to sniff(). */
export function headOf(file: string): Uint8Array {
  return new Uint8Array(readFileSync(file)).subarray(0, STREAM_CHUNK_BYTES);
}

/** Every file under a folder (recursively) whose name matches, sorted. */
export function listFiles(folder: string, matches: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder)) {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) found.push(...listFiles(full, matches));
    else if (matches(name)) found.push(full);
  }
  return found.sort();
}

/** Where the shared public samples live (beside the repository), and whether they are there. */
export const SAMPLES_ROOT = path.resolve(process.cwd(), '../shared/samples');

/** Sample folders (under SAMPLES_ROOT) holding each importer's own format. */
export const SAMPLE_FOLDERS = {
  telegramJson: ['telegram-json'],
  telegramHtml: ['telegram-html'],
  meta: ['messenger-json', 'instagram-json'],
  smsXml: ['sms-backup-restore-xml'],
  csv: ['misc'],
} as const;

/**
 * Every sample file outside `ownFolders` (other formats' exports, WhatsApp .txt files, databases,
 * e-mails...), for checking that a sniffer claims only its own format.
 */
export function otherFormatSamples(ownFolders: readonly string[]): string[] {
  return listFiles(SAMPLES_ROOT, (name) => !name.endsWith('.md')).filter((file) => {
    const top = path.relative(SAMPLES_ROOT, file).split(path.sep)[0] ?? '';
    return !ownFolders.includes(top);
  });
}

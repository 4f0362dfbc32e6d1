/**
 * sigtop's JSON export (`sigtop export-messages -f json`): one file per conversation holding an
 * array of Signal Desktop message objects, copied unchanged from the database (so their fields
 * drift with Signal's versions, as in the database). The export has no conversations table:
 * senders are known by their service id or phone number only, and the chat is named after the
 * file, which sigtop names after the conversation. Signal Desktop moved fields from the object
 * into typed columns over the years (schema 1270 and on hydrate messages from both); an object
 * that lacks its type can only be kept unparsed here, so the decrypted database itself (sigtop
 * export-database) is the better source when both exist.
 */

import type { ParseOutcome, ParseSink, ParsedChat, ParsedMessage, ParserInput, SourceLocator, SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import { ChatRegistry, WarningCap, baseName } from '../sqlite/index.ts';
import type { SignalConversation } from './conversations.ts';
import { isObject, jsonText } from './json-fields.ts';
import { readMessage } from './message-row.ts';
import type { RowNotes, SignalDirectory } from './message-row.ts';
import { sniffSigtopJson } from './sigtop-json-sniff.ts';
import { tallyMessage } from './message-tally.ts';
import { unparsedRecord } from '../unparsed-record.ts';

export const SIGTOP_JSON_PARSER_VERSION = '1.4.0';

/**
 * The file is parsed whole (sigtop writes one array, one conversation per file); V8 cannot hold
 * a string much over 500 MB, so a bigger file is refused with that reason rather than crashing.
 */
export const MAX_SIGTOP_JSON_BYTES = 400 * 1024 * 1024;
/** Entries between cancellation checks and progress reports. */
const ENTRIES_PER_TICK = 2000;

export const sigtopJsonParser: SourceParser = {
  format: 'signal-sigtop-json',
  parserVersion: SIGTOP_JSON_PARSER_VERSION,
  sniff: (head) => sniffSigtopJson(head),
  parse: parseSigtopJson,
};

async function parseSigtopJson(input: ParserInput, sink: ParseSink): Promise<ParseOutcome> {
  const file = input.displayName;
  const entries = await readEntries(input);
  const warnings = new WarningCap(sink);
  const directory = new FileDirectory(new ChatRegistry(sink), baseName(file).replace(/\.json$/iu, ''));
  const tally: Record<string, number> = { messages: 0, system: 0, unparsed: 0, deleted: 0, edited: 0, attachments: 0 };
  for (const [index, entry] of entries.entries()) {
    const locator: SourceLocator = { kind: 'json-pointer', file, pointer: `/${index}` };
    let message: ParsedMessage;
    try {
      if (!isObject(entry)) throw new Error(`it is ${Array.isArray(entry) ? 'an array' : entry === null ? 'null' : `a ${typeof entry}`}, not a message object`);
      message = readMessage({}, entry, locator, directory, null, {} satisfies RowNotes);
    } catch (error) {
      const conversationId = isObject(entry) ? jsonText(entry, 'conversationId') : null;
      message = unparsedEntry(index, entry, locator, directory.chatKeyFor(conversationId ?? directory.lastConversationId), error);
      warnings.add('entry', `${file}${locator.pointer}`, message.reason ?? 'unreadable entry');
    }
    tallyMessage(tally, message);
    await sink.message(message);
    if ((index + 1) % ENTRIES_PER_TICK === 0) {
      sink.throwIfCancelled();
      sink.progress(Math.floor((input.size * (index + 1)) / entries.length), input.size);
    }
  }
  sink.progress(input.size, input.size);
  return { formatVersion: null, details: { ...tally, entries: entries.length, conversationIds: [...directory.conversationIds], namesKnown: false, attachmentFilesRead: false, warningCounts: warnings.finish(file) } };
}


async function readEntries(input: ParserInput): Promise<unknown[]> {
  const file = input.displayName;
  if (input.size > MAX_SIGTOP_JSON_BYTES) {
    throw new AppError('E_IMPORT_READ', `${file}: ${input.size} bytes is more than the ${MAX_SIGTOP_JSON_BYTES} bytes a sigtop JSON file can be read in one piece`);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(await input.readAll()).replace(/^\uFEFF/u, '');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // The whole array is one JSON value: past a syntax error nothing can be placed reliably.
    throw new AppError('E_IMPORT_FORMAT', `${file}: not valid JSON, so no message in it can be read (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  if (!Array.isArray(value)) throw new AppError('E_IMPORT_FORMAT', `${file}: sigtop writes an array of messages, but this file holds ${value === null ? 'null' : `a ${typeof value}`}`);
  return value;
}

function unparsedEntry(index: number, entry: unknown, locator: SourceLocator, chatKey: string, error: unknown): ParsedMessage {
  const raw = JSON.stringify(entry) ?? String(entry);
  return unparsedRecord({ chatKey, raw, locator, reason: `entry ${index} could not be read: ${error instanceof Error ? error.message : String(error)}` });
}

/** The chats of one sigtop file: named after the file, since the export carries no names. */
class FileDirectory implements SignalDirectory {
  readonly conversationIds = new Set<string>();
  lastConversationId: string | null = null;

  constructor(
    private readonly registry: ChatRegistry,
    private readonly title: string,
  ) {}

  chatKeyFor(conversationId: string | null): string {
    if (conversationId !== null) {
      this.conversationIds.add(conversationId);
      this.lastConversationId = conversationId;
    }
    return this.registry.conversationKey(conversationId, (key, id): ParsedChat => ({ key, title: this.title === '' ? `Signal conversation ${id}` : this.title, kind: 'unknown' }));
  }

  get(): SignalConversation | undefined {
    return undefined;
  }

  person(): SignalConversation | undefined {
    return undefined;
  }
}

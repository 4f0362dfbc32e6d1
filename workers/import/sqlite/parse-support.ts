/**
 * What every SQLite parser needs around its row loop: capped warnings, chats announced once,
 * cancellation and progress at a steady pace, and 'unparsed' records for rows that fail.
 */

import type { ParseOutcome, ParserInput, ParseSink, ParsedChat, ParsedMessage, SourceLocator, SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { sniffSqliteKind } from './identify.ts';
import type { SqliteSourceKind } from './identify.ts';
import { takeLookupShortfalls } from './lookup-index.ts';
import { openEvidenceDatabase } from './open-evidence-database.ts';
import type { EvidenceDatabase } from './open-evidence-database.ts';
import type { Row, ScanErrorCause } from './rows.ts';
import { ROWID } from './rows.ts';
import { rawRowText } from './values.ts';
import { unparsedRecord } from '../unparsed-record.ts';

/** Warnings of one kind listed individually; the rest are counted in one summary line. */
export const MAX_WARNINGS_PER_KIND = 50;
/** Rows between cancellation checks and progress reports. */
export const ROWS_PER_TICK = 2000;

/** Passes warnings to the sink, at most MAX_WARNINGS_PER_KIND of each kind. */
export class WarningCap {
  private readonly counts = new Map<string, number>();

  constructor(private readonly sink: Pick<ParseSink, 'warning'>) {}

  add(kind: string, place: string, message: string): void {
    const count = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, count);
    if (count <= MAX_WARNINGS_PER_KIND) this.sink.warning({ place, message });
  }

  /** Emits one summary per kind whose warnings were cut; returns the count per kind. */
  finish(place: string): Record<string, number> {
    for (const [kind, count] of this.counts) {
      if (count > MAX_WARNINGS_PER_KIND) {
        this.sink.warning({ place, message: `${count - MAX_WARNINGS_PER_KIND} more warnings of kind "${kind}" were not listed` });
      }
    }
    return Object.fromEntries(this.counts);
  }
}

/** Announces each chat to the sink once, before its first message. */
export class ChatRegistry {
  private readonly seen = new Set<string>();

  constructor(private readonly sink: Pick<ParseSink, 'chat'>) {}

  has(key: string): boolean {
    return this.seen.has(key);
  }

  add(chat: ParsedChat): void {
    if (this.seen.has(chat.key)) return;
    this.seen.add(chat.key);
    this.sink.chat(chat);
  }

  /** Makes sure `key` exists, building a chat for it when it has not been announced. */
  ensure(key: string, build: () => ParsedChat): void {
    if (!this.seen.has(key)) this.add(build());
  }

  /**
   * The chat key of a database's conversation id (`conversation:<id>`), the chat announced on
   * first use with what `build` makes of it; a message without a conversation id goes to the
   * unattributed chat.
   */
  conversationKey<Id extends string | number>(conversationId: Id | null, build: (key: string, conversationId: Id) => ParsedChat): string {
    if (conversationId === null) {
      this.ensure(UNATTRIBUTED_CHAT_KEY, unattributedChat);
      return UNATTRIBUTED_CHAT_KEY;
    }
    const key = `conversation:${conversationId}`;
    this.ensure(key, () => build(key, conversationId));
    return key;
  }

  get size(): number {
    return this.seen.size;
  }
}

/**
 * Checks for cancellation and reports progress every ROWS_PER_TICK rows. Progress is in bytes of
 * the source (as the contract asks), estimated from the share of rows read.
 */
export class RowPacer {
  private done = 0;

  constructor(
    private readonly sink: Pick<ParseSink, 'throwIfCancelled' | 'progress'>,
    private readonly totalRows: number,
    private readonly totalBytes: number,
  ) {}

  tick(): void {
    this.done += 1;
    if (this.done % ROWS_PER_TICK === 0) {
      this.sink.throwIfCancelled();
      const share = this.totalRows > 0 ? Math.min(1, this.done / this.totalRows) : 1;
      this.sink.progress(Math.floor(this.totalBytes * share), this.totalBytes);
    }
  }

  finish(): void {
    this.sink.throwIfCancelled();
    this.sink.progress(this.totalBytes, this.totalBytes);
  }
}

/** The rowid a scan put on a row. */
export function rowidOf(row: Row): number {
  const value = row[ROWID];
  return typeof value === 'number' ? value : -1;
}

export function sqliteRowLocator(file: string, table: string, row: Row): SourceLocator {
  return { kind: 'sqlite-row', file, table, rowid: rowidOf(row) };
}

/** The record for a row that could not be turned into a message: its raw content and why. */
export function unparsedRow(file: string, table: string, row: Row, chatKey: string, error: unknown): ParsedMessage {
  const reason = error instanceof Error ? error.message : String(error);
  const raw = rawRowText(row);
  return unparsedRecord({ chatKey, raw: raw.text, rawChars: raw.totalChars, locator: sqliteRowLocator(file, table, row), reason: `${table} row ${rowidOf(row)} could not be read: ${reason}` });
}

/** Key of the chat that collects messages whose own chat is unknown. */
export const UNATTRIBUTED_CHAT_KEY = 'unattributed';

export function unattributedChat(): ParsedChat {
  return { key: UNATTRIBUTED_CHAT_KEY, title: 'Messages without a known conversation', kind: 'unknown' };
}

/** Formats a scan error as one warning. */
export function scanErrorMessage(table: string, message: string, fromRowid: number | null, toRowid: number | null, cause: ScanErrorCause = 'damaged'): string {
  if (cause === 'no-rowid') return `${table}: ${message}`;
  const from = fromRowid === null ? 'the start' : `rowid ${fromRowid}`;
  const to = toRowid === null ? 'the end of the table' : `rowid ${toRowid}`;
  return `rows of ${table} after ${from} up to ${to} could not be read (${message}); the database is damaged there`;
}

/**
 * A SourceParser for one kind of phone database: opens the evidence from bytes (WAL replayed in
 * memory, tables in a collation this reader lacks made readable on the copy: see
 * openEvidenceDatabase), hands it to `read`, and always closes it. Every SQLite importer is built with this.
 */
export function evidenceDatabaseParser(spec: {
  format: string;
  parserVersion: string;
  kind: SqliteSourceKind;
  read: (evidence: EvidenceDatabase, input: ParserInput, sink: ParseSink, warnings: WarningCap) => Promise<ParseOutcome>;
}): SourceParser {
  return {
    format: spec.format,
    parserVersion: spec.parserVersion,
    sniff: (head) => sniffSqliteKind(head, spec.kind),
    async parse(input, sink) {
      const warnings = new WarningCap(sink);
      const evidence = await openEvidenceDatabase(input, (warning) => warnings.add('database', warning.place, warning.message));
      try {
        const outcome = await spec.read(evidence, input, sink, warnings);
        for (const shortfall of takeLookupShortfalls(evidence.db)) {
          sink.warning({ place: input.displayName, message: `a lookup reads a whole table for every row it is asked for, so this import was slow: ${shortfall}` });
        }
        return outcome;
      } finally {
        evidence.close();
      }
    },
  };
}

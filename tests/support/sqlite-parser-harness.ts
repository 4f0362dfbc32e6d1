/**
 * Test support for the SQLite importers: a ParserInput over bytes in memory (with companions such
 * as -wal or a contacts database beside it), a ParseSink that collects everything, and tiny databases built with sql.js
 * from SQL text, so tests need no committed binaries.
 */

import initSqlJs from 'sql.js';
import type { SqlJsStatic } from 'sql.js';
import type {
  NearbyFile,
  ParseOutcome,
  ParseSink,
  ParseWarning,
  ParsedChat,
  ParsedMessage,
  ParserInput,
  SourceParser,
} from '../../shared/contracts/parsed-source.ts';
import { AppError } from '../../shared/errors.ts';

let sqlJs: Promise<SqlJsStatic> | null = null;

function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs();
  return sqlJs;
}

/** Runs `sql` (several statements) in a fresh in-memory database and returns its file bytes. */
export async function buildDatabase(sql: string): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  try {
    db.exec(sql);
    return db.export();
  } finally {
    db.close();
  }
}

/**
 * A ParserInput over bytes. `companions` maps the names of the files beside it (e.g.
 * "msgstore.db-wal", a contacts database under any name) to their bytes: companion() reads them
 * by name and nearby() offers them as 'same-folder'. `elsewhere` are files of the same import in
 * other folders, offered as 'same-import'.
 */
export function parserInput(
  bytes: Uint8Array,
  displayName: string,
  companions: Record<string, Uint8Array> = {},
  elsewhere: Record<string, Uint8Array> = {},
): ParserInput & { companionRequests: string[] } {
  return bytesInput(bytes, displayName, `/evidence/${displayName}`, companions, elsewhere, true);
}

function bytesInput(
  bytes: Uint8Array,
  displayName: string,
  path: string,
  companions: Record<string, Uint8Array>,
  elsewhere: Record<string, Uint8Array>,
  withNearby: boolean,
): ParserInput & { companionRequests: string[] } {
  const companionRequests: string[] = [];
  const nearbyFile = (name: string, data: Uint8Array, relation: NearbyFile['relation']): NearbyFile => ({
    relation,
    input: bytesInput(data, name, relation === 'same-folder' ? `/evidence/${name}` : `/elsewhere/${name}`, relation === 'same-folder' ? companions : {}, {}, false),
    head: (length) => Promise.resolve(data.slice(0, length)),
  });
  return {
    path,
    displayName,
    size: bytes.byteLength,
    companionRequests,
    readAll: () => Promise.resolve(bytes),
    async *stream() {
      yield bytes;
    },
    companion(name: string) {
      companionRequests.push(name);
      return Promise.resolve(companions[name] ?? null);
    },
    nearby() {
      if (!withNearby) return Promise.resolve([]);
      return Promise.resolve([
        ...Object.entries(companions).filter(([name]) => name !== displayName).map(([name, data]) => nearbyFile(name, data, 'same-folder')),
        ...Object.entries(elsewhere).map(([name, data]) => nearbyFile(name, data, 'same-import')),
      ]);
    },
    nearbyUnlisted: () => Promise.resolve([]),
  };
}

/** A ParseSink that keeps everything; it can cancel after a number of progress checks. */
export class CollectingSink implements ParseSink {
  readonly chats: ParsedChat[] = [];
  readonly messages: ParsedMessage[] = [];
  readonly warnings: ParseWarning[] = [];
  readonly progressReports: { done: number; total: number }[] = [];
  cancelChecks = 0;

  constructor(private readonly cancelAfterChecks = Number.POSITIVE_INFINITY) {}

  chat(chat: ParsedChat): void {
    this.chats.push(chat);
  }

  message(message: ParsedMessage): Promise<void> {
    this.messages.push(message);
    return Promise.resolve();
  }

  warning(warning: ParseWarning): void {
    this.warnings.push(warning);
  }

  throwIfCancelled(): void {
    this.cancelChecks += 1;
    if (this.cancelChecks > this.cancelAfterChecks) throw new AppError('E_CANCELLED', 'cancelled by the test');
  }

  progress(done: number, total: number): void {
    this.progressReports.push({ done, total });
  }

  chatOf(message: ParsedMessage): ParsedChat | undefined {
    return this.chats.find((chat) => chat.key === message.chatKey);
  }
}

export interface ParserRun {
  outcome: ParseOutcome;
  sink: CollectingSink;
}

/** Parses `bytes` as `displayName` with `parser`, collecting the output. */
export async function runParser(
  parser: SourceParser,
  bytes: Uint8Array,
  displayName: string,
  companions: Record<string, Uint8Array> = {},
  elsewhere: Record<string, Uint8Array> = {},
): Promise<ParserRun> {
  const sink = new CollectingSink();
  const outcome = await parser.parse(parserInput(bytes, displayName, companions, elsewhere), sink, {});
  return { outcome, sink };
}

/** Checks the invariants every SQLite parser keeps: chats announced first, locators, unparsed reasons. */
export function checkParsedInvariants(run: ParserRun, file: string): string[] {
  const problems: string[] = [];
  const chatKeys = new Set(run.sink.chats.map((chat) => chat.key));
  if (chatKeys.size !== run.sink.chats.length) problems.push('a chat was announced twice');
  const locators = new Set<string>();
  for (const message of run.sink.messages) {
    if (!chatKeys.has(message.chatKey)) problems.push(`message in unknown chat ${message.chatKey}`);
    if (message.locator.kind !== 'sqlite-row' || message.locator.file !== file) problems.push(`bad locator ${JSON.stringify(message.locator)}`);
    else {
      const key = `${message.locator.table}#${message.locator.rowid}`;
      if (locators.has(key)) problems.push(`row ${key} produced two messages`);
      locators.add(key);
    }
    if (message.kind === 'unparsed' && (message.reason ?? '') === '') problems.push('unparsed record without a reason');
    if (message.time !== null && 'utcMs' in message.time && !Number.isFinite(message.time.utcMs)) problems.push('non-finite time');
  }
  return problems;
}

/*
 * Write-ahead logs written by hand from the file format document
 * (https://www.sqlite.org/fileformat2.html#walformat), with a checksum implemented here,
 * independently of the replay code under test.
 */

const WAL_SALT_1 = 0x1234_5678;
const WAL_SALT_2 = 0x0bad_f00d;

export interface WalFrame {
  page: number;
  data: Uint8Array;
  /** Database size in pages after this frame when it commits a transaction, else 0. */
  commitSize: number;
}

function walTestChecksum(data: Uint8Array, seed: [number, number], bigEndian: boolean): [number, number] {
  let [s0, s1] = seed;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < data.byteLength; i += 8) {
    s0 = (s0 + view.getUint32(i, !bigEndian) + s1) % 2 ** 32;
    s1 = (s1 + view.getUint32(i + 4, !bigEndian) + s0) % 2 ** 32;
  }
  return [s0, s1];
}

/** A WAL file: header, then the frames, each checksummed over the chain. */
export function writeWalFile(frames: WalFrame[], options: { pageSize: number; bigEndian?: boolean; frameSalts?: [number, number] }): Uint8Array {
  const { pageSize } = options;
  const bigEndian = options.bigEndian ?? false;
  const out = new Uint8Array(32 + frames.length * (24 + pageSize));
  const view = new DataView(out.buffer);
  view.setUint32(0, bigEndian ? 0x377f0683 : 0x377f0682);
  view.setUint32(4, 3007000);
  view.setUint32(8, pageSize);
  view.setUint32(12, 7);
  view.setUint32(16, WAL_SALT_1);
  view.setUint32(20, WAL_SALT_2);
  let sum = walTestChecksum(out.subarray(0, 24), [0, 0], bigEndian);
  view.setUint32(24, sum[0]);
  view.setUint32(28, sum[1]);
  const [frameSalt1, frameSalt2] = options.frameSalts ?? [WAL_SALT_1, WAL_SALT_2];
  frames.forEach((frame, index) => {
    const offset = 32 + index * (24 + pageSize);
    view.setUint32(offset, frame.page);
    view.setUint32(offset + 4, frame.commitSize);
    view.setUint32(offset + 8, frameSalt1);
    view.setUint32(offset + 12, frameSalt2);
    out.set(frame.data, offset + 24);
    sum = walTestChecksum(out.subarray(offset, offset + 8), sum, bigEndian);
    sum = walTestChecksum(out.subarray(offset + 24, offset + 24 + pageSize), sum, bigEndian);
    view.setUint32(offset + 16, sum[0]);
    view.setUint32(offset + 20, sum[1]);
  });
  return out;
}

/** The MMS tables of an mmssms.db (sms, pdu, part, addr) with the columns the MMS reader takes: tests add their rows. */
export const MMS_TABLES = `
  CREATE TABLE sms (_id INTEGER PRIMARY KEY, thread_id INTEGER, address TEXT, date INTEGER, type INTEGER, body TEXT);
  CREATE TABLE pdu (_id INTEGER PRIMARY KEY, thread_id INTEGER, date INTEGER, msg_box INTEGER, m_type INTEGER);
  CREATE TABLE part (_id INTEGER PRIMARY KEY, mid INTEGER, seq INTEGER DEFAULT 0, ct TEXT, name TEXT, chset INTEGER, cd TEXT, fn TEXT,
    cid TEXT, cl TEXT, _data TEXT, text TEXT);
  CREATE TABLE addr (_id INTEGER PRIMARY KEY, msg_id INTEGER, address TEXT, type INTEGER, charset INTEGER);
`;

/**
 * A minimal mmssms.db (sms, threads, canonical_addresses) holding one incoming SMS with `body`:
 * the SQL, for tests that need a phone database of a known shape.
 */
export function minimalMmssmsSql(body: string): string {
  return `
  CREATE TABLE sms (_id INTEGER PRIMARY KEY AUTOINCREMENT, thread_id INTEGER, address TEXT, date INTEGER, date_sent INTEGER DEFAULT 0, read INTEGER DEFAULT 0, type INTEGER, body TEXT);
  CREATE TABLE threads (_id INTEGER PRIMARY KEY AUTOINCREMENT, date INTEGER DEFAULT 0, message_count INTEGER DEFAULT 0, recipient_ids TEXT);
  CREATE TABLE canonical_addresses (_id INTEGER PRIMARY KEY AUTOINCREMENT, address TEXT);
  INSERT INTO canonical_addresses VALUES (1, '+41790000001');
  INSERT INTO threads (_id, recipient_ids) VALUES (1, '1');
  INSERT INTO sms (thread_id, address, date, type, body) VALUES (1, '+41790000001', 1617873247692, 1, '${body.replaceAll("'", "''")}');
`;
}

/**
 * The -wal of a database made by `sql` whose every page is still in the log (the main file is
 * empty): a database copied while its app ran, before its first checkpoint.
 */
export async function walHoldingEveryPage(sql: string, pageSize = 4096): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  try {
    db.exec(`PRAGMA page_size = ${pageSize}; ${sql}`);
    return writeWalFile(walTransaction(new Uint8Array(0), db.export(), pageSize), { pageSize });
  } finally {
    db.close();
  }
}

/** The frames of one transaction: every page of `after` that differs from `before`; the last one commits. */
export function walTransaction(before: Uint8Array, after: Uint8Array, pageSize: number): WalFrame[] {
  const frames: WalFrame[] = [];
  const pages = after.byteLength / pageSize;
  for (let page = 1; page <= pages; page++) {
    const next = after.subarray((page - 1) * pageSize, page * pageSize);
    const previous = before.subarray((page - 1) * pageSize, page * pageSize);
    if (previous.byteLength === pageSize && next.every((byte, index) => byte === previous[index])) continue;
    frames.push({ page, data: next.slice(), commitSize: 0 });
  }
  const last = frames[frames.length - 1];
  if (last !== undefined) last.commitSize = pages;
  return frames;
}

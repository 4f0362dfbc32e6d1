import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import sqlite3InitModule from '@sqlite.org/sqlite-wasm';
import { SearchIndex } from '../../engine/search/search-index.ts';
import { parseQuery } from '../../shared/search/query.ts';
import { foldedWords } from '../../shared/text/fold.ts';
import { corpusBatches } from './corpus.ts';
import type { BenchQuery } from './corpus.ts';
import { peakRssMb, percentiles, timed } from './measure.ts';

/** What every engine reports, measured in its own process on the same corpus and queries. */
export interface EngineReport {
  engine: string;
  messages: number;
  buildSeconds: number;
  messagesPerSecond: number;
  sizeBytes: number;
  reopenSeconds: number | null;
  peakRssMb: number;
  latency: Record<string, { p50: number; p95: number; p99: number; mean: number }>;
  /** Sum of hit counts over all queries: engines must agree (same words, same filters). */
  checksum: number;
}

const BATCH = 20_000;
const PAGE = 50;

function folderSize(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    total += entry.isDirectory() ? folderSize(child) : statSync(child).size;
  }
  return total;
}

function latencyByLabel(queries: BenchQuery[], samples: number[]): EngineReport['latency'] {
  const groups = new Map<string, number[]>([['all', samples]]);
  queries.forEach((query, index) => {
    const list = groups.get(query.label) ?? [];
    list.push(samples[index] ?? 0);
    groups.set(query.label, list);
  });
  return Object.fromEntries([...groups].map(([label, values]) => [label, percentiles(values)]));
}

export async function benchThreadline(messages: number, queries: BenchQuery[]): Promise<EngineReport> {
  const casePath = mkdtempSync(join(tmpdir(), 'threadline-bench-'));
  try {
    let index = await SearchIndex.open(casePath);
    // Only indexing is timed: generating the synthetic corpus is not part of any engine's work.
    let buildMs = 0;
    for (const batch of corpusBatches(messages, BATCH)) {
      const documents = batch.map((message) => ({ rowid: message.rowid, text: message.text, time: message.time, chatId: message.chatId, sender: message.sender, sourceId: message.sourceId, lang: message.lang, flags: 0 }));
      buildMs += (await timed(() => index.add(documents))).ms;
    }
    buildMs += (await timed(() => index.persist(['bench']))).ms;
    const build = { ms: buildMs };
    const sizeBytes = folderSize(join(casePath, 'index'));
    await index.close();
    const reopen = await timed(() => SearchIndex.open(casePath));
    index = reopen.value;
    const run = async (query: BenchQuery) => (await index.query({ query: parseQuery(query.text), chatIds: null, sourceIds: null, sort: 'relevance', limit: PAGE, facets: false })).total;
    for (const query of queries.slice(0, 20)) await run(query);
    const samples: number[] = [];
    let checksum = 0;
    for (const query of queries) {
      const { value, ms } = await timed(() => run(query));
      samples.push(ms);
      checksum += value;
    }
    await index.close();
    return { engine: 'threadline', messages, buildSeconds: build.ms / 1000, messagesPerSecond: Math.round(messages / (build.ms / 1000)), sizeBytes, reopenSeconds: reopen.ms / 1000, peakRssMb: peakRssMb(), latency: latencyByLabel(queries, samples), checksum };
  } finally {
    rmSync(casePath, { recursive: true, force: true });
  }
}

/** The floor any index must beat: every query reads every message. */
export async function benchScan(messages: number, queries: BenchQuery[], sampleQueries: number): Promise<EngineReport> {
  const texts: string[] = [];
  const langs: string[] = [];
  const times: number[] = [];
  let buildMs = 0;
  for (const batch of corpusBatches(messages, BATCH)) {
    buildMs += (
      await timed(() => {
        for (const message of batch) {
          texts.push(` ${foldedWords(message.text).join(' ')} `);
          langs.push(message.lang);
          times.push(message.time);
        }
      })
    ).ms;
  }
  const build = { ms: buildMs };
  const subset = queries.slice(0, sampleQueries);
  const samples: number[] = [];
  let checksum = 0;
  for (const query of subset) {
    const needles = query.terms.map((term) => ` ${foldedWords(term).join(' ')} `);
    const { value, ms } = await timed(() => {
      let count = 0;
      for (let i = 0; i < texts.length; i++) {
        if (query.lang !== null && langs[i] !== query.lang) continue;
        if (query.after !== null && (times[i] ?? 0) < query.after) continue;
        const text = texts[i] ?? '';
        if (needles.every((needle) => text.includes(needle))) count++;
      }
      return count;
    });
    samples.push(ms);
    checksum += value;
  }
  return { engine: 'scan', messages, buildSeconds: build.ms / 1000, messagesPerSecond: Math.round(messages / (build.ms / 1000)), sizeBytes: 0, reopenSeconds: null, peakRssMb: peakRssMb(), latency: latencyByLabel(subset, samples), checksum };
}

interface SqlRunner {
  exec(sql: string): void;
  insert(rows: [number, string, string, number][]): void;
  count(sql: string, params: (string | number)[]): number;
  page(sql: string, params: (string | number)[]): void;
  size(): number;
  reopen(): Promise<void>;
}

function ftsQuery(query: BenchQuery): { match: string; where: string; params: (string | number)[] } {
  const match = query.terms.map((term) => `"${foldedWords(term).join(' ').replaceAll('"', '')}"`).join(' AND ');
  const clauses: string[] = [];
  const params: (string | number)[] = [match];
  if (query.lang !== null) {
    clauses.push('lang = ?');
    params.push(query.lang);
  }
  if (query.after !== null) {
    clauses.push('time >= ?');
    params.push(query.after);
  }
  return { match, where: clauses.map((clause) => ` AND ${clause}`).join(''), params };
}

async function benchSql(engine: 'fts4' | 'fts5', runner: SqlRunner, messages: number, queries: BenchQuery[]): Promise<EngineReport> {
  // The baselines get the same folded words Threadline indexes, so all engines answer the same
  // question; folding is timed as part of their build, as it is of Threadline's.
  let buildMs = 0;
  for (const batch of corpusBatches(messages, BATCH)) buildMs += (await timed(() => runner.insert(batch.map((message) => [message.rowid, foldedWords(message.text).join(' '), message.lang, message.time])))).ms;
  const build = { ms: buildMs };
  const sizeBytes = runner.size();
  const reopen = await timed(() => runner.reopen());
  const order = engine === 'fts5' ? 'ORDER BY rank' : 'ORDER BY rowid DESC';
  const run = (query: BenchQuery): number => {
    const { where, params } = ftsQuery(query);
    const count = runner.count(`SELECT count(*) FROM m WHERE m MATCH ?${where}`, params);
    runner.page(`SELECT rowid FROM m WHERE m MATCH ?${where} ${order} LIMIT ${PAGE}`, params);
    return count;
  };
  for (const query of queries.slice(0, 20)) run(query);
  const samples: number[] = [];
  let checksum = 0;
  for (const query of queries) {
    const { value, ms } = await timed(() => run(query));
    samples.push(ms);
    checksum += value;
  }
  return { engine, messages, buildSeconds: build.ms / 1000, messagesPerSecond: Math.round(messages / (build.ms / 1000)), sizeBytes, reopenSeconds: reopen.ms / 1000, peakRssMb: peakRssMb(), latency: latencyByLabel(queries, samples), checksum };
}

export async function benchFts5(messages: number, queries: BenchQuery[]): Promise<EngineReport> {
  const sqlite3 = await sqlite3InitModule();
  let db = new sqlite3.oo1.DB(':memory:');
  db.exec("CREATE VIRTUAL TABLE m USING fts5(body, lang UNINDEXED, time UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')");
  const runner: SqlRunner = {
    exec: (sql) => db.exec(sql),
    insert(rows) {
      db.exec('BEGIN');
      const statement = db.prepare('INSERT INTO m (rowid, body, lang, time) VALUES (?, ?, ?, ?)');
      for (const row of rows) statement.bind(row).stepReset();
      statement.finalize();
      db.exec('COMMIT');
    },
    count: (sql, params) => Number(db.selectValue(sql, params)),
    page: (sql, params) => void db.selectValues(sql, params),
    size: () => sqlite3.capi.sqlite3_js_db_export(db).byteLength,
    async reopen() {
      const bytes = sqlite3.capi.sqlite3_js_db_export(db);
      db.close();
      db = new sqlite3.oo1.DB(':memory:');
      const pointer = sqlite3.wasm.allocFromTypedArray(bytes);
      const flags = sqlite3.capi.SQLITE_DESERIALIZE_FREEONCLOSE | sqlite3.capi.SQLITE_DESERIALIZE_RESIZEABLE;
      db.checkRc(sqlite3.capi.sqlite3_deserialize(db.pointer as number, 'main', pointer, bytes.byteLength, bytes.byteLength, flags));
    },
  };
  return benchSql('fts5', runner, messages, queries);
}

export async function benchFts4(messages: number, queries: BenchQuery[]): Promise<EngineReport> {
  const SQL = await initSqlJs();
  let db = new SQL.Database();
  db.exec('CREATE VIRTUAL TABLE m USING fts4(body, lang, time, notindexed=lang, notindexed=time, tokenize=unicode61 "remove_diacritics=2")');
  const runner: SqlRunner = {
    exec: (sql) => db.exec(sql),
    insert(rows) {
      db.exec('BEGIN');
      const statement = db.prepare('INSERT INTO m (docid, body, lang, time) VALUES (?, ?, ?, ?)');
      for (const row of rows) statement.run(row);
      statement.free();
      db.exec('COMMIT');
    },
    count: (sql, params) => Number(db.exec(sql, params)[0]?.values[0]?.[0] ?? 0),
    page: (sql, params) => void db.exec(sql, params),
    size: () => db.export().byteLength,
    async reopen() {
      const bytes = db.export();
      db.close();
      db = new SQL.Database(bytes);
    },
  };
  return benchSql('fts4', runner, messages, queries);
}

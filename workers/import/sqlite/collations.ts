/**
 * Collations a phone database names that this reader does not have.
 *
 * Android's SQLite registers LOCALIZED, UNICODE and PHONEBOOK, and app databases declare columns
 * and indexes with them (contacts2.db's `display_name TEXT COLLATE LOCALIZED`). sql.js has none of
 * them and offers no way to add one (its build exports sqlite3_create_function_v2, not
 * sqlite3_create_collation), so a statement that compares such a column fails to prepare with "no
 * such collation sequence". Readers compare ids byte for byte (`COLLATE BINARY`, which is what an
 * id match means and works without the collation); this names the collations so a warning can say
 * that comparisons did not follow them.
 */

import type { Database } from 'sql.js';
import type { ParseWarning } from '../../../shared/contracts/parsed-source.ts';
import { quoteIdentifier } from './schema.ts';

/** `COLLATE name` in schema text, the name bare or quoted. */
const COLLATE_CLAUSE = /\bCOLLATE\s+(?:"((?:[^"]|"")+)"|'((?:[^']|'')+)'|`([^`]+)`|\[([^\]]+)\]|([A-Za-z_][A-Za-z0-9_$]*))/giu;

/** Upper-cased names of the collations the schema declares and this SQLite does not have. */
export function missingCollations(db: Database): string[] {
  const declared = new Set<string>();
  const statement = db.prepare('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL');
  try {
    while (statement.step()) {
      const text = statement.get()[0];
      if (typeof text !== 'string') continue;
      for (const match of text.matchAll(COLLATE_CLAUSE)) {
        const name = collationName([match[1], match[2], match[3], match[4], match[5]]);
        if (name !== '') declared.add(name);
      }
    }
  } finally {
    statement.free();
  }
  return [...declared].filter((name) => !isAvailable(db, name)).sort();
}

/** The upper-cased name in a COLLATE_CLAUSE match, from its five alternative groups. */
function collationName([double, single, backtick, bracket, bare]: readonly (string | undefined)[]): string {
  return (double?.replace(/""/gu, '"') ?? single?.replace(/''/gu, "'") ?? backtick ?? bracket ?? bare ?? '').toUpperCase();
}

function isAvailable(db: Database, name: string): boolean {
  try {
    db.exec(`SELECT 'a' = 'a' COLLATE ${quoteIdentifier(name)}`);
    return true;
  } catch {
    return false;
  }
}

/**
 * Names the collations the open database `file` declares and this SQLite lacks, and makes each
 * WITHOUT ROWID table that needs one readable byte for byte (readWithoutRowidTablesByteForByte),
 * each named in a warning. Done as every evidence database is opened (open-evidence-database.ts):
 * a companion read beside a source (wa.db, ContactsV2.sqlite) can declare them as well as the
 * source can, and without this its table cannot be read at all.
 */
export function readForeignCollationsByteForByte(db: Database, file: string, warn: (warning: ParseWarning) => void): void {
  const collations = missingCollations(db);
  if (collations.length === 0) return;
  warn({ place: file, message: `the schema declares the collation(s) ${collations.join(', ')}, which the phone's SQLite registers and this reader (sql.js) does not have and cannot be given: ids are compared byte for byte (COLLATE BINARY), not by that collation; a table that could only be read through it is named in a warning of its own` });
  const outcome = readWithoutRowidTablesByteForByte(db, collations);
  for (const table of outcome.rewritten) {
    warn({ place: `${file}:${table}`, message: `the table is declared WITHOUT ROWID with a column in a collation this reader does not have, so SQLite could not read it at all; on the copy in memory (never the file) its schema was read as COLLATE BINARY and its rows re-sorted so: it is read and looked up byte for byte, not by the phone's collation` });
  }
  for (const { table, reason } of outcome.failed) {
    warn({ place: `${file}:${table}`, message: `the table is declared WITHOUT ROWID with a column in a collation this reader does not have, and could not be read byte for byte instead (${reason}): its rows are not read` });
  }
}

/** What became of the WITHOUT ROWID tables whose schema names a collation this SQLite lacks. */
export interface WithoutRowidCollationOutcome {
  /** Tables now read byte for byte (their schema text and order as BINARY, on the copy). */
  rewritten: string[];
  /** Tables left as they were, each with why: they still cannot be read. */
  failed: { table: string; reason: string }[];
}

/**
 * Makes each WITHOUT ROWID table whose schema names one of `missing` readable, on the in-memory
 * copy only (the evidence file is never written; see open-evidence-database.ts).
 *
 * A rowid table keeps a missing collation in its own declaration harmlessly (readers compare ids
 * COLLATE BINARY). A WITHOUT ROWID table cannot: its rows live in its primary key's b-tree, whose
 * key description names every column's collation, so with any of them missing SQLite cannot read
 * the table at all ("no such collation sequence", then "no query solution"). Here its schema text
 * (and that of its indexes) is rewritten to COLLATE BINARY and the table REINDEXed. The REINDEX
 * matters: the phone stored the rows in the collation's order, and a seek comparing bytes through
 * a b-tree sorted otherwise misses rows (a key column stored NOCASE and read BINARY: 15 of 300
 * keys found in without-rowid-collation.test.ts; all 300 after the REINDEX). Keys distinct under the phone's collation are
 * distinct as bytes, so the re-sort cannot collide. A table that cannot be rewritten and re-sorted
 * is put back as it was and named with why.
 */
export function readWithoutRowidTablesByteForByte(db: Database, missing: readonly string[]): WithoutRowidCollationOutcome {
  const outcome: WithoutRowidCollationOutcome = { rewritten: [], failed: [] };
  if (missing.length === 0) return outcome;
  const names = new Set(missing.map((name) => name.toUpperCase()));
  for (const table of withoutRowidTables(db)) {
    const entries = schemaEntriesOf(db, table);
    const changed = entries.map((entry) => ({ ...entry, rewritten: namingBinary(entry.sql, names) })).filter((entry) => entry.rewritten !== entry.sql);
    if (changed.length === 0) continue;
    try {
      db.exec('PRAGMA query_only = 0');
      setSchemaText(db, changed.map((entry) => ({ rowid: entry.rowid, sql: entry.rewritten })));
      db.exec(`REINDEX ${quoteIdentifier(table)}`);
      outcome.rewritten.push(table);
    } catch (error) {
      outcome.failed.push({ table, reason: error instanceof Error ? error.message : String(error) });
      try {
        setSchemaText(db, changed);
      } catch {
        // Putting the text back failed too: the table stays unreadable, which its readers say.
      }
    } finally {
      db.exec('PRAGMA query_only = 1');
    }
  }
  return outcome;
}

interface SchemaEntry {
  rowid: number;
  sql: string;
}

function withoutRowidTables(db: Database): string[] {
  const tables: string[] = [];
  const statement = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND wr = 1 ORDER BY name");
  try {
    while (statement.step()) {
      const name = statement.get()[0];
      if (typeof name === 'string') tables.push(name);
    }
  } finally {
    statement.free();
  }
  return tables;
}

/** The table's own schema row and its indexes' (those with schema text). */
function schemaEntriesOf(db: Database, table: string): SchemaEntry[] {
  const entries: SchemaEntry[] = [];
  const statement = db.prepare("SELECT rowid, sql FROM sqlite_master WHERE type IN ('table', 'index') AND tbl_name = ? COLLATE NOCASE AND sql IS NOT NULL");
  try {
    statement.bind([table]);
    while (statement.step()) {
      const [rowid, sql] = statement.get();
      if (typeof rowid === 'number' && typeof sql === 'string') entries.push({ rowid, sql });
    }
  } finally {
    statement.free();
  }
  return entries;
}

/** `sql` with each COLLATE clause naming one of `names` made COLLATE BINARY. */
function namingBinary(sql: string, names: ReadonlySet<string>): string {
  return sql.replace(COLLATE_CLAUSE, (clause, ...groups: unknown[]) => {
    const name = collationName(groups.slice(0, 5) as (string | undefined)[]);
    return names.has(name) ? 'COLLATE BINARY' : clause;
  });
}

/** Writes schema text into the copy's sqlite_master and makes SQLite read its schema again. */
function setSchemaText(db: Database, entries: readonly SchemaEntry[]): void {
  db.exec('PRAGMA writable_schema = ON');
  try {
    for (const entry of entries) db.run('UPDATE sqlite_master SET sql = ? WHERE rowid = ?', [entry.sql, entry.rowid]);
  } finally {
    db.exec('PRAGMA writable_schema = RESET');
  }
}

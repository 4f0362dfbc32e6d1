/**
 * Phone databases among the files near a source (ParserInput.nearby), recognised by their tables
 * as identify.ts does for sources: a wa.db copied as "contacts (1).db" or under a backup file id
 * is still a contacts database, and a file called wa.db that is not one is not.
 */

import type { NearbyFile } from '../../../shared/contracts/parsed-source.ts';
import { identifyByTables, identifySqliteSource } from './identify.ts';
import type { SqliteSourceKind } from './identify.ts';
import { tableNamesFromBytes } from './schema-from-bytes.ts';
import { baseName } from './open-evidence-database.ts';
import { sniffSqlite } from './sniff-sqlite.ts';
import { replayWal } from './wal-replay.ts';

/**
 * Heads read in turn, each bigger: the schema is written in the first pages when a database is
 * created, so it is usually whole in the first; a big one (msgstore.db has 150 tables) in a later.
 */
const HEAD_LENGTHS = [64 * 1024, 1024 * 1024, 16 * 1024 * 1024];
/** A nearby file bigger than this is not read whole just to learn its tables. */
export const MAX_NEARBY_DATABASE_BYTES = 512 * 1024 * 1024;

/** True when `file` is a SQLite database whose tables say `kind` (databaseIdentifyingBytes). */
export async function isNearbyDatabaseOfKind(file: NearbyFile, kind: SqliteSourceKind): Promise<boolean> {
  const bytes = await databaseIdentifyingBytes(file);
  return bytes !== null && identifySqliteSource(bytes) === kind;
}

/**
 * The bytes a database's kind is told from, as its importer will read it: with a non-empty
 * -wal, the whole file with the log replayed in memory (its tables may exist only in the log);
 * otherwise the first of HEAD_LENGTHS whose schema is whole, or already names a kind other than
 * contacts (the kind of lowest rank, which tables further on could outrank), and at last the
 * whole file. Null when it is not SQLite, cannot be read, or is bigger than `maxBytes`.
 */
export async function databaseIdentifyingBytes(file: NearbyFile, maxBytes = MAX_NEARBY_DATABASE_BYTES): Promise<Uint8Array | null> {
  try {
    const first = await file.head(HEAD_LENGTHS[0] ?? 0);
    // An empty main file may be a database whose pages are all still in its log.
    if (first.byteLength > 0 && !sniffSqlite(first)) return null;
    const wal = await walOf(file);
    if (wal !== null) return await withWalReplayed(file, wal, maxBytes);
    for (const length of HEAD_LENGTHS) {
      const head = await file.head(length);
      if (!sniffSqlite(head)) return null;
      const tables = tableNamesFromBytes(head);
      const found = tables === null ? null : identifyByTables(tables.tables);
      if (tables?.complete === true || (found !== null && found !== 'whatsapp-contacts')) return head;
      if (head.byteLength < length) break;
    }
    if (file.input.size > maxBytes) return null;
    return await file.input.readAll();
  } catch {
    // A file that cannot be read is not the database looked for.
    return null;
  }
}

/** The -wal beside the file, when it holds anything: a database copied while the app ran. */
async function walOf(file: NearbyFile): Promise<Uint8Array | null> {
  const wal = await file.input.companion(`${baseName(file.input.displayName)}-wal`);
  return wal === null || wal.byteLength === 0 ? null : wal;
}

/**
 * The database as it will be read (openEvidenceDatabase): its -wal replayed over a copy in
 * memory, since its tables may exist only in the log. Nothing is written beside it.
 */
async function withWalReplayed(file: NearbyFile, wal: Uint8Array, maxBytes: number): Promise<Uint8Array | null> {
  if (file.input.size + wal.byteLength > maxBytes) return null;
  const main = await file.input.readAll();
  if (main.byteLength > 0 && !sniffSqlite(main)) return null;
  return replayWal(main, wal).bytes;
}

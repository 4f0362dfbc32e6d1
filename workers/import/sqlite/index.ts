/** Shared plumbing for importers of phone SQLite databases: read-only opening, WAL replay, schema, rows, time. */

export { sniffSqlite, headerPageSize, isValidPageSize, SQLITE_MAGIC } from './sniff-sqlite.ts';
export { describeHeaderDamage } from './header-damage.ts';
export { identifySqliteSource, identifyByTables, sniffSqliteKind } from './identify.ts';
export type { SqliteSourceKind } from './identify.ts';
export { databaseIdentifyingBytes, isNearbyDatabaseOfKind, MAX_NEARBY_DATABASE_BYTES } from './nearby-databases.ts';
export { readSchemaFromBytes, tableNamesFromBytes } from './schema-from-bytes.ts';
export type { SchemaEntry } from './schema-from-bytes.ts';
export { openEvidenceDatabase, openBytes, baseName, MAX_EVIDENCE_DATABASE_BYTES } from './open-evidence-database.ts';
export type { EvidenceDatabase, EvidenceDatabaseFacts } from './open-evidence-database.ts';
export { replayWal, walChecksum, WAL_MAGIC_BIG_ENDIAN, WAL_MAGIC_LITTLE_ENDIAN, WAL_FORMAT_VERSION } from './wal-replay.ts';
export type { WalFacts, WalReplayResult } from './wal-replay.ts';
export { inspectRollbackJournal } from './rollback-journal.ts';
export type { JournalFacts } from './rollback-journal.ts';
export { hasTable, columnsOf, tableNames, rowCount, quoteIdentifier, selectExpressions, storedOrder, primaryKeyColumns, hasRowid } from './schema.ts';
export { countUnreadTables } from './unread-tables.ts';
export type { ColumnRequest } from './schema.ts';
export { otherColumnValue, otherColumns, otherColumnValues, withOtherColumns } from './other-columns.ts';
export type { OtherColumns } from './other-columns.ts';
export { scanRows, Lookup, ROWID } from './rows.ts';
export { scanCompanionRows, companionRowPlace, ROW_KEY } from './companion-rows.ts';
export type { Row, TableScan, ScanErrorHandler, ScanErrorCause } from './rows.ts';
export { takeLookupShortfalls, fullReads } from './lookup-index.ts';
export type { LookupIndex } from './lookup-index.ts';
export { appleTime, unixTime, unitByMagnitude, isoOrNull, APPLE_EPOCH_OFFSET_SECONDS } from './time.ts';
export type { DecodedTime, EpochUnit } from './time.ts';
export { textValue, nonEmptyText, numberValue, integerValue, flagValue, blobValue, rawRowText, putExtra } from './values.ts';
export {
  WarningCap,
  ChatRegistry,
  RowPacer,
  rowidOf,
  sqliteRowLocator,
  unparsedRow,
  unattributedChat,
  scanErrorMessage,
  UNATTRIBUTED_CHAT_KEY,
  MAX_WARNINGS_PER_KIND,
  ROWS_PER_TICK,
  evidenceDatabaseParser,
} from './parse-support.ts';
export { loadSqlJs } from './sql-js.ts';

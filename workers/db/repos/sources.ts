import type { SqlConnection as Database, SqlValue } from '../sql-connection.ts';
import type { AbandonedStatus, ImportIssue, SourceRecord, SourceStatus, TimeZoneOrigin } from '../../../shared/domain/source.ts';
import { removeSourceFromChats } from './messages.ts';
import { asNullableString, asNumber, asString, run, selectAll, selectOne } from './rows.ts';

function toSource(row: Record<string, SqlValue>): SourceRecord {
  const verified = row['hash_verified'];
  return {
    id: asString(row['id']),
    path: asString(row['path']),
    displayName: asString(row['display_name']),
    format: asString(row['format']),
    formatVersion: asNullableString(row['format_version']),
    parser: asString(row['parser']),
    parserVersion: asString(row['parser_version']),
    size: asNumber(row['size']),
    sha256: asString(row['sha256']),
    sha256After: asNullableString(row['sha256_after']),
    hashVerified: verified === null || verified === undefined ? null : verified === 1,
    status: asString(row['status']) as SourceStatus,
    importedAt: asString(row['imported_at']),
    finishedAt: asNullableString(row['finished_at']),
    messageCount: asNumber(row['message_count']),
    unparsedCount: asNumber(row['unparsed_count']),
    timeZone: asString(row['time_zone']),
    timeZoneOrigin: asString(row['time_zone_origin']) as TimeZoneOrigin,
    device: asNullableString(row['device'] ?? null),
    details: JSON.parse(asString(row['details'])) as Record<string, unknown>,
  };
}

export function insertSource(db: Database, source: SourceRecord): void {
  run(
    db,
    `INSERT INTO sources (id, path, display_name, format, format_version, parser, parser_version, size, sha256,
       sha256_after, hash_verified, status, imported_at, finished_at, message_count, unparsed_count, time_zone,
       time_zone_origin, device, details)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      source.id, source.path, source.displayName, source.format, source.formatVersion, source.parser, source.parserVersion,
      source.size, source.sha256, source.sha256After, source.hashVerified === null ? null : Number(source.hashVerified),
      source.status, source.importedAt, source.finishedAt, source.messageCount, source.unparsedCount, source.timeZone,
      source.timeZoneOrigin, source.device, JSON.stringify(source.details),
    ],
  );
}

export function getSource(db: Database, id: string): SourceRecord | null {
  const row = selectOne(db, 'SELECT * FROM sources WHERE id = ?', [id]);
  return row === null ? null : toSource(row);
}

export function listSources(db: Database): SourceRecord[] {
  return selectAll(db, 'SELECT * FROM sources ORDER BY imported_at, id').map(toSource);
}

export function findImportedByHash(db: Database, sha256: string): SourceRecord | null {
  const row = selectOne(db, "SELECT * FROM sources WHERE sha256 = ? AND status = 'imported' LIMIT 1", [sha256]);
  return row === null ? null : toSource(row);
}

/**
 * Marks a source finished. Its message and unparsed counts are already on its row: each batch
 * of its rows was counted as SQLite stored it (insertMessages).
 */
export function completeSource(
  db: Database,
  update: {
    id: string;
    status: SourceStatus;
    sha256After: string | null;
    hashVerified: boolean | null;
    parser: { name: string; version: string; formatVersion: string | null };
    details: Record<string, unknown>;
    finishedAt: string;
  },
): void {
  run(
    db,
    `UPDATE sources SET status = ?, sha256_after = ?, hash_verified = ?, finished_at = ?, details = ?,
       parser = ?, parser_version = ?, format_version = ?
     WHERE id = ?`,
    [
      update.status, update.sha256After, update.hashVerified === null ? null : Number(update.hashVerified), update.finishedAt,
      JSON.stringify(update.details), update.parser.name, update.parser.version, update.parser.formatVersion, update.id,
    ],
  );
}

/** Drops what an unfinished import wrote and leaves the source row as a marker to re-import. */
export function abandonSource(db: Database, id: string, status: AbandonedStatus, reason: string, at: string): void {
  removeSourceFromChats(db, id);
  run(db, 'DELETE FROM provenance WHERE source_id = ?', [id]);
  run(db, 'DELETE FROM import_issues WHERE source_id = ?', [id]);
  // first_rowid goes with the rows: a retry's import records its own.
  run(db, `UPDATE sources SET status = ?, finished_at = ?, message_count = 0, unparsed_count = 0, first_rowid = NULL,
             details = json_set(details, '$.abandonReason', ?) WHERE id = ?`, [status, at, reason, id]);
}

export function sourcesInStatus(db: Database, status: SourceStatus): string[] {
  return selectAll(db, 'SELECT id FROM sources WHERE status = ?', [status]).map((row) => asString(row['id']));
}

export function insertIssues(db: Database, issues: ImportIssue[]): void {
  for (const issue of issues) run(db, 'INSERT INTO import_issues (source_id, place, reason) VALUES (?, ?, ?)', [issue.sourceId, issue.place, issue.reason]);
}

export function listIssues(db: Database, sourceId: string): ImportIssue[] {
  return selectAll(db, 'SELECT source_id, place, reason FROM import_issues WHERE source_id = ? ORDER BY id', [sourceId]).map((row) => ({
    sourceId: asString(row['source_id']),
    place: asString(row['place']),
    reason: asString(row['reason']),
  }));
}

import type { Migration } from './migration.ts';

/**
 * A source the user cancelled gets its own status, 'cancelled', apart from 'interrupted' (the
 * process died or the case was closed mid-import): "Retry failed" must not undo a decision.
 * SQLite changes a CHECK constraint only by rebuilding the table: the new table is the old one
 * column for column with one more allowed status; every row is copied with its rowid (so the
 * order of sources stays as it was), its index is made again, and the tables that refer to
 * sources by name refer to the new one once it takes the old name. Rows already 'interrupted'
 * stay so: whether the user or a crash stopped them was never recorded.
 */
export const migration0040: Migration = {
  version: 40,
  name: 'cancelled-sources',
  rebuildsTables: true,
  up: `
    CREATE TABLE sources_0040 (
      id TEXT PRIMARY KEY,
      path TEXT NOT NULL,
      display_name TEXT NOT NULL,
      format TEXT NOT NULL,
      format_version TEXT,
      parser TEXT NOT NULL,
      parser_version TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      sha256_after TEXT,
      hash_verified INTEGER,
      status TEXT NOT NULL CHECK (status IN ('importing', 'imported', 'failed', 'interrupted', 'cancelled')),
      imported_at TEXT NOT NULL,
      finished_at TEXT,
      message_count INTEGER NOT NULL DEFAULT 0,
      unparsed_count INTEGER NOT NULL DEFAULT 0,
      time_zone TEXT NOT NULL,
      time_zone_origin TEXT NOT NULL,
      details TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    INSERT INTO sources_0040 (rowid, id, path, display_name, format, format_version, parser, parser_version, size, sha256,
        sha256_after, hash_verified, status, imported_at, finished_at, message_count, unparsed_count, time_zone,
        time_zone_origin, details)
      SELECT rowid, id, path, display_name, format, format_version, parser, parser_version, size, sha256,
        sha256_after, hash_verified, status, imported_at, finished_at, message_count, unparsed_count, time_zone,
        time_zone_origin, details
      FROM sources;
    DROP TABLE sources;
    ALTER TABLE sources_0040 RENAME TO sources;
    CREATE INDEX sources_sha256 ON sources (sha256);
  `,
};

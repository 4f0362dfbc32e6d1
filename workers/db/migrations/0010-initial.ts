import type { Migration } from './migration.ts';

/**
 * The first case schema. Evidence tables (sources, messages) are append-only in normal use and
 * carry the source hash and locator; derived values (language) name the tool that made them in
 * the provenance table. Migrations import nothing from the app: a migration must keep meaning
 * what it meant when it shipped.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'initial',
  up: `
    CREATE TABLE case_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE sources (
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
      status TEXT NOT NULL CHECK (status IN ('importing', 'imported', 'failed', 'interrupted')),
      imported_at TEXT NOT NULL,
      finished_at TEXT,
      message_count INTEGER NOT NULL DEFAULT 0,
      unparsed_count INTEGER NOT NULL DEFAULT 0,
      time_zone TEXT NOT NULL,
      time_zone_origin TEXT NOT NULL,
      details TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    CREATE INDEX sources_sha256 ON sources (sha256);

    -- A conversation may span several sources (message_1.json, message_2.json of one thread);
    -- its id comes from the format's own conversation key, so the parts meet in one chat.
    CREATE TABLE chats (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      kind TEXT NOT NULL DEFAULT 'unknown' CHECK (kind IN ('private', 'group', 'channel', 'unknown')),
      message_count INTEGER NOT NULL DEFAULT 0,
      participants TEXT NOT NULL DEFAULT '[]',
      first_timestamp TEXT,
      last_timestamp TEXT
    ) STRICT;

    CREATE TABLE chat_sources (
      chat_id TEXT NOT NULL REFERENCES chats (id),
      source_id TEXT NOT NULL REFERENCES sources (id),
      PRIMARY KEY (chat_id, source_id)
    ) STRICT, WITHOUT ROWID;

    -- AUTOINCREMENT: row ids are the search index's document ids and must never be reused,
    -- even after an unfinished import's rows are deleted.
    CREATE TABLE messages (
      rowid INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      source_id TEXT NOT NULL REFERENCES sources (id),
      chat_id TEXT NOT NULL REFERENCES chats (id),
      seq INTEGER NOT NULL,
      -- Position within its source, in source order: the tie-breaker when chats are re-sequenced.
      source_position INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('message', 'system', 'unparsed')),
      sender TEXT,
      sender_id TEXT,
      direction TEXT CHECK (direction IN ('incoming', 'outgoing')),
      timestamp TEXT,
      timestamp_text TEXT NOT NULL,
      text TEXT NOT NULL,
      lang TEXT NOT NULL,
      lang_confidence REAL NOT NULL,
      deleted INTEGER NOT NULL,
      edited INTEGER NOT NULL,
      locator TEXT NOT NULL,
      extra TEXT
    ) STRICT;
    CREATE INDEX messages_chat_seq ON messages (chat_id, seq);
    CREATE INDEX messages_source ON messages (source_id);

    CREATE TABLE attachments (
      id INTEGER PRIMARY KEY,
      message_rowid INTEGER NOT NULL REFERENCES messages (rowid),
      source_id TEXT NOT NULL REFERENCES sources (id),
      position INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('attached', 'omitted')),
      media_type TEXT NOT NULL,
      file_name TEXT,
      mime_type TEXT,
      source_path TEXT,
      size INTEGER,
      sha256 TEXT,
      vendor_md5 TEXT,
      vendor_sha256 TEXT,
      status TEXT NOT NULL CHECK (status IN ('ok', 'verified', 'mismatch', 'missing', 'omitted')),
      -- Where Threadline keeps bytes that had no file of their own (inline MMS parts): case-relative.
      stored_path TEXT
    ) STRICT;
    CREATE INDEX attachments_message ON attachments (message_rowid);
    CREATE INDEX attachments_source ON attachments (source_id);

    CREATE TABLE import_issues (
      id INTEGER PRIMARY KEY,
      source_id TEXT NOT NULL REFERENCES sources (id),
      place TEXT NOT NULL,
      reason TEXT NOT NULL
    ) STRICT;
    CREATE INDEX import_issues_source ON import_issues (source_id);

    CREATE TABLE provenance (
      id INTEGER PRIMARY KEY,
      source_id TEXT NOT NULL REFERENCES sources (id),
      stage TEXT NOT NULL,
      tool TEXT NOT NULL,
      tool_version TEXT NOT NULL,
      parameters TEXT NOT NULL
    ) STRICT;
  `,
};

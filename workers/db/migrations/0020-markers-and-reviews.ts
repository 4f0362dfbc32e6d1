import type { Migration } from './migration.ts';

/**
 * Indicators (marker tags) and the analyst's decisions. Tags are derived data: they name the
 * rule, pack version and tagger that produced them and are replaced when the case is re-tagged.
 * Decisions are evidence of the review itself: append-only, keyed by the message's stable id
 * (not its row id) so they survive re-tagging and re-import; the latest decision counts.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'markers-and-reviews',
  up: `
    CREATE TABLE tags (
      id INTEGER PRIMARY KEY,
      message_rowid INTEGER NOT NULL REFERENCES messages (rowid),
      message_id TEXT NOT NULL,
      chat_id TEXT NOT NULL,
      marker TEXT NOT NULL,
      score REAL NOT NULL,
      rule TEXT NOT NULL,
      rules TEXT NOT NULL,
      spans TEXT NOT NULL,
      lang TEXT NOT NULL,
      pack_version TEXT NOT NULL,
      tagger TEXT NOT NULL,
      -- 'text': spans index the message text; 'ocr': they index the OCR text of its image.
      origin TEXT NOT NULL DEFAULT 'text' CHECK (origin IN ('text', 'ocr')),
      created_at TEXT NOT NULL,
      UNIQUE (message_rowid, marker, origin)
    ) STRICT;
    CREATE INDEX tags_chat ON tags (chat_id);
    CREATE INDEX tags_marker ON tags (marker);
    CREATE INDEX tags_message_id ON tags (message_id);

    CREATE TABLE reviews (
      id INTEGER PRIMARY KEY,
      message_id TEXT NOT NULL,
      marker TEXT,
      decision TEXT NOT NULL CHECK (decision IN ('confirm', 'dismiss', 'note', 'bookmark', 'unbookmark')),
      note TEXT,
      by TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX reviews_message ON reviews (message_id);

    CREATE TABLE identifiers (
      id INTEGER PRIMARY KEY,
      message_rowid INTEGER NOT NULL REFERENCES messages (rowid),
      chat_id TEXT NOT NULL,
      source_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      value TEXT NOT NULL,
      raw TEXT NOT NULL,
      start INTEGER NOT NULL,
      end INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX identifiers_value ON identifiers (kind, value);
    CREATE INDEX identifiers_message ON identifiers (message_rowid);
  `,
};

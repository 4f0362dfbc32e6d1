import type { Migration } from './migration.ts';

/**
 * Text read from images. Derived data with full provenance: engine and versions, the exact
 * traineddata files (with their SHA-256), every preprocessing step and parameter, and the word
 * boxes so the viewer (and a court) can see where on the image each word was read.
 */
export const migration0030: Migration = {
  version: 30,
  name: 'ocr',
  up: `
    CREATE TABLE ocr_results (
      id INTEGER PRIMARY KEY,
      attachment_id INTEGER NOT NULL UNIQUE REFERENCES attachments (id),
      message_rowid INTEGER NOT NULL REFERENCES messages (rowid),
      text TEXT NOT NULL,
      confidence REAL NOT NULL,
      lang TEXT NOT NULL,
      words TEXT NOT NULL,
      engine TEXT NOT NULL,
      traineddata TEXT NOT NULL,
      parameters TEXT NOT NULL,
      took_ms REAL NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX ocr_results_message ON ocr_results (message_rowid);

    CREATE TABLE ocr_failures (
      attachment_id INTEGER PRIMARY KEY REFERENCES attachments (id),
      code TEXT NOT NULL,
      reason TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT;
  `,
};

import type { Migration } from './migration.ts';

/**
 * Each source records the rowid of the first message its import stored. Every later message of
 * that import has a larger rowid (AUTOINCREMENT), so dropping a source (cancelled, failed,
 * interrupted: the common case is the one just being imported, at the end of the table) reads
 * only the rows from there on instead of every message of the case (migration 0060 removed the
 * index on messages.source_id). Sources recorded before this migration have none: dropping one
 * reads every row, as before.
 */
export const migration0070: Migration = {
  version: 70,
  name: 'source-first-rowid',
  up: `
    ALTER TABLE sources ADD COLUMN first_rowid INTEGER;
  `,
};

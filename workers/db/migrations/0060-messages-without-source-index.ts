import type { Migration } from './migration.ts';

/**
 * The index on messages(source_id) goes. A source's messages are written by one import, one
 * after the other, so they hold one run of rowids: the per-source queries page by rowid and
 * filter on source_id (language, tagging and index passes), and finishing a source counts its
 * rows within the run of rowids its import reports. The index cost about 40 bytes and a b-tree
 * insert per message (some 7% of the database and 10% of the time to store a message) for the
 * rare query that still reads every row: dropping a source.
 */
export const migration0060: Migration = {
  version: 60,
  name: 'messages-without-source-index',
  up: `
    DROP INDEX IF EXISTS messages_source;
  `,
};

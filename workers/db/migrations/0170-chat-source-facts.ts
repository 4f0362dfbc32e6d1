import type { Migration } from './migration.ts';

/**
 * What each source keeps about a conversation beyond its title, kind and participants
 * (ParsedChat.extra: a database's conversation columns no reader knows by name), kept per source
 * like its participants (migration 0050): a conversation merged from several sources (ADR 0014)
 * keeps each one's facts apart, and a source dropped takes its own with it. JSON, NULL when the
 * source kept none; rows of earlier cases are NULL, as nothing was kept.
 */
export const migration0170: Migration = {
  version: 170,
  name: 'chat-source-facts',
  up: `
    ALTER TABLE chat_sources ADD COLUMN extra TEXT;
  `,
};

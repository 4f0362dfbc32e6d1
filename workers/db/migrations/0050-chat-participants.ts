import type { Migration } from './migration.ts';

/**
 * Who each source names as taking part in a conversation, senders or not (group members, e-mail
 * recipients), kept per source like the link itself: a source dropped takes its participants
 * with it. JSON: [{name, id?, label?}]. Rows of earlier cases start empty, as nothing was kept.
 */
export const migration0050: Migration = {
  version: 50,
  name: 'chat-participants',
  up: `
    ALTER TABLE chat_sources ADD COLUMN participants TEXT NOT NULL DEFAULT '[]';
  `,
};

import type { Migration } from './migration.ts';

/**
 * Each source records the seized device (exhibit) the analyst declared it comes from. Chats of
 * different sources merge only within one device (ADR 0014): two phones that both wrote to the
 * same number are two conversations, each with its own "outgoing". Sources recorded before this
 * migration have none (NULL: not declared).
 */
export const migration0080: Migration = {
  version: 80,
  name: 'source-device',
  up: `
    ALTER TABLE sources ADD COLUMN device TEXT;
  `,
};

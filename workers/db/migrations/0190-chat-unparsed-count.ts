import type { Migration } from './migration.ts';

/**
 * `chats.unparsed_count`: how many of a chat's rows (`message_count`) were kept raw because they
 * could not be parsed. The conversation list and header said "6 messages" for 5 messages and 1
 * unparsed record while the case header, the import summary and the CLI leave unparsed records out
 * of "messages" (SourceRecord.messageCount). Kept on the chat row as its other figures are, since
 * counting per chat on each refresh of the list would read every message. Cases made before count
 * their chats here, once (only rows of imported sources, as migration 0180 explains).
 */
export const migration0190: Migration = {
  version: 190,
  name: 'chat-unparsed-count',
  up: `
    ALTER TABLE chats ADD COLUMN unparsed_count INTEGER NOT NULL DEFAULT 0;
    UPDATE chats SET unparsed_count = counted.n FROM (
      SELECT o.chat, count(*) AS n FROM chat_order o JOIN messages m ON m.rowid = o.message_rowid
        JOIN sources s ON s.id = m.source_id AND s.status = 'imported'
      WHERE m.kind = 'unparsed' GROUP BY o.chat) AS counted
    WHERE counted.chat = chats.number;
  `,
};

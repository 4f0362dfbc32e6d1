import type { Migration } from './migration.ts';

/**
 * Tags by conversation, indicator and score, with their message. After each decision the Review
 * view asks for the decided conversation's figures alone (conversationReviewFigures): its tag
 * count and each indicator's best score come from this index without reading the tags, and the
 * best score not dismissed is found by walking it downwards past the dismissed ones. Ranking every
 * conversation again took 1.3 s after each decision on a 600k-message case. The review queue's
 * messages come from it too (reviewQueueRowids), without reading 80k tags for a page of a big
 * conversation's queue. It replaces tags_chat, its prefix.
 */
export const migration0200: Migration = {
  version: 200,
  name: 'tags-by-chat-marker-score',
  up: `
    CREATE INDEX tags_chat_marker_score ON tags (chat_id, marker, score, message_rowid);
    DROP INDEX tags_chat;
  `,
};

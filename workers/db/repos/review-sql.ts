/** SQL fragments the review's repositories share (markers.ts, indicators-no-longer-found.ts). */

/** A tag `t` joined to its message `m` and source `s`, kept only when the source is imported. */
export const IMPORTED = "JOIN messages m ON m.rowid = t.message_rowid JOIN sources s ON s.id = m.source_id AND s.status = 'imported'";

/** The latest confirm/dismiss per (message, marker): decisions are append-only, the newest counts. */
export const LATEST_DECISIONS = `SELECT r.* FROM reviews r WHERE r.decision IN ('confirm', 'dismiss') AND r.id = (
  SELECT max(r2.id) FROM reviews r2 WHERE r2.message_id = r.message_id AND r2.marker IS r.marker AND r2.decision IN ('confirm', 'dismiss'))`;

/**
 * Whether the indicator a decision `d` is about is still found in its message: after "Look for
 * indicators again" the tags are replaced and the decisions kept, so a decision can outlive its tag.
 */
export const INDICATOR_STILL_FOUND = `EXISTS (SELECT 1 FROM tags t ${IMPORTED} WHERE t.message_id = d.message_id AND t.marker = d.marker)`;

/**
 * FROM … WHERE of the latest decisions (`d`) on indicators no longer found in their message
 * (`m`, of an imported source `s`); a caller adds its own `AND …`. CROSS JOIN reads the decisions
 * first, which are few: given `AND m.chat_id = ?`, SQLite read all 600k messages of a case
 * instead (messages has no index on chat_id), 0.2–0.6 s each time a conversation's queue or
 * figures were asked for.
 */
export const FROM_DECISIONS_NO_LONGER_FOUND = `FROM (${LATEST_DECISIONS}) d CROSS JOIN messages m ON m.id = d.message_id JOIN sources s ON s.id = m.source_id AND s.status = 'imported'
  WHERE d.marker IS NOT NULL AND NOT ${INDICATOR_STILL_FOUND}`;

import type { SqlConnection as Database } from '../sql-connection.ts';
import type { ConversationReviewFigures } from '../../../shared/domain/marker.ts';
import { allSourcesImported, markerFigures, riskScore, unreviewedTags } from './markers.ts';
import { asNumber, asString, selectAll, selectOne } from './rows.ts';
import { FROM_DECISIONS_NO_LONGER_FOUND, LATEST_DECISIONS } from './review-sql.ts';

/**
 * What a decision can change of one conversation's place in the ranking, as conversationRisks
 * would give it, without reading every tag of the conversation: ranking every conversation after
 * each decision took 1.3 s on a 600k-message case (one chat of 57k tagged messages), and reading
 * one such chat's tags with their messages 0.4 s. The tag counts and best scores come from the
 * index on tags (chat_id, marker, score) alone; the decisions are read from the reviews, which
 * are few; the best score not dismissed is found walking that index downwards past the dismissed
 * tags. A conversation with tags of a source not (yet) imported, whose tags the ranking leaves
 * out, is counted the slow way. Null when nothing of the conversation is left to rank.
 */
export function conversationReviewFigures(db: Database, chatId: string): ConversationReviewFigures | null {
  const noLongerFound = asNumber(selectOne(db, `SELECT count(*) AS n ${FROM_DECISIONS_NO_LONGER_FOUND} AND m.chat_id = ?`, [chatId])?.['n']);
  const figures = allSourcesImported(db, chatId) ? fromIndex(db, chatId) : fromTags(db, chatId);
  if (figures.markers.length === 0 && noLongerFound === 0) return null;
  return { chatId, score: Math.round(riskScore(figures.live) * 1000) / 1000, unreviewed: figures.unreviewed, noLongerFound, markers: figures.markers };
}

interface Figures {
  markers: ConversationReviewFigures['markers'];
  /** Each marker's best score not dismissed, in the order of `markers`. */
  live: number[];
  unreviewed: number;
}

function fromIndex(db: Database, chatId: string): Figures {
  const best = selectAll(db, 'SELECT marker, count(*) AS n, max(score) AS best FROM tags WHERE chat_id = ? GROUP BY marker', [chatId]);
  // The latest confirm or dismiss of each decided tag (one per message and indicator; a message's text and OCR tags of one indicator are two tags),
  // read from the decisions (CROSS JOIN), which are few, each finding its tags by message id: SQLite otherwise read the conversation's
  // 80k tags, or each decision's indicator's tags of the conversation (8 s for 500 decisions).
  const decided = selectAll(db, `SELECT t.marker, t.message_id, d.decision FROM (${LATEST_DECISIONS}) d CROSS JOIN tags t INDEXED BY tags_message_id ON t.message_id = d.message_id AND t.marker = d.marker WHERE t.chat_id = ?`, [chatId]);
  const markers: Figures['markers'] = [];
  const live: number[] = [];
  let tags = 0;
  for (const row of best) {
    const marker = asString(row['marker']);
    tags += asNumber(row['n']);
    const ofMarker = decided.filter((decision) => decision['marker'] === marker);
    const dismissed = new Set(ofMarker.filter((decision) => decision['decision'] === 'dismiss').map((decision) => asString(decision['message_id'])));
    const dismissedTags = ofMarker.filter((decision) => decision['decision'] === 'dismiss').length;
    markers.push({ marker, confirmed: ofMarker.length - dismissedTags, dismissed: dismissedTags });
    live.push(dismissed.size === 0 ? asNumber(row['best']) : bestNotDismissed(db, chatId, marker, dismissed, dismissedTags));
  }
  return { markers, live, unreviewed: tags - decided.length };
}

/** The best score of a marker's tags in the conversation not dismissed (0 when all are): at most one tag past the dismissed ones, best first. */
function bestNotDismissed(db: Database, chatId: string, marker: string, dismissed: ReadonlySet<string>, dismissedTags: number): number {
  const rows = selectAll(db, 'SELECT message_id, score FROM tags WHERE chat_id = ? AND marker = ? ORDER BY score DESC LIMIT ?', [chatId, marker, dismissedTags + 1]);
  const kept = rows.find((row) => !dismissed.has(asString(row['message_id'])));
  return kept === undefined ? 0 : asNumber(kept['score']);
}

function fromTags(db: Database, chatId: string): Figures {
  const rows = markerFigures(db, chatId);
  return {
    markers: rows.map((row) => ({ marker: asString(row['marker']), confirmed: asNumber(row['confirmed']), dismissed: asNumber(row['dismissed']) })),
    live: rows.map((row) => asNumber(row['live_score'])),
    unreviewed: unreviewedTags(db, chatId),
  };
}

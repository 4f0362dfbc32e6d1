import type { SqlConnection as Database, SqlValue } from '../sql-connection.ts';
import type { TaggedItem } from '../../../shared/contracts/tag-worker.ts';
import type { ConversationRisk, CoverageReport, MarkerSummary, ReviewDecision, SharedIdentifier, StoredTag } from '../../../shared/domain/marker.ts';
import { asNullableString, asNumber, asString, run, selectAll, selectOne } from './rows.ts';
import { CHAT_NUMBER } from './chat-order-sql.ts';
import { FROM_DECISIONS_NO_LONGER_FOUND, IMPORTED, INDICATOR_STILL_FOUND, LATEST_DECISIONS } from './review-sql.ts';

/** Messages of a source to tag: text and language, in row order. */
export function taggingPending(db: Database, sourceId: string, afterRowid: number, limit: number): { rowid: number; text: string; lang: string }[] {
  return selectAll(db, "SELECT rowid, text, lang FROM messages WHERE source_id = ? AND rowid > ? AND kind = 'message' ORDER BY rowid LIMIT ?", [sourceId, afterRowid, limit]).map((row) => ({
    rowid: asNumber(row['rowid']),
    text: asString(row['text']),
    lang: asString(row['lang']),
  }));
}

/** Replaces the tags and identifiers of the given messages with the tagger's new findings. */
export function storeTagResults(db: Database, results: TaggedItem[], tagger: string, at: string, origin: 'text' | 'ocr' = 'text'): void {
  const tagStatement = db.prepare(
    `INSERT INTO tags (message_rowid, message_id, chat_id, marker, score, rule, rules, spans, lang, pack_version, tagger, origin, created_at)
     SELECT rowid, id, chat_id, ?, ?, ?, ?, ?, ?, ?, ?, '${origin === 'ocr' ? 'ocr' : 'text'}', ? FROM messages WHERE rowid = ?`,
  );
  const identifierStatement = db.prepare(
    `INSERT INTO identifiers (message_rowid, chat_id, source_id, kind, value, raw, start, end, origin) SELECT rowid, chat_id, source_id, ?, ?, ?, ?, ?, '${origin === 'ocr' ? 'ocr' : 'text'}' FROM messages WHERE rowid = ?`,
  );
  try {
    for (const result of results) {
      run(db, 'DELETE FROM tags WHERE message_rowid = ? AND origin = ?', [result.rowid, origin]);
      // Identifiers found in OCR text add to those of the message text, and tagging the text again keeps them.
      if (origin === 'text') run(db, "DELETE FROM identifiers WHERE message_rowid = ? AND origin = 'text'", [result.rowid]);
      for (const tag of result.tags) {
        tagStatement.run([tag.marker, tag.score, tag.rule, JSON.stringify(tag.rules), JSON.stringify(tag.spans), tag.lang, tag.packVersion, tagger, at, result.rowid]);
      }
      for (const found of result.identifiers) identifierStatement.run([found.kind, found.value, found.raw, found.start, found.end, result.rowid]);
    }
  } finally {
    tagStatement.free();
    identifierStatement.free();
  }
}

function toTag(row: Record<string, SqlValue>): StoredTag {
  return {
    messageId: asString(row['message_id']),
    chatId: asString(row['chat_id']),
    marker: asString(row['marker']),
    score: asNumber(row['score']),
    spans: JSON.parse(asString(row['spans'])) as [number, number][],
    origin: asString(row['origin']) === 'ocr' ? 'ocr' : 'text',
    rule: asString(row['rule']),
    rules: JSON.parse(asString(row['rules'])) as string[],
    lang: asString(row['lang']),
    packVersion: asString(row['pack_version']),
    tagger: asString(row['tagger']),
  };
}

export function toDecision(row: Record<string, SqlValue>): ReviewDecision {
  return {
    messageId: asString(row['message_id']),
    marker: asNullableString(row['marker']),
    decision: asString(row['decision']) as ReviewDecision['decision'],
    note: asNullableString(row['note']),
    by: asString(row['by']),
    at: asString(row['at']),
  };
}

export function tagsForRowids(db: Database, rowids: number[]): Map<number, StoredTag[]> {
  const byRowid = new Map<number, StoredTag[]>();
  for (let start = 0; start < rowids.length; start += 500) {
    const chunk = rowids.slice(start, start + 500);
    for (const row of selectAll(db, `SELECT * FROM tags WHERE message_rowid IN (${chunk.map(() => '?').join(',')}) ORDER BY marker`, chunk)) {
      const rowid = asNumber(row['message_rowid']);
      byRowid.set(rowid, [...(byRowid.get(rowid) ?? []), toTag(row)]);
    }
  }
  return byRowid;
}

export function decisionsForMessages(db: Database, messageIds: string[]): ReviewDecision[] {
  const decisions: ReviewDecision[] = [];
  for (let start = 0; start < messageIds.length; start += 500) {
    const chunk = messageIds.slice(start, start + 500);
    decisions.push(...selectAll(db, `SELECT * FROM reviews WHERE message_id IN (${chunk.map(() => '?').join(',')}) ORDER BY id`, chunk).map(toDecision));
  }
  return decisions;
}

export function addDecision(db: Database, decision: ReviewDecision): void {
  run(db, 'INSERT INTO reviews (message_id, marker, decision, note, by, at) VALUES (?, ?, ?, ?, ?, ?)', [
    decision.messageId, decision.marker, decision.decision, decision.note, decision.by, decision.at,
  ]);
}

/**
 * Conversation risk rewards distinct indicators over repetition: 1 - Π(1 - w * best score of
 * each marker), dismissed tags left out. Ten threats score like one threat; a threat plus a debt
 * plus a kept passport scores far higher. The weight w keeps the score from saturating at 1 as
 * soon as three strong indicators co-occur, so risky conversations still rank among themselves.
 */
const DISTINCT_INDICATOR_WEIGHT = 0.5;
/** The conversation risk of a conversation's indicators, given each one's best score not dismissed. */
export function riskScore(liveScores: readonly number[]): number {
  return 1 - liveScores.reduce((product, score) => product * (1 - DISTINCT_INDICATOR_WEIGHT * score), 1);
}

/**
 * Per conversation and indicator: tags, best score, first and last time, latest decisions, best
 * score not dismissed; of one conversation if `chatId` is given. All of them are read in the
 * tags' own order (NOT INDEXED), which is about their messages' order: through the index on tags
 * by conversation, indicator and score each tag's message was looked up out of order, 10-30% slower.
 */
export function markerFigures(db: Database, chatId?: string): Record<string, SqlValue>[] {
  return selectAll(
    db,
    `SELECT t.chat_id, t.marker, count(*) AS messages, max(t.score) AS max_score, min(m.timestamp) AS first, max(m.timestamp) AS last,
       sum(CASE WHEN d.decision = 'confirm' THEN 1 ELSE 0 END) AS confirmed, sum(CASE WHEN d.decision = 'dismiss' THEN 1 ELSE 0 END) AS dismissed,
       max(CASE WHEN d.decision = 'dismiss' THEN 0 ELSE t.score END) AS live_score
     FROM tags t ${chatId === undefined ? 'NOT INDEXED ' : ''}${IMPORTED} LEFT JOIN (${LATEST_DECISIONS}) d ON d.message_id = t.message_id AND d.marker = t.marker
     ${chatId === undefined ? '' : 'WHERE t.chat_id = ?'}
     GROUP BY t.chat_id, t.marker`,
    chatId === undefined ? [] : [chatId],
  );
}

/** Tags of a conversation no confirm or dismiss was ever recorded on. */
export function unreviewedTags(db: Database, chatId: string): number {
  return asNumber(
    selectOne(db, `SELECT count(*) AS n FROM tags t ${IMPORTED} WHERE t.chat_id = ? AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.message_id = t.message_id AND r.marker = t.marker AND r.decision IN ('confirm', 'dismiss'))`, [chatId])?.['n'],
  );
}

export function conversationRisks(db: Database, limit: number): ConversationRisk[] {
  const rows = markerFigures(db);
  const byChat = new Map<string, { markers: MarkerSummary[]; live: number[] }>();
  // A conversation whose only review left is on indicators no longer found is listed too (score 0), so those decisions can be found again.
  const noLongerFound = new Map(
    selectAll(db, `SELECT m.chat_id, count(*) AS n ${FROM_DECISIONS_NO_LONGER_FOUND} GROUP BY m.chat_id`).map((row) => [asString(row['chat_id']), asNumber(row['n'])]),
  );
  for (const chatId of noLongerFound.keys()) byChat.set(chatId, { markers: [], live: [] });
  for (const row of rows) {
    const chatId = asString(row['chat_id']);
    const entry = byChat.get(chatId) ?? { markers: [], live: [] };
    entry.markers.push({
      marker: asString(row['marker']),
      messages: asNumber(row['messages']),
      maxScore: asNumber(row['max_score']),
      first: asNullableString(row['first']),
      last: asNullableString(row['last']),
      confirmed: asNumber(row['confirmed']),
      dismissed: asNumber(row['dismissed']),
    });
    entry.live.push(asNumber(row['live_score']));
    byChat.set(chatId, entry);
  }
  const risks = [...byChat].map(([chatId, entry]) => ({ chatId, markers: entry.markers, score: riskScore(entry.live) }));
  risks.sort((a, b) => b.score - a.score || a.chatId.localeCompare(b.chatId));
  return risks.slice(0, limit).map((risk) => describeChat(db, risk.chatId, risk.score, risk.markers, noLongerFound.get(risk.chatId) ?? 0));
}

function describeChat(db: Database, chatId: string, score: number, markers: MarkerSummary[], noLongerFound: number): ConversationRisk {
  const title = asString(selectOne(db, 'SELECT title FROM chats WHERE id = ?', [chatId])?.['title']);
  // Without looking up each tag's message where no source of the conversation is being imported: 0.2 s for a conversation of 80k tags.
  const tagged = asNumber(
    selectOne(db, allSourcesImported(db, chatId) ? 'SELECT count(DISTINCT message_rowid) AS n FROM tags WHERE chat_id = ?' : `SELECT count(DISTINCT t.message_rowid) AS n FROM tags t ${IMPORTED} WHERE t.chat_id = ?`, [chatId])?.['n'],
  );
  // Tags without a confirm or dismiss: those the latest decisions (confirmed, dismissed) leave, as unreviewedTags counts them.
  const unreviewed = markers.reduce((sum, marker) => sum + marker.messages - marker.confirmed - marker.dismissed, 0);
  // The tagged messages looked up in rowid order (IN builds their list sorted), not in the index's order of indicator and score: 0.23 -> 0.12 s for 57k.
  const senders = selectAll(
    db,
    `SELECT coalesce(m.sender, '(system)') AS sender, count(*) AS n FROM messages m JOIN sources s ON s.id = m.source_id AND s.status = 'imported'
     WHERE m.rowid IN (SELECT message_rowid FROM tags WHERE chat_id = ?) GROUP BY 1 ORDER BY n DESC LIMIT 10`,
    [chatId],
  ).map((row) => ({
    sender: asString(row['sender']),
    messages: asNumber(row['n']),
  }));
  const weeks = selectAll(db, `SELECT strftime('%Y-W%W', m.timestamp) AS week, count(DISTINCT m.rowid) AS n, count(DISTINCT t.marker) AS k FROM tags t ${IMPORTED} WHERE t.chat_id = ? AND m.timestamp IS NOT NULL GROUP BY 1 ORDER BY 1`, [chatId]).map((row) => ({
    week: asString(row['week']),
    messages: asNumber(row['n']),
    markers: asNumber(row['k']),
  }));
  return { chatId, title, score: Math.round(score * 1000) / 1000, markers: markers.sort((a, b) => b.maxScore - a.maxScore), taggedMessages: tagged, unreviewed, senders, weeks, noLongerFound };
}

/** Whether every source of the conversation is imported, so that none of its tags is left out as a source's still importing. */
/** Whether every source of the conversation (of every conversation, without `chatId`) is imported: tags can then be counted without their messages. */
export function allSourcesImported(db: Database, chatId?: string): boolean {
  const ofChat = chatId === undefined ? '' : 'cs.chat_id = ? AND ';
  return selectOne(db, `SELECT 1 AS found FROM chat_sources cs JOIN sources s ON s.id = cs.source_id WHERE ${ofChat}s.status <> 'imported' LIMIT 1`, chatId === undefined ? [] : [chatId]) === null;
}

/**
 * The review queue's messages of a conversation, in order: the tagged ones, and those holding a
 * decision on an indicator no longer found (one whose every indicator is gone stays listed). Read
 * in the conversation's order (chat_order) with the tagged messages from the index on tags: looking
 * up each tag's message for its source and place took 0.35 s for a conversation of 57k tagged
 * messages, 0.05 s this way. A conversation with a source not imported is read the long way.
 */
export function reviewQueueRowids(db: Database, chatId: string): number[] {
  if (allSourcesImported(db, chatId)) {
    return selectAll(
      db,
      `SELECT o.message_rowid AS rowid FROM chat_order o WHERE o.chat = ${CHAT_NUMBER} AND o.message_rowid IN (SELECT message_rowid FROM tags WHERE chat_id = ?
         UNION SELECT m.rowid ${FROM_DECISIONS_NO_LONGER_FOUND} AND m.chat_id = ?) ORDER BY o.seq, o.message_rowid`,
      [chatId, chatId, chatId],
    ).map((row) => asNumber(row['rowid']));
  }
  return selectAll(
    db,
    `SELECT rowid FROM messages WHERE rowid IN (SELECT t.message_rowid FROM tags t ${IMPORTED} WHERE t.chat_id = ?
       UNION SELECT m.rowid ${FROM_DECISIONS_NO_LONGER_FOUND} AND m.chat_id = ?) ORDER BY seq, rowid`,
    [chatId, chatId],
  ).map((row) => asNumber(row['rowid']));
}

/**
 * The review queue's order (reviewQueueRowids), where its first message with an indicator left
 * to decide is, and where the message `focus` is. A message no confirm or dismiss was recorded on
 * is undecided at once; one holding decisions (few) is looked at indicator by indicator.
 */
export function reviewQueueOrder(db: Database, chatId: string, focus: string | null): { rowids: number[]; firstUndecided: number; focusIndex: number | null } {
  const rowids = reviewQueueRowids(db, chatId);
  const decided = new Map<number, Set<string>>();
  for (const row of selectAll(db, `SELECT m.rowid, d.marker FROM (${LATEST_DECISIONS}) d CROSS JOIN messages m ON m.id = d.message_id WHERE m.chat_id = ?`, [chatId])) {
    const rowid = asNumber(row['rowid']);
    decided.set(rowid, (decided.get(rowid) ?? new Set()).add(asNullableString(row['marker']) ?? ''));
  }
  const firstWithout = rowids.findIndex((rowid) => !decided.has(rowid));
  const before = (firstWithout === -1 ? rowids : rowids.slice(0, firstWithout)).filter((rowid) => decided.has(rowid));
  const tags = tagsForRowids(db, before);
  const firstPartly = rowids.findIndex((rowid, index) => (firstWithout === -1 || index < firstWithout) && (tags.get(rowid) ?? []).some((tag) => !(decided.get(rowid)?.has(tag.marker) ?? false)));
  const firstUndecided = firstPartly !== -1 ? firstPartly : Math.max(0, firstWithout);
  const focusRowid = focus === null ? undefined : selectOne(db, 'SELECT rowid FROM messages WHERE id = ?', [focus])?.['rowid'];
  const focusIndex = focusRowid === undefined ? -1 : rowids.indexOf(asNumber(focusRowid));
  return { rowids, firstUndecided, focusIndex: focusIndex === -1 ? null : focusIndex };
}

/** Ids of a conversation's messages with a note or a bookmark decision, tagged or not (a note from the CLI may be on any message). */
export function annotatedMessageIds(db: Database, chatId: string): string[] {
  return selectAll(
    db,
    `SELECT DISTINCT r.message_id AS id FROM reviews r JOIN messages m ON m.id = r.message_id
     WHERE m.chat_id = ? AND r.decision IN ('note', 'bookmark', 'unbookmark') ORDER BY r.message_id`,
    [chatId],
  ).map((row) => String(row['id']));
}

export function reviewedRowids(db: Database, kind: 'reviewed' | 'confirmed' | 'bookmarked'): number[] {
  if (kind === 'bookmarked') {
    // The newest bookmark/unbookmark decision per message decides.
    return selectAll(
      db,
      `SELECT DISTINCT m.rowid FROM reviews r JOIN messages m ON m.id = r.message_id
       WHERE r.decision = 'bookmark' AND r.id = (SELECT max(r2.id) FROM reviews r2 WHERE r2.message_id = r.message_id AND r2.decision IN ('bookmark', 'unbookmark'))`,
    ).map((row) => asNumber(row['rowid']));
  }
  const where = kind === 'confirmed' ? `d.decision = 'confirm'` : `1`;
  const decided = selectAll(db, `SELECT DISTINCT m.rowid FROM (${LATEST_DECISIONS}) d JOIN messages m ON m.id = d.message_id WHERE ${where}`).map((row) => asNumber(row['rowid']));
  if (kind === 'confirmed') return decided;
  const other = selectAll(db, "SELECT DISTINCT m.rowid FROM reviews r JOIN messages m ON m.id = r.message_id WHERE r.decision IN ('note', 'bookmark')").map((row) => asNumber(row['rowid']));
  return [...new Set([...decided, ...other])];
}

export function coverage(db: Database): CoverageReport {
  const count = (sql: string): number => asNumber(selectOne(db, sql)?.['n']);
  // Tags of messages of a source being imported are left out. When no conversation has such a source (a dropped one leaves none), every
  // tag counts, and counting them without looking up each one's message takes 0.25 s less on a case of 92k tags.
  return {
    tags: count(allSourcesImported(db) ? 'SELECT count(*) AS n FROM tags' : `SELECT count(*) AS n FROM tags t NOT INDEXED ${IMPORTED}`),
    // Decisions on indicators still found: a decision that outlived its tag is counted apart, never as coverage of today's tags.
    decided: count(`SELECT count(*) AS n FROM (${LATEST_DECISIONS}) d WHERE ${INDICATOR_STILL_FOUND}`),
    confirmed: count(`SELECT count(*) AS n FROM (${LATEST_DECISIONS}) d WHERE d.decision = 'confirm' AND ${INDICATOR_STILL_FOUND}`),
    dismissed: count(`SELECT count(*) AS n FROM (${LATEST_DECISIONS}) d WHERE d.decision = 'dismiss' AND ${INDICATOR_STILL_FOUND}`),
    noLongerFound: count(`SELECT count(*) AS n ${FROM_DECISIONS_NO_LONGER_FOUND}`),
    messagesSeen: count('SELECT count(DISTINCT message_id) AS n FROM reviews'),
    notes: count("SELECT count(*) AS n FROM reviews WHERE decision = 'note'"),
    bookmarks: count("SELECT count(*) AS n FROM reviews WHERE decision = 'bookmark'"),
    byAnalyst: selectAll(db, 'SELECT by, count(*) AS n, min(at) AS first, max(at) AS last FROM reviews GROUP BY by ORDER BY n DESC').map((row) => ({
      by: asString(row['by']),
      decisions: asNumber(row['n']),
      first: asString(row['first']),
      last: asString(row['last']),
    })),
  };
}

/** Identifiers seen in more than one conversation or source, most widely shared first. */
export function sharedIdentifiers(db: Database, limit: number): SharedIdentifier[] {
  const rows = selectAll(
    db,
    `SELECT i.kind, i.value, count(DISTINCT i.chat_id) AS chats, count(DISTINCT i.source_id) AS sources, count(DISTINCT i.message_rowid) AS messages
     FROM identifiers i JOIN sources s ON s.id = i.source_id AND s.status = 'imported'
     GROUP BY i.kind, i.value HAVING count(DISTINCT i.chat_id) > 1 OR count(DISTINCT i.source_id) > 1
     ORDER BY chats DESC, sources DESC, messages DESC LIMIT ?`,
    [limit],
  );
  return rows.map((row) => ({
    kind: asString(row['kind']),
    value: asString(row['value']),
    chats: asNumber(row['chats']),
    sources: asNumber(row['sources']),
    messages: asNumber(row['messages']),
    examples: selectAll(
      db,
      `SELECT i.chat_id, c.title, m.id AS message_id, i.raw FROM identifiers i JOIN messages m ON m.rowid = i.message_rowid JOIN chats c ON c.id = i.chat_id
       WHERE i.kind = ? AND i.value = ? GROUP BY i.chat_id LIMIT 5`,
      [asString(row['kind']), asString(row['value'])],
    ).map((example) => ({ chatId: asString(example['chat_id']), chatTitle: asString(example['title']), messageId: asString(example['message_id']), raw: asString(example['raw']) })),
  }));
}

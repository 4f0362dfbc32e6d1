import { describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import type { ImportJob } from '../../../../shared/contracts/import-worker.ts';
import type { ParsedMessage } from '../../../../shared/contracts/parsed-source.ts';
import type { TaggedItem } from '../../../../shared/contracts/tag-worker.ts';
import type { ConversationReviewFigures } from '../../../../shared/domain/marker.ts';
import type { CallContext } from '../../../../shared/worker/serve.ts';
import { conversationReviewFigures } from '../../../../workers/db/repos/conversation-review-figures.ts';
import { addDecision, conversationRisks, coverage, reviewQueueRowids, storeTagResults } from '../../../../workers/db/repos/markers.ts';
import { FROM_DECISIONS_NO_LONGER_FOUND, IMPORTED } from '../../../../workers/db/repos/review-sql.ts';
import { asNumber, run, selectAll } from '../../../../workers/db/repos/rows.ts';
import { RecordWriter } from '../../../../workers/import/record-writer.ts';
import { folderFiles } from '../../../../workers/import/source-files.ts';
import { caseDbClient } from '../../../support/case-db-client.ts';
import { memoryCaseWithSource } from '../../../support/memory-case-db.ts';

/**
 * After each decision the Review view asks for the decided conversation's figures alone rather
 * than ranking every conversation again (1.3 s on a 600k-message case). They must be what the
 * ranking would say of that conversation, whatever decisions were taken.
 */
const SOURCE = { id: 'src-1', path: '/e/chat.txt', sha256: 'a'.repeat(64) };
const TAGGER = 'threadline-markers 1.0.0';
const AT = '2024-05-01T10:00:00.000Z';

async function caseWithChats(): Promise<{ db: Database; rowids: number[]; ids: string[]; chatIds: string[] }> {
  const db = await memoryCaseWithSource({ ...SOURCE, format: 'whatsapp-txt', status: 'imported' });
  const job = { source: { ...SOURCE, timeZone: 'UTC' }, path: SOURCE.path, casePath: '/tmp/case', format: 'whatsapp-txt' } as unknown as ImportJob;
  const context = { throwIfCancelled: () => undefined, progress: () => undefined } as unknown as CallContext;
  const writer = new RecordWriter(job, { db: caseDbClient(db) as never, index: [] }, context, folderFiles(SOURCE.path));
  writer.chat({ key: 'a', title: 'Boss', kind: 'private' });
  writer.chat({ key: 'b', title: 'Other', kind: 'private' });
  writer.chat({ key: 'c', title: 'Quiet', kind: 'private' });
  for (let line = 0; line < 8; line++) {
    const chatKey = line < 6 ? 'a' : line < 7 ? 'b' : 'c';
    const message: ParsedMessage = { chatKey, kind: 'message', sender: 'Boss', time: null, timestampText: '', text: `message ${line}`, attachments: [], deleted: false, edited: false, locator: { kind: 'sqlite-row', file: 'chat.txt', table: 'messages', rowid: line + 1 } };
    await writer.message(message);
  }
  await writer.flush();
  const rows = selectAll(db, 'SELECT rowid, id, chat_id FROM messages ORDER BY rowid');
  return { db, rowids: rows.map((row) => asNumber(row['rowid'])), ids: rows.map((row) => String(row['id'])), chatIds: [...new Set(rows.map((row) => String(row['chat_id'])))] };
}

function tagged(rowid: number, tags: [string, number][]): TaggedItem {
  return { rowid, identifiers: [], tags: tags.map(([marker, score]) => ({ marker, score, spans: [[0, 3]], rule: `${marker}/eng/rule`, rules: [`${marker}/eng/rule`], lang: 'eng', packVersion: '1.0.0' })) };
}

/** What the ranking says of the conversation, as figures (markers by id). */
function ranked(db: Database, chatId: string): ConversationReviewFigures | null {
  const risk = conversationRisks(db, 500).find((entry) => entry.chatId === chatId);
  if (risk === undefined) return null;
  const markers = risk.markers.map(({ marker, confirmed, dismissed }) => ({ marker, confirmed, dismissed }));
  return { chatId, score: risk.score, unreviewed: risk.unreviewed, noLongerFound: risk.noLongerFound, markers: markers.sort((a, b) => a.marker.localeCompare(b.marker)) };
}

function figures(db: Database, chatId: string): ConversationReviewFigures | null {
  const found = conversationReviewFigures(db, chatId);
  return found === null ? null : { ...found, markers: [...found.markers].sort((a, b) => a.marker.localeCompare(b.marker)) };
}

/** Chat a: six messages with debt (0.9, 0.7, 0.7, 0.5), threats (0.8, and 0.6 in a message's text and its image's OCR) and isolation 0.55; chat b one debt tag. */
async function taggedCase(): Promise<{ db: Database; ids: string[]; rowids: number[]; chatIds: string[] }> {
  const built = await caseWithChats();
  const [r0 = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0, r5 = 0, r6 = 0] = built.rowids;
  storeTagResults(built.db, [tagged(r0, [['debt-bondage', 0.9], ['threat-violence', 0.8]]), tagged(r1, [['debt-bondage', 0.7]]), tagged(r2, [['debt-bondage', 0.7], ['isolation', 0.55]]), tagged(r3, [['debt-bondage', 0.5]]), tagged(r4, [['threat-violence', 0.6]]), tagged(r6, [['debt-bondage', 0.4]])], TAGGER, AT);
  storeTagResults(built.db, [tagged(r4, [['threat-violence', 0.6]])], TAGGER, AT, 'ocr');
  void r5;
  return built;
}

describe('conversationReviewFigures', () => {
  it('says what the ranking says of a conversation through a run of decisions', async () => {
    const { db, ids, chatIds } = await taggedCase();
    const [chatA = '', chatB = ''] = chatIds;
    const [m0 = '', m1 = '', m2 = '', m3 = '', m4 = ''] = ids;
    const decide = (messageId: string, marker: string, decision: 'confirm' | 'dismiss') => addDecision(db, { messageId, marker, decision, note: null, by: 'analyst-a', at: AT });
    const check = () => {
      for (const chatId of chatIds) expect(figures(db, chatId)).toEqual(ranked(db, chatId));
    };
    check();
    expect(figures(db, chatA)).toMatchObject({ unreviewed: 8, noLongerFound: 0 });
    decide(m1, 'debt-bondage', 'confirm');
    check();
    // The best debt tag dismissed: the best left is 0.7, held by two tags.
    decide(m0, 'debt-bondage', 'dismiss');
    check();
    decide(m2, 'debt-bondage', 'dismiss');
    decide(m1, 'debt-bondage', 'dismiss');
    check();
    decide(m3, 'debt-bondage', 'dismiss');
    check();
    expect(figures(db, chatA)?.markers.find((entry) => entry.marker === 'debt-bondage')).toEqual({ marker: 'debt-bondage', confirmed: 0, dismissed: 4 });
    // The newest decision counts: dismissed, then confirmed again.
    decide(m0, 'debt-bondage', 'confirm');
    check();
    // A decision on a message's indicator counts on its text and OCR tags alike.
    decide(m4, 'threat-violence', 'dismiss');
    check();
    expect(figures(db, chatA)).toMatchObject({ unreviewed: 2 });
    // A note or a bookmark changes nothing.
    addDecision(db, { messageId: m2, marker: null, decision: 'note', note: 'see', by: 'analyst-a', at: AT });
    addDecision(db, { messageId: m2, marker: null, decision: 'bookmark', note: null, by: 'analyst-a', at: AT });
    check();
    expect(figures(db, chatB)).toEqual(ranked(db, chatB));
  });

  it('counts decisions on indicators no longer found, and lists a conversation holding only those', async () => {
    const { db, ids, rowids, chatIds } = await taggedCase();
    const [, chatB = ''] = chatIds;
    const m6 = ids[6] ?? '';
    addDecision(db, { messageId: m6, marker: 'debt-bondage', decision: 'confirm', note: null, by: 'analyst-a', at: AT });
    storeTagResults(db, [{ rowid: rowids[6] ?? 0, identifiers: [], tags: [] }], TAGGER, AT);
    expect(figures(db, chatB)).toEqual({ chatId: chatB, score: 0, unreviewed: 0, noLongerFound: 1, markers: [] });
    expect(figures(db, chatB)).toEqual(ranked(db, chatB));
  });

  it('is null for a conversation without indicators or decisions, and for one unknown', async () => {
    const { db, chatIds } = await taggedCase();
    expect(figures(db, chatIds[2] ?? '')).toBeNull();
    expect(figures(db, 'no-such-chat')).toBeNull();
  });

  it("leaves out the tags of a source not imported, as the ranking does, when one of the conversation's sources is still importing", async () => {
    const { db, ids, chatIds } = await taggedCase();
    const [chatA = ''] = chatIds;
    addDecision(db, { messageId: ids[0] ?? '', marker: 'debt-bondage', decision: 'dismiss', note: null, by: 'analyst-a', at: AT });
    run(
      db,
      `INSERT INTO sources (id, path, display_name, format, parser, parser_version, size, sha256, status, imported_at, time_zone, time_zone_origin, details, message_count, unparsed_count)
       VALUES ('src-2', '/e/more.txt', 'more.txt', 'whatsapp-txt', 'p', '1', 1, ?, 'importing', '2024-01-01', 'UTC', 'flag', '{}', 0, 0)`,
      ['b'.repeat(64)],
    );
    run(db, "INSERT INTO chat_sources (chat_id, source_id) VALUES (?, 'src-2')", [chatA]);
    expect(figures(db, chatA)).toEqual(ranked(db, chatA));
    // Its own source no longer imported, the conversation's tags are all left out.
    run(db, "UPDATE sources SET status = 'importing' WHERE id = 'src-1'");
    expect(figures(db, chatA)).toBeNull();
    expect(ranked(db, chatA)).toBeNull();
  });
});

/** The review queue's order as it was read before it was read through chat_order and the index on tags. */
function queueAsBefore(db: Database, chatId: string): number[] {
  return selectAll(
    db,
    `SELECT rowid FROM messages WHERE rowid IN (SELECT t.message_rowid FROM tags t ${IMPORTED} WHERE t.chat_id = ?
       UNION SELECT m.rowid ${FROM_DECISIONS_NO_LONGER_FOUND} AND m.chat_id = ?) ORDER BY seq, rowid`,
    [chatId, chatId],
  ).map((row) => asNumber(row['rowid']));
}

function importingSourceIn(db: Database, chatId: string): void {
  run(
    db,
    `INSERT INTO sources (id, path, display_name, format, parser, parser_version, size, sha256, status, imported_at, time_zone, time_zone_origin, details, message_count, unparsed_count)
     VALUES ('src-2', '/e/more.txt', 'more.txt', 'whatsapp-txt', 'p', '1', 1, ?, 'importing', '2024-01-01', 'UTC', 'flag', '{}', 0, 0)`,
    ['b'.repeat(64)],
  );
  run(db, "INSERT INTO chat_sources (chat_id, source_id) VALUES (?, 'src-2')", [chatId]);
}

describe('the review queue and coverage read through the indexes', () => {
  it("lists the queue's messages in the conversation's order, as before, with one held by a decision on an indicator no longer found", async () => {
    const { db, ids, rowids, chatIds } = await taggedCase();
    const [chatA = '', chatB = '', chatC = ''] = chatIds;
    for (const chatId of chatIds) expect(reviewQueueRowids(db, chatId)).toEqual(queueAsBefore(db, chatId));
    expect(reviewQueueRowids(db, chatA)).toEqual(rowids.slice(0, 5));
    expect(reviewQueueRowids(db, chatC)).toEqual([]);
    // Placed otherwise than read (as when a second source's messages are merged in): the queue follows the places.
    run(db, 'UPDATE messages SET seq = 10 - seq WHERE chat_id = ?', [chatA]);
    expect(reviewQueueRowids(db, chatA)).toEqual(rowids.slice(0, 5).reverse());
    addDecision(db, { messageId: ids[6] ?? '', marker: 'debt-bondage', decision: 'confirm', note: null, by: 'analyst-a', at: AT });
    storeTagResults(db, [{ rowid: rowids[6] ?? 0, identifiers: [], tags: [] }], TAGGER, AT);
    expect(reviewQueueRowids(db, chatB)).toEqual([rowids[6]]);
    for (const chatId of chatIds) expect(reviewQueueRowids(db, chatId)).toEqual(queueAsBefore(db, chatId));
  });

  it('reads the long way, as before, a conversation with a source still importing, and coverage leaves its tags out', async () => {
    const { db, chatIds } = await taggedCase();
    const [chatA = ''] = chatIds;
    expect(coverage(db).tags).toBe(9);
    importingSourceIn(db, chatA);
    expect(reviewQueueRowids(db, chatA)).toEqual(queueAsBefore(db, chatA));
    expect(coverage(db).tags).toBe(9);
    run(db, "UPDATE sources SET status = 'importing' WHERE id = 'src-1'");
    expect(reviewQueueRowids(db, chatA)).toEqual([]);
    expect(coverage(db).tags).toBe(0);
  });
});

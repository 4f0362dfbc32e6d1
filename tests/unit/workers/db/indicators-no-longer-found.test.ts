import { describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import type { ImportJob } from '../../../../shared/contracts/import-worker.ts';
import type { ParsedMessage } from '../../../../shared/contracts/parsed-source.ts';
import type { TaggedItem } from '../../../../shared/contracts/tag-worker.ts';
import type { CallContext } from '../../../../shared/worker/serve.ts';
import { decisionsOnIndicatorsNoLongerFound } from '../../../../workers/db/repos/indicators-no-longer-found.ts';
import { addDecision, conversationRisks, coverage, reviewQueueRowids, storeTagResults } from '../../../../workers/db/repos/markers.ts';
import { asNumber, run, selectAll } from '../../../../workers/db/repos/rows.ts';
import { RecordWriter } from '../../../../workers/import/record-writer.ts';
import { folderFiles } from '../../../../workers/import/source-files.ts';
import { caseDbClient } from '../../../support/case-db-client.ts';
import { memoryCaseWithSource } from '../../../support/memory-case-db.ts';

/**
 * After "Look for indicators again" the tags are replaced and the analyst's decisions kept
 * (reviews is append-only). A confirm on an indicator the packs no longer find vanished from the
 * review queue, yet coverage still counted it as decided and the package exported it as if the
 * indicator were there (review). Such decisions are listed apart, naming the tagger and pack
 * that no longer find the indicator, and coverage counts them apart.
 */
const SOURCE = { id: 'src-1', path: '/e/chat.txt', sha256: 'a'.repeat(64) };
const TAGGER = 'threadline-markers 1.0.0';
const AT = '2024-05-01T10:00:00.000Z';

async function caseWithTwoMessages(): Promise<{ db: Database; rowids: number[]; chatId: string; ids: string[] }> {
  const db = await memoryCaseWithSource({ ...SOURCE, format: 'whatsapp-txt', status: 'imported' });
  const job = { source: { ...SOURCE, timeZone: 'UTC' }, path: SOURCE.path, casePath: '/tmp/case', format: 'whatsapp-txt' } as unknown as ImportJob;
  const context = { throwIfCancelled: () => undefined, progress: () => undefined } as unknown as CallContext;
  const writer = new RecordWriter(job, { db: caseDbClient(db) as never, index: [] }, context, folderFiles(SOURCE.path));
  writer.chat({ key: 'chat', title: 'Boss', kind: 'private' });
  for (const [line, text] of ['You owe me 2000, give me your passport', 'ok'].entries()) {
    const message: ParsedMessage = { chatKey: 'chat', kind: 'message', sender: 'Boss', time: null, timestampText: '', text, attachments: [], deleted: false, edited: false, locator: { kind: 'sqlite-row', file: 'chat.txt', table: 'messages', rowid: line + 1 } };
    await writer.message(message);
  }
  await writer.flush();
  const rows = selectAll(db, 'SELECT rowid, id, chat_id FROM messages ORDER BY rowid');
  run(db, "INSERT INTO provenance (source_id, stage, tool, tool_version, parameters) VALUES (?, 'markers', 'threadline-markers', '1.0.0', ?)", [SOURCE.id, JSON.stringify({ packVersions: { 'debt-bondage': '1.1.0', 'document-control': '1.0.0' } })]);
  return { db, rowids: rows.map((row) => asNumber(row['rowid'])), chatId: String(rows[0]?.['chat_id']), ids: rows.map((row) => String(row['id'])) };
}

function tagged(rowid: number, markers: string[]): TaggedItem {
  return { rowid, identifiers: [], tags: markers.map((marker) => ({ marker, score: 0.8, spans: [[0, 3]], rule: `${marker}/eng/rule`, rules: [`${marker}/eng/rule`], lang: 'eng', packVersion: '1.0.0' })) };
}

function decide(db: Database, messageId: string, marker: string, decision: 'confirm' | 'dismiss'): void {
  addDecision(db, { messageId, marker, decision, note: null, by: 'analyst-a', at: AT });
}

/** The first message tagged with debt and passport, both decided, then tagged again: the debt is no longer found, the passport still is. */
async function debtNoLongerFound(): Promise<{ db: Database; chatId: string; firstId: string }> {
  const { db, rowids, chatId, ids } = await caseWithTwoMessages();
  const [first = 0] = rowids;
  const [firstId = ''] = ids;
  storeTagResults(db, [tagged(first, ['debt-bondage', 'document-control'])], TAGGER, AT);
  decide(db, firstId, 'debt-bondage', 'confirm');
  decide(db, firstId, 'document-control', 'dismiss');
  storeTagResults(db, [tagged(first, ['document-control'])], TAGGER, AT);
  return { db, chatId, firstId };
}

describe('decisions on indicators the marker packs no longer find', () => {
  it('are listed with the tagger and pack that no longer find them; decisions on indicators still found are not', async () => {
    const { db, chatId, firstId } = await debtNoLongerFound();

    expect(decisionsOnIndicatorsNoLongerFound(db, { chatId })).toEqual([
      { chatId, decision: { messageId: firstId, marker: 'debt-bondage', decision: 'confirm', note: null, by: 'analyst-a', at: AT }, noLongerFoundBy: 'threadline-markers 1.0.0, debt-bondage pack 1.1.0' },
    ]);
    expect(decisionsOnIndicatorsNoLongerFound(db, { chatId: 'another-chat' })).toEqual([]);
  });

  it('counts them apart in coverage: decided, confirmed and dismissed count indicators still found', async () => {
    const { db } = await debtNoLongerFound();
    expect(coverage(db)).toMatchObject({ tags: 1, decided: 1, confirmed: 0, dismissed: 1, noLongerFound: 1 });
  });

  it('keeps in the review queue a message whose every indicator is gone but which holds such a decision, and its conversation among the risks', async () => {
    const { db, rowids, chatId, ids } = await caseWithTwoMessages();
    const [first = 0, second = 0] = rowids;
    const [firstId = ''] = ids;
    storeTagResults(db, [tagged(first, ['debt-bondage']), tagged(second, ['debt-bondage'])], TAGGER, AT);
    decide(db, firstId, 'debt-bondage', 'confirm');
    storeTagResults(db, [tagged(first, []), tagged(second, [])], TAGGER, AT);
    expect(reviewQueueRowids(db, chatId)).toEqual([first]);
    expect(conversationRisks(db, 10)).toEqual([expect.objectContaining({ chatId, score: 0, markers: [], noLongerFound: 1 })]);
  });

  it('says so when the source\'s tagging was not recorded, and when the tagger has no pack for the indicator', async () => {
    const { db, rowids, chatId, ids } = await caseWithTwoMessages();
    const [first = 0] = rowids;
    const [firstId = ''] = ids;
    run(db, 'DELETE FROM provenance');
    storeTagResults(db, [tagged(first, ['isolation'])], TAGGER, AT);
    decide(db, firstId, 'isolation', 'dismiss');
    storeTagResults(db, [tagged(first, [])], TAGGER, AT);
    expect(decisionsOnIndicatorsNoLongerFound(db, { chatId })[0]?.noLongerFoundBy).toBe('the marker packs last run on its source (their versions were not recorded)');
    run(db, "INSERT INTO provenance (source_id, stage, tool, tool_version, parameters) VALUES (?, 'markers', 'threadline-markers', '1.1.0', '{\"packVersions\":{}}')", [SOURCE.id]);
    expect(decisionsOnIndicatorsNoLongerFound(db, { chatId })[0]?.noLongerFoundBy).toBe('threadline-markers 1.1.0, which has no isolation pack');
  });
});

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSession } from '../../engine/case/case-session.ts';
import { Engine } from '../../engine/engine.ts';
import { recordDecision } from '../../engine/markers/review.ts';
import { reviewQueue } from '../support/review-queue.ts';
import { MARKER_TAGGER_NAME } from '../../shared/markers/index.ts';
import { CLI, tempFolder, writeTemp } from '../support/temp-case.ts';

/**
 * After "Look for indicators again" with packs that no longer find an indicator, a confirm on it
 * vanished from the review queue while coverage counted it as decided and the package exported it
 * as if the indicator were there (review). Through the engine: the queue keeps the message with
 * the decision shown apart, the risks list its conversation, coverage counts it apart, and the
 * package marks it with the tagger and pack that no longer find it.
 */
const CHAT = ['01/04/2024, 10:00 - Boss: You owe me 2000 for the apartment and the ticket', '01/04/2024, 10:05 - Mira: ok'].join('\n');
const NO_LONGER_FOUND_BY = new RegExp(`^${MARKER_TAGGER_NAME.replace(/\./gu, '\\.')}, debt-bondage pack \\S+$`, 'u');

describe('decisions on indicators the marker packs no longer find, through the engine', () => {
  let engine: Engine;
  let session: CaseSession;
  let folder: string;
  let chatId: string;
  let messageId: string;

  beforeAll(async () => {
    folder = tempFolder();
    engine = new Engine({ mode: 'cli', actor: 'analyst-a' });
    session = await engine.openCase(join(folder, 'case'), true);
    await engine.startImport([writeTemp(folder, 'boss.txt', CHAT)], { timeZone: 'UTC' }).done;
    chatId = (await session.db.client.call('conversationRisks', { limit: 1 }))[0]?.chatId ?? '';
    const [item] = await reviewQueue(session, chatId);
    messageId = item?.message.id ?? '';
    await recordDecision(session, { messageId, marker: 'debt-bondage', decision: 'confirm', by: 'analyst-a' });
    // What looking for indicators again stores when the packs no longer find any in the message.
    const [rowid = 0] = await session.db.client.call('rowidsForMessageIds', { ids: [messageId] });
    await session.db.client.call('storeTagResults', { results: [{ rowid, tags: [], identifiers: [] }], tagger: MARKER_TAGGER_NAME });
  }, 120_000);

  afterAll(async () => {
    await engine.dispose();
  });

  it('keeps the message in the review queue with the decision shown apart, and its conversation among the risks', async () => {
    const [item] = await reviewQueue(session, chatId);
    expect(item?.message.id).toBe(messageId);
    expect(item?.tags).toEqual([]);
    expect(item?.noLongerFound).toEqual([{ chatId, decision: expect.objectContaining({ marker: 'debt-bondage', decision: 'confirm', by: 'analyst-a' }), noLongerFoundBy: expect.stringMatching(NO_LONGER_FOUND_BY) }]);
    expect(await session.db.client.call('conversationRisks', { limit: 10 })).toEqual([expect.objectContaining({ chatId, noLongerFound: 1 })]);
    expect(await session.db.client.call('coverage', {})).toMatchObject({ tags: 0, decided: 0, confirmed: 0, noLongerFound: 1 });
  });

  it('exports the confirmation marked with the tagger and pack that no longer find the indicator', async () => {
    const bag = join(folder, 'bag');
    await engine.startExport({ outDir: bag, select: 'confirmed', context: 0, includeOriginals: false }).done;
    const reviews = readFileSync(join(bag, 'data', 'reviews.jsonl'), 'utf8').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(reviews).toEqual([expect.objectContaining({ messageId, markerId: 'debt-bondage', decision: 'confirm', indicatorNoLongerFoundBy: expect.stringMatching(NO_LONGER_FOUND_BY) })]);
    expect(readFileSync(join(bag, 'data', 'report', 'report.html'), 'utf8')).toContain('confirm indicator debt-bondage (indicator no longer found by threadline-markers');
  });

  it('says after looking for indicators again how many decisions are on indicators no longer found, in its summary and the custody log', async () => {
    // The packs find no isolation in "You owe me 2000…": a decision on it is on an indicator not found.
    await recordDecision(session, { messageId, marker: 'isolation', decision: 'dismiss', by: 'analyst-a' });
    const summary = await engine.startRetag().done;
    expect(summary.decisionsNoLongerFound).toBe(1);
    const [item] = await reviewQueue(session, chatId);
    expect(item?.tags.find((tag) => tag.marker === 'debt-bondage')?.decision).toMatchObject({ decision: 'confirm', by: 'analyst-a' });
    expect(item?.noLongerFound.map((entry) => entry.decision.marker)).toEqual(['isolation']);
    const retagged = readFileSync(join(folder, 'case', 'audit.jsonl'), 'utf8').split('\n').filter((line) => line.includes('"markers.retagged"'));
    expect(JSON.parse(retagged[retagged.length - 1] ?? '{}')).toMatchObject({ details: { decisionsNoLongerFound: 1 } });
  });

  it('tells on the command line that a decision is on an indicator no longer found, as the review shows it', async () => {
    await engine.dispose();
    const review = spawnSync(process.execPath, [CLI, 'review', join(folder, 'case'), '--message', messageId, '--decision', 'confirm', '--marker', 'isolation', '--by', 'analyst-b', '--json'], { encoding: 'utf8' });
    expect(review.status, review.stderr).toBe(0);
    expect(JSON.parse(review.stdout)).toMatchObject({ decision: 'confirm', marker: 'isolation', by: 'analyst-b' });
    expect(review.stderr).toMatch(/indicator isolation is no longer found in this message by threadline-markers \S+, isolation pack \S+/u);
    engine = new Engine({ mode: 'cli', actor: 'analyst-a' });
    session = await engine.openCase(join(folder, 'case'), false);
  }, 60_000);
});

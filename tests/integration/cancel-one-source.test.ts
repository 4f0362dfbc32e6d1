import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import { searchCase } from '../../engine/search/search-case.ts';
import type { TaskView } from '../../shared/domain/task.ts';
import { generateWhatsAppExport } from '../support/generate-whatsapp.ts';
import { REPO_ROOT, tempFolder, writeTemp } from '../support/temp-case.ts';

const FIXTURE = join(REPO_ROOT, 'fixtures', 'whatsapp', 'job-offer-android-24h.txt');
const FIXTURE_MESSAGES = 9;
/** Big enough that reading takes seconds, so the cancel lands while rows are being written. */
const BIG_MESSAGES = 80_000;
const SMALL_MESSAGES = 700;
const THROTTLE_MESSAGES = 30_000;

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.dispose();
  engine = null;
});

describe('cancelling one source of three through the real workers', () => {
  it('imports the other two fully and leaves no row of the cancelled one', async () => {
    const folder = tempFolder();
    // Each source carries a word found nowhere else, written in its first batch.
    const big = writeTemp(folder, 'big-чат.txt', generateWhatsAppExport(BIG_MESSAGES, 11, { at: 3, text: 'zanzibarneedle early in the big export' }));
    const small = writeTemp(folder, 'small.txt', generateWhatsAppExport(SMALL_MESSAGES, 12, { at: 3, text: 'quokkaneedle in the small export' }));
    engine = new Engine({ mode: 'cli', actor: 'test-examiner' });
    const session = await engine.openCase(join(folder, 'case'), true);
    const { taskId, done } = engine.startImport([FIXTURE, big, small], {});

    const seen: TaskView[] = [];
    let cancelledAt: TaskView | null = null;
    const tasks = engine.tasks;
    tasks.on('update', (task) => {
      if (task.id !== taskId) return;
      seen.push(task);
      const target = task.sources?.[1];
      if (cancelledAt === null && target?.state === 'reading' && target.bytesDone > 0) {
        cancelledAt = task;
        expect(tasks.cancelSource(taskId, 1)).toBe(true);
      }
    });
    const summary = await done;

    expect(cancelledAt).not.toBeNull();
    expect(summary.sources.map((source) => source.status)).toEqual(['imported', 'cancelled', 'imported']);
    expect(summary.sources[0]?.messages).toBe(FIXTURE_MESSAGES);
    expect(summary.sources[2]?.messages).toBe(SMALL_MESSAGES);
    const final = seen.at(-1);
    expect(final?.state).toBe('DONE');
    expect(final?.sources?.map((source) => [source.state, source.format])).toEqual([
      ['done', 'whatsapp-txt'],
      ['cancelled', 'whatsapp-txt'],
      ['done', 'whatsapp-txt'],
    ]);
    expect(final?.sources?.[2]).toMatchObject({ messages: SMALL_MESSAGES, bytesDone: final?.sources?.[2]?.size });

    const cancelledId = summary.sources[1]?.sourceId ?? '';
    const info = await session.info();
    expect(info.sources.map((source) => [source.displayName, source.status]).sort()).toEqual([
      ['big-чат.txt', 'cancelled'],
      ['job-offer-android-24h.txt', 'imported'],
      ['small.txt', 'imported'],
    ]);
    expect(info.messageCount).toBe(FIXTURE_MESSAGES + SMALL_MESSAGES);
    expect(await session.db.client.call('indexDocuments', { sourceIds: [cancelledId], afterRowid: 0, limit: 10 })).toEqual([]);
    expect(await session.db.client.call('listIssues', { sourceId: cancelledId })).toEqual([]);
    expect((await searchCase(session, 'zanzibarneedle', 10, 0)).total).toBe(0);
    expect((await searchCase(session, 'quokkaneedle', 10, 0)).total).toBe(1);
    expect((await searchCase(session, 'passport', 10, 0)).total).toBe(1);
    const conversations = await session.db.client.call('listConversations', {});
    expect(conversations.reduce((total, chat) => total + chat.messageCount, 0)).toBe(FIXTURE_MESSAGES + SMALL_MESSAGES);
  }, 120_000);

  it('sends at most about 10 updates a second for the task', async () => {
    const folder = tempFolder();
    const big = writeTemp(folder, 'big.txt', generateWhatsAppExport(THROTTLE_MESSAGES, 13));
    engine = new Engine({ mode: 'cli', actor: 'test-examiner' });
    await engine.openCase(join(folder, 'case'), true);
    const { taskId, done } = engine.startImport([FIXTURE, big], {});
    const times: number[] = [];
    engine.tasks.on('update', (task) => task.id === taskId && times.push(Date.now()));
    const started = Date.now();
    await done;
    const seconds = (Date.now() - started) / 1000;
    // The start and the end are published at once; everything between is spaced by the throttle.
    expect(times.length).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 2);
    const gaps = times.slice(1, -1).map((time, index) => time - (times[index] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(95);
  }, 120_000);
});

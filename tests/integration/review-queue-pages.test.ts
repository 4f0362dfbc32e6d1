import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSession } from '../../engine/case/case-session.ts';
import { Engine } from '../../engine/engine.ts';
import { recordDecision, reviewQueuePage } from '../../engine/markers/review.ts';
import { reviewQueue } from '../support/review-queue.ts';
import type { ReviewItem } from '../../shared/domain/marker.ts';
import { MARKER_TAGGER_NAME } from '../../shared/markers/index.ts';
import { tempFolder, writeTemp } from '../support/temp-case.ts';

/** The whole queue's first message with an indicator left to decide, read from the items: what the engine's page says. */
function firstUndecidedItem(items: readonly ReviewItem[]): number {
  const index = items.findIndex((item) => item.tags.some((tag) => tag.decision === null));
  return index === -1 ? 0 : index;
}

/**
 * The review queue is read a page at a time (a 57k-message queue took 2.9 s and 69 MB each time it
 * was opened): pages put together are the whole queue, and the first message left to decide and
 * the message asked for are found in it, as the window found them when it had every item.
 */
const TAGGED = 230;
const DEBT = 'You owe me 2000 for the apartment and the ticket';
const PASSPORT = 'Give me your passport, I will keep it until you pay the debt';

function chat(): string {
  const lines: string[] = [];
  for (let index = 0; index < TAGGED; index++) {
    const time = `${String(1 + Math.floor(index / 60)).padStart(2, '0')}/04/2024, 10:${String(index % 60).padStart(2, '0')}`;
    lines.push(`${time} - Boss: ${index % 10 === 3 ? PASSPORT : DEBT} (${index + 1})`, `${time} - Mira: ok`);
  }
  return lines.join('\n');
}

describe('review queue pages, through the engine', () => {
  let engine: Engine;
  let session: CaseSession;
  let chatId: string;

  beforeAll(async () => {
    const folder = tempFolder();
    engine = new Engine({ mode: 'cli', actor: 'analyst-a' });
    session = await engine.openCase(join(folder, 'case'), true);
    await engine.startImport([writeTemp(folder, 'boss.txt', chat()), writeTemp(folder, 'quiet.txt', '01/04/2024, 10:00 - Ana: hello\n01/04/2024, 10:01 - Ion: hi')], { timeZone: 'UTC' }).done;
    chatId = (await session.db.client.call('conversationRisks', { limit: 1 }))[0]?.chatId ?? '';
  }, 120_000);

  afterAll(async () => {
    await engine.dispose();
  });

  async function pagesOf(limit: number): Promise<ReviewItem[]> {
    const items: ReviewItem[] = [];
    for (let offset = 0; ; offset += limit) {
      const page = await reviewQueuePage(session, { chatId, offset, limit });
      expect(page.offset).toBe(offset);
      items.push(...page.items);
      if (page.items.length < limit) return items;
    }
  }

  async function decideAll(item: ReviewItem | undefined, markers?: string[]): Promise<void> {
    for (const tag of item?.tags ?? []) if (markers === undefined || markers.includes(tag.marker)) await recordDecision(session, { messageId: item?.message.id ?? '', marker: tag.marker, decision: 'dismiss', by: 'analyst-a' });
  }

  it('puts together pages that are the whole queue, each page its part, and an empty page past the end', async () => {
    const whole = await reviewQueue(session, chatId);
    expect(whole).toHaveLength(TAGGED);
    expect(await pagesOf(100)).toEqual(whole);
    expect(await pagesOf(7)).toEqual(whole);
    const page = await reviewQueuePage(session, { chatId, offset: 100, limit: 100 });
    expect(page).toMatchObject({ total: TAGGED, offset: 100, firstUndecided: null, focusIndex: null });
    expect(page.items).toEqual(whole.slice(100, 200));
    // Exactly one page, and one past the end.
    expect((await reviewQueuePage(session, { chatId, offset: 0, limit: TAGGED })).items).toEqual(whole);
    expect(await reviewQueuePage(session, { chatId, offset: TAGGED + 5, limit: 100 })).toMatchObject({ total: TAGGED, offset: TAGGED, items: [] });
  });

  it('is empty for a conversation without indicators', async () => {
    const quiet = (await session.db.client.call('listConversations', {})).find((conversation) => conversation.title === 'quiet')?.id ?? 'none';
    expect(await reviewQueuePage(session, { chatId: quiet, limit: 100 })).toEqual({ total: 0, offset: 0, items: [], firstUndecided: 0, focusIndex: null });
  });

  it('finds the first message left to decide as decisions are taken, and without an offset gives the page holding it', async () => {
    const whole = await reviewQueue(session, chatId);
    const first = async () => (await reviewQueuePage(session, { chatId, limit: 1 })).firstUndecided;
    await decideAll(whole[0]);
    await decideAll(whole[1]);
    expect(await first()).toBe(2);
    // A message with two indicators, one decided, is still left to decide.
    const twice = whole.findIndex((item) => item.tags.length > 1);
    for (let index = 2; index < twice; index++) await decideAll(whole[index]);
    await decideAll(whole[twice], [whole[twice]?.tags[0]?.marker ?? '']);
    expect(await first()).toBe(twice);
    expect(firstUndecidedItem(await reviewQueue(session, chatId))).toBe(twice);
    await decideAll(whole[twice]);
    expect(await first()).toBe(twice + 1);
    for (let index = twice + 1; index < 150; index++) await decideAll(whole[index]);
    const page = await reviewQueuePage(session, { chatId, limit: 100 });
    // The window ends with the queue: the page starts where the last hundred do.
    expect(page).toMatchObject({ firstUndecided: 150, offset: TAGGED - 100, focusIndex: null });
    expect(page.items).toEqual((await reviewQueue(session, chatId)).slice(TAGGED - 100));
    expect(firstUndecidedItem(await reviewQueue(session, chatId))).toBe(150);
  });

  it("gives the page holding the message asked for, and the first left to decide's when that message is not in the queue", async () => {
    const whole = await reviewQueue(session, chatId);
    const focus = whole[205]?.message.id ?? '';
    expect(await reviewQueuePage(session, { chatId, limit: 100, focus })).toMatchObject({ focusIndex: 205, offset: TAGGED - 100 });
    expect(await reviewQueuePage(session, { chatId, limit: 100, focus: whole[30]?.message.id ?? '' })).toMatchObject({ focusIndex: 30, offset: 0 });
    expect(await reviewQueuePage(session, { chatId, limit: 100, focus: 'm-no-such-message' })).toMatchObject({ focusIndex: null, offset: TAGGED - 100, firstUndecided: 150 });
  });

  it('keeps a message whose indicators are no longer found but which holds a decision, with it, in its place', async () => {
    const before = await reviewQueue(session, chatId);
    const gone = before[10];
    const [rowid = 0] = await session.db.client.call('rowidsForMessageIds', { ids: [gone?.message.id ?? ''] });
    await session.db.client.call('storeTagResults', { results: [{ rowid, tags: [], identifiers: [] }], tagger: MARKER_TAGGER_NAME });
    const whole = await reviewQueue(session, chatId);
    expect(whole).toHaveLength(TAGGED);
    expect(whole[10]).toMatchObject({ tags: [], message: { id: gone?.message.id } });
    expect(whole[10]?.noLongerFound.length).toBeGreaterThan(0);
    expect(await pagesOf(100)).toEqual(whole);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordDecision } from '../../engine/markers/review.ts';
import { reviewQueue } from '../support/review-queue.ts';
import { tempFolder, writeTemp } from '../support/temp-case.ts';
import { useUiSession } from '../support/ui-session.ts';

/**
 * The review queue is read from the engine a page at a time (all 57k items of a big conversation
 * took seconds to read and send). Opened where the analyst left off, far into the queue, the cursor
 * is on the first message left to decide, and the keys walk back into messages not read yet.
 */
const TAGGED = 400;
const DECIDED = 250;

function chat(): string {
  const lines: string[] = [];
  for (let index = 0; index < TAGGED; index++) {
    const minute = String(index % 60).padStart(2, '0');
    const hour = String(Math.floor(index / 60) % 24).padStart(2, '0');
    lines.push(`01/04/2024, ${hour}:${minute} - Boss: You owe me for the ticket, number ${index + 1}`);
  }
  return `${lines.join('\n')}\n`;
}

const ui = useUiSession();

describe('a review queue read a page at a time', () => {
  it('opens on the first message left to decide and walks back into earlier pages with the keys', async () => {
    const folder = tempFolder();
    const session = await ui.engine.openCase(join(folder, 'case'), true);
    await ui.engine.startImport([writeTemp(folder, 'WhatsApp Chat with Boss.txt', chat())], { timeZone: 'UTC' }).done;
    const chatId = (await session.db.client.call('conversationRisks', { limit: 1 }))[0]?.chatId ?? '';
    for (const item of (await reviewQueue(session, chatId)).slice(0, DECIDED)) {
      await recordDecision(session, { messageId: item.message.id, marker: item.tags[0]?.marker ?? '', decision: 'dismiss', by: 'analyst-a' });
    }
    const { page } = ui;
    await page.goto(ui.server.url);
    await page.getByTestId('view-review').click();
    await page.getByTestId('risk-item').first().click();
    const current = page.locator('[data-testid="review-item"][aria-current="true"]');
    await expect.poll(async () => (await current.textContent()) ?? '').toContain(`number ${DECIDED + 1}`);
    expect(await page.getByTestId('review-queue-earlier').textContent()).toContain(`${DECIDED - 10} before`);
    expect(await page.getByTestId('review-queue-more').textContent()).toContain(`${TAGGED - DECIDED - 90} left`);
    expect(await page.getByTestId('risk-item').first().textContent()).toContain(`${TAGGED - DECIDED} to decide`);

    // Back past the cards shown: the earlier messages are read and the cursor lands on them.
    await current.click();
    for (let step = 0; step < 20; step++) await page.keyboard.press('k');
    await expect.poll(async () => (await current.textContent()) ?? '').toContain(`number ${DECIDED - 19}`);
    await expect.poll(async () => page.locator('[data-testid="review-item"][aria-current="true"] [data-testid="review-tag"][data-decision="dismiss"]').count()).toBe(1);
    // A decision there counts at once in the list of conversations.
    await page.keyboard.press('c');
    await page.locator('[data-testid="review-item"][aria-current="true"] [data-testid="review-tag"][data-decision="confirm"]').waitFor();
    await expect.poll(async () => (await page.getByTestId('coverage-confirmed').textContent())?.trim()).toBe('1');
    expect(await page.getByTestId('risk-item').first().textContent()).toContain(`${TAGGED - DECIDED} to decide`);
    expect(await page.getByTestId('review-item-loading').count()).toBe(0);
    expect(ui.consoleErrors).toEqual([]);
  });
});

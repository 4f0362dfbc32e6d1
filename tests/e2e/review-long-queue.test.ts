import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder, writeTemp } from '../support/temp-case.ts';
import { SCREENSHOTS, useUiSession } from '../support/ui-session.ts';

/**
 * Regression: the review queue rendered every tagged message of the conversation at once. With
 * 56,398 (a chat where "owe" and "ticket" are everyday words) the queue took half a minute to
 * appear and every click or key seconds more. It shows a page of cards, follows the cursor, and
 * shows more or earlier cards on request.
 */
const TAGGED = 1_050;
const PAGE = 100;

function chat(): string {
  const lines: string[] = [];
  for (let index = 0; index < TAGGED; index++) {
    const minute = String(index % 60).padStart(2, '0');
    const hour = String(Math.floor(index / 60) % 24).padStart(2, '0');
    const day = String(1 + Math.floor(index / 1440)).padStart(2, '0');
    lines.push(`${day}/04/2024, ${hour}:${minute} - Boss: You owe me for the ticket, number ${index + 1}`);
  }
  return `${lines.join('\n')}\n`;
}

const ui = useUiSession();

describe('a review queue of many tagged messages', () => {
  it('shows a page of cards, moves it with the cursor and shows more on request', async () => {
    const folder = tempFolder();
    await ui.engine.openCase(join(folder, 'case'), true);
    await ui.engine.startImport([writeTemp(folder, 'WhatsApp Chat with Boss.txt', chat())], { timeZone: 'UTC' }).done;
    const { page } = ui;
    await page.goto(ui.server.url);
    await page.getByTestId('view-review').click();
    await page.getByTestId('risk-item').first().click();
    const cards = page.getByTestId('review-item');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(PAGE);
    expect(await page.getByTestId('review-queue-more').textContent()).toContain('950 left');
    // Counts in the thousands are grouped like every other count ("1050 to decide", "×1050" before).
    const risk = (await page.getByTestId('risk-item').first().textContent()) ?? '';
    for (const shown of ['×1,050', '1,050 tagged messages', '1,050 to decide', 'Boss (1,050)']) expect(risk).toContain(shown);
    expect(await page.getByTestId('review-queue-earlier').count()).toBe(0);

    // The keys walk past the last card shown: the cards follow the cursor.
    await cards.first().click();
    for (let step = 0; step < PAGE + 5; step++) await page.keyboard.press('j');
    const current = page.locator('[data-testid="review-item"][aria-current="true"]');
    await expect.poll(async () => (await current.textContent()) ?? '').toContain(`number ${PAGE + 6}`);
    expect(await cards.count()).toBeLessThanOrEqual(PAGE);
    expect(await current.isVisible()).toBe(true);
    expect(await page.getByTestId('review-queue-earlier').textContent()).toMatch(/\d+ before/u);
    await page.keyboard.press('c');
    await page.locator('[data-testid="review-item"][aria-current="true"] [data-testid="review-tag"][data-decision="confirm"]').waitFor();

    // More, then earlier, on request; the cursor stays where it was.
    await page.getByTestId('review-queue-more').click();
    await expect.poll(async () => cards.count()).toBe(2 * PAGE);
    await page.getByTestId('review-queue-earlier').click();
    await expect.poll(async () => cards.count()).toBe(2 * PAGE + (PAGE - 10));
    expect(await page.getByTestId('review-queue-earlier').count()).toBe(0);
    expect((await current.textContent()) ?? '').toContain(`number ${PAGE + 6}`);
    await expect.poll(async () => (await page.getByTestId('coverage-confirmed').textContent())?.trim()).toBe('1');
    expect(await page.getByTestId('risk-item').first().textContent()).toContain('1,049 to decide');
    await page.screenshot({ path: join(SCREENSHOTS, 'review-long-queue.png') });
    expect(ui.consoleErrors).toEqual([]);
  });
});

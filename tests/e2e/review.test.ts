import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import type { LoopbackServer } from '../../engine/loopback/server.ts';
import { startLoopbackServer } from '../../engine/loopback/server.ts';
import { launchChromium } from '../support/browser.ts';
import type { BuiltUi } from '../support/renderer-build-once.ts';
import { uiBuiltForRun } from '../support/renderer-build-once.ts';
import { REPO_ROOT, tempFolder, writeTemp } from '../support/temp-case.ts';

const SHOTS = join(REPO_ROOT, 'test-results', 'e2e');
const CHAT = [
  '01/04/2024, 10:00 - Boss: You owe me 2000 for the apartment and the ticket',
  '01/04/2024, 10:05 - Mira: ok',
  '02/04/2024, 22:00 - Boss: Give me your passport, I will keep it until you pay the debt',
  '03/04/2024, 09:00 - Boss: send me your location every hour',
].join('\n');

let engine: Engine;
let server: LoopbackServer;
let browser: Browser;
let page: Page;
let built: BuiltUi;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const folder = tempFolder();
  engine = new Engine({ mode: 'browser', actor: 'e2e-analyst' });
  await engine.openCase(join(folder, 'case'), true);
  await engine.startImport([writeTemp(folder, 'WhatsApp Chat with Boss.txt', CHAT)], { timeZone: 'UTC' }).done;
  // The UI as the source is now, built once for the run (a stale build/renderer was served before).
  built = await uiBuiltForRun();
  server = await startLoopbackServer({ engine, staticRoot: built.staticRoot, port: 0 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await engine?.dispose();
  built?.dispose();
});

describe('review in the browser', () => {
  it('ranks the conversation, confirms an indicator from the keyboard and counts it', async () => {
    await page.goto(server.url);
    await page.getByTestId('view-review').click();
    const risk = page.getByTestId('risk-item').first();
    await risk.waitFor();
    expect(await risk.textContent()).toContain('Boss');
    await risk.click();
    await page.getByTestId('review-item').first().waitFor();
    await page.getByTestId('review-item').first().click();
    await page.keyboard.press('c');
    await page.locator('[data-testid="review-tag"][data-decision="confirm"]').first().waitFor();
    await expect.poll(async () => (await page.getByTestId('coverage-confirmed').textContent())?.trim()).toBe('1');
    await page.screenshot({ path: join(SHOTS, '07-review.png') });
    const decisions = await engine.current().db.client.call('coverage', {});
    expect(decisions.byAnalyst[0]).toMatchObject({ by: 'e2e-analyst', decisions: 1 });
  });

  it('shows the indicators and the decision in the conversation too, with the words they point at marked', async () => {
    // The conversation view showed no indicator at all: only the Review view did.
    const confirmed = await page.locator('[data-testid="review-tag"][data-decision="confirm"]').first().getAttribute('data-marker');
    await page.getByTestId('view-messages').click();
    await page.getByTestId('conversation-item').first().click();
    const chips = page.getByTestId('message-indicator');
    await chips.first().waitFor();
    const shown = await chips.evaluateAll((items) => items.map((item) => [item.getAttribute('data-marker'), item.getAttribute('data-decision'), item.textContent]));
    expect(shown.filter(([marker, decision]) => marker === confirmed && decision === 'confirm')).toHaveLength(1);
    expect(shown.some(([, decision, text]) => decision === '' && text?.includes('not decided'))).toBe(true);
    const debtRow = page.locator('[data-testid="message-row"]', { hasText: 'You owe me 2000' });
    expect(await debtRow.locator('mark').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, '07b-conversation-indicators.png') });
  });

  it('regression: shows a decision made in the Review view when a search hit opens the conversation again', async () => {
    // The conversation's indicators were read again when the Messages tab or a review item
    // opened it, not when a search hit did: a decision made in the Review view in between was
    // shown as not decided (the view kept the queue it had read before).
    await page.getByTestId('view-messages').click();
    await page.getByTestId('conversation-item').first().click();
    await page.getByTestId('message-indicator').first().waitFor();
    expect(await page.locator('[data-testid="message-indicator"][data-decision="dismiss"]').count()).toBe(0);
    await page.getByTestId('view-review').click();
    await page.getByTestId('review-item').last().click();
    await page.keyboard.press('d');
    await page.locator('[data-testid="review-tag"][data-decision="dismiss"]').first().waitFor();
    await page.getByTestId('search-input').fill('location');
    await page.getByTestId('search-input').press('Enter');
    await page.getByTestId('search-hit').first().click();
    await page.locator('[data-testid="message-indicator"][data-decision="dismiss"]').first().waitFor({ timeout: 10_000 });
  });

  it('regression: shows the notes and the bookmark made in the Review view with the message in the conversation', async () => {
    // The conversation view showed the indicators and their decisions, never a note or a bookmark.
    const note = 'הדרכון אצלו — see 02/04';
    await page.getByTestId('view-review').click();
    const item = page.getByTestId('review-item').first();
    await item.getByTestId('review-note-input').fill(note);
    await item.getByTestId('review-note-save').click();
    await item.locator('.review-notes li', { hasText: note }).waitFor();
    await item.getByTestId('review-bookmark').click();
    await item.locator('[data-testid="review-bookmark"][aria-pressed="true"]').waitFor();
    await page.getByTestId('view-messages').click();
    await page.getByTestId('conversation-item').first().click();
    const row = page.locator('[data-testid="message-row"]', { has: page.getByTestId('message-note') });
    await row.first().waitFor({ timeout: 10_000 });
    expect(await row.count()).toBe(1);
    expect(await row.getByTestId('message-note').locator('.note-text').textContent()).toBe(note);
    expect(await row.getByTestId('message-note').textContent()).toContain('e2e-analyst');
    expect(await row.getByTestId('message-bookmarked').count()).toBe(1);
    expect(await row.getByTestId('message-note').locator('.note-text').evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    await page.screenshot({ path: join(SHOTS, '07c-conversation-notes.png') });
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useUiSession, SCREENSHOTS as SHOTS } from '../support/ui-session.ts';
import { REPO_ROOT, tempFolder } from '../support/temp-case.ts';

/**
 * The walking skeleton end to end: the real engine behind the loopback server, the built UI in
 * Debian's Chromium. Screenshots go to test-results/e2e/ as artifacts worth looking at.
 */
const FIXTURE = join(REPO_ROOT, 'fixtures', 'whatsapp', 'job-offer-android-24h.txt');

const ui = useUiSession();
const outsideRequests: string[] = [];
beforeAll(() => {
  ui.page.on('request', (request) => {
    if (!request.url().startsWith(`http://127.0.0.1:${ui.server.port}/`) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) outsideRequests.push(request.url());
  });
});

async function waitForTask(state: string): Promise<void> {
  await ui.page.locator(`[data-testid="import-task"][data-state="${state}"]`).first().waitFor({ timeout: 60_000 });
}

describe('browser mode, end to end', () => {
  it('refuses the API without the per-launch token', async () => {
    const response = await fetch(`http://127.0.0.1:${ui.server.port}/api/invoke/case.current`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
  });

  it('creates a case, imports a fixture, searches and jumps to the highlighted hit', async () => {
    await ui.page.goto(ui.server.url);
    await ui.page.getByTestId('case-path').fill(join(tempFolder(), 'e2e-case'));
    await ui.page.getByTestId('case-timezone').fill('Europe/Bucharest');
    await ui.page.getByTestId('case-create').click();
    await expect.poll(() => ui.page.getByTestId('case-name').textContent()).toBe('e2e-case');

    // Import through the browser's file input: the bytes are uploaded into the case's intake.
    await ui.page.getByTestId('import-input').setInputFiles(FIXTURE);
    // Nothing starts before the analyst has seen what the file is.
    const staged = ui.page.getByTestId('import-staged-list').locator('li');
    await staged.first().waitFor();
    expect(await staged.first().getAttribute('data-format')).toBe('whatsapp-txt');
    expect(await ui.page.locator('[data-testid="import-task"]').count()).toBe(0);
    await ui.page.getByTestId('import-staged-start').click();
    await waitForTask('DONE');
    await ui.page.getByTestId('conversation-item').first().waitFor();
    await ui.page.screenshot({ path: join(SHOTS, '01-imported.png') });

    await ui.page.getByTestId('search-input').fill('passport');
    await ui.page.getByTestId('search-input').press('Enter');
    const hit = ui.page.getByTestId('search-hit').first();
    await hit.waitFor();
    expect(await ui.page.getByTestId('search-total').textContent()).toMatch(/\b1\b/);
    expect(await hit.locator('mark').first().textContent()).toBe('passport');
    await ui.page.screenshot({ path: join(SHOTS, '02-search-hit.png') });

    await hit.click();
    const focused = ui.page.locator('[data-testid="message-row"][data-focused="true"]');
    await focused.waitFor();
    expect(await focused.getAttribute('data-seq')).toBe('3');
    expect(await focused.locator('mark').first().textContent()).toBe('passport');
    expect(await focused.textContent()).toContain('Recruiter Dan');
    await ui.page.screenshot({ path: join(SHOTS, '03-jumped-to-message.png') });

    // What the importer kept beyond the common fields is one click away: the media placeholder
    // says it is the export's wording, not the person's.
    const media = ui.page.locator('[data-testid="message-row"]', { hasText: 'Media omitted' }).first();
    await media.getByTestId('source-facts').locator('summary').click();
    const placeholder = media.locator('[data-fact="placeholder"]');
    await placeholder.waitFor();
    expect(await placeholder.textContent()).toContain('export placeholder');
    expect(await placeholder.locator('dd').textContent()).toBe('yes');
    await ui.page.screenshot({ path: join(SHOTS, '03b-source-facts.png') });
  });

  it('keeps the case name and its figures in view on a narrow window', async () => {
    const original = ui.page.viewportSize();
    await ui.page.setViewportSize({ width: 1024, height: 700 });
    try {
      const box = async (selector: string) => {
        const found = await ui.page.locator(selector).first().boundingBox();
        if (found === null) throw new Error(`${selector} is not shown`);
        return found;
      };
      // The name once shrank to nothing when the figures beside it did not fit.
      expect((await box('[data-testid="case-name"]')).width).toBeGreaterThan(20);
      const identity = await box('.case-identity');
      expect(identity.x + identity.width).toBeLessThanOrEqual((await box('.view-switch')).x);
      for (const figure of ['case-message-count', 'case-source-count']) {
        const shown = await box(`[data-testid="${figure}"]`);
        expect(shown.x + shown.width).toBeLessThanOrEqual(identity.x + identity.width + 0.5);
        expect(shown.y + shown.height).toBeLessThanOrEqual(identity.y + identity.height + 0.5);
      }
      // "Close case" on one line, as tall as its neighbours.
      expect((await box('[data-testid="case-close"]')).height).toBe((await box('[data-testid="export-open"]')).height);
      await ui.page.screenshot({ path: join(SHOTS, '03c-narrow-header.png') });
    } finally {
      if (original !== null) await ui.page.setViewportSize(original);
    }
  });

  it('imports a file dropped on the panel, with progress shown as a task', async () => {
    const bytes = readFileSync(join(REPO_ROOT, 'fixtures', 'whatsapp', 'job-offer-android-24h.txt'), 'utf8').replaceAll('restaurant', 'bakery');
    const dataTransfer = await ui.page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped-chat.txt', { type: 'text/plain' }));
      return transfer;
    }, bytes);
    const zone = ui.page.getByTestId('import-dropzone');
    await zone.dispatchEvent('dragenter', { dataTransfer });
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
    await ui.page.getByTestId('import-staged-list').locator('li[data-format="whatsapp-txt"]').waitFor();
    await ui.page.getByTestId('import-staged-start').click();
    await expect.poll(async () => ui.page.locator('[data-testid="import-task"][data-state="DONE"]').count(), { timeout: 60_000 }).toBe(2);
    await expect.poll(async () => ui.page.getByTestId('conversation-item').count()).toBe(2);
    await ui.page.getByTestId('search-input').fill('bakery');
    await ui.page.getByTestId('search-input').press('Enter');
    await ui.page.getByTestId('search-hit').first().waitFor();
    await ui.page.screenshot({ path: join(SHOTS, '04-dropped-file.png') });
  });

  it('exports a package from the search, verifies it, and names the file after tampering', async () => {
    const bag = join(tempFolder(), 'package');
    await ui.page.getByTestId('search-input').fill('passport');
    await ui.page.getByTestId('search-input').press('Enter');
    await ui.page.getByTestId('search-hit').first().waitFor();
    await ui.page.getByTestId('export-open').click();
    expect(await ui.page.getByTestId('export-select').inputValue()).toBe('query');
    expect(await ui.page.getByTestId('export-select-value').inputValue()).toBe('passport');
    await ui.page.getByTestId('export-out').fill(bag);
    await ui.page.getByTestId('export-start').click();
    await ui.page.locator('[data-testid="export-task"][data-state="DONE"]').waitFor({ timeout: 60_000 });
    await ui.page.screenshot({ path: join(SHOTS, '05-exported.png') });
    await ui.page.getByText('Close', { exact: true }).first().click();

    await ui.page.getByTestId('verify-open').click();
    await ui.page.getByTestId('verify-path').fill(bag);
    await ui.page.getByTestId('verify-start').click();
    await ui.page.locator('[data-testid="verify-result"][data-ok="true"]').waitFor();
    const csv = join(bag, 'data', 'messages.csv');
    const bytes = readFileSync(csv);
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 1;
    writeFileSync(csv, bytes);
    await ui.page.getByTestId('verify-start').click();
    await ui.page.locator('[data-testid="verify-result"][data-ok="false"]').waitFor();
    expect(await ui.page.getByTestId('verify-result').textContent()).toContain('data/messages.csv');
    await ui.page.screenshot({ path: join(SHOTS, '06-verify-failed.png') });
    await ui.page.getByText('Close', { exact: true }).first().click();
  });

  it('renders right-to-left text right to left and makes no outside request', async () => {
    await ui.page.getByTestId('conversation-item').first().click();
    const hebrew = ui.page.getByText('מתי אני מקבלת את הכסף?');
    await hebrew.first().waitFor();
    const direction = await hebrew.first().evaluate((element) => getComputedStyle(element).direction);
    expect(direction).toBe('rtl');
    expect(outsideRequests).toEqual([]);
    expect(ui.consoleErrors.filter((text) => !text.includes('favicon'))).toEqual([]);
  });
});

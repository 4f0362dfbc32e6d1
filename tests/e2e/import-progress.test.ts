import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useUiSession, SCREENSHOTS as SHOTS, createCaseInUi, importSourceRow } from '../support/ui-session.ts';
import { generateWhatsAppExport } from '../support/generate-whatsapp.ts';
import { REPO_ROOT, tempFolder, writeTemp } from '../support/temp-case.ts';

/**
 * The import dialog's per-source progress, end to end in Debian's Chromium against the real
 * engine on loopback: three sources of three formats (names in three scripts), one bar each,
 * and a single source cancelled while the import goes on.
 */
/** Big enough that the source is still being read or tagged when Cancel is clicked. */
const BIG_MESSAGES = 150_000;

const ui = useUiSession({ height: 1000 });

const sourceRow = (name: string) => importSourceRow(ui.page, name);

describe('import dialog, per-source progress', () => {
  it('shows one bar per source with its format, then each source’s counts', async () => {
    await createCaseInUi(ui, 'progress-case');

    const folder = tempFolder();
    const files = [
      copy(folder, join('whatsapp', 'job-offer-android-24h.txt'), 'job-offer.txt'),
      copy(folder, join('telegram', 'single-chat.json'), 'чат-телеграм.json'),
      copy(folder, join('sms-xml', 'backup.xml'), 'رسائل-الهاتف.xml'),
    ];
    await ui.page.getByTestId('import-input').setInputFiles(files);
    const staged = ui.page.getByTestId('import-staged-list').locator('li');
    await staged.nth(2).waitFor();
    expect((await Promise.all([0, 1, 2].map((index) => staged.nth(index).getAttribute('data-format')))).sort()).toEqual(['sms-backup-restore-xml', 'telegram-json', 'whatsapp-txt']);
    await ui.page.getByTestId('import-staged-start').click();
    const task = ui.page.locator('[data-testid="import-task"]').first();
    await task.locator('[data-testid="import-source"]').nth(2).waitFor({ timeout: 60_000 });
    await ui.page.locator('[data-testid="import-task"][data-state="DONE"]').waitFor({ timeout: 60_000 });

    const rows = task.locator('[data-testid="import-source"]');
    expect(await rows.count()).toBe(3);
    const bars = task.getByRole('progressbar', { name: /^Progress of / });
    expect(await bars.count()).toBe(3);
    for (let index = 0; index < 3; index++) {
      expect(await bars.nth(index).getAttribute('aria-valuenow')).toBe('100');
      expect(await rows.nth(index).getAttribute('data-state')).toBe('done');
    }
    // What the ui.engine stored, per source, is what each row says.
    const { sources } = await ui.engine.current().db.client.call('caseSummary', {});
    expect(sources).toHaveLength(3);
    for (const source of sources) {
      const row = sourceRow(source.displayName);
      expect(await row.getByTestId('import-source-format').textContent()).toBe(source.format);
      // The case counts unparsed records among its rows; the row names them apart.
      const parsed = source.messageCount - source.unparsedCount;
      const unparsed = source.unparsedCount > 0 ? ` · ${source.unparsedCount} unparsed` : '';
      expect(await row.getByTestId('import-source-counts').textContent()).toMatch(new RegExp(`^${parsed.toLocaleString('en-US')} messages?\\b.*${unparsed}`));
    }
    expect(new Set(sources.map((source) => source.format)).size).toBe(3);
    // Names in Cyrillic and Arabic are shown as they are, each in its own direction.
    const arabic = sourceRow('رسائل-الهاتف.xml').locator('.import-source-name');
    expect(await arabic.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    expect(await sourceRow('чат-телеграм.json').getByRole('progressbar').getAttribute('aria-label')).toBe('Progress of чат-телеграм.json');
    expect(await task.getByTestId('import-tally').textContent()).toBe('3 of 3 sources finished');
    await task.screenshot({ path: join(SHOTS, '08-import-three-sources.png') });
    await ui.page.screenshot({ path: join(SHOTS, '09-import-three-sources-ui.page.png') });
  }, 120_000);

  it('cancels one source while the import goes on with the next; "Retry failed" retries only the failed one', async () => {
    await ui.page.getByText('Clear finished').click();
    const folder = tempFolder();
    writeTemp(folder, 'a-big-export.txt', generateWhatsAppExport(BIG_MESSAGES, 21));
    writeTemp(folder, 'b-small-export.txt', generateWhatsAppExport(300, 22));
    // Refused by the SMS importer once it is recorded: a failed source with a row in the case.
    copy(folder, join('sms-xml', 'external-entity.xml'), 'c-refused.xml');
    await ui.page.getByTestId('import-path').fill(folder);
    await ui.page.getByTestId('import-path-submit').click();

    const task = ui.page.locator('[data-testid="import-task"][data-state="RUNNING"]');
    const big = task.locator('[data-testid="import-source"][data-index="0"]');
    // Cancelled while it is hashed or sniffed, a source is never recorded (import-files.ts); its
    // format is shown once it is recorded (beginSource), so the cancel below finds it in the case.
    await big.getByTestId('import-source-format').filter({ hasText: 'whatsapp-txt' }).waitFor({ timeout: 60_000 });
    expect(await task.getByTestId('import-cancel').textContent()).toBe('Cancel all');
    await task.screenshot({ path: join(SHOTS, '10-import-in-progress.png') });
    await big.getByRole('button', { name: 'Cancel a-big-export.txt' }).click();

    // Pinned by its sources, not by position: the retry below adds a task of its own, which can
    // finish first and would then be the first finished task in the list.
    const finished = ui.page.locator('[data-testid="import-task"][data-state="DONE"]', { has: ui.page.locator('.import-source-name', { hasText: 'a-big-export.txt' }) });
    await finished.waitFor({ timeout: 120_000 });
    const rows = finished.locator('[data-testid="import-source"]');
    expect(await rows.nth(0).getAttribute('data-state')).toBe('cancelled');
    expect(await rows.nth(0).getByTestId('import-source-note').textContent()).toContain('cancelled by the user');
    expect(await rows.nth(1).getAttribute('data-state')).toBe('done');
    expect(await rows.nth(1).getByTestId('import-source-counts').textContent()).toMatch(/^300 messages/);
    expect(await rows.nth(2).getAttribute('data-state')).toBe('failed');
    // The cancelled source is offered on its own, never with "Retry failed".
    await rows.nth(0).getByRole('button', { name: 'Import a-big-export.txt again' }).waitFor();
    expect(await rows.nth(2).getByTestId('import-source-again').count()).toBe(0);
    await finished.getByTestId('import-retry-failed').waitFor();
    await finished.screenshot({ path: join(SHOTS, '11-import-one-cancelled.png') });

    const { sources, messageCount, unparsedCount } = await ui.engine.current().db.client.call('caseSummary', {});
    expect(sources.find((source) => source.displayName === 'a-big-export.txt')?.status).toBe('cancelled');
    expect(sources.find((source) => source.displayName === 'b-small-export.txt')?.status).toBe('imported');
    expect(sources.find((source) => source.displayName === 'c-refused.xml')?.status).toBe('failed');
    // The case counts messages as the import summary does (a source's messageCount holds its unparsed records too).
    const imported = sources.filter((source) => source.status === 'imported');
    expect(messageCount).toBe(imported.reduce((total, source) => total + source.messageCount - source.unparsedCount, 0));
    expect(unparsedCount).toBe(imported.reduce((total, source) => total + source.unparsedCount, 0));

    // The sources panel says "cancelled" and counts only the failed source as one to retry.
    await ui.page.getByTestId('sources-toggle').click();
    const cancelledItem = ui.page.locator('[data-testid="source-item"][data-status="cancelled"]');
    expect(await cancelledItem.textContent()).toContain('cancelled — nothing kept');
    await cancelledItem.getByTestId('source-import-again').waitFor();
    expect(await ui.page.getByTestId('sources-retry').textContent()).toBe('Retry 1 failed');

    await finished.getByTestId('import-retry-failed').click();
    await finished.getByText('Retrying 1 source(s).').waitFor();
    const retry = ui.page.locator('[data-testid="import-task"][data-state="DONE"]', { hasNot: ui.page.locator('.import-source-name', { hasText: 'a-big-export.txt' }) });
    await retry.waitFor({ timeout: 60_000 });
    expect(await retry.locator('.import-source-name').allTextContents()).toEqual(['c-refused.xml']);
    const after = await ui.engine.current().db.client.call('caseSummary', {});
    expect(after.sources.filter((source) => source.displayName === 'a-big-export.txt').map((source) => source.status)).toEqual(['cancelled']);
    expect(ui.consoleErrors.filter((text) => !text.includes('favicon'))).toEqual([]);
  }, 180_000);
});

function copy(folder: string, fixture: string, name: string): string {
  const target = join(folder, name);
  copyFileSync(join(REPO_ROOT, 'fixtures', fixture), target);
  return target;
}

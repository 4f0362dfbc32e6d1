import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useUiSession, SCREENSHOTS as SHOTS, createCaseInUi, importSourceRow } from '../support/ui-session.ts';
import { generateWhatsAppExport } from '../support/generate-whatsapp.ts';
import { tempFolder, writeTemp } from '../support/temp-case.ts';

/**
 * What the analyst declares in the import panel (a CSV column mapping, a device time zone, a day
 * and month order) reaches every way a file is imported from it: dropped or picked files, and
 * "Import again" of a cancelled source, in the import summary and in the sources panel. In
 * Debian's Chromium against the real engine on loopback.
 */
const CSV = ['sent_at,from,body,thread', '2024-04-05T21:00:00Z,Dorin,Ai ajuns?,Dorin', '2024-04-05T21:01:00Z,me,"Da, la gară",Dorin', ''].join('\n');
const CSV_MAPPING = '{"timestamp":"sent_at","sender":"from","text":"body","chat":"thread","timestampFormat":"iso"}';
const ZONE = 'Asia/Jerusalem';
/** Big enough that the source is still being read when its Cancel is clicked. */
const BIG_MESSAGES = 150_000;

const ui = useUiSession({ height: 1200 });

async function caseSources() {
  return (await ui.engine.current().db.client.call('caseSummary', {})).sources;
}

describe('options declared in the import panel', () => {
  it('imports a dropped CSV table with the column mapping its "not recognised" reason points to', async () => {
    await createCaseInUi(ui, 'declared-options-case');
    await ui.page.getByTestId('import-input').setInputFiles(writeTemp(tempFolder(), 'chat-export.csv', CSV));
    const item = ui.page.getByTestId('import-staged-list').locator('li', { hasText: 'chat-export.csv' });
    await item.waitFor();
    expect(await item.innerText()).toContain('"CSV column mapping" in the import panel');

    // The analyst does what the reason says: opens the mapping, types it, starts the import.
    await ui.page.locator('.csv-mapping summary').click();
    await ui.page.getByTestId('import-csv-map').fill(CSV_MAPPING);
    // With the mapping typed, the staged list says what Import will do: read the table as CSV.
    await ui.page.getByTestId('import-staged-list').locator('li[data-format="csv"]', { hasText: 'chat-export.csv' }).waitFor();
    expect(await ui.page.getByTestId('import-staged').locator('p').first().innerText()).toMatch(/^1 of 1 recognised/u);
    await ui.page.getByTestId('import-staged-start').click();
    await ui.page.locator('[data-testid="import-task"][data-state="DONE"]').first().waitFor({ timeout: 30_000 });

    const row = importSourceRow(ui.page, 'chat-export.csv');
    expect(await row.getAttribute('data-state')).toBe('done');
    expect(await row.getByTestId('import-source-counts').innerText()).toMatch(/^2 messages/u);
    expect((await caseSources()).find((source) => source.displayName === 'chat-export.csv')?.format).toBe('csv');
    await ui.page.locator('.import-panel').screenshot({ path: join(SHOTS, 'declared-01-csv-mapping.png') });
  }, 60_000);

  it('checks a CSV path with the typed column mapping, as Import will read it', async () => {
    const csv = writeTemp(tempFolder(), 'checked.csv', CSV);
    await ui.page.getByTestId('import-path').fill(csv);
    await ui.page.getByTestId('import-path-detect').click();
    await ui.page.getByTestId('import-detected').locator('li[data-format="csv"]', { hasText: 'checked.csv' }).waitFor();
    // A header without the mapped columns is still not a CSV the import can read.
    await ui.page.getByTestId('import-csv-map').fill('{"timestamp":"date","sender":"user","text":"message"}');
    await ui.page.getByTestId('import-path-detect').click();
    const refused = ui.page.getByTestId('import-detected').locator('li[data-format=""]', { hasText: 'checked.csv' });
    await refused.waitFor();
    expect(await refused.innerText()).toContain('missing: date, user, message');
    await ui.page.getByTestId('import-path').fill('');
    await ui.page.getByTestId('import-csv-map').fill('');
  }, 30_000);

  it('refuses a staged start whose mapping is not JSON, keeping the files staged', async () => {
    await ui.page.getByTestId('import-csv-map').fill('{timestamp: sent_at');
    await ui.page.getByTestId('import-input').setInputFiles(writeTemp(tempFolder(), 'second.csv', CSV));
    await ui.page.getByTestId('import-staged-list').locator('li', { hasText: 'second.csv' }).waitFor();
    await ui.page.getByTestId('import-staged-start').click();
    await ui.page.locator('.notice', { hasText: 'The CSV column mapping must be JSON' }).waitFor();
    expect(await ui.page.getByTestId('import-staged').count()).toBe(1);
    await ui.page.getByTestId('import-staged-discard').click();
    await ui.page.getByTestId('import-csv-map').fill('');
    await ui.page.getByText('Clear finished').click();
  }, 30_000);

  it('imports a cancelled source again in the zone and day/month order the analyst declared for it, not the case setting or an inferred order', async () => {
    const folder = tempFolder();
    writeTemp(folder, 'a-big-export.txt', generateWhatsAppExport(BIG_MESSAGES, 31));
    writeTemp(folder, 'b-small-export.txt', generateWhatsAppExport(50, 32));
    await ui.page.locator('.import-time summary').click();
    await ui.page.getByTestId('import-tz').fill(ZONE);
    await ui.page.getByTestId('import-date-order').selectOption('dmy');
    await ui.page.getByTestId('import-path').fill(folder);
    await ui.page.getByTestId('import-path-submit').click();

    const task = ui.page.locator('[data-testid="import-task"][data-state="RUNNING"]');
    const big = task.locator('[data-testid="import-source"][data-index="0"]');
    // Read, not only hashed: its record (with the zone it was read in) exists once reading starts.
    await big.locator('[data-testid="import-source-state"]', { hasText: /reading|storing|detecting|looking/ }).waitFor({ timeout: 60_000 });
    // The small one is cancelled while it waits, the big one while it is read.
    await task.getByRole('button', { name: 'Cancel b-small-export.txt' }).click();
    await big.getByRole('button', { name: 'Cancel a-big-export.txt' }).click();
    const finished = ui.page.locator('[data-testid="import-task"][data-state="DONE"]');
    await finished.waitFor({ timeout: 120_000 });
    expect(await importSourceRow(ui.page, 'b-small-export.txt').getAttribute('data-state')).toBe('cancelled');

    // The zone field now serves the next import; "Import again" is about the one cancelled.
    await ui.page.getByTestId('import-tz').fill('');
    await ui.page.getByTestId('import-date-order').selectOption('');
    await importSourceRow(ui.page, 'b-small-export.txt').getByRole('button', { name: 'Import b-small-export.txt again' }).click();
    await ui.page.locator('[data-testid="import-task"][data-state="DONE"]').nth(1).waitFor({ timeout: 60_000 });
    const small = (await caseSources()).find((source) => source.displayName === 'b-small-export.txt' && source.status === 'imported');
    expect(small?.timeZone).toBe(ZONE);
    expect(small?.timeZoneOrigin).toBe('flag');
    // The day/month order the analyst declared is applied again, not inferred anew.
    expect(small?.details['dateOrder']).toBe('dmy');
    expect(small?.details['dateOrderSource']).toBe('override');
  }, 180_000);

  it('imports a cancelled source again from the sources panel in its declared zone', async () => {
    const cancelled = (await caseSources()).find((source) => source.displayName === 'a-big-export.txt');
    expect(cancelled?.status).toBe('cancelled');
    expect(cancelled?.timeZone).toBe(ZONE);
    await ui.page.getByTestId('sources-toggle').click();
    const item = ui.page.locator('[data-testid="source-item"][data-status="cancelled"]', { hasText: 'a-big-export.txt' });
    await item.getByTestId('source-import-again').click();
    // The new record is written, with its zone, as soon as the import of it starts; the rest is not needed.
    const again = ui.page.locator('[data-testid="import-task"][data-state="RUNNING"]');
    await again.waitFor({ timeout: 30_000 });
    let started: Awaited<ReturnType<typeof caseSources>>[number] | undefined;
    for (let tries = 0; tries < 300 && started === undefined; tries++) {
      started = (await caseSources()).find((source) => source.displayName === 'a-big-export.txt' && source.id !== cancelled?.id);
      if (started === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(started?.timeZone).toBe(ZONE);
    expect(started?.timeZoneOrigin).toBe('flag');
    // And in the day/month order declared for it: the record says so before anything is read.
    expect(started?.details['declaredDateOrder']).toBe('dmy');
    await again.getByTestId('import-cancel').click();
    await ui.page.locator('[data-testid="import-task"][data-state="RUNNING"]').waitFor({ state: 'detached', timeout: 60_000 });
  }, 120_000);

  it('offers "Retry failed" only for failed sources a retry can read again, not for files that are no export', async () => {
    await ui.page.getByText('Clear finished').click();
    const folder = tempFolder();
    writeTemp(folder, 'chat.txt', generateWhatsAppExport(20, 33));
    writeTemp(folder, 'Thumbs.db', new Uint8Array(100));
    writeTemp(folder, 'report.pdf', '%PDF-1.4 a report, not a chat');
    await ui.page.getByTestId('import-path').fill(folder);
    await ui.page.getByTestId('import-path-submit').click();
    const task = ui.page.locator('[data-testid="import-task"][data-state="DONE"]');
    await task.waitFor({ timeout: 60_000 });
    // Each refused file says why, in its row; none is a source of the case a retry could read again.
    for (const name of ['Thumbs.db', 'report.pdf']) {
      const row = importSourceRow(ui.page, name);
      expect(await row.getAttribute('data-state')).toBe('failed');
      expect(await row.getByTestId('import-source-note').innerText()).toContain('matches no supported export format');
    }
    // A button whose only answer would be "moved, or imported since" (neither is true) is not offered.
    expect(await task.getByTestId('import-retry-failed').count()).toBe(0);
    expect(ui.consoleErrors.filter((text) => !text.includes('favicon'))).toEqual([]);
  }, 60_000);
});

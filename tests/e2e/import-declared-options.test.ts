import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useUiSession, SCREENSHOTS as SHOTS, createCaseInUi, importSourceRow } from '../support/ui-session.ts';
import { tempFolder, writeTemp } from '../support/temp-case.ts';

/**
 * What the analyst declares in the import panel (a CSV column mapping) reaches every way a file
 * is imported from it: dropped or picked files as well as a path. In Debian's Chromium against
 * the real engine on loopback.
 */
const CSV = ['sent_at,from,body,thread', '2024-04-05T21:00:00Z,Dorin,Ai ajuns?,Dorin', '2024-04-05T21:01:00Z,me,"Da, la gară",Dorin', ''].join('\n');
const CSV_MAPPING = '{"timestamp":"sent_at","sender":"from","text":"body","chat":"thread","timestampFormat":"iso"}';

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
    await ui.page.getByTestId('import-staged-start').click();
    await ui.page.locator('[data-testid="import-task"][data-state="DONE"]').first().waitFor({ timeout: 30_000 });

    const row = importSourceRow(ui.page, 'chat-export.csv');
    expect(await row.getAttribute('data-state')).toBe('done');
    expect(await row.getByTestId('import-source-counts').innerText()).toMatch(/^2 messages/u);
    expect((await caseSources()).find((source) => source.displayName === 'chat-export.csv')?.format).toBe('csv');
    await ui.page.locator('.import-panel').screenshot({ path: join(SHOTS, 'declared-01-csv-mapping.png') });
  }, 60_000);

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
});

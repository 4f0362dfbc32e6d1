import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useUiSession, SCREENSHOTS as SHOTS, createCaseInUi } from '../support/ui-session.ts';
import { REPO_ROOT } from '../support/temp-case.ts';

/**
 * The import panel's device and time zone fields, end to end: files dropped together land in one
 * folder (two of them with the same name), so the parts of one Messenger thread meet in one
 * conversation; each source records the device and time zone the analyst gave (ADR 0014).
 */
const THREAD = join(REPO_ROOT, 'fixtures', 'meta', 'inbox', 'irina_8842');
const DEVICE = 'Exhibit 7 – telefonul Irinei';

const ui = useUiSession();

describe('import options in the browser', () => {
  it('records the declared device and zone on each source and merges the parts of one export', async () => {
    await createCaseInUi(ui, 'device-case');

    await ui.page.getByTestId('import-device').fill(DEVICE);
    await ui.page.getByText('Time zone and date order').click();
    await ui.page.getByTestId('import-tz').fill('Asia/Tokyo');
    // Both parts under one name, as a browser gives files picked from two folders.
    await ui.page.getByTestId('import-input').setInputFiles([
      { name: 'message_1.json', mimeType: 'application/json', buffer: readFileSync(join(THREAD, 'message_1.json')) },
      { name: 'message_1.json', mimeType: 'application/json', buffer: readFileSync(join(THREAD, 'message_2.json')) },
    ]);
    // The staged list says what the files are and which device they will be recorded as.
    await ui.page.getByTestId('import-staged-list').locator('li[data-format="meta-messages-json"]').nth(1).waitFor();
    expect(await ui.page.getByTestId('import-staged').textContent()).toContain(`2 of 2 recognised, to be recorded as device ${DEVICE}`);
    await ui.page.getByTestId('import-staged-start').click();
    await ui.page.locator('[data-testid="import-task"][data-state="DONE"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => ui.page.getByTestId('conversation-item').count()).toBe(1);
    expect(await ui.page.getByTestId('conversation-device').textContent()).toBe(DEVICE);

    await ui.page.getByTestId('sources-toggle').click();
    const devices = ui.page.getByTestId('source-device');
    await expect.poll(() => devices.count()).toBe(2);
    expect(await devices.allTextContents()).toEqual([`device ${DEVICE}`, `device ${DEVICE}`]);
    const sources = await ui.engine.current().db.client.call('caseSummary', {});
    expect(sources.sources.map((source) => [source.device, source.timeZone, source.status])).toEqual([
      [DEVICE, 'Asia/Tokyo', 'imported'],
      [DEVICE, 'Asia/Tokyo', 'imported'],
    ]);
    expect(new Set(sources.sources.map((source) => join(source.path, '..'))).size).toBe(1);
    expect(sources.sources.map((source) => source.displayName).sort()).toEqual(['message_1 (2).json', 'message_1.json']);
    await ui.page.screenshot({ path: join(SHOTS, '09-import-device.png') });
    expect(ui.consoleErrors).toEqual([]);
  });

  it('discards staged files without importing them', async () => {
    await ui.page.getByTestId('import-input').setInputFiles([{ name: 'notes.bin', mimeType: 'application/octet-stream', buffer: Buffer.from([0, 1, 2, 3, 255]) }]);
    const item = ui.page.getByTestId('import-staged-list').locator('li');
    await item.first().waitFor();
    expect(await item.first().textContent()).toContain('not recognised');
    const tasksBefore = await ui.page.locator('[data-testid="import-task"]').count();
    await ui.page.getByTestId('import-staged-discard').click();
    await ui.page.getByTestId('import-staged').waitFor({ state: 'detached' });
    expect(await ui.page.locator('[data-testid="import-task"]').count()).toBe(tasksBefore);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp-case.ts';
import { createCaseInUi, useUiSession } from '../support/ui-session.ts';

/**
 * A conversation that grows while it is open is read again. One read by time that comes into time order while it is open (another part of the
 * thread merged in, so it is ordered by time and has no time order of its own): the view reads it
 * in the source's order from then on, and must not show the pages it read by time at the places
 * of the other order.
 */
const ui = useUiSession();

/** An SMS backup of one conversation, each message `minute` minutes after 18:20 UTC on 5 April 2024. */
function backup(folder: string, name: string, texts: [number, string][]): string {
  const sms = texts.map(([minute, body]) => `  <sms protocol="0" address="+40712345678" date="${1712340000000 + minute * 60_000}" type="1" subject="null" body="${body}" toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" date_sent="0" sub_id="1" readable_date="x" contact_name="Dorin" />`);
  const path = join(folder, name);
  writeFileSync(path, `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<!--File Created By SMS Backup &amp; Restore v10.20.002-->\n<smses count="${texts.length}" backup_date="1712400000000" type="full">\n${sms.join('\n')}\n</smses>\n`);
  return path;
}

describe('a conversation that another source merges into while it is open', () => {
  it('is read afresh in the source order, not from the pages read before', async () => {
    await createCaseInUi(ui, 'merge-while-open-case');
    const folder = tempFolder();
    const device = 'Exhibit 8';
    await ui.engine.startImport([backup(folder, 'sms-1.xml', [[0, 'zero'], [1, 'one']])], { timeZone: 'UTC', device }).done;
    await ui.page.reload();
    await ui.page.getByTestId('conversation-item').first().click();
    const firstRow = ui.page.getByTestId('message-row').first();
    await expect.poll(() => firstRow.textContent()).toContain('zero');
    await ui.engine.startImport([backup(folder, 'sms-2.xml', [[-2, 'first message'], [-1, 'second message']])], { timeZone: 'UTC', device }).done;
    await expect.poll(() => firstRow.textContent()).toContain('first message');
    await expect.poll(() => ui.page.getByTestId('message-row').count()).toBe(4);
    expect(ui.consoleErrors).toEqual([]);
    // The next test creates a case of its own.
    await ui.page.getByTestId('case-close').click();
    await ui.page.getByTestId('case-path').waitFor();
  });
});

describe('a long conversation that grows while it is read', () => {
  it('keeps its scroll place and shows the new messages (it was mounted again at the top)', async () => {
    await createCaseInUi(ui, 'grow-while-open-case');
    const folder = tempFolder();
    const device = 'Exhibit 10';
    const early: [number, string][] = Array.from({ length: 600 }, (_, index) => [index, `early ${index}`]);
    await ui.engine.startImport([backup(folder, 'sms-1.xml', early)], { timeZone: 'UTC', device }).done;
    await ui.page.reload();
    await ui.page.getByTestId('conversation-item').first().click();
    const list = ui.page.getByTestId('message-list');
    await expect.poll(() => ui.page.getByTestId('message-row').first().textContent()).toContain('early 0');
    // Somewhere in the middle, on the second page of 200.
    await list.evaluate((element) => (element.scrollTop = element.scrollHeight / 2));
    await expect.poll(() => ui.page.locator('[data-testid="message-row"][data-seq="300"]').count()).toBe(1);
    const before = await list.evaluate((element) => element.scrollTop);
    expect(before).toBeGreaterThan(1000);
    await ui.engine.startImport([backup(folder, 'sms-2.xml', [[700, 'late one'], [701, 'late two']])], { timeZone: 'UTC', device }).done;
    await expect.poll(() => ui.page.locator('#message-view-title + p').textContent()).toContain('602 messages');
    // Give the list its refresh; the view was mounted again (scrollTop 0) before.
    await expect.poll(() => ui.page.locator('[data-testid="message-row"][data-seq="300"]').count()).toBe(1);
    expect(Math.abs((await list.evaluate((element) => element.scrollTop)) - before)).toBeLessThan(50);
    await list.press('End');
    await expect.poll(() => ui.page.getByTestId('message-row').last().textContent()).toContain('late two');
    expect(ui.consoleErrors).toEqual([]);
    await ui.page.getByTestId('case-close').click();
    await ui.page.getByTestId('case-path').waitFor();
  });
});

describe('a conversation read by time that comes into time order', () => {
  it('is read afresh, not from the pages read by time', async () => {
    await createCaseInUi(ui, 'time-order-merge-case');
    const folder = tempFolder();
    // Two SMS backups of one phone: the first lists 21:02 before 21:00 and 21:01 (a clock put back).
    const first = backup(folder, 'sms-1.xml', [[2, 'put back'], [0, 'zero'], [1, 'one']]);
    const second = backup(folder, 'sms-2.xml', [[-2, 'first message'], [-1, 'second message']]);
    const device = 'Exhibit 9';
    await ui.engine.startImport([first], { timeZone: 'UTC', device }).done;
    await ui.page.reload();
    await ui.page.getByTestId('conversation-item').first().click();
    await ui.page.getByTestId('order-note').waitFor();
    await ui.page.getByTestId('order-time').click();
    const firstRow = ui.page.getByTestId('message-row').first();
    await expect.poll(() => firstRow.getAttribute('data-seq')).not.toBe('0');
    // The second backup merges in: the conversation is ordered by time (seq), its first message from the second backup.
    await ui.engine.startImport([second], { timeZone: 'UTC', device }).done;
    await ui.page.getByTestId('order-note').waitFor({ state: 'detached' });
    await expect.poll(() => firstRow.textContent()).toContain('first message');
    expect(await firstRow.getAttribute('data-seq')).toBe('0');
    expect(ui.consoleErrors).toEqual([]);
  });
});

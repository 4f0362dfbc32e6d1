import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp-case.ts';
import { createCaseInUi, SCREENSHOTS, useUiSession } from '../support/ui-session.ts';

/**
 * A conversation whose source lists messages out of time order (the phone's clock put back two
 * hours after 300 messages) is read as the source lists it, says so, and can be read by time;
 * a search hit opened while reading by time is found at its place by time. 450 messages: more
 * than two pages of the view, so places by time are not seq numbers on any page.
 */
const ui = useUiSession();

function clockPutBackExport(): string {
  const line = (index: number, minutes: number): string => {
    const hours = String(Math.floor(minutes / 60)).padStart(2, '0');
    // The first screen's messages hold a debt indicator, so their words are marked.
    const debt = index < 10 ? ' You owe me 2000 for the apartment and the ticket' : '';
    return `01/02/2024, ${hours}:${String(minutes % 60).padStart(2, '0')} - Ana: message ${index} token${index}${debt}`;
  };
  const lines = Array.from({ length: 450 }, (_value, index) => (index < 300 ? line(index, 10 * 60 + Math.floor(index / 2)) : line(index, 8 * 60 + (index - 300))));
  return `${lines.join('\n')}\n`;
}

describe('a conversation listed out of time order', () => {
  it('is read as the source lists it, says how many messages are out of order, and can be read by time', async () => {
    await createCaseInUi(ui, 'time-order-case');
    const file = join(tempFolder(), 'WhatsApp Chat with Ana.txt');
    writeFileSync(file, clockPutBackExport());
    await ui.engine.startImport([file], { timeZone: 'UTC' }).done;
    await ui.page.reload();
    await ui.page.getByTestId('conversation-item').first().click();

    const note = ui.page.getByTestId('order-note');
    // Messages 300–449 (08:00–10:29) come after message 299 (12:29).
    await expect.poll(() => note.textContent()).toContain('150 messages of 450 have a time earlier than a message listed before them');
    const firstRow = ui.page.getByTestId('message-row').first();
    await expect.poll(() => firstRow.textContent()).toContain('message 0 ');
    await expect.poll(() => firstRow.locator('mark').count()).toBeGreaterThan(0);
    expect(await ui.page.getByTestId('order-source').isChecked()).toBe(true);

    const focused = ui.page.locator('[data-testid="message-row"][data-focused="true"]');
    const placeOf = async (): Promise<number> => Number(await focused.locator('xpath=ancestor::div[@data-index]').getAttribute('data-index'));
    await ui.page.getByTestId('order-time').click();
    expect(await ui.page.getByTestId('order-time').isChecked()).toBe(true);
    // The message in view stays in view, centred and outlined: with message 0 at the top, a
    // message of the first screen, now after the 120 put-back messages of 08:00–09:59.
    await focused.waitFor();
    expect(await focused.getAttribute('data-seq')).toMatch(/^\d$/u);
    // It keeps its indicator's marks (the order change's jump, without marks of its own, blanked them).
    await expect.poll(() => focused.locator('mark').count()).toBeGreaterThan(0);
    expect(await placeOf()).toBeGreaterThanOrEqual(120);
    // By time the conversation opens with message 300 (08:00), the earliest.
    await ui.page.getByTestId('message-list').press('Home');
    await expect.poll(() => ui.page.getByTestId('message-row').first().textContent()).toContain('message 300 ');
    await ui.page.screenshot({ path: join(SCREENSHOTS, '15-conversation-by-time.png') });

    // Message 5 (10:02, with message 4) has seq 5 and place 127 by time: before it come the 122
    // put-back messages of 08:00–10:01 (300–421) and messages 0–4; message 422, also 10:02, after.
    await ui.page.getByTestId('search-input').fill('token5');
    await ui.page.getByTestId('search-input').press('Enter');
    await ui.page.getByTestId('search-hit').first().click();
    await expect.poll(() => focused.textContent()).toContain('message 5 token5');
    expect(await focused.getAttribute('data-seq')).toBe('5');
    expect(await placeOf()).toBe(127);

    // Back to the source's order, message 5 kept in view at its seq.
    await ui.page.getByTestId('order-source').click();
    await expect.poll(() => ui.page.getByTestId('order-source').isChecked()).toBe(true);
    await expect.poll(placeOf).toBe(5);
    expect(ui.consoleErrors).toEqual([]);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useUiSession, SCREENSHOTS as SHOTS, createCaseInUi } from '../support/ui-session.ts';
import { tempFolder, writeTemp } from '../support/temp-case.ts';

/**
 * Who an e-mail went to, in the UI: the conversation's header and list name the recipients with
 * their addresses (not only the sender), and with: finds the e-mail by a recipient.
 */
const MAIL = [
  'Message-ID: <offer-1@agency.example>',
  'Date: Tue, 5 Mar 2024 09:00:00 +0100',
  'From: Agency <jobs@agency.example>',
  'To: Irina Pop <irina.pop@example.ro>, maria@example.ro',
  'Cc: "Driver, Van" <van@transport.example>',
  'Subject: Contract',
  '',
  'Plecarea e luni. Pasapoartele raman la noi.',
  '',
].join('\r\n');

const ui = useUiSession();

describe('e-mail recipients in the UI', () => {
  it('shows the recipients in the conversation header and finds the e-mail with with:', async () => {
    await createCaseInUi(ui, 'mail-case');
    await ui.page.getByTestId('import-path').fill(writeTemp(tempFolder(), 'offer.eml', MAIL));
    await ui.page.getByTestId('import-path-submit').click();
    await ui.page.locator('[data-testid="import-task"][data-state="DONE"]').waitFor({ timeout: 60_000 });

    const everyone = 'Agency <jobs@agency.example>, Irina Pop <irina.pop@example.ro>, maria@example.ro, "Driver, Van" <van@transport.example>';
    const item = ui.page.getByTestId('conversation-item').first();
    await item.waitFor();
    expect(await item.locator('.conversation-participants').textContent()).toBe(everyone);
    await item.click();
    await expect.poll(() => ui.page.locator('.message-view-head p').textContent()).toContain(everyone);

    await ui.page.getByTestId('search-input').fill('with:van@transport.example');
    await ui.page.getByTestId('search-input').press('Enter');
    await ui.page.getByTestId('search-hit').first().waitFor();
    expect(await ui.page.getByTestId('search-hit').count()).toBe(1);
    await ui.page.screenshot({ path: join(SHOTS, 'email-recipients.png') });
    expect(ui.consoleErrors.filter((text) => !text.includes('favicon'))).toEqual([]);
  }, 120_000);
});

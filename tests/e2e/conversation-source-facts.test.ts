import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { BASE_MS, BUGLE_SCHEMA, PEOPLE_AND_CONVERSATIONS, messageSql, textPartSql } from '../support/bugle-db-schema.ts';
import { tempFolder, writeTemp } from '../support/temp-case.ts';
import { createCaseInUi, SCREENSHOTS as SHOTS, useUiSession } from '../support/ui-session.ts';

/**
 * A bugle_db conversation's columns no reader knows are shown in the conversation's header. The
 * conversation list no longer carries them (it says only how many sources kept some): the header
 * asks for the one conversation's facts (conversations.facts) when it is shown.
 */
async function bugleWithSnippet(): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.exec(`${BUGLE_SCHEMA}${PEOPLE_AND_CONVERSATIONS}
    UPDATE conversations SET snippet_text = 'see you at the depot', archive_status = 1 WHERE _id = 1;
    ${messageSql({ id: 1, conversation: 1, sender: 2, received: BASE_MS, protocol: 0, status: 100 }, [textPartSql(1, 1, 'meet at the depot')])}
    ${messageSql({ id: 2, conversation: 2, sender: 4, received: BASE_MS + 1000, protocol: 0, status: 100 }, [textPartSql(2, 2, 'who drives?')])}`);
  const bytes = db.export();
  db.close();
  return bytes;
}

const ui = useUiSession();

function conversationTitled(title: string) {
  return ui.page.getByTestId('conversation-item').filter({ has: ui.page.locator('.conversation-title', { hasText: new RegExp(`^${title}$`, 'u') }) });
}

describe('a conversation\'s source facts in the UI', () => {
  it('shows them in the header of the conversation shown, each conversation its own', async () => {
    await createCaseInUi(ui, 'facts-case');
    await ui.page.getByTestId('import-path').fill(writeTemp(tempFolder(), 'bugle_db', await bugleWithSnippet()));
    await ui.page.getByTestId('import-path-submit').click();
    await ui.page.locator('[data-testid="import-task"][data-state="DONE"]').waitFor({ timeout: 60_000 });

    await conversationTitled('Ana Pop').click();
    const facts = ui.page.getByTestId('chat-source-facts');
    await facts.waitFor();
    expect(await facts.locator('summary').textContent()).toMatch(/^Conversation source facts \(\d+\)$/u);
    await facts.locator('summary').click();
    expect(await facts.textContent()).toContain('see you at the depot');
    await ui.page.screenshot({ path: join(SHOTS, 'conversation-source-facts.png') });

    await conversationTitled('Crew').click();
    await expect.poll(() => ui.page.locator('#message-view-title').textContent()).toBe('Crew');
    // Its conversation row keeps facts too (bugle_db's non-zero defaults, notification_enabled…), its own, not Ana's.
    await ui.page.getByTestId('chat-source-facts').locator('summary').click();
    await expect.poll(() => ui.page.getByTestId('chat-source-facts').textContent()).toContain('notification');
    expect(await ui.page.getByTestId('chat-source-facts').textContent()).not.toContain('see you at the depot');
    expect(ui.consoleErrors.filter((text) => !text.includes('favicon'))).toEqual([]);
  }, 120_000);
});

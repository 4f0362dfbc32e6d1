import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordDecision } from '../../engine/markers/review.ts';
import { MARKER_TAGGER_NAME } from '../../shared/markers/index.ts';
import { tempFolder, writeTemp } from '../support/temp-case.ts';
import { createCaseInUi, SCREENSHOTS as SHOTS, useUiSession } from '../support/ui-session.ts';

/**
 * A confirm on an indicator the marker packs no longer find (after "Look for indicators again")
 * vanished from the review (review). In the browser: its conversation is still listed, the
 * message shows the decision apart with the tagger and pack that no longer find it, coverage
 * counts it apart, and the analyst can decide again.
 */
const CHAT = ['01/04/2024, 10:00 - Boss: You owe me 2000 for the apartment and the ticket', '01/04/2024, 10:05 - Mira: ok'].join('\n');

const ui = useUiSession();

describe('decisions on indicators no longer found, in the Review view', () => {
  it('lists the conversation, shows the decision apart, counts it, and takes a new decision', async () => {
    await createCaseInUi(ui, 'no-longer-found-case');
    await ui.page.getByTestId('import-path').fill(writeTemp(tempFolder(), 'WhatsApp Chat with Boss.txt', CHAT));
    await ui.page.getByTestId('import-path-submit').click();
    await ui.page.locator('[data-testid="import-task"][data-state="DONE"]').waitFor({ timeout: 60_000 });

    const session = ui.engine.current();
    const [risk] = await session.db.client.call('conversationRisks', { limit: 1 });
    const [rowid = 0] = await session.db.client.call('reviewQueueRowids', { chatId: risk?.chatId ?? '' });
    const [message] = await session.db.client.call('messagesByRowids', { rowids: [rowid] });
    await recordDecision(session, { messageId: message?.id ?? '', marker: 'debt-bondage', decision: 'confirm', by: 'analyst-a' });
    // What looking for indicators again stores when the packs no longer find any in the message.
    await session.db.client.call('storeTagResults', { results: [{ rowid, tags: [], identifiers: [] }], tagger: MARKER_TAGGER_NAME });

    await ui.page.getByTestId('view-review').click();
    await expect.poll(() => ui.page.getByTestId('risk-no-longer-found').textContent()).toBe('1 decision on indicators no longer found');
    await ui.page.getByTestId('risk-item').first().click();
    const kept = ui.page.getByTestId('review-no-longer-found');
    await kept.waitFor();
    expect(await kept.getAttribute('data-decision')).toBe('confirm');
    expect(await kept.textContent()).toMatch(/no longer found by threadline-markers \S+, debt-bondage pack \S+/u);
    expect(await kept.textContent()).toContain('confirmed by analyst-a');
    await expect.poll(async () => (await ui.page.getByTestId('coverage-no-longer-found').textContent())?.trim()).toBe('1');
    expect((await ui.page.getByTestId('coverage-confirmed').textContent())?.trim()).toBe('0');
    await ui.page.screenshot({ path: join(SHOTS, 'review-indicators-no-longer-found.png') });

    await ui.page.getByTestId('review-no-longer-found-dismiss').click();
    await expect.poll(() => kept.getAttribute('data-decision')).toBe('dismiss');

    // Reading the conversation shows the decision too, marked as on an indicator no longer found.
    await ui.page.getByTestId('view-messages').click();
    await ui.page.getByTestId('conversation-item').first().click();
    const inConversation = ui.page.getByTestId('message-indicator-no-longer-found');
    await inConversation.waitFor();
    expect(await inConversation.getAttribute('data-decision')).toBe('dismiss');
    expect(await inConversation.textContent()).toBe('Debt bondage · dismissed · no longer found');
    expect(ui.consoleErrors.filter((text) => !text.includes('favicon'))).toEqual([]);
  }, 120_000);
});

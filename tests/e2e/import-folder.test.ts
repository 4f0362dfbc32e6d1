import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useUiSession, SCREENSHOTS as SHOTS, createCaseInUi } from '../support/ui-session.ts';
import { REPO_ROOT, tempFolder } from '../support/temp-case.ts';

/**
 * A folder chosen in the browser (browser mode cannot read paths): its files are uploaded in
 * their places under one folder of the case's intake, and that folder is imported, so a chat
 * export's media are found beside its text as on the seized disk.
 */
const CHAT = readFileSync(join(REPO_ROOT, 'fixtures', 'whatsapp', 'job-offer-android-24h.txt'), 'utf8');
const PHOTO = Buffer.from('not really a jpeg, but bytes to hash');

const ui = useUiSession();

describe('a folder imported from the browser', () => {
  it('uploads the folder’s files in their places and finds the chat’s media beside it', async () => {
    const exportFolder = join(tempFolder(), 'WhatsApp Chat - Elena');
    mkdirSync(exportFolder, { recursive: true });
    // A line before the first header (a note someone added) is kept raw, and the row says why.
    writeFileSync(join(exportFolder, 'WhatsApp Chat with Elena.txt'), `copied from Elena's phone\n${CHAT.replace('Elena: <Media omitted>', 'Elena: IMG-20240312-WA0001.jpg (file attached)')}`);
    writeFileSync(join(exportFolder, 'IMG-20240312-WA0001.jpg'), PHOTO);

    await createCaseInUi(ui, 'folder-case');

    await ui.page.getByTestId('import-folder-input').setInputFiles(exportFolder);
    await ui.page.getByTestId('import-staged-list').locator('li[data-format="whatsapp-txt"]').waitFor();
    await ui.page.getByTestId('import-staged-start').click();
    await ui.page.locator('[data-testid="import-task"][data-state="DONE"]').first().waitFor({ timeout: 60_000 });
    await ui.page.getByTestId('conversation-item').first().click();
    const media = ui.page.locator('[data-testid="message-row"]', { hasText: 'IMG-20240312-WA0001.jpg' }).first();
    await media.waitFor();
    // Found beside the chat (uploaded into the same folder), hashed: not "file not found".
    expect(await media.locator('.media-placeholder').textContent()).toMatch(/IMG-20240312-WA0001\.jpg \(image\) · hashed · sha256 [0-9a-f]{12}/u);
    expect(await ui.page.getByTestId('unparsed-reason').first().textContent()).toBe('Not read as a message: lines before the first message header');
    await ui.page.screenshot({ path: join(SHOTS, '10-import-folder.png') });

    const sources = await ui.engine.current().db.client.call('caseSummary', {});
    const chat = sources.sources.find((source) => source.format === 'whatsapp-txt');
    // The folder keeps its name and the chat its place in it, inside the drop's intake folder.
    expect(chat?.path).toMatch(/intake\/batch-[0-9a-f]+\/WhatsApp Chat - Elena\/WhatsApp Chat with Elena\.txt$/u);
  });
});

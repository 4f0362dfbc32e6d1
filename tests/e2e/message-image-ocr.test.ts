import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveOcrSettings } from '../../engine/ocr/ocr-options.ts';
import { textPng } from '../support/ocr-images.ts';
import { tempFolder } from '../support/temp-case.ts';
import { createCaseInUi, SCREENSHOTS, useUiSession } from '../support/ui-session.ts';

/**
 * A message whose attached image was read by OCR shows, in the conversation, the image and the
 * text read from it; a search hit on a word only in that text opens the conversation with the
 * word marked there (the reviewer found the row with nothing to see and nothing marked).
 */
const ui = useUiSession({}, 180_000);

describe('the image of a message and the text OCR read from it, in the conversation', () => {
  it('shows the thumbnail and the OCR text, and marks a search hit in the image text', async () => {
    await createCaseInUi(ui, 'message-image-ocr-case');
    const folder = tempFolder();
    writeFileSync(join(folder, 'IMG-20240402-WA0001.png'), await textPng(['Meet at the warehouse', 'give me your passport'], { fontSize: 40 }));
    writeFileSync(join(folder, 'WhatsApp Chat with Boss.txt'), ['02/04/2024, 22:01 - Mira: IMG-20240402-WA0001.png (file attached)', '02/04/2024, 22:02 - Mira: see above'].join('\n'));
    await ui.engine.startImport([folder], { timeZone: 'UTC' }).done;
    await ui.engine.startOcr(resolveOcrSettings({})).done;
    await ui.page.reload();

    await ui.page.getByTestId('conversation-item').first().click();
    const row = ui.page.locator('[data-testid="message-row"]', { has: ui.page.getByTestId('message-image') }).first();
    await row.waitFor();
    // The thumbnail is the image's own bytes, served from the case (a blob: URL, no network).
    const thumbnail = row.getByTestId('message-image-thumb').locator('img');
    await thumbnail.waitFor();
    expect(await thumbnail.getAttribute('src')).toMatch(/^blob:/u);
    const ocrText = row.getByTestId('message-ocr-text');
    await expect.poll(() => ocrText.textContent()).toMatch(/warehouse/iu);
    expect(await ocrText.getAttribute('dir')).toBe('auto');
    expect(await row.getByTestId('message-ocr-label').textContent()).toMatch(/machine-read.*tesseract\.js/iu);
    // An indicator read from the image (document control) has its words marked in the image text, as in message text.
    const chip = row.getByTestId('message-indicator').filter({ hasText: 'in its image text' });
    await chip.first().waitFor();
    expect((await ocrText.locator('mark').allTextContents()).join(' ')).toMatch(/^give me passport$/iu);
    await ui.page.screenshot({ path: join(SCREENSHOTS, '40-message-image-ocr.png') });

    // The thumbnail opens the image viewer with the image and its text.
    await row.getByTestId('message-image-thumb').click();
    await expect.poll(() => ui.page.getByTestId('image-ocr-text').textContent()).toMatch(/warehouse/iu);
    await ui.page.screenshot({ path: join(SCREENSHOTS, '40b-message-image-viewer.png') });
    await ui.page.getByTestId('image-viewer-close').click();
    await expect.poll(() => ui.page.getByTestId('image-ocr-text').count()).toBe(0);

    await ui.page.getByTestId('search-input').fill('warehouse');
    await ui.page.getByTestId('search-input').press('Enter');
    const hit = ui.page.getByTestId('search-hit').first();
    await hit.waitFor();
    await hit.click();
    const focused = ui.page.locator('[data-testid="message-row"][data-focused="true"]');
    await focused.waitFor();
    const marked = focused.getByTestId('message-ocr-text').locator('mark');
    await expect.poll(() => marked.allTextContents()).toEqual([expect.stringMatching(/^warehouse$/iu)]);
    // The message's own text has no such word, so nothing is marked there.
    expect(await focused.locator('.message-text mark').count()).toBe(0);
    await ui.page.screenshot({ path: join(SCREENSHOTS, '41-message-image-ocr-search-hit.png') });
    expect(ui.consoleErrors).toEqual([]);
  }, 180_000);
});

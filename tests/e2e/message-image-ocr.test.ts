import { mkdirSync, writeFileSync } from 'node:fs';
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
    // The viewer opened from the hit marks the searched word too, as the Images view's does (it marked none).
    await focused.getByTestId('message-image-thumb').click();
    await expect.poll(() => ui.page.getByTestId('image-ocr-text').locator('mark').allTextContents()).toEqual([expect.stringMatching(/^warehouse$/iu)]);
    await ui.page.getByTestId('image-viewer-close').click();
    expect(ui.consoleErrors).toEqual([]);
  }, 180_000);

  it('folds a long text read from a screenshot until asked for, and lays out right-to-left text as written', async () => {
    const folder = join(tempFolder(), 'Screens');
    mkdirSync(folder);
    writeFileSync(join(folder, 'long.png'), await textPng(['placeholder']));
    await ui.engine.startImport([folder], { timeZone: 'UTC' }).done;
    // Stored directly, as image-viewer-ocr does: the layout is under test, not what Tesseract reads.
    const db = ui.engine.current().db.client;
    const image = (await db.call('listImages', { chatId: null, limit: 10, offset: 0 })).images.find((each) => each.fileName === 'long.png');
    const location = image === undefined ? null : await db.call('attachmentLocation', { attachmentId: image.attachmentId });
    if (image === undefined || location === null) throw new Error('the screenshot was not imported');
    const arabic = Array.from({ length: 12 }, (_value, index) => `أين جواز سفري ${index + 1}`).join('\n');
    await db.call('storeOcr', {
      result: {
        attachmentId: image.attachmentId, messageRowid: location.messageRowid, text: arabic, searchableText: arabic, confidence: 88, lang: 'ara', words: [], engine: { name: 'tesseract.js', version: '7.0.0' },
        traineddata: [], parameters: {}, tookMs: 1, createdAt: '2026-11-30T12:00:00.000Z',
      },
    });
    await ui.page.reload();
    await ui.page.getByTestId('conversation-item').filter({ hasText: 'Screens' }).first().click();
    const row = ui.page.locator('[data-testid="message-row"]', { has: ui.page.getByTestId('message-image') }).first();
    await row.waitFor();
    const folded = row.getByTestId('message-ocr-folded');
    expect(await folded.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    expect(await folded.locator('summary').textContent()).toMatch(/machine-read.*tesseract\.js 7\.0\.0.*88 %.*text in ara/iu);
    await folded.locator('summary').click();
    const text = row.getByTestId('message-ocr-text');
    await expect.poll(() => text.isVisible()).toBe(true);
    expect(await text.getAttribute('dir')).toBe('auto');
    expect(await text.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    await ui.page.screenshot({ path: join(SCREENSHOTS, '42-message-image-ocr-rtl-long.png') });
    expect(ui.consoleErrors).toEqual([]);
  }, 120_000);
});

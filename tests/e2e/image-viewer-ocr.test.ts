import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textPng } from '../support/ocr-images.ts';
import { tempFolder } from '../support/temp-case.ts';
import { createCaseInUi, SCREENSHOTS, useUiSession } from '../support/ui-session.ts';

/**
 * The image viewer shows the words OCR read that are searched (50 % or more) and, on request,
 * every word it read. The OCR result is stored directly, with chosen confidences, so the test
 * does not depend on what Tesseract makes of a picture.
 */
const ui = useUiSession();

describe('the text of an image in the viewer', () => {
  it('shows the searched words, and every word read on request', async () => {
    await createCaseInUi(ui, 'ocr-viewer-case');
    const folder = join(tempFolder(), 'screens');
    mkdirSync(folder);
    writeFileSync(join(folder, 'shot.png'), await textPng(['Meet at the station']));
    await ui.engine.startImport([folder], { timeZone: 'UTC' }).done;
    const db = ui.engine.current().db.client;
    const [image] = (await db.call('listImages', { chatId: null, limit: 10, offset: 0 })).images;
    const location = image === undefined ? null : await db.call('attachmentLocation', { attachmentId: image.attachmentId });
    if (image === undefined || location === null) throw new Error('the screenshot was not imported');
    const box = { x0: 10, y0: 10, x1: 60, y1: 40 };
    await db.call('storeOcr', {
      result: {
        attachmentId: image.attachmentId,
        messageRowid: location.messageRowid,
        text: 'Meet at RR\nthe station EE',
        searchableText: 'Meet at\nthe station',
        confidence: 70,
        lang: 'eng',
        words: [['Meet', 96], ['at', 95], ['RR', 12], ['the', 96], ['station', 97], ['EE', 31]].map(([text, confidence]) => ({ text: String(text), confidence: Number(confidence), bbox: box })),
        engine: { name: 'test' },
        traineddata: [],
        parameters: { searchable: { minWordConfidence: 50, letterOrDigit: true } },
        tookMs: 1,
        createdAt: '2026-11-30T12:00:00.000Z',
      },
    });

    await ui.page.getByTestId('view-images').click();
    await ui.page.getByTestId('image-tile').first().click();
    const text = ui.page.getByTestId('image-ocr-text');
    await expect.poll(() => text.textContent()).toBe('Meet at\nthe station');
    expect(await ui.page.getByTestId('image-ocr-shown').textContent()).toContain('Showing the words read with 50 % or more.');
    await ui.page.getByTestId('image-ocr-all-words').click();
    await expect.poll(() => text.textContent()).toBe('Meet at RR\nthe station EE');
    expect(await ui.page.getByTestId('image-ocr-all-words').getAttribute('aria-pressed')).toBe('true');
    await ui.page.screenshot({ path: join(SCREENSHOTS, '14-image-viewer-ocr-words.png') });
    expect(ui.consoleErrors).toEqual([]);
  });
});

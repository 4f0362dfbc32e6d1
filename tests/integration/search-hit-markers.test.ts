import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSession } from '../../engine/case/case-session.ts';
import { Engine } from '../../engine/engine.ts';
import { resolveOcrSettings } from '../../engine/ocr/ocr-options.ts';
import { searchCase } from '../../engine/search/search-case.ts';
import { telegramMessage, telegramPage } from '../support/telegram-html-markup.ts';
import { tempFolder } from '../support/temp-case.ts';

describe('a search hit whose indicator is both in its text and in its image', () => {
  let engine: Engine;
  let session: CaseSession;

  beforeAll(async () => {
    const folder = join(tempFolder(), 'ChatExport_2025-12-05');
    mkdirSync(join(folder, 'photos'), { recursive: true });
    const file = 'photo_1@03-12-2025_19-01-00.jpg';
    await sharp(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="900" height="124"><rect width="100%" height="100%" fill="white"/><text x="24" y="70" font-family="DejaVu Sans" font-size="34" fill="black">We took your passport</text></svg>')).jpeg().toFile(join(folder, 'photos', file));
    const media = `<div class="media_wrap clearfix"><a class="photo_wrap clearfix pull_left" href="photos/${file}"><img class="photo" src="photos/${file}" style="width: 260px; height: 195px"/></a></div>`;
    writeFileSync(join(folder, 'messages.html'), telegramPage([telegramMessage(1, 'Marta', `${media}<div class="text">They keep your passport</div>`)]));
    engine = new Engine({ mode: 'cli', actor: 'ocr-test' });
    session = await engine.openCase(join(tempFolder(), 'case'), true);
    await engine.startImport([folder], { timeZone: 'UTC' }).done;
    await engine.startOcr(resolveOcrSettings({})).done;
  }, 180_000);

  afterAll(async () => {
    await engine.dispose();
  });

  it('names the indicator once', async () => {
    const found = await searchCase(session, 'marker:document-control has:ocr', 10, 0);
    expect(found.total).toBe(1);
    expect(found.hits[0]?.markers).toEqual(['document-control']);
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSession } from '../../engine/case/case-session.ts';
import { Engine } from '../../engine/engine.ts';
import { resolveOcrSettings } from '../../engine/ocr/ocr-options.ts';
import { telegramMessage, telegramPage, telegramText } from '../support/telegram-html-markup.ts';
import { tempFolder } from '../support/temp-case.ts';

describe('a phone number read from an image, when the case is tagged again', () => {
  let engine: Engine;
  let session: CaseSession;

  beforeAll(async () => {
    // Two chats: one writes the number, the other sends a screenshot of it.
    const written = join(tempFolder(), 'ChatExport_2025-12-05');
    mkdirSync(written, { recursive: true });
    writeFileSync(join(written, 'messages.html'), telegramPage([telegramMessage(1, 'Marta', telegramText('call 0721 000 111 tonight'))], 'Marta'));
    const shown = join(tempFolder(), 'ChatExport_2025-12-06');
    mkdirSync(join(shown, 'photos'), { recursive: true });
    const file = 'photo_1@03-12-2025_19-01-00.jpg';
    await sharp(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="900" height="124"><rect width="100%" height="100%" fill="white"/><text x="24" y="70" font-family="DejaVu Sans" font-size="34" fill="black">Call 0721 000 111 tonight</text></svg>')).jpeg().toFile(join(shown, 'photos', file));
    const media = `<div class="media_wrap clearfix"><a class="photo_wrap clearfix pull_left" href="photos/${file}"><img class="photo" src="photos/${file}" style="width: 260px; height: 195px"/></a></div>`;
    writeFileSync(join(shown, 'messages.html'), telegramPage([telegramMessage(1, 'Ion', media)], 'Ion'));
    engine = new Engine({ mode: 'cli', actor: 'ocr-test' });
    session = await engine.openCase(join(tempFolder(), 'case'), true);
    await engine.startImport([written, shown], { timeZone: 'UTC' }).done;
    await engine.startOcr(resolveOcrSettings({})).done;
  }, 180_000);

  afterAll(async () => {
    await engine.dispose();
  });

  it('still links the two chats that share it', async () => {
    const shared = async () => (await session.db.client.call('sharedIdentifiers', { limit: 10 })).map((found) => [found.kind, found.value, found.chats]);
    const before = await shared();
    expect(before).toEqual([['phone', expect.stringMatching(/721000111$/u), 2]]);
    await engine.startRetag().done;
    expect(await shared()).toEqual(before);
  });
});

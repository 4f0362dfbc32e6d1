import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import { resolveOcrSettings } from '../../engine/ocr/ocr-options.ts';
import { SearchIndex } from '../../engine/search/search-index.ts';
import { searchCase } from '../../engine/search/search-case.ts';
import { tempFolder } from '../support/temp-case.ts';

async function screenshot(path: string, lines: string[]): Promise<void> {
  const text = lines.map((line, index) => `<text x="24" y="${70 + index * 64}" font-family="DejaVu Sans" font-size="34" fill="black">${line}</text>`).join('');
  await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${60 + lines.length * 64}"><rect width="100%" height="100%" fill="white"/>${text}</svg>`)).png().toFile(path);
}

describe('the process dies after OCR results are stored but before the index is written', () => {
  let engine = new Engine({ mode: 'cli', actor: 'ocr-test' });

  afterAll(async () => {
    await engine.dispose();
  });

  it('makes the words read from images searchable again when the case is next opened', async () => {
    const shots = join(tempFolder(), 'screenshots');
    mkdirSync(shots);
    await screenshot(join(shots, 'threat.png'), ['We took your passport']);
    const casePath = join(tempFolder(), 'case');
    const session = await engine.openCase(casePath, true);
    await engine.startImport([shots], { timeZone: 'UTC' }).done;
    // The index write that would follow the stored results never happens (a crash, a full disk).
    vi.spyOn(session.index, 'persist').mockRejectedValueOnce(new Error('killed before the index was written'));
    await expect(engine.startOcr(resolveOcrSettings({})).done).rejects.toThrow(/killed/u);
    expect((await session.db.client.call('listImages', { chatId: null, limit: 10, offset: 0 })).images[0]?.ocrText).toMatch(/passport/u);
    await engine.dispose();
    engine = new Engine({ mode: 'cli', actor: 'ocr-test' });
    const reopened = await engine.openCase(casePath, false);
    // The stored results are not read again (they are no longer pending): the index must get them back.
    expect((await searchCase(reopened, 'passport has:ocr', 10, 0)).total).toBe(1);
    expect((await searchCase(reopened, 'marker:document-control', 10, 0)).total).toBe(1);
  }, 180_000);

  it('keeps the mark while a writer is still at work when another task writes the index', async () => {
    const casePath = tempFolder();
    const index = await SearchIndex.open(casePath);
    try {
      const endOcr = index.beginDerivedWrites();
      // An import finishing meanwhile persists the index; the OCR run's later results are not in it.
      await index.persist([]);
      expect(existsSync(join(casePath, 'index', 'derived-writes-pending'))).toBe(true);
      endOcr();
      await index.persist([]);
      expect(existsSync(join(casePath, 'index', 'derived-writes-pending'))).toBe(false);
    } finally {
      await index.close();
    }
  });
});

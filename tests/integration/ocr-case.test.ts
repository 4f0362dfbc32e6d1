import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSession } from '../../engine/case/case-session.ts';
import { Engine } from '../../engine/engine.ts';
import { resolveOcrSettings } from '../../engine/ocr/ocr-options.ts';
import { searchCase } from '../../engine/search/search-case.ts';
import type { ImportSummary } from '../../shared/domain/import.ts';
import { isSearchableOcrWord, SEARCHABLE_OCR_CONFIDENCE } from '../../shared/domain/ocr-searchable.ts';
import { tempFolder, writeTemp } from '../support/temp-case.ts';
import { buildZip } from '../support/zip-writer.ts';
import { markIndexAsOlderFormat } from '../support/index-rebuild.ts';

async function screenshot(path: string, lines: string[]): Promise<void> {
  const text = lines.map((line, index) => `<text x="24" y="${70 + index * 64}" font-family="DejaVu Sans" font-size="34" fill="black">${line}</text>`).join('');
  await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${60 + lines.length * 64}"><rect width="100%" height="100%" fill="white"/>${text}</svg>`)).png().toFile(path);
}

describe('images in a case are read, indexed and tagged', () => {
  let engine: Engine;
  let session: CaseSession;
  let summary: ImportSummary;

  beforeAll(async () => {
    const folder = tempFolder();
    const shots = join(folder, 'screenshots');
    mkdirSync(shots);
    await screenshot(join(shots, 'ad.png'), ['Job in Germany, good pay', 'Call 0721 000 111 tonight']);
    writeTemp(shots, 'broken.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    // A chat export with its own media beside it: the image is that message's attachment, not a new item.
    await screenshot(join(folder, 'IMG-20240402-WA0001.jpg'), ['Contract signed']);
    writeTemp(folder, 'WhatsApp Chat with Boss.txt', ['02/04/2024, 22:01 - Mira: IMG-20240402-WA0001.jpg (file attached)', '02/04/2024, 22:02 - Mira: see above'].join('\n'));
    // An iOS export zip: its photo stays inside the zip until OCR copies it into the case store.
    const photo = join(tempFolder(), 'photo.png');
    await screenshot(photo, ['Reisepass abgeben']);
    const chat = ['[12/03/2024, 09:15:01] Ana: see photo', '[12/03/2024, 09:15:10] Ana: \u200e<attached: 00000035-PHOTO-2024-03-12-09-15-10.png>'].join('\r\n');
    writeTemp(folder, 'WhatsApp Chat - Ana.zip', buildZip([{ name: '_chat.txt', data: chat }, { name: '00000035-PHOTO-2024-03-12-09-15-10.png', data: readFileSync(photo) }]));
    engine = new Engine({ mode: 'cli', actor: 'ocr-test' });
    session = await engine.openCase(join(folder, 'case'), true);
    summary = await engine.startImport([folder], { timeZone: 'UTC' }).done;
    await engine.startOcr(resolveOcrSettings({})).done;
  }, 180_000);

  afterAll(async () => {
    await engine.dispose();
  });

  it('imports a screenshot folder as image items and skips media that belongs to a chat', () => {
    const byName = (name: string) => summary.sources.find((source) => source.path.endsWith(name));
    expect(byName('ad.png')).toMatchObject({ status: 'imported', format: 'image' });
    expect(byName('IMG-20240402-WA0001.jpg')).toMatchObject({ status: 'skipped' });
  });

  it('finds words read from images with has:ocr, and phone numbers in them in any formatting', async () => {
    const germany = await searchCase(session, 'germany has:ocr', 10, 0);
    expect(germany.total).toBe(1);
    expect(germany.hits[0]?.ocr?.text).toMatch(/Germany/u);
    expect(germany.hits[0]?.ocr?.highlights.length).toBeGreaterThan(0);
    expect((await searchCase(session, '+40721000111', 10, 0)).total).toBe(1);
    expect((await searchCase(session, 'contract has:ocr', 10, 0)).hits[0]?.chat).toBe('Boss');
  });

  it('exports a screenshot with its original bytes and the text read from it', async () => {
    const bag = join(tempFolder(), 'bag');
    const summary = await engine.startExport({ outDir: bag, select: 'query:germany', context: 0, includeOriginals: false }).done;
    expect(summary.messages).toBe(1);
    const attachments = readFileSync(join(bag, 'data', 'attachments.jsonl'), 'utf8');
    expect(attachments).toMatch(/Germany/u);
    expect(summary.files.some((file) => file.startsWith('data/attachments/') && file.endsWith('ad.png'))).toBe(true);
  });

  it('reads images that live inside a zip source, verified against their import hash', async () => {
    const result = await searchCase(session, 'reisepass has:ocr', 10, 0);
    expect(result.hits[0]?.chat).toBe('Ana');
  });

  it('keeps the words read from images and the markers searchable when the index is rebuilt', async () => {
    const casePath = session.path;
    const before = { ocr: (await searchCase(session, 'germany has:ocr', 10, 0)).total, reisepass: (await searchCase(session, 'reisepass', 10, 0)).total };
    expect(before).toEqual({ ocr: 1, reisepass: 1 });
    await engine.dispose();
    markIndexAsOlderFormat(casePath);
    engine = new Engine({ mode: 'cli', actor: 'ocr-test' });
    session = await engine.openCase(casePath, false);
    expect(readFileSync(join(casePath, 'audit.jsonl'), 'utf8')).toContain('index.reconciled');
    expect((await searchCase(session, 'germany has:ocr', 10, 0)).total).toBe(1);
    expect((await searchCase(session, 'reisepass', 10, 0)).total).toBe(1);
    expect((await searchCase(session, '+40721000111', 10, 0)).total).toBe(1);
  });

  it('searches the words OCR is sure enough of, and keeps every word it read', async () => {
    const { images } = await session.db.client.call('listImages', { chatId: null, limit: 10, offset: 0 });
    const read = images.filter((image) => image.ocrText !== null);
    expect(read.length).toBe(3);
    const rowids = await Promise.all(read.map(async (image) => (await session.db.client.call('attachmentLocation', { attachmentId: image.attachmentId }))?.messageRowid ?? -1));
    const searched = new Map(await session.db.client.call('ocrTextsForRowids', { rowids }));
    for (const [index, image] of read.entries()) {
      const stored = await session.db.client.call('ocrWords', { attachmentId: image.attachmentId });
      const rowid = rowids[index];
      if (stored === null || rowid === undefined) throw new Error('no OCR result stored');
      expect(stored.parameters).toMatchObject({ searchable: { minWordConfidence: SEARCHABLE_OCR_CONFIDENCE, letterOrDigit: true } });
      const words = (searched.get(rowid) ?? '').split(/\s+/u).filter((word) => word !== '');
      expect(words).toEqual(stored.words.filter(isSearchableOcrWord).map((word) => word.text));
    }
  });

  it('records a corrupt image as failed and carries on', async () => {
    const { images } = await session.db.client.call('listImages', { chatId: null, limit: 10, offset: 0 });
    const broken = images.find((image) => image.fileName === 'broken.png');
    expect(broken?.ocrError).toMatch(/broken\.png|corrupt|unsupported|read/iu);
    expect(images.filter((image) => image.ocrText !== null).length).toBe(3);
  });
});

describe('an import started from the UI', () => {
  it('reads the new images in the background with the case OCR languages', async () => {
    const folder = tempFolder();
    await screenshot(join(folder, 'receipt.png'), ['Payment received 500 euro']);
    const engine = new Engine({ mode: 'browser', actor: 'ui' });
    try {
      await engine.openCase(join(folder, 'case'), true);
      await engine.handlers()['import.start']({ paths: [join(folder, 'receipt.png')] });
      await expect.poll(() => engine.tasks.list().find((task) => task.kind === 'ocr')?.state, { timeout: 60_000, interval: 200 }).toBe('DONE');
      expect((await searchCase(engine.current(), 'payment has:ocr', 10, 0)).total).toBe(1);
    } finally {
      await engine.dispose();
    }
  });
});

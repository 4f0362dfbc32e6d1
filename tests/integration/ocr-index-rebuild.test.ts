import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSession } from '../../engine/case/case-session.ts';
import { Engine } from '../../engine/engine.ts';
import { reviewQueue } from '../support/review-queue.ts';
import { searchCase } from '../../engine/search/search-case.ts';
import { openCaseWithImagesRead, writeTelegramPhotoChat } from '../support/telegram-photo-chat.ts';
import { tempFolder } from '../support/temp-case.ts';

/** Every answer a search gives that a rebuild of the index must keep. */
async function answers(session: CaseSession, queries: string[]): Promise<Record<string, { total: number; ids: string[]; langFacets: Record<string, number>; ocr: (string | null)[] }>> {
  const result: Record<string, { total: number; ids: string[]; langFacets: Record<string, number>; ocr: (string | null)[] }> = {};
  for (const query of queries) {
    const found = await searchCase(session, query, 100, 0, { facets: true });
    const hits = [...found.hits].sort((a, b) => (a.id < b.id ? -1 : 1));
    result[query] = { total: found.total, ids: hits.map((hit) => hit.id), langFacets: found.langFacets, ocr: hits.map((hit) => hit.ocr?.text ?? null) };
  }
  return result;
}

describe('a message with two photos: OCR, tags and the rebuilt index agree', () => {
  let engine: Engine;
  let session: CaseSession;

  beforeAll(async () => {
    const folder = await writeTelegramPhotoChat([
      { from: 'Marta', layout: 'rich', photos: [['We took your passport'], ['see you tomorrow']] },
      { from: 'Marta', text: 'You owe us 2000 euro for the trip' },
    ]);
    ({ engine, session } = await openCaseWithImagesRead([folder]));
  }, 180_000);

  afterAll(async () => {
    await engine.dispose();
  });

  it('keeps the indicator read from the first photo when the second is read', async () => {
    const { images } = await session.db.client.call('listImages', { chatId: null, limit: 10, offset: 0 });
    expect(images.map((image) => image.ocrText)).toEqual([expect.stringMatching(/passport/u), expect.stringMatching(/tomorrow/u)]);
    const found = await searchCase(session, 'marker:document-control', 10, 0);
    expect(found.total).toBe(1);
    // What the index says, the case database (review, export) must hold too.
    expect(found.hits[0]?.markers).toContain('document-control');
    const chatId = images[0]?.chatId ?? '';
    const queue = await reviewQueue(session, chatId);
    const tag = queue.flatMap((item) => item.tags).find((each) => each.marker === 'document-control');
    expect(tag?.origin).toBe('ocr');
    // Its spans index the message's searched OCR text, as search shows it.
    const ocrText = found.hits[0]?.ocr?.text ?? '';
    expect(tag?.spans.map(([start, end]) => ocrText.slice(start, end).toLowerCase())).toEqual(['took', 'your', 'passport']);
  });

  it('quotes an indicator read from an image from the text read by OCR, in the package and its report, pseudonymised alike', async () => {
    const pseudonyms = join(tempFolder(), 'pseudonyms.tsv');
    writeFileSync(pseudonyms, 'took\tTAKEN-1\n');
    for (const pseudonymsFile of [undefined, pseudonyms]) {
      const bag = join(tempFolder(), 'bag');
      await engine.startExport({ outDir: bag, select: 'marker:document-control', context: 0, includeOriginals: false, ...(pseudonymsFile === undefined ? {} : { pseudonymsFile, pseudonymMapFile: join(tempFolder(), 'map.tsv') }) }).done;
      const markers = readFileSync(join(bag, 'data', 'markers.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { markerId: string; origin: string; ocrText: string; spans: [number, number][]; explanation: string });
      const marker = markers.find((each) => each.markerId === 'document-control');
      const took = pseudonymsFile === undefined ? 'took' : 'TAKEN-1';
      expect(marker?.origin).toBe('ocr');
      expect(marker?.spans.map(([start, end]) => marker.ocrText.slice(start, end).toLowerCase())).toEqual([took.toLowerCase(), 'your', 'passport']);
      expect(marker?.explanation).toMatch(new RegExp(`matched "${took}", "your", "passport" in the text read by OCR`, 'iu'));
      const html = readFileSync(join(bag, 'data', 'report', 'report.html'), 'utf8');
      expect(html).toMatch(new RegExp(`Indicator document-control [^<]*read by OCR[^<]*: &quot;${took} … your … passport&quot;`, 'iu'));
    }
  });

  it('gives every search the same answer after the index is rebuilt from the case database', async () => {
    const queries = ['passport', 'tomorrow', 'passport tomorrow', '"took your passport"', 'has:ocr', 'has:attachment', 'marker:document-control', 'marker:debt-bondage', 'owe', 'lang:eng', 'sender:marta', 'sender:marta -passport', 'passport OR owe', 'pass*', 'tomorrow has:ocr marker:document-control'];
    const before = await answers(session, queries);
    const casePath = session.path;
    await engine.dispose();
    const manifestPath = join(casePath, 'index', 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { format: number };
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, format: manifest.format - 1 }));
    engine = new Engine({ mode: 'cli', actor: 'ocr-test' });
    session = await engine.openCase(casePath, false);
    expect(await answers(session, queries)).toEqual(before);
  });
});

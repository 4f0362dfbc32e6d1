import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.ts';
import type { CaseSession } from '../../engine/case/case-session.ts';
import { Engine } from '../../engine/engine.ts';
import { refreshIndexMarkers } from '../../engine/markers/index-markers.ts';
import { tagOcrText } from '../../engine/markers/tag-ocr-text.ts';
import { recordDecision } from '../../engine/markers/review.ts';
import { reviewQueue } from '../support/review-queue.ts';
import { searchCase } from '../../engine/search/search-case.ts';
import type { StoredTag } from '../../shared/domain/marker.ts';
import { createMarkerTagger, MARKER_TAGGER_NAME } from '../../shared/markers/index.ts';
import { writeTelegramPhotoChat } from '../support/telegram-photo-chat.ts';
import { tempFolder } from '../support/temp-case.ts';

/**
 * "Look for indicators again" must redo the indicators read from images as it redoes those of
 * message text. No OCR runs here: the case's images get stored OCR results written by the test
 * (what OCR read, and the words it was sure of), and OCR tags as an older tagger left them.
 */
const OLD_TAGGER = 'threadline-markers 0.9.0';
const OLD_PACK = '0.1.0';

describe('looking for indicators again in the text read from images', () => {
  let engine: Engine;
  let session: CaseSession;
  /** Message rowid by what its photos say, in chat order. */
  const rowids: number[] = [];
  const messageIds: string[] = [];
  const stages: string[] = [];

  beforeAll(async () => {
    const folder = await writeTelegramPhotoChat([
      { from: 'Marta', photos: [['photo one']] },
      { from: 'Marta', layout: 'rich', photos: [['photo two'], ['photo three']] },
      { from: 'Marta', photos: [['photo four']] },
    ]);
    engine = new Engine({ mode: 'cli', actor: 'retag-test' });
    engine.tasks.on('update', (task) => {
      if (task.kind === 'tag') stages.push(task.stage);
    });
    session = await engine.openCase(join(tempFolder(), 'case'), true);
    await engine.startImport([folder], { timeZone: 'UTC' }).done;
    const { images } = await session.db.client.call('listImages', { chatId: null, limit: 10, offset: 0 });
    expect(images).toHaveLength(4);
    const imageRowids = await session.db.client.call('rowidsForMessageIds', { ids: images.map((image) => image.messageId) });
    // What OCR read, and (searchable) the words it was sure of: the fourth photo's "took your passport" were doubtful.
    const read: [string, string][] = [['We took your passport', 'We took your passport'], ['see you tomorrow', 'see you tomorrow'], ['We took your passport', 'We took your passport'], ['We took your passport', 'We']];
    for (const [index, image] of images.entries()) {
      const [text, searchableText] = read[index] ?? ['', ''];
      const messageRowid = imageRowids[index] ?? 0;
      await session.db.client.call('storeOcr', {
        result: { attachmentId: image.attachmentId, messageRowid, text, searchableText, confidence: 90, lang: 'eng', words: [], engine: {}, traineddata: [], parameters: {}, tookMs: 1, createdAt: '2026-11-30T00:00:00.000Z' },
      });
      if (!rowids.includes(messageRowid)) {
        rowids.push(messageRowid);
        messageIds.push(image.messageId);
      }
    }
    // An older tagger found document-control in the first and the last message's images (the
    // last from words the gate now leaves out) and nothing in the second's.
    const stale = { marker: 'document-control', score: 0.5, spans: [[0, 2]] as [number, number][], rule: 'document-control/old', rules: ['document-control/old'], lang: 'eng', packVersion: OLD_PACK };
    await session.db.client.call('storeTagResults', { origin: 'ocr', tagger: OLD_TAGGER, results: [rowids[0] ?? 0, rowids[2] ?? 0].map((rowid) => ({ rowid, tags: [stale], identifiers: [] })) });
    await refreshIndexMarkers(session, rowids);
    await recordDecision(session, { messageId: messageIds[0] ?? '', marker: 'document-control', decision: 'confirm', by: 'analyst-a' });
  }, 120_000);

  afterAll(async () => {
    await engine.dispose();
  });

  async function ocrTags(): Promise<Map<number, StoredTag[]>> {
    const tags = new Map(await session.db.client.call('tagsForRowids', { rowids }));
    return new Map(rowids.map((rowid) => [rowid, (tags.get(rowid) ?? []).filter((tag) => tag.origin === 'ocr')]));
  }

  it('stops at a cancel and leaves the stored indicators as they were', async () => {
    const before = await ocrTags();
    const controller = new AbortController();
    controller.abort();
    await expect(tagOcrText(session, controller.signal, () => undefined)).rejects.toMatchObject({ code: 'E_CANCELLED' });
    expect(await ocrTags()).toEqual(before);
    expect(before.get(rowids[0] ?? 0)?.map((tag) => tag.packVersion)).toEqual([OLD_PACK]);
  });

  it('says in the custody log how far a cancelled run got, as for a completed one', async () => {
    // Cancelled once the sources are tagged again, as the text read from images is asked for.
    const call = session.db.client.call.bind(session.db.client);
    let taskId = '';
    const spy = vi.spyOn(session.db.client, 'call').mockImplementation(((method: string, ...rest: unknown[]) => {
      if (method === 'ocrTextsToTag') engine.tasks.cancel(taskId);
      return (call as (method: string, ...rest: unknown[]) => Promise<unknown>)(method, ...rest);
    }) as typeof session.db.client.call);
    const run = engine.startRetag();
    taskId = run.taskId;
    await expect(run.done).rejects.toMatchObject({ code: 'E_CANCELLED' });
    spy.mockRestore();
    const entries = readFileSync(join(session.path, 'audit.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { action: string; details: Record<string, unknown> });
    const sources = (await session.db.client.call('importedSourceIds', {})).length;
    expect(entries.at(-1)).toMatchObject({ action: 'markers.retagged', details: { stopped: 'cancelled', sources, sourcesDone: sources, ocrMessages: 0 } });
    expect(entries.at(-1)?.details['messages']).toBeGreaterThan(0);
  });

  it('redoes each message\'s OCR indicators with the current packs, over the searched text of all its images, and keeps decisions', async () => {
    await engine.startRetag().done;
    const tags = await ocrTags();
    const texts = new Map(await session.db.client.call('ocrTextsForRowids', { rowids }));
    const current = createMarkerTagger().packVersions['document-control'];
    for (const rowid of [rowids[0] ?? 0, rowids[1] ?? 0]) {
      const found = tags.get(rowid)?.find((tag) => tag.marker === 'document-control');
      expect(found).toMatchObject({ packVersion: current, tagger: MARKER_TAGGER_NAME, origin: 'ocr' });
      // Spans index the message's searched OCR text, as search and the package show it (the second message's after its first photo).
      expect(found?.spans.map(([start, end]) => (texts.get(rowid) ?? '').slice(start, end).toLowerCase())).toEqual(['took', 'your', 'passport']);
    }
    // Words OCR was unsure of are not tagged: the old indicator of the last message is gone, from the index too.
    expect(tags.get(rowids[2] ?? 0)).toEqual([]);
    const found = await searchCase(session, 'marker:document-control', 10, 0);
    expect(found.hits.map((hit) => hit.id).sort()).toEqual([messageIds[0], messageIds[1]].sort());
    const [first] = (await reviewQueue(session, (await session.db.client.call('listImages', { chatId: null, limit: 1, offset: 0 })).images[0]?.chatId ?? '')).filter((item) => item.message.id === messageIds[0]);
    expect(first?.tags.find((tag) => tag.marker === 'document-control')?.decision).toMatchObject({ decision: 'confirm', by: 'analyst-a' });
    expect(stages.some((stage) => /images/u.test(stage))).toBe(true);
  });

  it('is reached from the command line: threadline tag --case <case-dir>', async () => {
    const stale = { marker: 'document-control', score: 0.5, spans: [[0, 2]] as [number, number][], rule: 'document-control/old', rules: ['document-control/old'], lang: 'eng', packVersion: OLD_PACK };
    await session.db.client.call('storeTagResults', { origin: 'ocr', tagger: OLD_TAGGER, results: [{ rowid: rowids[0] ?? 0, tags: [stale], identifiers: [] }] });
    const casePath = session.path;
    await engine.dispose();
    // In this process (the CLI's entry without a process of its own): the same commands, a faster test.
    const written: string[] = [];
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => written.push(String(chunk)) > 0);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['tag', '--case', casePath, '-'])).toBe(2);
      expect(await main(['tag', '--case', casePath, '--json'])).toBe(0);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
      process.exitCode = undefined;
    }
    expect(JSON.parse(written.join(''))).toEqual({ case: casePath, messages: 3, ocrMessages: 3, decisionsNoLongerFound: 0 });
    engine = new Engine({ mode: 'cli', actor: 'retag-test' });
    session = await engine.openCase(casePath, false);
    expect((await ocrTags()).get(rowids[0] ?? 0)?.map((tag) => [tag.packVersion, tag.tagger])).toEqual([[createMarkerTagger().packVersions['document-control'], MARKER_TAGGER_NAME]]);
  }, 120_000);
});

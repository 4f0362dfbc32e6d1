import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSession } from '../../engine/case/case-session.ts';
import type { Engine } from '../../engine/engine.ts';
import { searchCase } from '../../engine/search/search-case.ts';
import { openCaseWithImagesRead, writeTelegramPhotoChat } from '../support/telegram-photo-chat.ts';

describe('a search hit whose indicator is both in its text and in its image', () => {
  let engine: Engine;
  let session: CaseSession;

  beforeAll(async () => {
    const folder = await writeTelegramPhotoChat([{ from: 'Marta', photos: [['We took your passport']], text: 'They keep your passport' }]);
    ({ engine, session } = await openCaseWithImagesRead([folder]));
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

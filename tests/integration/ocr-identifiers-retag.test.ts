import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSession } from '../../engine/case/case-session.ts';
import type { Engine } from '../../engine/engine.ts';
import { openCaseWithImagesRead, writeTelegramPhotoChat } from '../support/telegram-photo-chat.ts';

describe('a phone number read from an image, when the case is tagged again', () => {
  let engine: Engine;
  let session: CaseSession;

  beforeAll(async () => {
    // Two chats: one writes the number, the other sends a screenshot of it.
    const written = await writeTelegramPhotoChat([{ from: 'Marta', text: 'call 0721 000 111 tonight' }], 'ChatExport_2025-12-05');
    const shown = await writeTelegramPhotoChat([{ from: 'Ion', photos: [['Call 0721 000 111 tonight']] }], 'ChatExport_2025-12-06');
    ({ engine, session } = await openCaseWithImagesRead([written, shown]));
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

import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../engine/dispatch.ts';
import type { EngineHandlers } from '../../../engine/engine.ts';

const asked: unknown[] = [];
const handlers = {
  'images.ofMessages': async (request: unknown) => {
    asked.push(request);
    return [];
  },
} as unknown as EngineHandlers;

/**
 * The conversation asks for the images of the messages in view, a page at most: the request
 * names messages and nothing else (never a conversation, which may hold 100,000 messages).
 */
describe('images.ofMessages over the UI contract', () => {
  it('passes the message ids to the engine', async () => {
    expect(await dispatch(handlers, 'images.ofMessages', { messageIds: ['m-1', 'm-2'] })).toEqual({ ok: true, value: [] });
    expect(asked).toEqual([{ messageIds: ['m-1', 'm-2'] }]);
  });

  it('refuses no ids, more than a page of them, empty or overlong ids, a conversation, or extra fields', async () => {
    for (const bad of [
      {},
      { messageIds: [] },
      { messageIds: Array.from({ length: 2001 }, (_value, index) => `m-${index}`) },
      { messageIds: [''] },
      { messageIds: ['m'.repeat(201)] },
      { messageIds: [7] },
      { messageIds: 'm-1' },
      { chatId: 'c-1' },
      { messageIds: ['m-1'], chatId: 'c-1' },
    ]) {
      expect(await dispatch(handlers, 'images.ofMessages', bad)).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
    }
    expect(asked).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../engine/dispatch.ts';
import type { EngineHandlers } from '../../../engine/engine.ts';

const asked: unknown[] = [];
const PAGE = { total: 0, offset: 0, items: [], firstUndecided: 0, focusIndex: null };
const handlers = {
  'markers.queue': async (request: unknown) => {
    asked.push(request);
    return PAGE;
  },
} as unknown as EngineHandlers;

/** The Review view reads a conversation's queue a page at a time: a conversation, how many messages, and from where or around which message. */
describe('markers.queue over the UI contract', () => {
  it('passes the conversation, the page asked for and the message to find to the engine', async () => {
    expect(await dispatch(handlers, 'markers.queue', { chatId: 'c-1', limit: 100 })).toEqual({ ok: true, value: PAGE });
    expect(await dispatch(handlers, 'markers.queue', { chatId: 'c-1', offset: 200, limit: 90 })).toEqual({ ok: true, value: PAGE });
    expect(await dispatch(handlers, 'markers.queue', { chatId: 'c-1', limit: 100, focus: 'm-1' })).toEqual({ ok: true, value: PAGE });
    expect(asked).toEqual([{ chatId: 'c-1', limit: 100 }, { chatId: 'c-1', offset: 200, limit: 90 }, { chatId: 'c-1', limit: 100, focus: 'm-1' }]);
  });

  it('refuses a request without a conversation or a limit, with a page too long, a negative or fractional offset, an empty focus, or extra fields', async () => {
    for (const bad of [{ limit: 100 }, { chatId: 'c-1' }, { chatId: 'c-1', limit: 0 }, { chatId: 'c-1', limit: 1001 }, { chatId: 'c-1', limit: 10, offset: -1 }, { chatId: 'c-1', limit: 10, offset: 1.5 }, { chatId: 'c-1', limit: 10, focus: '' }, { chatId: 'c-1', limit: 10, all: true }]) {
      expect(await dispatch(handlers, 'markers.queue', bad)).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
    }
  });
});

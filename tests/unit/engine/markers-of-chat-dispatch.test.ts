import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../engine/dispatch.ts';
import type { EngineHandlers } from '../../../engine/engine.ts';

const asked: unknown[] = [];
const INDICATORS = [{ messageId: 'm-1', tags: [], noLongerFound: [] }];
const handlers = {
  'markers.ofChat': async (request: unknown) => {
    asked.push(request);
    return INDICATORS;
  },
} as unknown as EngineHandlers;

/** The conversation view asks for one conversation's indicators: the request names it and nothing else. */
describe('markers.ofChat over the UI contract', () => {
  it('passes one conversation id to the engine and returns its messages\' indicators', async () => {
    expect(await dispatch(handlers, 'markers.ofChat', { chatId: 'c-1' })).toEqual({ ok: true, value: INDICATORS });
    expect(asked).toEqual([{ chatId: 'c-1' }]);
  });

  it('refuses a request without a conversation id, with an empty or overlong one, or with extra fields', async () => {
    for (const bad of [{}, { chatId: '' }, { chatId: 'c'.repeat(201) }, { chatId: 7 }, { chatId: 'c-1', messageId: 'm-1' }]) {
      expect(await dispatch(handlers, 'markers.ofChat', bad)).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
    }
  });
});

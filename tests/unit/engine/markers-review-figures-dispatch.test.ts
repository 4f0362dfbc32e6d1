import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../engine/dispatch.ts';
import type { EngineHandlers } from '../../../engine/engine.ts';

const asked: unknown[] = [];
const FIGURES = { chatId: 'c-1', score: 0.5, unreviewed: 2, noLongerFound: 0, markers: [{ marker: 'debt-bondage', confirmed: 1, dismissed: 0 }] };
const handlers = {
  'markers.reviewFigures': async (request: unknown) => {
    asked.push(request);
    return FIGURES;
  },
} as unknown as EngineHandlers;

/** After a decision the Review view asks for the decided conversation's figures: the request names it and nothing else. */
describe('markers.reviewFigures over the UI contract', () => {
  it('passes one conversation id to the engine and returns its figures', async () => {
    expect(await dispatch(handlers, 'markers.reviewFigures', { chatId: 'c-1' })).toEqual({ ok: true, value: FIGURES });
    expect(asked).toEqual([{ chatId: 'c-1' }]);
  });

  it('refuses a request without a conversation id, with an empty or overlong one, or with extra fields', async () => {
    for (const bad of [{}, { chatId: '' }, { chatId: 'c'.repeat(201) }, { chatId: 7 }, { chatId: 'c-1', limit: 5 }]) {
      expect(await dispatch(handlers, 'markers.reviewFigures', bad)).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
    }
  });
});

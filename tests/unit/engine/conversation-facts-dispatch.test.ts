import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../engine/dispatch.ts';
import type { EngineHandlers } from '../../../engine/engine.ts';

const asked: unknown[] = [];
const FACTS = [{ sourceId: 'src-1', extra: { otherColumns: { snippet_text: 'see you at 9' } } }];
const handlers = {
  'conversations.facts': async (request: unknown) => {
    asked.push(request);
    return FACTS;
  },
} as unknown as EngineHandlers;

/**
 * A conversation's source facts are asked for one conversation at a time (the list carries only
 * how many sources kept some): the request names the conversation and nothing else.
 */
describe('conversations.facts over the UI contract', () => {
  it('passes one conversation id to the engine and returns its facts', async () => {
    expect(await dispatch(handlers, 'conversations.facts', { chatId: 'c-1' })).toEqual({ ok: true, value: FACTS });
    expect(asked).toEqual([{ chatId: 'c-1' }]);
  });

  it('refuses a request without a conversation id, with an empty or overlong one, or with extra fields', async () => {
    for (const bad of [{}, { chatId: '' }, { chatId: 'c'.repeat(201) }, { chatId: 7 }, { chatId: ['c-1', 'c-2'] }, { chatId: 'c-1', sourceId: 'src-1' }]) {
      expect(await dispatch(handlers, 'conversations.facts', bad)).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
    }
  });
});

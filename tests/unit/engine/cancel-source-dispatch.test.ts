import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../engine/dispatch.ts';
import { Engine } from '../../../engine/engine.ts';

describe('import.cancelSource over the contract', () => {
  const handlers = new Engine({ mode: 'cli', actor: 'test' }).handlers();

  it('validates the task id and the source index', async () => {
    for (const payload of [{}, { taskId: 't' }, { taskId: 't', index: -1 }, { taskId: 't', index: 1.5 }, { taskId: '', index: 0 }, { taskId: 't', index: 0, path: '/etc' }]) {
      expect(await dispatch(handlers, 'import.cancelSource', payload)).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
    }
  });

  it('answers false for a task that is not running', async () => {
    expect(await dispatch(handlers, 'import.cancelSource', { taskId: 'no-such-task', index: 0 })).toEqual({ ok: true, value: { cancelled: false } });
  });
});

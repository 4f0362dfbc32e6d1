import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../engine/dispatch.ts';
import type { EngineHandlers } from '../../../engine/engine.ts';
import { AppError } from '../../../shared/errors.ts';

const handlers = {
  'search.run': async ({ query }: { query: string }) => ({ query, total: 0, tookMs: 0, hits: [] }),
  'case.current': async () => {
    throw new AppError('E_CASE_NOT_FOUND', 'No case is open');
  },
} as unknown as EngineHandlers;

describe('dispatch', () => {
  it('validates and runs a known channel', async () => {
    expect(await dispatch(handlers, 'search.run', { query: 'x', limit: 10, offset: 0 })).toMatchObject({ ok: true, value: { query: 'x' } });
  });

  it('refuses unknown channels', async () => {
    expect(await dispatch(handlers, 'fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
  });

  it('refuses payloads that break the schema, including extra fields', async () => {
    expect(await dispatch(handlers, 'search.run', { query: 'x', limit: -1, offset: 0 })).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
    expect(await dispatch(handlers, 'search.run', { query: 'x', limit: 1, offset: 0, sql: 'DROP' })).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
  });

  it('returns errors as coded envelopes without stacks', async () => {
    const envelope = await dispatch(handlers, 'case.current', {});
    expect(envelope).toEqual({ ok: false, error: { code: 'E_CASE_NOT_FOUND', message: 'No case is open', expected: true } });
  });
});

import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../engine/dispatch.ts';
import type { EngineHandlers } from '../../../engine/engine.ts';
import { parseLanguageList } from '../../../shared/domain/case.ts';

const received: unknown[] = [];
const handlers = {
  'case.setLanguages': async (request: unknown) => {
    received.push(request);
    return null;
  },
  'case.open': async (request: unknown) => {
    received.push(request);
    return null;
  },
} as unknown as EngineHandlers;

describe('case language list over the UI contract', () => {
  it('passes three-letter code lists, empty included, to the engine', async () => {
    expect(await dispatch(handlers, 'case.setLanguages', { languages: ['ron', 'BUL'] })).toMatchObject({ ok: true });
    expect(await dispatch(handlers, 'case.setLanguages', { languages: [] })).toMatchObject({ ok: true });
    expect(await dispatch(handlers, 'case.open', { path: '/cases/a', create: true, languages: ['ron'] })).toMatchObject({ ok: true });
    expect(received).toEqual([{ languages: ['ron', 'BUL'] }, { languages: [] }, { path: '/cases/a', create: true, languages: ['ron'] }]);
  });

  it('refuses codes that are not three letters, too many codes and extra fields', async () => {
    for (const bad of [{ languages: ['romanian'] }, { languages: ['ro'] }, { languages: ["ron'; --"] }, { languages: Array.from({ length: 31 }, () => 'ron') }, { languages: ['ron'], timeZone: 'UTC' }, {}]) {
      expect(await dispatch(handlers, 'case.setLanguages', bad)).toMatchObject({ ok: false, error: { code: 'E_INVALID_REQUEST' } });
    }
  });
});

describe('parseLanguageList', () => {
  it('reads lists as people type them, resolving aliases and dropping repeats', () => {
    expect(parseLanguageList('ron, bul')).toEqual(['ron', 'bul']);
    expect(parseLanguageList('RUM+bul ron;eng')).toEqual(['ron', 'bul', 'eng']);
    expect(parseLanguageList('  ')).toEqual([]);
  });

  it('names the entry that is not an ISO 639-3 code', () => {
    expect(() => parseLanguageList('ron, romanian')).toThrow(expect.objectContaining({ code: 'E_USAGE', message: expect.stringContaining('"romanian"') }));
    expect(() => parseLanguageList('ro')).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
  });
});

import type * as Fs from 'node:fs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { detectFormat } from '../../../../../workers/import/detect-format.ts';
import { tempFolder } from '../../../../support/temp-case.ts';
import { CHAT_PAGE, RESULT_JSON } from './full-export-pages.ts';

/** A file that is there but cannot be opened (on disk: no read permission, which tests running as root cannot make): openSync fails for that path alone. */
const unopenable = { path: '' };

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof Fs>();
  const openSync = ((path: Fs.PathLike, ...rest: unknown[]) => {
    if (String(path) === unopenable.path) throw Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: 'EACCES' });
    return (fs.openSync as (path: Fs.PathLike, ...rest: unknown[]) => number)(path, ...rest);
  }) as typeof fs.openSync;
  return { ...fs, default: { ...fs, openSync }, openSync };
});

describe('Telegram HTML chat page beside a result.json that cannot be opened', () => {
  it('regression: the page is detected as a source, not thrown out of detectFormat (the result.json check opened it unguarded)', async () => {
    const root = join(tempFolder(), 'DataExport_2026-05-02');
    mkdirSync(join(root, 'chats', 'chat_01'), { recursive: true });
    writeFileSync(join(root, 'chats', 'chat_01', 'messages.html'), CHAT_PAGE);
    writeFileSync(join(root, 'result.json'), RESULT_JSON);
    unopenable.path = join(root, 'result.json');
    const detected = await detectFormat(join(root, 'chats', 'chat_01', 'messages.html'));
    expect(detected).toMatchObject({ format: 'telegram-html' });
    expect(detected.companionOf).toBeUndefined();
  });
});

import type * as Fs from 'node:fs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { collectFiles } from '../../../../engine/import/collect-files.ts';
import { tempFolder } from '../../../support/temp-case.ts';

/** A file listed in its folder that cannot be looked at by the time it is (removed, or denied): lstatSync fails for that path alone. */
const unstatable = { path: '' };

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof Fs>();
  const lstatSync = ((path: Fs.PathLike, options?: unknown) => {
    if (String(path) === unstatable.path) throw Object.assign(new Error(`ENOENT: no such file or directory, lstat '${String(path)}'`), { code: 'ENOENT' });
    return (fs.lstatSync as (path: Fs.PathLike, options?: unknown) => unknown)(path, options);
  }) as typeof fs.lstatSync;
  return { ...fs, default: { ...fs, lstatSync }, lstatSync };
});

describe('collecting a folder whose JSON file cannot be looked at', () => {
  it('is not thrown off when asking whether the file is an RSMF manifest: the file is named as a problem and the rest collected', async () => {
    const evidence = tempFolder();
    writeFileSync(join(evidence, 'chat.txt'), 'x');
    unstatable.path = join(evidence, 'gone.json');
    writeFileSync(unstatable.path, '{}');
    const { files, problems } = await collectFiles([evidence]);
    expect(files.map((file) => file.path)).toEqual([join(evidence, 'chat.txt')]);
    expect(problems).toEqual([{ path: unstatable.path, reason: 'cannot be read: ENOENT' }]);
  });
});

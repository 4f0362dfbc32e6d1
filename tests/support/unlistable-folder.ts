import type * as Fs from 'node:fs';

/**
 * A folder whose files can be opened but that cannot be listed (on disk: execute without read
 * permission, which tests running as root cannot make). A test mocks node:fs with
 * `vi.mock('node:fs', async (importOriginal) => (await import('<this module>')).withUnlistableFolder(await importOriginal()))`
 * and sets `unlistable.folder`: readdirSync then fails for that folder alone.
 */
export const unlistable = { folder: '' };

export function withUnlistableFolder(fs: typeof Fs): typeof Fs {
  const readdirSync = ((path: Fs.PathLike, options?: unknown) => {
    if (String(path) === unlistable.folder) throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: 'EACCES' });
    return (fs.readdirSync as (path: Fs.PathLike, options?: unknown) => unknown)(path, options);
  }) as typeof fs.readdirSync;
  return { ...fs, default: { ...fs, readdirSync }, readdirSync } as typeof Fs;
}

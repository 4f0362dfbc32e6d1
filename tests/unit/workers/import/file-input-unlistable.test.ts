import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fileInput } from '../../../../workers/import/file-input.ts';
import { unlistable } from '../../../support/unlistable-folder.ts';

/**
 * A folder whose files can be opened but that cannot be listed (on disk: execute without read
 * permission, which tests running as root cannot make): readdirSync fails for it alone.
 */
vi.mock('node:fs', async (importOriginal) => (await import('../../../support/unlistable-folder.ts')).withUnlistableFolder(await importOriginal()));

const root = mkdtempSync(join(tmpdir(), 'threadline-unlistable-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('fileInput: a folder that cannot be listed (regression: it looked empty, and the files imported from it were dropped too)', () => {
  it('names the folder and why, and still offers the other files of the import in it, as beside the source', async () => {
    writeFileSync(join(root, 'msgstore.db'), 'x');
    writeFileSync(join(root, 'wa.db'), 'xy');
    writeFileSync(join(root, 'not imported.db'), 'xyz');
    unlistable.folder = root;
    const input = fileInput(join(root, 'msgstore.db'), 1, [join(root, 'msgstore.db'), join(root, 'wa.db')]);
    expect((await input.nearby()).map((file) => [file.relation, file.input.displayName, file.input.size])).toEqual([['same-folder', 'wa.db', 2]]);
    expect(await input.nearbyUnlisted()).toEqual([{ relation: 'same-folder', folder: root, reason: `it could not be listed (EACCES: permission denied, scandir '${root}')` }]);
  });
});

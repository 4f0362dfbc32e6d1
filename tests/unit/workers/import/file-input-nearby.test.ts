import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileInput, MAX_NEARBY_FILES } from '../../../../workers/import/file-input.ts';

const made: string[] = [];
function folder(): string {
  const path = mkdtempSync(join(tmpdir(), 'threadline-nearby-'));
  made.push(path);
  return path;
}
afterEach(() => {
  for (const path of made.splice(0)) rmSync(path, { recursive: true, force: true });
});

describe('fileInput: what nearby() leaves out is said (regression: an unlistable or cut folder looked empty or whole)', () => {
  it('names a folder that cannot be listed, with the reason', async () => {
    // The source's folder is gone (or, for a user without the right, unreadable): listing it fails.
    const root = folder();
    const gone = join(root, 'gone');
    const input = fileInput(join(gone, 'msgstore.db'), 10);
    expect(await input.nearby()).toEqual([]);
    expect(await input.nearbyUnlisted()).toEqual([{ relation: 'same-folder', folder: gone, reason: expect.stringMatching(/^it could not be listed \(ENOENT: no such file or directory, scandir/u) }]);
  });

  it('names a folder listed only up to the cap, and says nothing of one that was listed whole', async () => {
    const root = folder();
    const source = join(root, 'messages.html');
    writeFileSync(source, 'x');
    for (let index = 0; index < MAX_NEARBY_FILES; index += 1) writeFileSync(join(root, `a${String(index).padStart(5, '0')}.txt`), 'x');
    const whole = fileInput(source, 1);
    expect(await whole.nearby()).toHaveLength(MAX_NEARBY_FILES);
    expect(await whole.nearbyUnlisted()).toEqual([]);
    writeFileSync(join(root, 'b.txt'), 'x');
    mkdirSync(join(root, 'sub'));
    const cut = fileInput(source, 1);
    expect(await cut.nearby()).toHaveLength(MAX_NEARBY_FILES);
    expect(await cut.nearbyUnlisted()).toEqual([{ relation: 'same-folder', folder: root, reason: `it holds ${MAX_NEARBY_FILES + 1} other files, more than the ${MAX_NEARBY_FILES} offered: only the first ${MAX_NEARBY_FILES} by name were looked at` }]);
  });
});

import { describe, expect, it } from 'vitest';
import { lookup } from '../../../../../workers/import/source-files.ts';
import { withZip } from '../../../../support/zip-attachments.ts';

/**
 * A .ufdr holds hundreds of thousands of files and its report.xml names as many; each is looked
 * up in the zip (its presence, its bytes). Every look-up scanned all entries (and a name not
 * found exactly scanned them again for its file name), so reading a UFDR cost entries × files.
 * With 10 000 entries that took 84 s; indexed, it takes about 0.1 s (the bound leaves room for a loaded machine).
 */

const ENTRIES = 10_000;

describe('zip look-ups in an archive of many entries', () => {
  it('finds every entry, by path and by file name alone, in time linear in their number', async () => {
    const entries = Array.from({ length: ENTRIES }, (_, index) => ({ name: `files/Image/${index}.jpg`, data: 'x' }));
    await withZip(entries, async (archive) => {
      const started = performance.now();
      let found = 0;
      for (let index = 0; index < ENTRIES; index++) {
        if (lookup(archive, '.', `files/Image/${index}.jpg`) !== undefined) found += 1;
        // Only the file name: the fallback a device path takes.
        if (lookup(archive, '.', `/private/var/mobile/${index}.jpg`)?.name === `files/Image/${index}.jpg`) found += 1;
      }
      const elapsed = performance.now() - started;
      expect(found).toBe(2 * ENTRIES);
      expect(elapsed).toBeLessThan(10_000);
    });
  }, 60_000);
});

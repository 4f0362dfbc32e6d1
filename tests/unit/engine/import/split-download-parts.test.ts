import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { otherPartsOf, zipsOf } from '../../../../engine/import/split-download-parts.ts';
import { tempFolder, writeTemp } from '../../../support/temp-case.ts';
import { buildZip } from '../../../support/zip-writer.ts';

/** Which zips of an import a zip source may take an attachment from (ImportJob.otherArchives). */
describe('the other parts of a split download offered to a zip source', () => {
  it('are the zips of the import, told by content, not by name', () => {
    const folder = tempFolder();
    const zip = writeTemp(folder, 'part-2.bin', buildZip([{ name: 'a.txt', data: 'a' }]));
    const named = writeTemp(folder, 'not-a-zip.zip', 'plain text that only has the name');
    const tiny = writeTemp(folder, 'tiny', 'PK');
    const files = [zip, named, tiny, join(folder, 'gone.zip')].map((path) => ({ path, size: path === tiny ? 2 : 64 }));
    expect(zipsOf(files)).toEqual([zip]);
  });

  it('are those of the same declared device, however typed, or, for a source of none, those of none', () => {
    const devices: Record<string, string | null> = { '/a.zip': 'Exhibit JS/1', '/b.zip': '  exhibit   js/1 ', '/c.zip': 'Exhibit JS/2', '/d.zip': null, '/e.zip': null };
    const deviceOf = (path: string) => devices[path] ?? null;
    const zips = Object.keys(devices);
    expect(otherPartsOf('/a.zip', zips, deviceOf)).toEqual(['/b.zip']);
    expect(otherPartsOf('/d.zip', zips, deviceOf)).toEqual(['/e.zip']);
    expect(otherPartsOf('/c.zip', zips, deviceOf)).toEqual([]);
  });
});

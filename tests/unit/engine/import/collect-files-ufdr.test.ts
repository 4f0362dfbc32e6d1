import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFiles } from '../../../../engine/import/collect-files.ts';
import { tempFolder } from '../../../support/temp-case.ts';

/** A folder holding a Cellebrite report.xml is one unzipped UFDR: one source, not one per extracted file. */
function ufdrFolder(parent: string, name: string, report: string | Uint8Array): string {
  const folder = join(parent, name);
  mkdirSync(join(folder, 'files', 'Image'), { recursive: true });
  writeFileSync(join(folder, 'Report.xml'), report);
  writeFileSync(join(folder, 'files', 'Image', 'a.jpg'), 'jpeg');
  writeFileSync(join(folder, 'files', 'Image', 'b.jpg'), 'jpeg');
  return folder;
}

describe('collecting an unzipped UFDR folder', () => {
  it('collects only the report.xml of a folder that holds a Cellebrite report, wherever it sits in the tree', () => {
    const evidence = tempFolder();
    ufdrFolder(evidence, 'phone-1', '<?xml version="1.0"?>\n<project xmlns="http://pa.cellebrite.com/report/2.0">');
    // A password-protected report is recognised by its first bytes, so it is refused as one source.
    ufdrFolder(evidence, 'phone-2', new Uint8Array([0x2d, 0x06, 0x52, 0x6d, 1, 2, 3]));
    writeFileSync(join(evidence, 'notes.txt'), 'seized 2024-07-01');
    const { files, problems } = collectFiles([evidence]);
    expect(files.map((file) => file.path.slice(evidence.length))).toEqual(['/notes.txt', '/phone-1/Report.xml', '/phone-2/Report.xml']);
    expect(problems).toEqual([]);
  });

  it('reads every file of a folder whose report.xml is not a Cellebrite report', () => {
    const evidence = tempFolder();
    ufdrFolder(evidence, 'other', '<?xml version="1.0"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">');
    expect(collectFiles([evidence]).files.map((file) => file.path.slice(evidence.length))).toEqual(['/other/Report.xml', '/other/files/Image/a.jpg', '/other/files/Image/b.jpg']);
  });
});

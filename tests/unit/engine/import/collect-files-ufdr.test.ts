import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFiles } from '../../../../engine/import/collect-files.ts';
import { NOT_REFERENCED_REASON } from '../../../../engine/import/cellebrite-folder.ts';
import { unreferencedInOwnedFolders } from '../../../../engine/import/owned-folders.ts';
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
  it('collects only the report.xml of a folder that holds a Cellebrite report, wherever it sits in the tree', async () => {
    const evidence = tempFolder();
    ufdrFolder(evidence, 'phone-1', '<?xml version="1.0"?>\n<project xmlns="http://pa.cellebrite.com/report/2.0">');
    // A password-protected report is recognised by its first bytes, so it is refused as one source.
    ufdrFolder(evidence, 'phone-2', new Uint8Array([0x2d, 0x06, 0x52, 0x6d, 1, 2, 3]));
    writeFileSync(join(evidence, 'notes.txt'), 'seized 2024-07-01');
    const { files, problems } = await collectFiles([evidence]);
    expect(files.map((file) => file.path.slice(evidence.length))).toEqual(['/notes.txt', '/phone-1/Report.xml', '/phone-2/Report.xml']);
    expect(problems).toEqual([]);
  });

  it('reads every file of a folder whose report.xml is not a Cellebrite report', async () => {
    const evidence = tempFolder();
    ufdrFolder(evidence, 'other', '<?xml version="1.0"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">');
    expect((await collectFiles([evidence])).files.map((file) => file.path.slice(evidence.length))).toEqual(['/other/Report.xml', '/other/files/Image/a.jpg', '/other/files/Image/b.jpg']);
  });
});

/** FORMATS.md §7.1: a Physical Analyzer report without the namespace, known by `project id`, `extractionType` and `sourceExtractions`. */
const REPORT_WITHOUT_NAMESPACE = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<project id="4f1c2a10" name="Case" extractionType="FileSystem">',
  '<sourceExtractions><extractionInfo id="0" name="File System" type="FileSystem"/></sourceExtractions>',
  '<taggedFiles>',
  '<file id="f1" path="/private/var/a.jpg"><metadata section="File"><item name="Local Path"><![CDATA[files\\Image\\a.jpg]]></item></metadata></file>',
  '<file id="f2" path="/data/msgstore.db" local_path="files/Database/msgstore.db"/>',
  '</taggedFiles>',
  '<decodedData/></project>',
].join('\n');

describe('an unzipped UFDR whose report.xml has no namespace', () => {
  it('is one source, its report.xml, like one with the namespace (the same test the UFDR sniff makes)', async () => {
    const evidence = tempFolder();
    const folder = ufdrFolder(evidence, 'phone', REPORT_WITHOUT_NAMESPACE);
    mkdirSync(join(folder, 'files', 'Database'), { recursive: true });
    writeFileSync(join(folder, 'files', 'Database', 'msgstore.db'), 'SQLite format 3\0');
    const { files, problems } = await collectFiles([evidence]);
    expect(files.map((file) => file.path.slice(evidence.length))).toEqual(['/phone/Report.xml']);
    expect(problems).toEqual([]);
  });

  it('lists the files beside the report that the report does not name, with the reason', async () => {
    const evidence = tempFolder();
    const folder = ufdrFolder(evidence, 'phone', REPORT_WITHOUT_NAMESPACE);
    mkdirSync(join(folder, 'files', 'Database'), { recursive: true });
    writeFileSync(join(folder, 'files', 'Database', 'msgstore.db'), 'SQLite format 3\0');
    writeFileSync(join(folder, 'notes.txt'), 'examiner notes');
    const collected = await collectFiles([evidence]);
    const skipped = (await unreferencedInOwnedFolders(collected.ownedFolders)).files;
    expect(skipped.map((file) => [file.path.slice(evidence.length), file.size, file.reason])).toEqual([
      ['/phone/files/Image/b.jpg', 4, NOT_REFERENCED_REASON],
      ['/phone/notes.txt', 14, NOT_REFERENCED_REASON],
    ]);
  });

  it('finds a name split across two chunks of a large report, and one written with XML entities', async () => {
    const evidence = tempFolder();
    const padding = `<!-- ${'x'.repeat(200_000)} -->`;
    const report = REPORT_WITHOUT_NAMESPACE.replace('<taggedFiles>', `${padding}<taggedFiles><file id="f3" local_path="files/Image/b&amp;c.jpg"/>`);
    const folder = ufdrFolder(evidence, 'phone', report);
    writeFileSync(join(folder, 'files', 'Image', 'b&c.jpg'), 'jpeg');
    const skipped = (await unreferencedInOwnedFolders((await collectFiles([evidence])).ownedFolders)).files;
    expect(skipped.map((file) => file.path.slice(evidence.length))).toEqual(['/phone/files/Image/b.jpg']);
  });
});

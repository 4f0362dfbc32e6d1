import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFiles } from '../../../../engine/import/collect-files.ts';
import { NOT_REFERENCED_REASON } from '../../../../engine/import/cellebrite-folder.ts';
import { notCheckedReason, unreferencedInOwnedFolders } from '../../../../engine/import/owned-folders.ts';
import { tempFolder } from '../../../support/temp-case.ts';
import { manifestText, smallManifest } from '../../workers/import/rsmf/rsmf-builder.ts';

/**
 * Regression: the files of an unzipped UFDR are checked against its report (and a manifest beside
 * it) after they are collected. A report removed or made unreadable in between threw out of
 * unreferencedInOwnedFolders, and the import (or the detect step) failed as a whole, its other
 * sources with it. The owner is now listed with the reason, and the files it may name with theirs.
 */

const REPORT = '<?xml version="1.0"?>\n<project xmlns="http://pa.cellebrite.com/report/2.0"><taggedFiles><file local_path="files/a.jpg"/></taggedFiles></project>';

function phone(evidence: string): string {
  const folder = join(evidence, 'phone');
  mkdirSync(join(folder, 'files'), { recursive: true });
  writeFileSync(join(folder, 'report.xml'), REPORT);
  writeFileSync(join(folder, 'files', 'a.jpg'), 'jpeg');
  writeFileSync(join(folder, 'files', 'b.jpg'), 'jpeg');
  return folder;
}

describe('checking an owned folder whose owner can no longer be read', () => {
  it('regression: lists a report removed after the folder was collected, and the files it may name, instead of throwing', async () => {
    const evidence = tempFolder();
    const folder = phone(evidence);
    const collected = await collectFiles([evidence]);
    rmSync(join(folder, 'report.xml'));
    const listing = await unreferencedInOwnedFolders(collected.ownedFolders);
    expect(listing.problems).toEqual([{ path: join(folder, 'report.xml'), reason: expect.stringContaining('ENOENT') as unknown as string }]);
    expect(listing.problems[0]?.reason).toContain('cannot be read to tell which files of its folder it names');
    expect(listing.files.map((file) => [file.path.slice(folder.length + 1), file.reason])).toEqual([
      ['files/a.jpg', notCheckedReason(join(folder, 'report.xml'))],
      ['files/b.jpg', notCheckedReason(join(folder, 'report.xml'))],
    ]);
  });

  it('takes the files an owner that could be read names as named, and lists the others as not checked', async () => {
    const evidence = tempFolder();
    const folder = phone(evidence);
    const manifest = smallManifest();
    manifest.events = [{ type: 'message', participant: 'P1', conversation: 'C1', body: 'b', attachments: [{ id: 'files/b.jpg' }] }];
    writeFileSync(join(folder, 'rsmf_manifest.json'), manifestText(manifest));
    const collected = await collectFiles([evidence]);
    // A folder in the report's place: reading it fails (EISDIR), as a file made unreadable does.
    rmSync(join(folder, 'report.xml'));
    mkdirSync(join(folder, 'report.xml'));
    const listing = await unreferencedInOwnedFolders(collected.ownedFolders);
    expect(listing.problems.map((problem) => problem.path)).toEqual([join(folder, 'report.xml')]);
    expect(listing.files.map((file) => [file.path.slice(folder.length + 1), file.reason])).toEqual([['files/a.jpg', notCheckedReason(join(folder, 'report.xml'))]]);
  });

  it('still lists with the usual reason what a report that can be read does not name', async () => {
    const evidence = tempFolder();
    phone(evidence);
    const listing = await unreferencedInOwnedFolders((await collectFiles([evidence])).ownedFolders);
    expect(listing.problems).toEqual([]);
    expect(listing.files.map((file) => [file.path.slice(evidence.length), file.reason])).toEqual([['/phone/files/b.jpg', NOT_REFERENCED_REASON]]);
  });
});

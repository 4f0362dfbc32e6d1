// A folder the analyst named that holds no file is listed with its reason (CLI.md lists every
// source); an empty folder met while walking a named one is not a source (phones hold hundreds).
// The case's own folder, when it lies inside a folder being imported, is listed and never read.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWN_CASE_REASON, collectFiles } from '../../../../engine/import/collect-files.ts';
import { tempFolder, writeTemp, writeWithFolders } from '../../../support/temp-case.ts';

describe('collectFiles and empty folders', () => {
  it('lists a named folder with no files as a problem coded E_IMPORT_EMPTY, beside the files of the other paths', async () => {
    const folder = tempFolder();
    const chat = writeTemp(folder, 'chat.txt', 'x');
    const empty = join(folder, 'empty');
    mkdirSync(join(empty, 'nested'), { recursive: true });
    const { files, problems } = await collectFiles([chat, empty]);
    expect(files.map((file) => file.path)).toEqual([chat]);
    expect(problems).toEqual([{ path: empty, reason: 'is a folder with no files in it', code: 'E_IMPORT_EMPTY' }]);
  });

  it('does not list an empty folder below a named folder that holds files', async () => {
    const folder = tempFolder();
    const chat = writeTemp(folder, 'chat.txt', 'x');
    mkdirSync(join(folder, 'DCIM'));
    const { files, problems } = await collectFiles([folder]);
    expect(files.map((file) => file.path)).toEqual([chat]);
    expect(problems).toEqual([]);
  });
});

describe('collectFiles and the case folder', () => {
  it("lists the case's own entries (database, log, index) met inside a named folder, and reads none of them", async () => {
    const evidence = tempFolder();
    const chat = writeTemp(evidence, 'chat.txt', 'x');
    const caseFolder = join(evidence, 'case');
    mkdirSync(join(caseFolder, 'index'), { recursive: true });
    writeTemp(caseFolder, 'case.sqlite', 'SQLite format 3');
    writeTemp(caseFolder, 'case.sqlite-wal', '');
    writeTemp(caseFolder, 'audit.jsonl', '{}');
    writeTemp(join(caseFolder, 'index'), 'manifest.json', '{}');
    const collected = await collectFiles([evidence, join(caseFolder, 'case.sqlite')], { caseFolder });
    expect(collected.files.map((file) => file.path)).toEqual([chat]);
    expect(collected.problems).toEqual([]);
    const own = ['audit.jsonl', 'case.sqlite', 'case.sqlite-wal', 'index', 'case.sqlite'].map((name) => ({ path: join(caseFolder, name), reason: OWN_CASE_REASON }));
    expect(collected.skipped).toEqual(own);
  });

  it('reads the other files of the case folder, such as the uploads waiting in its intake folder', async () => {
    const caseFolder = tempFolder();
    writeTemp(caseFolder, 'case.sqlite', 'SQLite format 3');
    const upload = writeWithFolders(join(caseFolder, 'intake', 'batch-1', 'chat.txt'), 'x');
    const beside = writeTemp(caseFolder, 'case-photos.txt', 'x');
    expect((await collectFiles([join(caseFolder, 'intake', 'batch-1')], { caseFolder })).files.map((file) => file.path)).toEqual([upload]);
    expect((await collectFiles([caseFolder], { caseFolder })).files.map((file) => file.path)).toEqual([beside, upload]);
  });
});

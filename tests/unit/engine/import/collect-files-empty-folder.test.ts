// A folder the analyst named that holds no file is listed with its reason (CLI.md lists every
// source); an empty folder met while walking a named one is not a source (phones hold hundreds).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFiles } from '../../../../engine/import/collect-files.ts';
import { tempFolder, writeTemp } from '../../../support/temp-case.ts';

describe('collectFiles and empty folders', () => {
  it('lists a named folder with no files as a problem coded E_IMPORT_EMPTY, beside the files of the other paths', () => {
    const folder = tempFolder();
    const chat = writeTemp(folder, 'chat.txt', 'x');
    const empty = join(folder, 'empty');
    mkdirSync(join(empty, 'nested'), { recursive: true });
    const { files, problems } = collectFiles([chat, empty]);
    expect(files.map((file) => file.path)).toEqual([chat]);
    expect(problems).toEqual([{ path: empty, reason: 'is a folder with no files in it', code: 'E_IMPORT_EMPTY' }]);
  });

  it('does not list an empty folder below a named folder that holds files', () => {
    const folder = tempFolder();
    const chat = writeTemp(folder, 'chat.txt', 'x');
    mkdirSync(join(folder, 'DCIM'));
    const { files, problems } = collectFiles([folder]);
    expect(files.map((file) => file.path)).toEqual([chat]);
    expect(problems).toEqual([]);
  });
});

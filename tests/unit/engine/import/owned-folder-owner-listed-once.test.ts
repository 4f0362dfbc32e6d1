import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../../../engine/engine.ts';
import type * as CellebriteFolder from '../../../../engine/import/cellebrite-folder.ts';
import { tempFolder } from '../../../support/temp-case.ts';

/**
 * Regression: a report that could not be read to tell which files of its folder it names (removed
 * or made unreadable after the folder was collected) was listed as a failed source of its own, and
 * then imported (or failed) as the source it is: one file, two rows of the import summary, counted
 * twice in its totals and in the CLI's output. Its own import says what became of it; the files it
 * may name are listed as not checked.
 */
vi.mock('../../../../engine/import/cellebrite-folder.ts', async (importOriginal) => {
  const original = await importOriginal<typeof CellebriteFolder>();
  return {
    ...original,
    namesInReport: () => Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })),
  };
});

const REPORT = '<?xml version="1.0"?>\n<project xmlns="http://pa.cellebrite.com/report/2.0"><taggedFiles><file local_path="files/a.jpg"/></taggedFiles></project>';

let engine: Engine | null = null;

afterEach(async () => {
  await engine?.dispose();
  engine = null;
});

describe('an owned folder whose report cannot be read to check its files', () => {
  it('regression: lists the report once, as the source it is, and the files it may name as not checked', async () => {
    const evidence = tempFolder();
    const folder = join(evidence, 'phone');
    mkdirSync(join(folder, 'files'), { recursive: true });
    writeFileSync(join(folder, 'report.xml'), REPORT);
    writeFileSync(join(folder, 'files', 'a.jpg'), 'jpeg');
    engine = new Engine({ mode: 'cli', actor: 'test-examiner' });
    await engine.openCase(join(evidence, 'case'), true);
    const summary = await engine.startImport([folder], {}).done;
    const report = join(folder, 'report.xml');
    expect(summary.sources.filter((source) => source.path === report)).toHaveLength(1);
    expect(summary.sources.find((source) => source.path === join(folder, 'files', 'a.jpg'))?.issues[0]?.reason).toContain('could not be read to tell whether it names this file');
    expect(summary.totals.sources).toBe(summary.sources.length);
  }, 60_000);
});

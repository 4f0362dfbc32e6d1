import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Proves the layer rules bite: code that breaks the layer matrix is linted as if it lived in
 * the forbidden place, and the check must report it.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('layer rules', () => {
  it('fail when a renderer file imports node:fs', async () => {
    expect(await ruleIdsFor('renderer/src/features/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toContain('no-restricted-imports');
  });

  it('fail when a shared file imports electron', async () => {
    expect(await ruleIdsFor('shared/bad.ts', "import { app } from 'electron';\nexport const x = app;\n")).toContain('no-restricted-imports');
  });

  it('fail when the renderer reaches into the engine', async () => {
    expect(await ruleIdsFor('renderer/src/features/bad.ts', "import { Engine } from '../../../engine/engine.ts';\nexport const x = Engine;\n")).toContain('import-x/no-restricted-paths');
  });

  it('fail when the engine imports electron', async () => {
    expect(await ruleIdsFor('engine/bad.ts', "import { app } from 'electron';\nexport const x = app;\n")).toContain('no-restricted-imports');
  });

  it('pass for an allowed import', async () => {
    expect(await ruleIdsFor('renderer/src/features/good.ts', "import { foldText } from '../../../shared/text/fold.ts';\nexport const x = foldText;\n")).toEqual([]);
  });
});

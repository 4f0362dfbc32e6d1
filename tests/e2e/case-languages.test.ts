import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUiSession } from '../support/ui-session.ts';
import type { UiSession } from '../support/ui-session.ts';
import type { Engine } from '../../engine/engine.ts';
import type { LoopbackServer } from '../../engine/loopback/server.ts';
import { REPO_ROOT, tempFolder } from '../support/temp-case.ts';

/** The case's language list in the UI: set when the case is created, changed from the case bar. */
let session: UiSession;
let engine: Engine;
let server: LoopbackServer;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  session = await openUiSession();
  ({ engine, server, page, consoleErrors } = session);
}, 180_000);

afterAll(async () => {
  await session?.close();
});

describe('case languages in the UI', () => {
  it('refuses a list with a word that is not a code, before creating anything', async () => {
    await page.goto(server.url);
    await page.getByTestId('case-path').fill(join(tempFolder(), 'never-made'));
    await page.getByTestId('case-languages').fill('ron, romanian');
    await page.getByTestId('case-create').click();
    await expect.poll(() => page.getByTestId('case-error').textContent()).toContain('"romanian" is not an ISO 639-3 language code');
    expect(await engine.handlers()['case.current']({})).toBeNull();
  });

  it('creates a case with a list, shows it, and changes it from the case bar', async () => {
    await page.getByTestId('case-path').fill(join(tempFolder(), 'ron-bul'));
    await page.getByTestId('case-languages').fill('ron, RUM bul');
    await page.getByTestId('case-create').click();
    await expect.poll(() => page.getByTestId('case-languages-shown').textContent()).toBe('ron, bul');
    expect(engine.current().settings.languages).toEqual(['ron', 'bul']);
    await page.screenshot({ path: join(REPO_ROOT, 'test-results', 'e2e', 'case-languages-bar.png') });

    await page.getByTestId('case-languages-edit').click();
    await page.getByTestId('case-languages-input').fill('ron x1');
    await page.getByTestId('case-languages-save').click();
    await expect.poll(() => page.getByTestId('case-languages-error').textContent()).toContain('"x1"');
    await page.screenshot({ path: join(REPO_ROOT, 'test-results', 'e2e', 'case-languages-dialog.png') });
    await page.getByTestId('case-languages-input').fill('ron eng');
    await page.getByTestId('case-languages-save').click();
    await expect.poll(() => page.getByTestId('case-languages-shown').textContent()).toBe('ron, eng');
    expect(engine.current().settings.languages).toEqual(['ron', 'eng']);

    await page.getByTestId('case-languages-edit').click();
    await page.getByTestId('case-languages-input').fill('');
    await page.getByTestId('case-languages-save').click();
    await expect.poll(() => page.getByTestId('case-languages-shown').textContent()).toBe('any');
    expect(engine.current().settings.languages).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useUiSession } from '../support/ui-session.ts';
import { REPO_ROOT, tempFolder } from '../support/temp-case.ts';

/** The case's language list in the UI: set when the case is created, changed from the case bar. */
const ui = useUiSession({}, 180_000);

describe('case languages in the UI', () => {
  it('refuses a list with a word that is not a code, before creating anything', async () => {
    await ui.page.goto(ui.server.url);
    await ui.page.getByTestId('case-path').fill(join(tempFolder(), 'never-made'));
    await ui.page.getByTestId('case-languages').fill('ron, romanian');
    await ui.page.getByTestId('case-create').click();
    await expect.poll(() => ui.page.getByTestId('case-error').textContent()).toContain('"romanian" is not an ISO 639-3 language code');
    expect(await ui.engine.handlers()['case.current']({})).toBeNull();
  });

  it('creates a case with a list, shows it, and changes it from the case bar', async () => {
    await ui.page.getByTestId('case-path').fill(join(tempFolder(), 'ron-bul'));
    await ui.page.getByTestId('case-languages').fill('ron, RUM bul');
    await ui.page.getByTestId('case-create').click();
    await expect.poll(() => ui.page.getByTestId('case-languages-shown').textContent()).toBe('ron, bul');
    expect(ui.engine.current().settings.languages).toEqual(['ron', 'bul']);
    await ui.page.screenshot({ path: join(REPO_ROOT, 'test-results', 'e2e', 'case-languages-bar.png') });

    await ui.page.getByTestId('case-languages-edit').click();
    await ui.page.getByTestId('case-languages-input').fill('ron x1');
    await ui.page.getByTestId('case-languages-save').click();
    await expect.poll(() => ui.page.getByTestId('case-languages-error').textContent()).toContain('"x1"');
    await ui.page.screenshot({ path: join(REPO_ROOT, 'test-results', 'e2e', 'case-languages-dialog.png') });
    await ui.page.getByTestId('case-languages-input').fill('ron eng');
    await ui.page.getByTestId('case-languages-save').click();
    await expect.poll(() => ui.page.getByTestId('case-languages-shown').textContent()).toBe('ron, eng');
    expect(ui.engine.current().settings.languages).toEqual(['ron', 'eng']);

    await ui.page.getByTestId('case-languages-edit').click();
    await ui.page.getByTestId('case-languages-input').fill('');
    await ui.page.getByTestId('case-languages-save').click();
    await expect.poll(() => ui.page.getByTestId('case-languages-shown').textContent()).toBe('any');
    expect(ui.engine.current().settings.languages).toEqual([]);
    expect(ui.consoleErrors).toEqual([]);
  }, 60_000);
});

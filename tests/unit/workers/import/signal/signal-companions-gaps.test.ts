import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { detectFormat } from '../../../../../workers/import/detect-format.ts';
import { MAX_CHAT_FOLDERS_LOOKED_AT } from '../../../../../workers/import/signal/companions.ts';
import { REPO_ROOT, tempFolder } from '../../../../support/temp-case.ts';
import { unlistable } from '../../../../support/unlistable-folder.ts';

/**
 * signal-export companions near folders that cannot be looked at whole: one that cannot be listed
 * (on disk: execute without read permission, which tests running as root cannot make; readdirSync
 * fails for it alone), or one holding more chat folders than are looked into.
 */
vi.mock('node:fs', async (importOriginal) => (await import('../../../../support/unlistable-folder.ts')).withUnlistableFolder(await importOriginal()));

/** fixtures/signal/export: a signal-export folder as main.py writes it (chat.md, data.json, index.html; style.css, chat.js). */
const EXPORT = join(REPO_ROOT, 'fixtures', 'signal', 'export');

function copyOfExport(): string {
  const folder = join(tempFolder(), 'export');
  cpSync(EXPORT, folder, { recursive: true });
  return folder;
}

describe('signal-export companions near a folder not looked at whole', () => {
  it('says the export root could not be listed instead of failing detection (regression: readdirSync threw out of detectFormat)', async () => {
    const root = copyOfExport();
    unlistable.folder = root;
    const detected = await detectFormat(join(root, 'style.css'));
    expect(detected.format).toBeNull();
    expect(detected.companionOf).toBeUndefined();
    expect(detected.reason).toBe(`possibly the stylesheet of signal-export's HTML pages, but the chat folders below export could not all be looked at (${root}: it could not be listed (EACCES: permission denied, scandir '${root}')), and none looked at holds a signal-export chat.md; it was not imported`);
    // The chat itself is a source as ever.
    unlistable.folder = '';
    expect((await detectFormat(join(root, 'Ion Popa', 'chat.md'))).format).toBe('signal-export-text');
  });

  it('reaches chat.md by its name when the chat folder cannot be listed', async () => {
    const root = copyOfExport();
    unlistable.folder = join(root, 'Ion Popa');
    const detected = await Promise.all(['index.html', 'data.json'].map((name) => detectFormat(join(root, 'Ion Popa', name))));
    expect(detected.map((item) => item.companionOf)).toEqual(['Ion Popa/chat.md', 'Ion Popa/chat.md']);
  });

  it('says how many chat folders were looked into when the chat lies beyond them', async () => {
    const root = copyOfExport();
    // "A …" sorts before "Ion Popa", whose chat is then past the folders looked into.
    for (let index = 0; index < MAX_CHAT_FOLDERS_LOOKED_AT; index += 1) mkdirSync(join(root, `A empty ${String(index).padStart(2, '0')}`));
    const detected = await detectFormat(join(root, 'chat.js'));
    expect(detected.companionOf).toBeUndefined();
    expect(detected.reason).toContain(`${root}: it holds ${MAX_CHAT_FOLDERS_LOOKED_AT + 1} folders: only the first ${MAX_CHAT_FOLDERS_LOOKED_AT} by name were looked into`);
  });

  it('regression: an index.html whose chat.md, reached by its name in a folder that cannot be listed, is not signal-export\'s is no companion, and is not said to be unseen', async () => {
    const root = copyOfExport();
    writeFileSync(join(root, 'Ion Popa', 'chat.md'), '# shopping list\n\n- bread\n');
    unlistable.folder = join(root, 'Ion Popa');
    const detected = await detectFormat(join(root, 'Ion Popa', 'index.html'));
    expect(detected.companionOf).toBeUndefined();
    expect(detected.reason).not.toContain('could not be looked at');
    expect(detected.reason).toMatch(/^the content matches no supported export format/u);
  });
});

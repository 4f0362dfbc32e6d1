import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../../workers/import/detect-format.ts';
import { REPO_ROOT, tempFolder } from '../../../../support/temp-case.ts';

/** fixtures/signal/export: a signal-export folder as main.py writes it (chat.md, data.json, index.html; style.css, chat.js). */
const EXPORT = join(REPO_ROOT, 'fixtures', 'signal', 'export');

function copyOfExport(): string {
  const folder = join(tempFolder(), 'export');
  cpSync(EXPORT, folder, { recursive: true });
  return folder;
}

describe('signal-export companions', () => {
  it('reports the HTML pages, the JSON copy and the page assets as companions of the export, with a reason', async () => {
    const detected = await Promise.all(['Ion Popa/index.html', 'Ion Popa/data.json', 'style.css', 'chat.js', 'Ion Popa/chat.md'].map((name) => detectFormat(join(EXPORT, name))));
    expect(detected.map((item) => [item.format, item.companionOf])).toEqual([
      [null, 'Ion Popa/chat.md'],
      [null, 'Ion Popa/chat.md'],
      [null, 'export'],
      [null, 'export'],
      ['signal-export-text', undefined],
    ]);
    expect(detected[0]?.reason).toBe("signal-export's HTML pages of the chat in Ion Popa/chat.md (the same messages): the chat is imported from chat.md");
    expect(detected[2]?.reason).toBe("the stylesheet of signal-export's HTML pages in export (a chat of it: Ion Popa/chat.md); not messages");
  });

  it('looks at the content, not the name alone: without its signal-export chat, or with other content, a file is no companion', async () => {
    const folder = copyOfExport();
    writeFileSync(join(folder, 'Ion Popa', 'data.json'), '{"messages": []}\n');
    expect((await detectFormat(join(folder, 'Ion Popa', 'data.json'))).companionOf).toBeUndefined();
    writeFileSync(join(folder, 'Ion Popa', 'chat.md'), 'not a chat\n');
    expect((await detectFormat(join(folder, 'Ion Popa', 'index.html'))).companionOf).toBeUndefined();
    expect((await detectFormat(join(folder, 'style.css'))).companionOf).toBeUndefined();
    rmSync(join(folder, 'Ion Popa'), { recursive: true });
    mkdirSync(join(folder, 'elsewhere'));
    writeFileSync(join(folder, 'elsewhere', 'index.html'), '<!doctype html><title>x</title>\n');
    expect((await detectFormat(join(folder, 'elsewhere', 'index.html'))).companionOf).toBeUndefined();
  });
});

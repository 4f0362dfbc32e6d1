import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../../workers/import/detect-format.ts';
import { tempFolder } from '../../../../support/temp-case.ts';
import { CHAT_PAGE, LIST_PAGE, RESULT_JSON, ROOT_PAGE } from './full-export-pages.ts';

/**
 * A small Telegram Desktop full-account export as its writers lay it out (export_output_html.cpp:
 * HtmlWriter::start writes export_results.html with pushHeader("Exported Data") and page_body,
 * writePreparedPersonal the personal_info rows, writeDialogsStart lists/chats.html with a header
 * linking back to ../export_results.html and page_body list_page, writeDialogOpening each chat's
 * chats/chat_NN/messages.html with page_body chat_page and history; export_output_json.cpp
 * result.json with personal_information and chats.list; HtmlAndJsonWriter both into one folder).
 */
function fullExport(withJson: boolean): string {
  const root = join(tempFolder(), 'DataExport_2026-05-02');
  mkdirSync(join(root, 'lists'), { recursive: true });
  mkdirSync(join(root, 'chats', 'chat_01'), { recursive: true });
  writeFileSync(join(root, 'export_results.html'), ROOT_PAGE);
  writeFileSync(join(root, 'lists', 'chats.html'), LIST_PAGE);
  writeFileSync(join(root, 'chats', 'chat_01', 'messages.html'), CHAT_PAGE);
  if (withJson) writeFileSync(join(root, 'result.json'), RESULT_JSON);
  return root;
}

/** The whole export imported: each file detected with the others' result.json as imported with it. */
async function formats(root: string): Promise<[string | null, string | undefined][]> {
  const files = ['result.json', 'export_results.html', 'lists/chats.html', 'chats/chat_01/messages.html'];
  const importedWith = [join(root, 'result.json')];
  const detected = await Promise.all(files.map((file) => detectFormat(join(root, file), undefined, importedWith).catch(() => ({ format: null, companionOf: 'missing' }))));
  return detected.map((item) => [item.format, item.companionOf]);
}

describe('Telegram full-account export folder: each chat imported once, the overview pages named', () => {
  it('HTML only: the chat page is the source; the root page and the list page are companions with a reason, not files of no format', async () => {
    const root = fullExport(false);
    expect(await formats(root)).toEqual([
      [null, 'missing'],
      [null, 'DataExport_2026-05-02'],
      [null, 'DataExport_2026-05-02'],
      ['telegram-html', undefined],
    ]);
    expect((await detectFormat(join(root, 'export_results.html'))).reason).toMatch(/^the overview page of a Telegram Desktop full-account export/u);
    expect((await detectFormat(join(root, 'lists', 'chats.html'))).reason).toMatch(/^a list page of a Telegram Desktop full-account export \(lists\/chats\.html/u);
  });

  it('"HTML and JSON": the chat is read from result.json once; its HTML page is a companion of result.json', async () => {
    const root = fullExport(true);
    expect(await formats(root)).toEqual([
      ['telegram-json', undefined],
      [null, 'DataExport_2026-05-02'],
      [null, 'DataExport_2026-05-02'],
      [null, 'result.json'],
    ]);
    expect((await detectFormat(join(root, 'chats', 'chat_01', 'messages.html'), undefined, [join(root, 'result.json')])).reason).toBe(
      'a Telegram Desktop HTML page of a chat the same export also wrote in ../../result.json (export format "HTML and JSON": the same messages): the chat is imported from result.json',
    );
  });

  it('a single-chat "HTML and JSON" export: messages.html beside result.json is its companion; a result.json elsewhere is not taken for its own', async () => {
    const root = fullExport(true);
    const single = join(root, 'ChatExport_2026-05-02');
    mkdirSync(single);
    writeFileSync(join(single, 'messages.html'), CHAT_PAGE);
    // Not in chats/chat_NN/: the result.json above belongs to another export.
    expect((await detectFormat(join(single, 'messages.html'))).format).toBe('telegram-html');
    writeFileSync(join(single, 'result.json'), JSON.stringify({ name: 'Vlad', type: 'personal_chat', id: 41, messages: [] }));
    const withJson = [join(single, 'result.json')];
    expect((await detectFormat(join(single, 'messages.html'), undefined, withJson)).companionOf).toBe('result.json');
    // A result.json that is not Telegram's makes no companion.
    writeFileSync(join(single, 'result.json'), '{"results": []}');
    expect((await detectFormat(join(single, 'messages.html'), undefined, withJson)).format).toBe('telegram-html');
    rmSync(root, { recursive: true });
  });

  it('one chat\'s folder of an "HTML and JSON" export imported alone: its pages are the source, as result.json is not imported', async () => {
    const root = fullExport(true);
    const page = join(root, 'chats', 'chat_01', 'messages.html');
    // Imported with the chat's own files only (the engine passes the import's result.json files, none here).
    expect((await detectFormat(page, undefined, [])).format).toBe('telegram-html');
    expect((await detectFormat(page, undefined, [join(root, 'result.json')])).companionOf).toBe('result.json');
    rmSync(root, { recursive: true });
  });
});

import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { detectFormat } from '../../../../../workers/import/detect-format.ts';
import { PARSERS } from '../../../../../workers/import/parsers.ts';
import { ZipArchive } from '../../../../../workers/import/zip/zip-archive.ts';
import { importZip, surveyZip } from '../../../../../workers/import/zip/zip-source.ts';
import { stubRecordWriter } from '../../../../support/stub-record-writer.ts';
import { tempFolder, writeTemp, writeWithFolders } from '../../../../support/temp-case.ts';
import { buildZip } from '../../../../support/zip-writer.ts';
import { CHAT_PAGE, LIST_PAGE, RESULT_JSON, ROOT_PAGE } from '../telegram/full-export-pages.ts';

/**
 * A Telegram Desktop full-account export in the "HTML and JSON" format (HtmlAndJsonWriter,
 * export_output_html_and_json.cpp: the HTML and the JSON writers into one folder), zipped. Its
 * folder on disk imports each chat once, from result.json, and names the chat pages, the overview
 * page and the list pages as companions (telegram/html-export-companions.ts); the zip reader
 * recognised its entries on its own and imported the chat from result.json and again from
 * chats/chat_01/messages.html, and listed the overview and list pages as files of no format.
 */
const EXPORT: Record<string, string> = {
  'export_results.html': ROOT_PAGE,
  'lists/chats.html': LIST_PAGE,
  'chats/chat_01/messages.html': CHAT_PAGE,
  'result.json': RESULT_JSON,
};

/** The export under `top` ('' for the zip's root), as a zip and as the same folder on disk. */
function exportAsZipAndFolder(files: Record<string, string>, top: string): { zip: string; folder: string } {
  const base = tempFolder();
  const entries = Object.entries(files).map(([name, data]) => ({ name: `${top}${name}`, data, deflate: true }));
  for (const entry of entries) writeWithFolders(join(base, 'folder', entry.name), entry.data);
  return { zip: writeTemp(base, 'telegram-export.zip', buildZip(entries)), folder: join(base, 'folder') };
}

async function surveyOf(zip: string): Promise<{ recognised: string[]; companions: { name: string; reason: string }[] }> {
  const archive = await ZipArchive.open(zip);
  try {
    const survey = await surveyZip(archive, PARSERS);
    return { recognised: survey.recognised.map((item) => `${item.entry.name} ${item.parser.format}`), companions: survey.companions.map(({ name, reason }) => ({ name, reason })) };
  } finally {
    archive.close();
  }
}

/** What detectFormat says of the same files in the folder, all imported together: the companions with their reasons. */
async function folderCompanions(folder: string, names: readonly string[]): Promise<{ name: string; reason: string }[]> {
  const found: { name: string; reason: string }[] = [];
  const paths = names.map((name) => join(folder, name));
  for (const name of names) {
    const detected = await detectFormat(join(folder, name), undefined, paths.filter((path) => path !== join(folder, name)));
    if (detected.companionOf !== undefined) found.push({ name, reason: detected.reason });
  }
  return found;
}

describe('a zipped Telegram "HTML and JSON" export is read as its folder is (regression: every chat imported twice)', () => {
  it.each([
    ['at the root of the zip', ''],
    ['in the export folder the writer names', 'DataExport_2026-05-02/'],
  ])('%s: the chat comes from result.json once; its page, the overview and the list page are companions, with the folder\'s reasons', async (_where, top) => {
    const { zip, folder } = exportAsZipAndFolder(EXPORT, top);
    const found = await surveyOf(zip);
    expect(found.recognised).toEqual([`${top}result.json telegram-json`]);
    const names = Object.keys(EXPORT).map((name) => `${top}${name}`);
    expect(found.companions.map((item) => item.name).sort()).toEqual(names.filter((name) => !name.endsWith('result.json')).sort());
    // The same decision and the same reason as for the folder on disk.
    const onDisk = await folderCompanions(folder, names);
    expect([...found.companions].sort((a, b) => a.name.localeCompare(b.name))).toEqual(onDisk.sort((a, b) => a.name.localeCompare(b.name)));
  });

  it('HTML only: the chat page is the source; the overview and list pages are companions', async () => {
    const { zip } = exportAsZipAndFolder({ 'export_results.html': ROOT_PAGE, 'lists/chats.html': LIST_PAGE, 'chats/chat_01/messages.html': CHAT_PAGE }, '');
    const found = await surveyOf(zip);
    expect(found.recognised).toEqual(['chats/chat_01/messages.html telegram-html']);
    expect(found.companions.map((item) => item.name)).toEqual(['export_results.html', 'lists/chats.html']);
  });

  it('a single chat: messages.html beside a Telegram result.json is its companion; beside a result.json that is not Telegram\'s it is the source', async () => {
    expect((await surveyOf(exportAsZipAndFolder({ 'messages.html': CHAT_PAGE, 'result.json': JSON.stringify({ name: 'Vlad', type: 'personal_chat', id: 41, messages: [] }) }, 'ChatExport/').zip)).recognised).toEqual([
      'ChatExport/result.json telegram-json',
    ]);
    expect((await surveyOf(exportAsZipAndFolder({ 'messages.html': CHAT_PAGE, 'result.json': '{"results": [1, 2, 3]}' }, 'ChatExport/').zip)).recognised).toEqual(['ChatExport/messages.html telegram-html']);
    // A result.json above a folder that is not chats/chat_NN/ belongs to another export.
    expect((await surveyOf(exportAsZipAndFolder({ 'other/messages.html': CHAT_PAGE, 'result.json': RESULT_JSON }, '').zip)).recognised).toEqual(['other/messages.html telegram-html', 'result.json telegram-json']);
  });

  it('the import stores the chat once and names each companion with its reason, not as an entry of no format', async () => {
    const { zip } = exportAsZipAndFolder(EXPORT, 'DataExport_2026-05-02/');
    let messages = 0;
    const writer = stubRecordWriter({ path: zip, format: 'zip' }, (method, params) => {
      if (method === 'insertMessages') messages += params.batch?.rows.count ?? 0;
      return undefined;
    });
    const warnings: string[] = [];
    vi.spyOn(writer, 'warning').mockImplementation((warning) => void warnings.push(`${warning.place} ${warning.message}`));
    const outcome = await importZip(zip, writer, PARSERS, {});
    await writer.flush();
    expect(messages).toBe(1);
    expect((outcome.details['entries'] as { name: string }[]).map((entry) => entry.name)).toEqual(['DataExport_2026-05-02/result.json']);
    expect(warnings).toContain(
      `${zip}!DataExport_2026-05-02/chats/chat_01/messages.html not imported, a companion: a Telegram Desktop HTML page of a chat the same export also wrote in ../../result.json (export format "HTML and JSON": the same messages): the chat is imported from result.json`,
    );
    expect(warnings.filter((warning) => warning.includes('neither an export Threadline recognises'))).toEqual([]);
  });
});

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import { searchCase } from '../../engine/search/search-case.ts';
import { SAMPLES, tempFolder, writeTemp } from '../support/temp-case.ts';
import { buildZip } from '../support/zip-writer.ts';

const engines: Engine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.dispose()));
});

async function openCase() {
  const engine = new Engine({ mode: 'cli', actor: 'zip-test' });
  engines.push(engine);
  const folder = tempFolder();
  const session = await engine.openCase(join(folder, 'case'), true);
  return { engine, session, folder };
}

const IOS_CHAT = [
  '[12/03/2024, 09:15:01] Ana: I sent you the photo of the contract',
  '[12/03/2024, 09:15:10] Ana: \u200e<attached: 00000035-PHOTO-2024-03-12-09-15-10.jpg>',
  '[12/03/2024, 09:16:00] Dan: \u200e<attached: 00000036-AUDIO-2024-03-12-09-16-00.opus>',
  '[13/03/2024, 10:00:00] Dan: see you at the station',
].join('\r\n');

describe('zip exports, read in place', () => {
  it('imports the chat inside an iOS export zip and hashes its media from the zip', async () => {
    const { engine, session, folder } = await openCase();
    const zip = writeTemp(folder, 'WhatsApp Chat - Ana.zip', buildZip([
      { name: '_chat.txt', data: IOS_CHAT, deflate: true },
      { name: '00000035-PHOTO-2024-03-12-09-15-10.jpg', data: 'JPEG bytes' },
    ]));
    const summary = await engine.startImport([zip], {}).done;
    expect(summary.sources[0]).toMatchObject({ status: 'imported', format: 'zip', messages: 4, attachments: 2 });
    const hit = (await searchCase(session, 'station', 10, 0)).hits[0];
    expect(hit?.locator).toMatchObject({ kind: 'text-lines', file: '_chat.txt', lineStart: 4 });
    const conversation = (await session.db.client.call('listConversations', {}))[0];
    const { messages } = await session.db.client.call('messagesRange', { chatId: conversation?.id ?? '', offset: 0, limit: 10 });
    expect(messages[1]?.attachments[0]).toMatchObject({ status: 'ok', fileName: '00000035-PHOTO-2024-03-12-09-15-10.jpg', size: 10 });
    expect(messages[2]?.attachments[0]).toMatchObject({ status: 'missing', mediaType: 'audio' });
    // Why it is missing is an import issue at the message's place (it was told nowhere).
    expect(summary.sources[0]?.issues).toEqual([{ place: '_chat.txt:3', reason: 'attachment 00000036-AUDIO-2024-03-12-09-16-00.opus cannot be read (the zip holds no entry named 00000036-AUDIO-2024-03-12-09-16-00.opus); recorded as missing' }]);
    const info = await session.info();
    expect(info.sources[0]?.details['entries']).toEqual([expect.objectContaining({ name: '_chat.txt', format: 'whatsapp-txt', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    expect(existsSync(join(session.path, 'attachments'))).toBe(false); // nothing extracted by the import

    // An export copies the photo out of the zip (verified against its import hash) into the package.
    const bag = join(folder, 'bag');
    const exported = await engine.startExport({ outDir: bag, select: 'query:contract', context: 1, includeOriginals: false }).done;
    expect(exported.skippedAttachments).toEqual([]);
    expect(exported.files.some((file) => file.endsWith('00000035-PHOTO-2024-03-12-09-15-10.jpg'))).toBe(true);
    // Regression: the export task said "1 messages" of a package holding the context around it too.
    expect(exported).toMatchObject({ messages: 1, contextMessages: 1 });
    const task = (await engine.handlers()['tasks.list']({})).find((entry) => entry.kind === 'export');
    expect(task?.summary).toMatch(/^1 selected message and 1 message of context, \d+ files, [\d,]+ bytes in /u);
  });

  it('imports the zip samples from ../shared/samples', async () => {
    const zips = [join(SAMPLES, 'whatsapp-txt', 'chat-analytics', '4A_11M.zip'), join(SAMPLES, 'whatsapp-txt', 'whats_json', 'ios', 'WhatsApp Chat - Elon Musk (RU).zip')].filter((path) => existsSync(path));
    if (zips.length === 0) return;
    const { engine } = await openCase();
    const summary = await engine.startImport(zips, {}).done;
    for (const source of summary.sources) expect(source.status, source.error?.message).toBe('imported');
  });

  it('never writes outside the case for entries named ../ or absolute, and reports them', async () => {
    const { engine, folder } = await openCase();
    const zip = writeTemp(folder, 'slip.zip', buildZip([
      { name: '../../evil.txt', data: 'owned' },
      { name: '/etc/evil.txt', data: 'owned' },
      { name: 'chat/_chat.txt', data: IOS_CHAT },
    ]));
    const summary = await engine.startImport([zip], {}).done;
    expect(summary.sources[0]?.status).toBe('imported');
    expect(summary.sources[0]?.issues.filter((issue) => issue.reason.includes('outside the archive'))).toHaveLength(2);
    expect(readdirSync(folder).sort()).toEqual(['case', 'slip.zip']);
  });

  it('refuses a zip bomb entry by its ratio and a lying size header, and keeps the case usable', async () => {
    const { engine, session, folder } = await openCase();
    const bomb = writeTemp(folder, 'bomb.zip', buildZip([{ name: '_chat.txt', data: `${IOS_CHAT}\r\n${'A'.repeat(40 * 1024 * 1024)}`, deflate: true }]));
    const liar = writeTemp(folder, 'liar.zip', buildZip([{ name: '_chat.txt', data: IOS_CHAT, declaredSize: 10 }]));
    const summary = await engine.startImport([bomb, liar], {}).done;
    expect(summary.sources.map((source) => source.status)).toEqual(['failed', 'failed']);
    expect(summary.sources[0]?.error?.message).toMatch(/bomb|limit/);
    expect((await session.info()).messageCount).toBe(0);
  });
});

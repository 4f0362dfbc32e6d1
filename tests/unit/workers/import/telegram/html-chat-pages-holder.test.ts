import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../../../../shared/contracts/import-worker.ts';
import type { NearbyFile, ParserInput } from '../../../../../shared/contracts/parsed-source.ts';
import type { CallContext } from '../../../../../shared/worker/serve.ts';
import { RecordWriter } from '../../../../../workers/import/record-writer.ts';
import { folderFiles } from '../../../../../workers/import/source-files.ts';
import { telegramHtmlParser } from '../../../../../workers/import/telegram/index.ts';
import { importZip } from '../../../../../workers/import/zip/zip-source.ts';
import { MAX_NEARBY_FILES } from '../../../../../workers/import/file-input.ts';
import { inputFromFile, inputFromText, runParser } from '../../../../support/parser-harness.ts';
import { buildZip } from '../../../../support/zip-writer.ts';

/**
 * Regression: directions of a Telegram HTML chat depended on the page a message was on. Telegram
 * Desktop splits a chat into messages.html, messages2.html… (export_output_html.cpp,
 * HtmlWriter::messagesFile, a file per 1000 messages, each with the chat header, linked by
 * "Previous messages"/"Next messages"), and only the page holding a call (or a reaction marked
 * as the holder's) named the holder: the other pages of the same chat got no directions, and two
 * pages could name different holders. Pages built here in that markup, in a folder on disk.
 */

function page(header: string, blocks: string[], previous: string | null = null): string {
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"/><title>Exported Data</title></head><body><div class="page_wrap">',
    `<div class="page_header"><div class="content"><div class="text bold">${header}</div></div></div>`,
    '<div class="page_body chat_page"><div class="history">',
    previous === null ? '' : `<a class="pagination block_link" href="${previous}">Previous messages</a>`,
    ...blocks,
    '</div></div></div></body></html>',
  ].join('\n');
}

function message(id: number, from: string, inner: string): string {
  return `<div class="message default clearfix" id="message${id}"><div class="body"><div class="pull_right date details" title="03.12.2025 19:00:${String(id % 60).padStart(2, '0')} UTC+02:00">19:00</div><div class="from_name">${from}</div>${inner}</div></div>`;
}

function call(status: string, title: string): string {
  return `<div class="media_wrap clearfix"><div class="media clearfix pull_left media_call success"><div class="fill pull_left"></div><div class="body"><div class="title bold">${title}</div><div class="status details">${status}</div></div></div></div>`;
}

const text = (words: string): string => `<div class="text">${words}</div>`;

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function exportFolder(pages: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'threadline-tg-pages-'));
  folders.push(folder);
  for (const [name, html] of Object.entries(pages)) writeFileSync(join(folder, name), html);
  return folder;
}

const parseFile = (folder: string, name: string): ReturnType<typeof runParser> => runParser(telegramHtmlParser, inputFromFile(join(folder, name)));
const directions = (messages: { direction?: 'incoming' | 'outgoing' | null }[]): (string | null)[] => messages.map((item) => item.direction ?? null);

describe('Telegram HTML: one account holder for all pages of a chat', () => {
  it('gives a page without a call the holder a call on another page of the chat names, with the same evidence', async () => {
    const folder = exportFolder({
      'messages.html': page('Marta', [message(1, 'Ion', text('salut')), message(2, 'Marta', text('hi'))]),
      'messages2.html': page('Marta', [message(1001, 'Marta', text('later')), message(1002, 'Marta', call('Declined', 'Ion'))], 'messages.html'),
    });
    const first = await parseFile(folder, 'messages.html');
    const second = await parseFile(folder, 'messages2.html');
    expect(directions(first.messages)).toEqual(['outgoing', 'incoming']);
    expect(directions(second.messages)).toEqual(['incoming', 'incoming']);
    // The call is the second message of messages2.html: line 6, below the pagination link.
    const holder = { name: 'Ion', evidence: 'the call at line 6 of messages2.html, "Declined": received by the person its title names, Ion' };
    expect(first.outcome.details['accountHolder']).toEqual(holder);
    expect(second.outcome.details['accountHolder']).toEqual(holder);
    expect(first.outcome.details['accountHolderPagesWeighed']).toBe(2);
    expect(first.warnings).toEqual([]);
    // The holder of messages.html rests on messages2.html, which the case may not hold: the
    // details pin the bytes it rested on (and name no page that named no one).
    const evidencePage = { page: 'messages2.html', sha256: createHash('sha256').update(readFileSync(join(folder, 'messages2.html'))).digest('hex') };
    expect(first.outcome.details['accountHolderEvidencePages']).toEqual([evidencePage]);
    expect(second.outcome.details['accountHolderEvidencePages']).toEqual([evidencePage]);
  });

  it('names no holder on any page when pages of the chat name different people, and says where', async () => {
    const folder = exportFolder({
      'messages.html': page('Marta', [message(1, 'Ion', call('Outgoing', 'Marta'))]),
      'messages2.html': page('Marta', [message(1001, 'Marta', text('no call here'))], 'messages.html'),
      'messages3.html': page('Marta', [message(2001, 'Marta', call('Outgoing (5 seconds)', 'Ion'))], 'messages2.html'),
    });
    const outcomes = await Promise.all(['messages.html', 'messages2.html', 'messages3.html'].map((name) => parseFile(folder, name)));
    for (const { messages, outcome } of outcomes) {
      expect(directions(messages)).toEqual([null]);
      expect(outcome.details['accountHolder']).toBe(
        'not named: the calls and reactions name different people (Ion, by the call at line 5 of messages.html, "Outgoing": placed by its sender, Ion; Marta, by the call at line 5 of messages3.html, "Outgoing (5 seconds)": placed by its sender, Marta): directions are unknown',
      );
    }
  });

  it('gives the pages of a chat inside a zip the same holder, read from the entries beside them', async () => {
    const folder = exportFolder({});
    const zipPath = join(folder, 'export.zip');
    writeFileSync(
      zipPath,
      buildZip([
        { name: 'ChatExport_2025-12-05/messages.html', data: page('Marta', [message(1, 'Ion', text('salut'))]) },
        { name: 'ChatExport_2025-12-05/messages2.html', data: page('Marta', [message(1001, 'Marta', call('Missed', 'Ion'))], 'messages.html'), deflate: true },
      ]),
    );
    // As the import worker runs a zip: a RecordWriter whose db worker answers every batch.
    const db = { call: (method: string, params: { batch?: { rows: { count: number } } }) => Promise.resolve(method === 'insertMessages' ? { rowids: Array.from({ length: params.batch?.rows.count ?? 0 }, (_row, index) => index + 1) } : null) };
    const job = { source: { id: 'src-zip', sha256: 'd'.repeat(64), timeZone: 'UTC', path: zipPath, device: null }, path: zipPath, casePath: join(folder, 'case'), format: 'zip' } as unknown as ImportJob;
    const context = { throwIfCancelled: () => undefined, progress: () => undefined } as unknown as CallContext;
    const outcome = await importZip(zipPath, new RecordWriter(job, { db: db as never, index: [] }, context, folderFiles(zipPath)), [telegramHtmlParser], {});
    const entries = outcome.details['entries'] as { name: string; details: Record<string, unknown> }[];
    const holder = { name: 'Ion', evidence: 'the call at line 5 of ChatExport_2025-12-05/messages2.html, "Missed": received by the person its title names, Ion' };
    expect(entries.map((entry) => [entry.name, entry.details['accountHolder']])).toEqual([
      ['ChatExport_2025-12-05/messages.html', holder],
      ['ChatExport_2025-12-05/messages2.html', holder],
    ]);
  });

  it('finds the header of a page beside it where the parse of its top is cut (8 KiB slices)', async () => {
    // A long <head> puts the header across the first slice boundary of the skim.
    const padded = (html: string): string => html.replace('<meta charset="utf-8"/>', `<meta charset="utf-8"/><style>${'x'.repeat(8 * 1024 - 150)}</style>`);
    const folder = exportFolder({
      'messages.html': padded(page('Marta', [message(1, 'Ion', text('salut'))])),
      'messages2.html': padded(page('Marta', [message(1001, 'Marta', call('Declined', 'Ion'))], 'messages.html')),
    });
    const first = await parseFile(folder, 'messages.html');
    expect(directions(first.messages)).toEqual(['outgoing']);
    expect(first.outcome.details['accountHolderPagesWeighed']).toBe(2);
  });

  it('weighs only pages of the same chat: a page beside it with another header is another chat', async () => {
    const folder = exportFolder({
      'messages.html': page('Marta', [message(1, 'Ion', text('salut'))]),
      'other.html': page('Somebody else', [message(7, 'Vlad', call('Outgoing', 'Somebody else'))]),
    });
    const { messages, outcome } = await parseFile(folder, 'messages.html');
    expect(directions(messages)).toEqual([null]);
    expect(outcome.details['accountHolder']).toBe("not named by the page (no phone call, no reaction marked as the holder's): directions are unknown");
    expect(outcome.details['accountHolderPagesWeighed']).toBe(1);
  });
});

/** An in-memory folder of pages whose reads are counted; each page's nearby() offers the others. */
function countedFolder(root: string, pages: Record<string, string>, options: { unreadable?: string; fingerprint?: (name: string) => string | undefined } = {}): { inputs: Map<string, ParserInput>; streams: Map<string, number> } {
  const streams = new Map<string, number>();
  const plain = new Map<string, ParserInput>();
  for (const [name, html] of Object.entries(pages)) {
    const base = inputFromText(html, { displayName: name });
    plain.set(name, {
      ...base,
      path: `${root}/${name}`,
      stream: () => {
        streams.set(name, (streams.get(name) ?? 0) + 1);
        if (name === options.unreadable) throw new Error('EIO: i/o error, read');
        return base.stream();
      },
    });
  }
  const nearbyOf = (own: string): NearbyFile[] =>
    [...plain].filter(([name]) => name !== own).map(([name, input]) => {
      const bytes = new TextEncoder().encode(pages[name] ?? '');
      const fingerprint = options.fingerprint === undefined ? `${bytes.length}:1` : options.fingerprint(name);
      return { relation: 'same-folder' as const, input, head: (length: number) => Promise.resolve(bytes.slice(0, length)), ...(fingerprint === undefined ? {} : { fingerprint }) };
    });
  const inputs = new Map([...plain].map(([name, input]): [string, ParserInput] => [name, { ...input, nearby: () => Promise.resolve(nearbyOf(name)) }]));
  return { inputs, streams };
}

describe('Telegram HTML: reading the other pages of a chat stays cheap and safe', () => {
  it('reads each page beside once per worker, not once per page imported', async () => {
    const count = 12;
    const pages: Record<string, string> = {};
    for (let index = 1; index <= count; index += 1) {
      const name = index === 1 ? 'messages.html' : `messages${index}.html`;
      pages[name] = page('Marta', [message(index * 1000, index === 7 ? 'Ion' : 'Marta', index === 7 ? call('Outgoing', 'Marta') : text(`page ${index}`))]);
    }
    const { inputs, streams } = countedFolder(`/in-memory/cost-${Date.now()}`, pages);
    for (const input of inputs.values()) {
      const { messages } = await runParser(telegramHtmlParser, input);
      expect(messages[0]?.direction).toBe(messages[0]?.sender === 'Ion' ? 'outgoing' : 'incoming');
    }
    // Per page: its own skim and its own writing; the one page with a call also its own holder
    // parse and the hash of its bytes; as a page beside, one skim (and one holder parse and one
    // hash for the page with a call), kept.
    const total = [...streams.values()].reduce((sum, value) => sum + value, 0);
    expect(total).toBeLessThanOrEqual(3 * count + 4);
  });

  it('reads a page beside again when its fingerprint changed, and not at all without one', async () => {
    const pages = { 'messages.html': page('Marta', [message(1, 'Ion', text('salut'))]), 'messages2.html': page('Marta', [message(1001, 'Marta', call('Missed', 'Ion'))]) };
    let version = 1;
    const root = `/in-memory/changed-${Date.now()}`;
    const { inputs, streams } = countedFolder(root, pages, { fingerprint: () => `v${version}` });
    const first = inputs.get('messages.html');
    if (first === undefined) throw new Error('no page');
    const read = await runParser(telegramHtmlParser, first);
    expect(directions(read.messages)).toEqual(['outgoing']);
    const afterFirst = streams.get('messages2.html') ?? 0;
    expect(afterFirst).toBeGreaterThan(0);
    await runParser(telegramHtmlParser, first);
    expect(streams.get('messages2.html')).toBe(afterFirst);
    version = 2;
    await runParser(telegramHtmlParser, first);
    expect(streams.get('messages2.html')).toBe(2 * afterFirst);
    const unversioned = countedFolder(`${root}-none`, pages, { fingerprint: () => undefined });
    const again = unversioned.inputs.get('messages.html');
    if (again === undefined) throw new Error('no page');
    await runParser(telegramHtmlParser, again);
    await runParser(telegramHtmlParser, again);
    expect(unversioned.streams.get('messages2.html')).toBe(2 * afterFirst);
  });

  it('names no holder when a file beside cannot be read: it may be a page of the chat naming someone else (regression: the holder was decided from the other pages)', async () => {
    const pages = {
      'messages.html': page('Marta', [message(1, 'Ion', text('salut'))]),
      'messages2.html': page('Marta', [message(1001, 'Marta', call('Incoming', 'Ion'))]),
      'messages3.html': page('Marta', [message(2001, 'Marta', text('lost'))]),
    };
    const { inputs } = countedFolder(`/in-memory/unreadable-${Date.now()}`, pages, { unreadable: 'messages3.html' });
    const first = inputs.get('messages.html');
    if (first === undefined) throw new Error('no page');
    const { messages, outcome, warnings } = await runParser(telegramHtmlParser, first);
    expect(directions(messages)).toEqual([null]);
    expect(outcome.details['accountHolder']).toBe(
      'not named: a file beside the page could not be read (messages3.html (EIO: i/o error, read)) and may be a page of this chat whose calls or reactions name someone else; the 2 pages read: named Ion, by the call at line 5 of messages2.html, "Incoming": received by the person its title names, Ion: directions are unknown',
    );
    expect(outcome.details['accountHolderUnreadablePages']).toEqual([{ page: 'messages3.html', reason: 'EIO: i/o error, read', couldNameHolder: true }]);
    expect(warnings).toEqual([{ place: 'messages3.html', message: expect.stringContaining('could not be read (EIO: i/o error, read)') }]);
  });

  it('decides the holder when the page beside that fails is, by its header, another chat\'s; not when it is this chat\'s', async () => {
    const readable = { 'messages.html': page('Marta', [message(1, 'Ion', text('salut'))]), 'messages2.html': page('Marta', [message(1001, 'Marta', call('Incoming', 'Ion'))]) };
    const failing = (root: string, header: string): NearbyFile => {
      const html = page(header, [message(5001, 'Dan', text('x'.repeat(20_000)))]);
      const bytes = new TextEncoder().encode(html);
      const input = inputFromText(html, { displayName: 'messages9.html' });
      // The header arrives, then the device fails.
      async function* stream(): AsyncGenerator<Uint8Array> {
        yield bytes.slice(0, 1000);
        await Promise.resolve();
        throw new Error('EIO: i/o error, read');
      }
      return { relation: 'same-folder', input: { ...input, path: `${root}/messages9.html`, stream }, head: (length: number) => Promise.resolve(bytes.slice(0, length)), fingerprint: `${bytes.length}:1` };
    };
    for (const [header, couldNameHolder] of [['Other chat', false], ['Marta', true]] as const) {
      const root = `/in-memory/partly-${header}-${Date.now()}`;
      const { inputs } = countedFolder(root, readable);
      const first = inputs.get('messages.html');
      if (first === undefined) throw new Error('no page');
      const beside = await first.nearby();
      const { messages, outcome, warnings } = await runParser(telegramHtmlParser, { ...first, nearby: () => Promise.resolve([...beside, failing(root, header)]) });
      expect(directions(messages)).toEqual([couldNameHolder ? null : 'outgoing']);
      expect(outcome.details['accountHolderUnreadablePages']).toEqual([{ page: 'messages9.html', reason: 'EIO: i/o error, read', couldNameHolder }]);
      expect(warnings).toEqual([{ place: 'messages9.html', message: expect.stringContaining(couldNameHolder ? 'it is a page of this chat' : 'a page of another chat') }]);
    }
  });

  it('names at most 10 unreadable files in the reason, and lists every one in the details', async () => {
    const own = inputFromText(page('Marta', [message(1, 'Ion', call('Outgoing', 'Marta'))]), { displayName: 'chat/messages.html' });
    const root = `/in-memory/failing-${Date.now()}`;
    const failing = Array.from({ length: 12 }, (_item, index): NearbyFile => {
      const input = inputFromText('', { displayName: `chat/messages${index + 2}.html` });
      return { relation: 'same-folder', input: { ...input, path: `${root}/messages${index + 2}.html` }, head: () => Promise.reject(new Error('EIO: i/o error, read')) };
    });
    const { outcome } = await runParser(telegramHtmlParser, { ...own, nearby: () => Promise.resolve(failing) });
    expect(outcome.details['accountHolder']).toMatch(/^not named: 12 files beside the page could not be read \(chat\/messages2\.html \(EIO: i\/o error, read\);.*chat\/messages11\.html \(EIO: i\/o error, read\); and 2 more, listed in accountHolderUnreadablePages\)/u);
    expect(outcome.details['accountHolderUnreadablePages']).toHaveLength(12);
  });

  it('names no holder when the files beside a page cannot be listed: a page of the chat naming someone else may be there (regression: decided from the page alone)', async () => {
    const own = { ...inputFromText(page('Marta', [message(1, 'Ion', call('Outgoing', 'Marta'))]), { displayName: 'messages.html' }), path: '/case/chat/messages.html' };
    const { messages, outcome, warnings } = await runParser(telegramHtmlParser, { ...own, nearby: () => Promise.reject(new Error('EACCES: permission denied, scandir')) });
    expect(directions(messages)).toEqual([null]);
    expect(outcome.details['accountHolderPagesWeighed']).toBe(1);
    expect(outcome.details['accountHolder']).toBe(
      'not named: the files beside the page were not all looked at (/case/chat: it could not be listed (EACCES: permission denied, scandir)), and one not looked at may be a page of this chat whose calls or reactions name someone else; the page read: named Ion, by the call at line 5 of messages.html, "Outgoing": placed by its sender, Ion: directions are unknown',
    );
    expect(outcome.details['accountHolderUnlistedFolders']).toEqual([{ folder: '/case/chat', reason: 'it could not be listed (EACCES: permission denied, scandir)' }]);
    expect(warnings).toEqual([{ place: 'messages.html', message: expect.stringContaining('(/case/chat: it could not be listed (EACCES: permission denied, scandir)); one not looked at may be such a page, so no holder was named') }]);
  });

  it('names no holder when the input says the folder beside the page was not listed (regression: an unlistable folder looked empty)', async () => {
    const own = inputFromText(page('Marta', [message(1, 'Ion', call('Outgoing', 'Marta'))]), { displayName: 'messages.html' });
    const gap = { relation: 'same-folder' as const, folder: '/case/chat', reason: 'it could not be listed (EACCES: permission denied, scandir \'/case/chat\')' };
    const { messages, outcome, warnings } = await runParser(telegramHtmlParser, { ...own, nearbyUnlisted: () => Promise.resolve([gap]) });
    expect(directions(messages)).toEqual([null]);
    expect(outcome.details['accountHolder']).toMatch(/^not named: the files beside the page were not all looked at \(\/case\/chat: it could not be listed/u);
    expect(outcome.details['accountHolderUnlistedFolders']).toEqual([{ folder: gap.folder, reason: gap.reason }]);
    expect(warnings).toEqual([{ place: 'messages.html', message: expect.stringContaining(`(/case/chat: ${gap.reason})`) }]);
  });
});

describe('Telegram HTML: a folder with very many files beside a page', () => {
  it('looks at no more files beside a page than a folder on disk offers, says how many it left, and names no holder (regression: every page of a zip folder read the head of every entry; the holder was decided without the rest)', async () => {
    const own = inputFromText(page('Marta', [message(1, 'Ion', call('Outgoing', 'Marta'))]), { displayName: 'chat/messages.html' });
    let heads = 0;
    const others = Array.from({ length: MAX_NEARBY_FILES + 3 }, (_item, index): NearbyFile => {
      const input = inputFromText('not a page', { displayName: `chat/file${index}.bin` });
      return { relation: 'same-folder', input: { ...input, path: `/in-memory/many-${Date.now()}/file${index}.bin` }, head: () => { heads += 1; return Promise.resolve(new TextEncoder().encode('not a page')); }, fingerprint: '10:1' };
    });
    const { messages, outcome, warnings } = await runParser(telegramHtmlParser, { ...own, nearby: () => Promise.resolve(others) });
    expect(heads).toBe(MAX_NEARBY_FILES);
    expect(outcome.details['accountHolderPagesWeighed']).toBe(1);
    expect(directions(messages)).toEqual([null]);
    expect(outcome.details['accountHolderUnlistedFolders']).toEqual([{ folder: '/in-memory/chat', reason: `it holds ${MAX_NEARBY_FILES + 3} other files, more than the ${MAX_NEARBY_FILES} looked at: 3 were not` }]);
    expect(warnings).toEqual([{ place: 'chat/messages.html', message: expect.stringContaining('3 were not); one not looked at may be such a page, so no holder was named') }]);
  });
});

describe('Telegram HTML: a folder on disk listed only in part', () => {
  it('names no holder when the folder on disk holds more files than are listed, and says so (regression: the cut was silent, then only warned)', async () => {
    // The other page, with the call that would name someone else, sorts after the files listed.
    const folder = exportFolder({ 'messages.html': page('Marta', [message(1, 'Ion', call('Outgoing', 'Marta'))]), 'messages2.html': page('Marta', [message(1001, 'Marta', call('Outgoing', 'Ion'))]) });
    for (let index = 0; index < MAX_NEARBY_FILES; index += 1) writeFileSync(join(folder, `a${String(index).padStart(5, '0')}.txt`), 'x');
    const { messages, outcome, warnings } = await parseFile(folder, 'messages.html');
    expect(directions(messages)).toEqual([null]);
    expect(outcome.details['accountHolderUnlistedFolders']).toEqual([{ folder, reason: `it holds ${MAX_NEARBY_FILES + 1} other files, more than the ${MAX_NEARBY_FILES} offered: only the first ${MAX_NEARBY_FILES} by name were looked at` }]);
    expect(warnings).toEqual([{ place: 'messages.html', message: expect.stringContaining(`(${folder}: it holds ${MAX_NEARBY_FILES + 1} other files`) }]);
  });

  it('decides as before when the folder holds exactly as many files as are listed: nothing was left out', async () => {
    const folder = exportFolder({ 'messages.html': page('Marta', [message(1, 'Ion', call('Outgoing', 'Marta'))]) });
    for (let index = 0; index < MAX_NEARBY_FILES - 1; index += 1) writeFileSync(join(folder, `a${String(index).padStart(5, '0')}.txt`), 'x');
    const { messages, outcome, warnings } = await parseFile(folder, 'messages.html');
    expect(directions(messages)).toEqual(['outgoing']);
    expect(outcome.details['accountHolderUnlistedFolders']).toEqual([]);
    expect(warnings).toEqual([]);
  });
});

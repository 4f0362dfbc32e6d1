import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSession } from '../../engine/case/case-session.ts';
import { Engine } from '../../engine/engine.ts';
import type { ImportSummary } from '../../shared/domain/import.ts';
import type { ConversationSummary, Message } from '../../shared/domain/message.ts';
import { CLI, REPO_ROOT, SAMPLES, tempFolder, writeTemp } from '../support/temp-case.ts';
import { buildZip } from '../support/zip-writer.ts';

/**
 * signal-export chat files through the real engine (hash, sniff, import worker, db and index
 * workers): the shared sample and the hand-made fixtures, with golden results and counts taken
 * independently of the parser (header lines matched by a plain regular expression).
 */
const SAMPLE = join(SAMPLES, 'signal', 'chat-miner', 'test_export.txt');
const ANA = join(REPO_ROOT, 'fixtures', 'signal', 'Ana Popescu', 'chat.md');
const GROUP = join(REPO_ROOT, 'fixtures', 'signal', 'group-2019.txt');
const EDGE = join(REPO_ROOT, 'fixtures', 'signal', 'edge-cases.md');
const ANY_SIGNAL_HEADER = /^\[\d{4}-\d{2}-\d{2},? \d{2}:\d{2}(?::\d{2})?\] [^\n]*?: /gmu;

function headerLines(file: string): number {
  return (readFileSync(file, 'utf8').match(ANY_SIGNAL_HEADER) ?? []).length;
}

function lineCount(file: string): number {
  const text = readFileSync(file, 'utf8');
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

describe.skipIf(!existsSync(SAMPLE))('signal-export import through the engine', () => {
  let engine: Engine;
  let session: CaseSession;
  let summary: ImportSummary;
  let conversations: ConversationSummary[];

  async function messagesOf(file: string): Promise<Message[]> {
    const source = summary.sources.find((candidate) => candidate.path === file);
    const chat = conversations.find((conversation) => conversation.sourceIds.includes(source?.sourceId ?? ''));
    if (chat === undefined) throw new Error(`no conversation for ${file}`);
    return (await session.db.client.call('messagesRange', { chatId: chat.id, offset: 0, limit: 1000 })).messages;
  }

  beforeAll(async () => {
    engine = new Engine({ mode: 'cli', actor: 'signal-test' });
    session = await engine.openCase(join(tempFolder(), 'case'), true);
    summary = await engine.startImport([SAMPLE, ANA, GROUP, EDGE], { timeZone: 'Europe/Berlin' }).done;
    conversations = await session.db.client.call('listConversations', {});
  }, 120_000);

  afterAll(async () => {
    await engine.dispose();
  });

  it('imports every file as signal-export text, in the time zone given', async () => {
    expect(summary.sources.map((source) => [source.format, source.status])).toEqual(Array.from({ length: 4 }, () => ['signal-export-text', 'imported']));
    const info = await session.info();
    for (const source of info.sources) {
      expect(source).toMatchObject({ timeZone: 'Europe/Berlin', timeZoneOrigin: 'flag', hashVerified: true, parser: 'threadline-signal-export-text' });
    }
  });

  it('pins the shared sample: two messages, two participants, times in UTC, a two-line body', async () => {
    const source = summary.sources.find((candidate) => candidate.path === SAMPLE);
    expect(source).toMatchObject({ messages: 2, unparsed: 0, issues: [] });
    expect(source?.messages).toBe(headerLines(SAMPLE));
    const chat = conversations.find((conversation) => conversation.sourceIds.includes(source?.sourceId ?? ''));
    expect(chat).toMatchObject({ title: 'test_export', messageCount: 2, firstTimestamp: '2019-12-24T11:23:00.000Z', lastTimestamp: '2020-01-17T20:49:00.000Z' });
    expect([...(chat?.participants ?? [])].sort()).toEqual(['Jane Doe', 'John Doe']);
    const messages = await messagesOf(SAMPLE);
    expect(messages.map((message) => [message.sender, message.direction, message.text, message.timestampText])).toEqual([
      ['Jane Doe', 'incoming', 'Hello John!', '2019-12-24, 12:23'],
      ['John Doe', 'incoming', 'Hello\nJane!', '2020-01-17, 21:49'],
    ]);
    expect(messages[1]?.locator).toEqual({ kind: 'text-lines', file: 'test_export.txt', lineStart: 2, lineEnd: 3, byteStart: 42, byteEnd: 84 });
  });

  it('puts every line of every file in exactly one record', async () => {
    for (const file of [SAMPLE, ANA, GROUP, EDGE]) {
      let next = 1;
      for (const message of await messagesOf(file)) {
        if (message.locator.kind !== 'text-lines') throw new Error('expected text-lines locators');
        expect(message.locator.lineStart, `${file}:${next}`).toBe(next);
        next = message.locator.lineEnd + 1;
      }
      expect(next - 1, file).toBe(lineCount(file));
    }
  });

  it('marks the owner "Me" outgoing, hashes the media beside the chat and lists what is missing', async () => {
    const messages = await messagesOf(ANA);
    expect(messages.length).toBe(headerLines(ANA));
    expect(messages.filter((message) => message.direction === 'outgoing').map((message) => message.sender)).toEqual(['Me', 'Me', 'Me', 'Me']);
    const address = readFileSync(join(REPO_ROOT, 'fixtures', 'signal', 'Ana Popescu', 'media', '2024-03-02T10-16-30.000_00_address.txt'));
    expect(messages[3]?.attachments).toEqual([expect.objectContaining({ status: 'ok', sha256: createHash('sha256').update(address).digest('hex'), sourcePath: 'media/2024-03-02T10-16-30.000_00_address.txt' })]);
    expect(messages[5]?.attachments).toEqual([expect.objectContaining({ status: 'missing', mediaType: 'image' })]);
    expect(messages[0]).toMatchObject({ timestamp: '2024-03-02T09:14:05.000Z', timestampText: '2024-03-02 10:14:05' });
  });

  it('keeps unreadable lines raw and reports impossible dates with their place', async () => {
    const source = summary.sources.find((candidate) => candidate.path === EDGE);
    expect(source).toMatchObject({ messages: 6, unparsed: 2 });
    expect(source?.issues.map((issue) => issue.place)).toEqual(expect.arrayContaining(['edge-cases.md:1', 'edge-cases.md:4', 'edge-cases.md:9']));
    expect(source?.issues.find((issue) => issue.place === 'edge-cases.md:9')?.reason).toContain('not a valid date');
  });

  it('reads a zipped signal-export folder: the chat is named after its folder and its media are found in the zip', async () => {
    const media = 'media/2024-03-02T10-16-30.000_00_address.txt';
    const bytes = readFileSync(join(REPO_ROOT, 'fixtures', 'signal', 'Ana Popescu', media));
    const zip = writeTemp(tempFolder(), 'signal-export.zip', buildZip([
      { name: 'Ana Popescu/chat.md', data: readFileSync(ANA), deflate: true },
      { name: `Ana Popescu/${media}`, data: bytes },
    ]));
    const zipped = await engine.startImport([zip], { timeZone: 'Europe/Berlin' }).done;
    expect(zipped.sources[0]).toMatchObject({ format: 'zip', status: 'imported', messages: headerLines(ANA), attachments: 2 });
    const chats = await session.db.client.call('listConversations', {});
    const chat = chats.find((conversation) => conversation.sourceIds.includes(zipped.sources[0]?.sourceId ?? ''));
    expect(chat?.title).toBe('Ana Popescu');
    const { messages } = await session.db.client.call('messagesRange', { chatId: chat?.id ?? '', offset: 0, limit: 100 });
    expect(messages[3]?.attachments[0]).toMatchObject({ status: 'ok', sha256: createHash('sha256').update(bytes).digest('hex') });
  });

  it("reads sigtop's JSON export of a Signal Desktop conversation, recognised by content under any name, every entry kept", async () => {
    const entries = [
      { id: 'j1', conversationId: 'c-1', type: 'incoming', body: 'sigtop hello', sent_at: 1700000000000, sourceServiceId: 'aaaaaaaa-0000-4000-8000-000000000001' },
      { id: 'j2', conversationId: 'c-1', type: 'outgoing', body: 'photo', sent_at: 1700000060000, attachments: [{ fileName: 'dock.jpg', contentType: 'image/jpeg', size: 10 }] },
      { id: 'j3', conversationId: 'c-1', type: 'keychange', sent_at: 1700000120000 },
      'not a message',
    ];
    const file = writeTemp(tempFolder(), 'exhibit-9.txt', `[\n${entries.map((entry) => JSON.stringify(entry)).join(',\n')}\n]\n`);
    const result = await engine.startImport([file], { timeZone: 'Europe/Berlin' }).done;
    // Counted without the parser: the array's length.
    expect(result.sources[0]).toMatchObject({ format: 'signal-sigtop-json', status: 'imported', unparsed: 1, attachments: 1 });
    expect((result.sources[0]?.messages ?? 0) + (result.sources[0]?.unparsed ?? 0)).toBe((JSON.parse(readFileSync(file, 'utf8')) as unknown[]).length);
    const chat = (await session.db.client.call('listConversations', {})).find((conversation) => conversation.sourceIds.includes(result.sources[0]?.sourceId ?? ''));
    const { messages } = await session.db.client.call('messagesRange', { chatId: chat?.id ?? '', offset: 0, limit: 10 });
    expect(messages[0]).toMatchObject({ text: 'sigtop hello', direction: 'incoming', locator: { kind: 'json-pointer', file: 'exhibit-9.txt', pointer: '/0' } });
    expect(messages[1]?.attachments[0]).toMatchObject({ fileName: 'dock.jpg', status: 'missing' });
  });

  it('the CLI imports the sample with --json', () => {
    const casePath = join(tempFolder(), 'cli-case');
    const run = spawnSync(process.execPath, [CLI, 'import', casePath, SAMPLE, '--tz', 'Europe/Bucharest', '--json'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const output = JSON.parse(run.stdout.trim()) as ImportSummary;
    expect(output.sources).toEqual([expect.objectContaining({ format: 'signal-export-text', status: 'imported', messages: 2, unparsed: 0 })]);
  }, 60_000);
});

/**
 * A whole signal-export folder (fixtures/signal/export, with a sticker file made here): the chat
 * is the only source; its stickers are read from the export's exported_stickers folder, hashed,
 * or recorded missing; index.html, data.json, style.css and chat.js are reported as companions.
 */
describe('a signal-export folder through the engine and the CLI', () => {
  let engine: Engine;
  let session: CaseSession;
  let folder: string;
  let sticker: Buffer;
  let summary: ImportSummary;

  beforeAll(async () => {
    folder = join(tempFolder(), 'export');
    cpSync(join(REPO_ROOT, 'fixtures', 'signal', 'export'), folder, { recursive: true });
    sticker = await sharp({ create: { width: 8, height: 8, channels: 4, background: { r: 250, g: 200, b: 0, alpha: 1 } } }).webp().toBuffer();
    mkdirSync(join(folder, 'exported_stickers', 'pack-1'), { recursive: true });
    writeFileSync(join(folder, 'exported_stickers', 'pack-1', '7.webp'), sticker);
    engine = new Engine({ mode: 'cli', actor: 'signal-test' });
    session = await engine.openCase(join(tempFolder(), 'case'), true);
    summary = await engine.startImport([folder], { timeZone: 'Europe/Bucharest' }).done;
  }, 120_000);

  afterAll(async () => {
    await engine.dispose();
  });

  it('imports the chat alone and reports every other file of the export with what it is', () => {
    const byName = new Map(summary.sources.map((source) => [source.path.slice(folder.length + 1), source]));
    expect([...byName.keys()].sort()).toEqual(['Ion Popa/chat.md', 'Ion Popa/data.json', 'Ion Popa/index.html', 'chat.js', 'exported_stickers/pack-1/7.webp', 'style.css']);
    expect(byName.get('Ion Popa/chat.md')).toMatchObject({ format: 'signal-export-text', status: 'imported', messages: headerLines(join(folder, 'Ion Popa', 'chat.md')), attachments: 2 });
    for (const name of ['Ion Popa/data.json', 'Ion Popa/index.html', 'chat.js', 'style.css']) {
      expect(byName.get(name), name).toMatchObject({ format: 'companion', status: 'skipped', sourceId: null, error: null });
      expect(byName.get(name)?.issues[0]?.reason, name).toMatch(/signal-export's/u);
    }
    expect(byName.get('exported_stickers/pack-1/7.webp')).toMatchObject({ format: 'image', status: 'skipped' });
    expect(byName.get('exported_stickers/pack-1/7.webp')?.issues[0]?.reason).toMatch(/^already in the case as an attachment in "Ion Popa"/u);
  });

  it('hashes the sticker file that is there, records the one that is not as missing, and the one signal-export never had as omitted', async () => {
    const [chat] = await session.db.client.call('listConversations', {});
    const { messages } = await session.db.client.call('messagesRange', { chatId: chat?.id ?? '', offset: 0, limit: 10 });
    expect(messages.map((message) => message.attachments.map((attachment) => [attachment.mediaType, attachment.fileName, attachment.sourcePath, attachment.status, attachment.sha256]))).toEqual([
      [],
      [['sticker', '7.webp', '../exported_stickers/pack-1/7.webp', 'ok', createHash('sha256').update(sticker).digest('hex')]],
      [],
      [['sticker', '8.webp', '../exported_stickers/pack-1/8.webp', 'missing', null]],
      [['sticker', '👍', null, 'omitted', null]],
    ]);
  });

  it('reads the sticker from a zipped export too', async () => {
    const zip = writeTemp(tempFolder(), 'signal-export-stickers.zip', buildZip([
      { name: 'export/Ion Popa/chat.md', data: readFileSync(join(folder, 'Ion Popa', 'chat.md')), deflate: true },
      { name: 'export/exported_stickers/pack-1/7.webp', data: sticker },
    ]));
    const zipped = await engine.startImport([zip], { timeZone: 'Europe/Bucharest' }).done;
    expect(zipped.sources[0]).toMatchObject({ format: 'zip', status: 'imported', attachments: 2 });
    const chat = (await session.db.client.call('listConversations', {})).find((conversation) => conversation.sourceIds.includes(zipped.sources[0]?.sourceId ?? ''));
    const { messages } = await session.db.client.call('messagesRange', { chatId: chat?.id ?? '', offset: 0, limit: 10 });
    expect(messages[1]?.attachments[0]).toMatchObject({ status: 'ok', sha256: createHash('sha256').update(sticker).digest('hex') });
    expect(messages[3]?.attachments[0]).toMatchObject({ status: 'missing' });
  });

  it('the CLI names the companions when checking and when importing', () => {
    const casePath = join(tempFolder(), 'cli-case');
    const check = spawnSync(process.execPath, [CLI, 'import', casePath, folder, '--check', '--json'], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    const files = (JSON.parse(check.stdout.trim()) as { files: { path: string; format: string | null }[] }).files;
    expect(files.filter((file) => file.format === 'companion').map((file) => file.path.slice(folder.length + 1)).sort()).toEqual(['Ion Popa/data.json', 'Ion Popa/index.html', 'chat.js', 'style.css']);
    const run = spawnSync(process.execPath, [CLI, 'import', casePath, folder, '--tz', 'UTC', '--no-ocr', '--json'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const output = JSON.parse(run.stdout.trim()) as ImportSummary;
    expect(output.sources.filter((source) => source.format === 'companion').map((source) => source.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
    expect(output.totals).toMatchObject({ sources: 6, messages: 5, attachments: 2 });
  }, 120_000);
});

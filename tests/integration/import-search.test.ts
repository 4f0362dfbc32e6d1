import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import { searchCase } from '../../engine/search/search-case.ts';
import { generateWhatsAppExport } from '../support/generate-whatsapp.ts';
import { REPO_ROOT, tempFolder, writeTemp } from '../support/temp-case.ts';
import { markIndexAsOlderFormat } from '../support/index-rebuild.ts';

const FIXTURE = join(REPO_ROOT, 'fixtures', 'whatsapp', 'job-offer-android-24h.txt');
const engines: Engine[] = [];

function newEngine(): Engine {
  const engine = new Engine({ mode: 'cli', actor: 'test-examiner' });
  engines.push(engine);
  return engine;
}

afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.dispose()));
});

describe('import and search through real workers', () => {
  it('imports a WhatsApp export with hashes, UTC times in the given zone and locators, and finds it', async () => {
    const casePath = join(tempFolder(), 'case');
    const engine = newEngine();
    const session = await engine.openCase(casePath, true);
    const before = statSync(FIXTURE).mtimeMs;
    const summary = await engine.startImport([FIXTURE], { timeZone: 'Europe/Bucharest' }).done;
    expect(statSync(FIXTURE).mtimeMs).toBe(before);
    const [source] = summary.sources;
    expect(source).toMatchObject({ status: 'imported', format: 'whatsapp-txt', messages: 9, unparsed: 0 });
    expect(source?.sha256).toMatch(/^[0-9a-f]{64}$/);

    const info = await session.info();
    expect(info.sources[0]).toMatchObject({ hashVerified: true, timeZone: 'Europe/Bucharest', timeZoneOrigin: 'flag', status: 'imported' });
    expect(info.sources[0]?.sha256After).toBe(source?.sha256);

    const result = await searchCase(session, 'passport', 10, 0);
    expect(result.total).toBe(1);
    const [hit] = result.hits;
    expect(hit).toMatchObject({ sender: 'Recruiter Dan', timestamp: '2024-03-12T07:18:00.000Z', locator: { kind: 'text-lines', file: 'job-offer-android-24h.txt', lineStart: 4, lineEnd: 6 } });
    expect(hit?.text).toBe('Only your passport. We pay the ticket and the apartment,\nyou give it back from the first salary.\nNo contract needed.');
    expect(hit?.highlights).toEqual([[10, 18]]);

    // The locator's byte range is the record's exact place in the evidence file.
    const bytes = readFileSync(FIXTURE);
    const locator = hit?.locator;
    if (locator?.kind !== 'text-lines') throw new Error('expected a text locator');
    expect(bytes.subarray(locator.byteStart, locator.byteEnd).toString('utf8')).toContain('Only your passport.');
  });

  it('folds case and diacritics across scripts: паспорт, locaţia', async () => {
    const engine = newEngine();
    const session = await engine.openCase(join(tempFolder(), 'case'), true);
    await engine.startImport([FIXTURE], {}).done;
    expect((await searchCase(session, 'ПАСПОРТ', 10, 0)).total).toBe(1);
    expect((await searchCase(session, 'locatia', 10, 0)).total).toBe(1);
    expect((await searchCase(session, 'aştea*', 10, 0)).total).toBe(1);
    expect((await searchCase(session, '"first salary"', 10, 0)).total).toBe(1);
    expect((await searchCase(session, '"salary first"', 10, 0)).total).toBe(0);
  });

  it('reopens a case from disk without rebuilding the index', async () => {
    const casePath = join(tempFolder(), 'case');
    const first = newEngine();
    await first.openCase(casePath, true);
    await first.startImport([FIXTURE], {}).done;
    await first.dispose();
    const manifest = readFileSync(join(casePath, 'index', 'manifest.json'), 'utf8');

    const second = newEngine();
    const session = await second.openCase(casePath, false);
    expect(readFileSync(join(casePath, 'index', 'manifest.json'), 'utf8')).toBe(manifest);
    expect((await searchCase(session, 'restaurant', 10, 0)).total).toBe(1);
    const audit = readFileSync(join(casePath, 'audit.jsonl'), 'utf8');
    expect(audit).not.toContain('index.reconciled');
  });

  it('rebuilds an index written in an older format (words were folded differently) when the case opens', async () => {
    const casePath = join(tempFolder(), 'case');
    const first = newEngine();
    await first.openCase(casePath, true);
    await first.startImport([FIXTURE], {}).done;
    await first.dispose();
    markIndexAsOlderFormat(casePath);

    const second = newEngine();
    const session = await second.openCase(casePath, false);
    expect((await searchCase(session, 'restaurant', 10, 0)).total).toBe(1);
    expect(readFileSync(join(casePath, 'audit.jsonl'), 'utf8')).toContain('index.reconciled');
  });

  it('rejects an empty file and a non-export file by name, and keeps what was imported', async () => {
    const folder = tempFolder();
    const engine = newEngine();
    const session = await engine.openCase(join(folder, 'case'), true);
    await engine.startImport([FIXTURE], {}).done;
    const empty = writeTemp(folder, 'empty.txt', '');
    const prose = writeTemp(folder, 'notes.txt', 'Meeting notes\nNothing here looks like a chat.\n');
    const summary = await engine.startImport([empty, prose], {}).done;
    expect(summary.sources.map((source) => source.status)).toEqual(['failed', 'failed']);
    expect(summary.sources[0]?.error).toMatchObject({ code: 'E_IMPORT_EMPTY' });
    expect(summary.sources[0]?.error?.message).toContain('empty.txt');
    expect(summary.sources[1]?.error).toMatchObject({ code: 'E_IMPORT_FORMAT' });
    expect(summary.sources[1]?.error?.message).toContain('notes.txt');
    expect((await searchCase(session, 'restaurant', 10, 0)).total).toBe(1);
  });

  it('reports a WhatsApp-looking file with garbage lines without losing them', async () => {
    const folder = tempFolder();
    const engine = newEngine();
    const session = await engine.openCase(join(folder, 'case'), true);
    const file = writeTemp(folder, 'partial.txt', ['garbage before any header', ...[1, 2, 3, 4, 5].map((n) => `01/02/2023, 10:0${n} - Ana: message ${n}`)].join('\n'));
    const summary = await engine.startImport([file], {}).done;
    expect(summary.sources[0]).toMatchObject({ status: 'imported', unparsed: 1 });
    expect(summary.sources[0]?.issues.some((issue) => issue.place === 'partial.txt:1')).toBe(true);
    const range = await session.db.client.call('messagesRange', { chatId: (await session.db.client.call('listConversations', {}))[0]?.id ?? '', offset: 0, limit: 10 });
    expect(range.messages[0]).toMatchObject({ kind: 'unparsed', text: 'garbage before any header' });
    // The custody log counts as the summary does (regression: it logged 6 "messages" for 5 and 1 unparsed).
    const finished = readFileSync(join(session.path, 'audit.jsonl'), 'utf8').split('\n').filter((line) => line.includes('"source.import.finished"'));
    expect(finished.map((line) => JSON.parse(line) as { details: unknown })[0]?.details).toMatchObject({ records: 6, messages: 5, unparsed: 1 });
    expect((await session.db.client.call('caseSummary', {}))).toMatchObject({ messageCount: 5, unparsedCount: 1 });
    // The conversation counts them apart too (regression: the list said "6 messages").
    expect((await session.db.client.call('listConversations', {}))[0]).toMatchObject({ messageCount: 6, unparsedCount: 1 });
  });

  it('recognises a second import of the same bytes', async () => {
    const engine = newEngine();
    await engine.openCase(join(tempFolder(), 'case'), true);
    await engine.startImport([FIXTURE], {}).done;
    const again = await engine.startImport([FIXTURE], {}).done;
    expect(again.sources[0]?.status).toBe('already-imported');
  });

  it('cancels a long import, keeps nothing of it and keeps earlier sources', async () => {
    const folder = tempFolder();
    const big = writeTemp(folder, 'big.txt', generateWhatsAppExport(60_000, 7));
    const engine = newEngine();
    const session = await engine.openCase(join(folder, 'case'), true);
    await engine.startImport([FIXTURE], {}).done;
    const { taskId, done } = engine.startImport([big], {});
    await new Promise<void>((resolve) => {
      const onUpdate = (task: { id: string; stage: string; done: number }) => {
        if (task.id === taskId && task.stage.startsWith('importing') && task.done > 0) {
          engine.tasks.off('update', onUpdate);
          resolve();
        }
      };
      engine.tasks.on('update', onUpdate);
    });
    expect(engine.tasks.cancel(taskId)).toBe(true);
    const summary = await done;
    expect(summary.sources[0]?.status).toBe('cancelled');
    expect(engine.tasks.list().find((task) => task.id === taskId)?.state).toBe('CANCELLED');
    const info = await session.info();
    expect(info.sources.map((source) => source.status).sort()).toEqual(['cancelled', 'imported']);
    expect(info.messageCount).toBe(9);
    expect((await searchCase(session, 'apartment', 10, 0)).total).toBe(1);
    expect(existsSync(join(session.path, 'case.sqlite'))).toBe(true);
  });
});

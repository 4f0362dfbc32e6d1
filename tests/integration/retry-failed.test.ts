import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import { dispatch } from '../../engine/dispatch.ts';
import type { ImportSummary } from '../../shared/domain/import.ts';
import type { TaskView } from '../../shared/domain/task.ts';
import { loadSqlJs } from '../../workers/import/sqlite/sql-js.ts';
import { migrate } from '../../workers/db/migrate.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../workers/db/migrations/index.ts';
import { generateWhatsAppExport } from '../support/generate-whatsapp.ts';
import { CLI, REPO_ROOT, tempFolder, writeTemp } from '../support/temp-case.ts';

/**
 * "Retry failed" retries what failed or was interrupted, never what the user cancelled; a
 * cancelled source is imported again only when named. Through the engine, the UI contract
 * (dispatch, as both transports use it) and the command line, on real workers.
 */
const FIXTURE = join(REPO_ROOT, 'fixtures', 'whatsapp', 'job-offer-android-24h.txt');
/** Refused by the SMS importer after the source is recorded: a failure with a row in the case. */
const REFUSED_XML = join(REPO_ROOT, 'fixtures', 'sms-xml', 'external-entity.xml');
/** Big enough that the import is still busy with it when the cancel (or the close) lands. */
const BIG_MESSAGES = 20_000;

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.dispose();
  engine = null;
});

/** Calls `act` once, on the first update where source `index` of the import is being read. */
function whenReading(current: Engine, taskId: string, index: number, act: () => void): void {
  let acted = false;
  current.tasks.on('update', (task: TaskView) => {
    const source = task.sources?.[index];
    if (acted || task.id !== taskId || source?.state !== 'reading' || source.bytesDone === 0) return;
    acted = true;
    act();
  });
}

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [CLI, 'import', ...args, '--no-ocr'], { encoding: 'utf8', timeout: 120_000 });
}

describe('retry failed from one import\'s summary', () => {
  it('retries the failed sources of that import only, when the UI names them; the case-wide retry takes every one', async () => {
    const folder = tempFolder();
    const first = join(folder, 'first-refused.xml');
    const second = join(folder, 'second-refused.xml');
    copyFileSync(REFUSED_XML, first);
    copyFileSync(REFUSED_XML, second);
    // The same bytes twice would be one source: the second copy differs by a trailing comment.
    writeFileSync(second, `${readFileSync(second, 'utf8')}<!-- second -->\n`);
    engine = new Engine({ mode: 'cli', actor: 'test-examiner' });
    await engine.openCase(join(folder, 'case'), true);
    expect((await engine.startImport([first], {}).done).sources.map((source) => source.status)).toEqual(['failed']);
    expect((await engine.startImport([second], {}).done).sources.map((source) => source.status)).toEqual(['failed']);
    expect((await engine.sourcesToRetry()).paths.sort()).toEqual([first, second].sort());

    const envelope = await dispatch(engine.handlers(), 'import.retryFailed', { paths: [second] });
    if (!envelope.ok) throw new Error(envelope.error.message);
    expect((envelope.value as { paths: string[] }).paths).toEqual([second]);
    await engine.tasks.idle();
    // A path that is no failed source of the case is not imported by a retry.
    const stray = await dispatch(engine.handlers(), 'import.retryFailed', { paths: [FIXTURE] });
    if (!stray.ok) throw new Error(stray.error.message);
    expect(stray.value).toEqual({ taskId: null, paths: [] });
  });
});

describe('retry failed after one source was cancelled and another failed', () => {
  it('retries only the failed source; the cancelled one stays cancelled until it is named', async () => {
    const folder = tempFolder();
    const casePath = join(folder, 'case');
    const big = writeTemp(folder, 'big-cancelled.txt', generateWhatsAppExport(BIG_MESSAGES, 31));
    const refused = join(folder, 'refused.xml');
    copyFileSync(REFUSED_XML, refused);
    engine = new Engine({ mode: 'cli', actor: 'test-examiner' });
    const session = await engine.openCase(casePath, true);
    const current = engine;
    const { taskId, done } = engine.startImport([FIXTURE, big, refused], {});
    whenReading(current, taskId, 1, () => expect(current.tasks.cancelSource(taskId, 1)).toBe(true));
    const summary = await done;
    expect(summary.sources.map((source) => source.status)).toEqual(['imported', 'cancelled', 'failed']);

    const statuses = async (): Promise<string[][]> => (await session.info()).sources.map((source) => [source.displayName, source.status]).sort();
    expect(await statuses()).toEqual([
      ['big-cancelled.txt', 'cancelled'],
      ['job-offer-android-24h.txt', 'imported'],
      ['refused.xml', 'failed'],
    ]);
    expect((await engine.sourcesToRetry()).paths).toEqual([refused]);
    expect(await engine.cancelledSourcePaths()).toEqual([big]);

    // The UI's "Retry failed" goes through the same contract in Electron and in the browser.
    const envelope = await dispatch(engine.handlers(), 'import.retryFailed', {});
    if (!envelope.ok) throw new Error(envelope.error.message);
    const retried = envelope.value as { taskId: string | null; paths: string[] };
    expect(retried.paths).toEqual([refused]);
    await engine.tasks.idle();
    expect(engine.tasks.list().find((task) => task.id === retried.taskId)?.sources?.map((source) => [source.path, source.state])).toEqual([[refused, 'failed']]);
    expect((await statuses()).filter(([name]) => name === 'big-cancelled.txt')).toEqual([['big-cancelled.txt', 'cancelled']]);
    const audit = readFileSync(join(casePath, 'audit.jsonl'), 'utf8');
    expect(audit).toContain('"source.import.cancelled"');
    expect(audit).toContain('"source.import.failed"');
    await engine.dispose();
    engine = null;

    // The command line retries the same single source and names the cancelled one it leaves alone.
    const retryCli = cli([casePath, '--retry-failed', '--json']);
    expect(retryCli.status, retryCli.stderr).toBe(1);
    expect(retryCli.stderr).toContain('retrying 1 failed or interrupted source(s)');
    expect(retryCli.stderr).toContain(`not retried (cancelled by the user; name it to import it again): ${big}`);
    const retryJson = JSON.parse(retryCli.stdout) as ImportSummary;
    expect(retryJson.sources.map((source) => [source.path, source.status])).toEqual([[refused, 'failed']]);

    // Named, the cancelled file is imported like any other.
    const again = cli([casePath, big, '--json']);
    expect(again.status, again.stderr).toBe(0);
    const againJson = JSON.parse(again.stdout) as ImportSummary;
    expect(againJson.sources).toEqual([expect.objectContaining({ path: big, status: 'imported', messages: BIG_MESSAGES })]);

    engine = new Engine({ mode: 'cli', actor: 'test-examiner' });
    await engine.openCase(casePath, false);
    expect(await engine.cancelledSourcePaths()).toEqual([]);
    expect((await engine.sourcesToRetry()).paths).toEqual([refused]);
  }, 240_000);

  it('retries from the command line in the zone the failed attempt was declared with, not the case setting', async () => {
    const folder = tempFolder();
    const casePath = join(folder, 'case');
    const refused = join(folder, 'refused.xml');
    copyFileSync(REFUSED_XML, refused);
    expect(cli([casePath, refused, '--tz', 'Asia/Jerusalem', '--json']).status).toBe(1);
    const retried = cli([casePath, '--retry-failed', '--json']);
    expect(retried.stderr).toContain('retrying 1 failed or interrupted source(s)');
    engine = new Engine({ mode: 'cli', actor: 'test-examiner' });
    const session = await engine.openCase(casePath, false);
    const attempts = (await session.info()).sources.map((source) => [source.timeZone, source.timeZoneOrigin]);
    expect(attempts).toEqual([
      ['Asia/Jerusalem', 'flag'],
      ['Asia/Jerusalem', 'flag'],
    ]);
  }, 120_000);

  it('retries in the day/month order the failed attempt was declared with, from the UI contract and the command line', async () => {
    const folder = tempFolder();
    const casePath = join(folder, 'case');
    const refused = join(folder, 'refused.xml');
    copyFileSync(REFUSED_XML, refused);
    engine = new Engine({ mode: 'cli', actor: 'test-examiner' });
    const session = await engine.openCase(casePath, true);
    expect((await engine.startImport([refused], { dateOrder: 'mdy' }).done).sources.map((source) => source.status)).toEqual(['failed']);
    // The failed source has no provenance (nothing was parsed): its record alone keeps the order.
    expect((await engine.sourcesToRetry()).dateOrderByPath).toEqual({ [refused]: 'mdy' });
    const envelope = await dispatch(engine.handlers(), 'import.retryFailed', {});
    if (!envelope.ok) throw new Error(envelope.error.message);
    await engine.tasks.idle();
    const declared = async (): Promise<unknown[]> => (await session.info()).sources.map((source) => source.details['declaredDateOrder']);
    expect(await declared()).toEqual(['mdy', 'mdy']);
    await engine.dispose();
    engine = null;

    expect(cli([casePath, '--retry-failed', '--json']).stderr).toContain('retrying 1 failed or interrupted source(s)');
    engine = new Engine({ mode: 'cli', actor: 'test-examiner' });
    const reopened = await engine.openCase(casePath, false);
    expect((await reopened.info()).sources.map((source) => source.details['declaredDateOrder'])).toEqual(['mdy', 'mdy', 'mdy']);
  }, 120_000);

  it('records a source stopped by closing the case as interrupted, for retry failed', async () => {
    const folder = tempFolder();
    const casePath = join(folder, 'case');
    const big = writeTemp(folder, 'big-interrupted.txt', generateWhatsAppExport(BIG_MESSAGES, 32));
    engine = new Engine({ mode: 'cli', actor: 'test-examiner' });
    await engine.openCase(casePath, true);
    const current = engine;
    const { taskId, done } = engine.startImport([big], {});
    let closing: Promise<void> | null = null;
    whenReading(current, taskId, 0, () => {
      closing = current.closeCase();
    });
    const summary = await done;
    await closing;
    expect(summary.sources[0]?.issues[0]?.reason).toBe('the case was closed during the import; nothing of this source was kept ("Retry failed" imports it again)');

    const session = await engine.openCase(casePath, false);
    expect((await session.info()).sources.map((source) => source.status)).toEqual(['interrupted']);
    expect((await engine.sourcesToRetry()).paths).toEqual([big]);
    expect(await engine.cancelledSourcePaths()).toEqual([]);
    expect(readFileSync(join(casePath, 'audit.jsonl'), 'utf8')).toContain('"source.import.interrupted"');
  }, 120_000);
});

describe('a CSV source, recognised by its column mapping only', () => {
  const MAPPING = { timestamp: 'when', text: 'body', sender: 'who' };
  function csv(rows: number): string {
    const lines = ['when,who,body'];
    for (let index = 0; index < rows; index++) lines.push(`2024-02-${String(1 + (index % 28)).padStart(2, '0')} 10:${String(index % 60).padStart(2, '0')}:00,+40721000${String(index % 50).padStart(3, '0')},message number ${index} about the job`);
    return `${lines.join('\n')}\n`;
  }

  it('regression: is retried with the mapping it was declared with, and offered again with it', async () => {
    // An interrupted or cancelled CSV import came back as "not recognised": neither "Retry failed"
    // nor "Import again" passed the mapping on (it was recorded with the source only once imported).
    const folder = tempFolder();
    const casePath = join(folder, 'case');
    const table = writeTemp(folder, 'calls.csv', csv(BIG_MESSAGES));
    engine = new Engine({ mode: 'cli', actor: 'test-examiner' });
    await engine.openCase(casePath, true);
    const current = engine;
    const { taskId, done } = engine.startImport([table], { csvMapping: MAPPING });
    let closing: Promise<void> | null = null;
    whenReading(current, taskId, 0, () => {
      closing = current.closeCase();
    });
    await done;
    await closing;
    // What "Import again" in the import panel passes on.
    expect(engine.tasks.list().find((task) => task.id === taskId)?.sources?.[0]?.csvMapping).toEqual(MAPPING);

    const session = await engine.openCase(casePath, false);
    expect((await session.info()).sources.map((source) => source.status)).toEqual(['interrupted']);
    expect((await engine.sourcesToRetry()).csvMappingByPath).toEqual({ [table]: MAPPING });
    const envelope = await dispatch(engine.handlers(), 'import.retryFailed', {});
    if (!envelope.ok) throw new Error(envelope.error.message);
    await engine.tasks.idle();
    const sources = (await session.info()).sources;
    expect(sources.map((source) => [source.status, source.format])).toEqual([['interrupted', 'csv'], ['imported', 'csv']]);
    expect(sources[1]?.messageCount).toBe(BIG_MESSAGES);
  }, 120_000);
});

describe('a case made before sources could be cancelled', () => {
  it('opens at the new schema with its sources, retries its interrupted one and records a cancel', async () => {
    const folder = tempFolder();
    const casePath = join(folder, 'case');
    const big = writeTemp(folder, 'big-old.txt', generateWhatsAppExport(BIG_MESSAGES, 33));
    // The case database exactly as the previous schema (0030) wrote it, with a source left interrupted.
    const SQL = await loadSqlJs();
    const old = new SQL.Database();
    old.exec('PRAGMA foreign_keys = ON');
    migrate(old, MIGRATIONS.filter((migration) => migration.version <= 30));
    old.run(
      `INSERT INTO sources (id, path, display_name, format, parser, parser_version, size, sha256, status, imported_at, finished_at, time_zone, time_zone_origin, details)
       VALUES ('src-old', ?, 'big-old.txt', 'whatsapp-txt', 'threadline-whatsapp-txt', '1', 1, ?, 'interrupted', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:01.000Z', 'UTC', 'flag', '{"abandonReason":"cancelled by the user"}')`,
      [big, createHash('sha256').update(readFileSync(big)).digest('hex')],
    );
    old.run("INSERT INTO import_issues (source_id, place, reason) VALUES ('src-old', 'big-old.txt', 'kept across the upgrade')");
    mkdirSync(casePath);
    writeFileSync(join(casePath, 'case.sqlite'), old.export());
    old.close();

    engine = new Engine({ mode: 'cli', actor: 'test-examiner' });
    const session = await engine.openCase(casePath, false);
    expect(session.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect((await session.info()).sources.map((source) => [source.id, source.status])).toEqual([['src-old', 'interrupted']]);
    expect(await session.db.client.call('listIssues', { sourceId: 'src-old' })).toEqual([{ sourceId: 'src-old', place: 'big-old.txt', reason: 'kept across the upgrade' }]);
    // Interrupted before the upgrade, it is still offered to "Retry failed".
    expect((await engine.sourcesToRetry()).paths).toEqual([big]);

    const current = engine;
    const { taskId, done } = engine.startImport([big], {});
    whenReading(current, taskId, 0, () => expect(current.tasks.cancelSource(taskId, 0)).toBe(true));
    expect((await done).sources[0]?.status).toBe('cancelled');
    expect((await session.info()).sources.map((source) => source.status).sort()).toEqual(['cancelled', 'interrupted']);
    // The latest attempt at the file was cancelled: retry failed leaves it alone now.
    expect((await engine.sourcesToRetry()).paths).toEqual([]);
    expect(await engine.cancelledSourcePaths()).toEqual([big]);
  }, 120_000);
});

import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseSession } from '../../../../engine/case/case-session.ts';
import { importFiles } from '../../../../engine/import/import-files.ts';
import { TaskManager } from '../../../../engine/tasks/task-manager.ts';
import type { ImportJob, ImportOutcome } from '../../../../shared/contracts/import-worker.ts';
import type { TaskView } from '../../../../shared/domain/task.ts';
import { AppError } from '../../../../shared/errors.ts';
import type { CallOptions } from '../../../../shared/worker/client.ts';
import { tempFolder, writeTemp } from '../../../support/temp-case.ts';

/**
 * importFiles against a stand-in case: the database, index and import worker record what they
 * are asked, and the import of the file named "slow" only ends when its signal is aborted. The
 * real workers are exercised by tests/integration/cancel-one-source.test.ts.
 */
interface Recorded {
  db: { method: string; params: Record<string, unknown> }[];
  detected: string[];
  dropped: string[];
  audit: { action: string; details: Record<string, unknown> }[];
}

function fakeSession(folder: string): { session: CaseSession; recorded: Recorded } {
  const recorded: Recorded = { db: [], detected: [], dropped: [], audit: [] };
  const db = {
    client: {
      async call(method: string, params: Record<string, unknown>): Promise<unknown> {
        recorded.db.push({ method, params });
        if (method === 'findSourceByHash' || method === 'findAttachmentByHash') return null;
        if (method === 'caseSummary') return { sources: [], messageCount: 0 };
        if (method === 'languagePending' || method === 'taggingPending') return [];
        if (method === 'finishSource') return { messageCount: 3, unparsedCount: 0 };
        return null;
      },
    },
  };
  const importer = {
    client: {
      async call(method: string, params: { path: string } & Partial<ImportJob>, options: CallOptions = {}): Promise<unknown> {
        if (method === 'detectFormat') {
          recorded.detected.push(basename(params.path));
          // A sniffer that does not stop when cancelled: the engine must still not start the source.
          if (basename(params.path).startsWith('sniff-slow')) await aborted(options.signal);
          return { format: 'whatsapp-txt', reason: 'sniffed' };
        }
        return runImport(params as ImportJob, options);
      },
    },
  };
  const session = {
    path: folder,
    actor: 'examiner',
    settings: { timeZone: 'UTC', ocrLanguages: ['eng'], languages: [] },
    db,
    index: { persist: async () => undefined, dropSources: async (ids: string[]) => void recorded.dropped.push(...ids) },
    audit: { append: (_actor: string, action: string, details: Record<string, unknown>) => void recorded.audit.push({ action, details }) },
    importer: async () => importer,
    languagePool: () => ({}),
    tagPool: () => ({}),
  };
  return { session: session as unknown as CaseSession, recorded };
}

function aborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal?.aborted === true) resolve();
    signal?.addEventListener('abort', () => resolve());
  });
}

async function runImport(job: ImportJob, options: CallOptions): Promise<ImportOutcome> {
  options.onProgress?.({ stage: 'importing', done: 1, total: job.source.size });
  if (basename(job.path).startsWith('slow')) {
    await aborted(options.signal);
    throw new AppError('E_CANCELLED', 'importSource cancelled');
  }
  return { parser: 'threadline-whatsapp-txt', parserVersion: '1', formatVersion: null, messages: 3, unparsed: 0, attachments: 0, issues: [], details: {}, chats: [] };
}

function threeFiles(names: [string, string, string]): { folder: string; paths: string[] } {
  const folder = tempFolder();
  return { folder, paths: names.map((name) => writeTemp(folder, name, `bytes of ${name}\n`)) };
}

/** Starts the import and calls `act` on each update until it returns true. */
function startImport(session: CaseSession, paths: string[], act: (task: TaskView, tasks: TaskManager) => boolean) {
  const tasks = new TaskManager();
  const updates: TaskView[] = [];
  let acted = false;
  tasks.on('update', (task) => {
    updates.push(task);
    if (!acted) acted = act(task, tasks);
  });
  const { id, done } = tasks.start('import', 'Import', (task) => importFiles(session, paths, {}, task), () => 'done');
  return { id, done, updates, tasks };
}

describe('cancelling one source of an import', () => {
  it('drops what the cancelled source wrote, marks it cancelled and imports the next', async () => {
    const { folder, paths } = threeFiles(['a.txt', 'slow.txt', 'c.txt']);
    const { session, recorded } = fakeSession(folder);
    const { id, done, updates, tasks } = startImport(session, paths, (task, manager) => task.sources?.[1]?.state === 'reading' && manager.cancelSource(task.id, 1));
    const summary = await done;

    expect(summary.sources.map((source) => source.status)).toEqual(['imported', 'cancelled', 'imported']);
    expect(summary.sources[1]?.error?.code).toBe('E_CANCELLED');
    expect(summary.sources[1]?.issues[0]?.reason).toContain('this source was cancelled by the user; nothing of this source was kept');
    const slowId = summary.sources[1]?.sourceId ?? '';
    expect(recorded.db.filter((call) => call.method === 'abandonSource').map((call) => call.params)).toEqual([{ sourceId: slowId, status: 'cancelled', reason: 'cancelled by the user' }]);
    expect(recorded.dropped).toEqual([slowId]);
    expect(recorded.audit.find((entry) => entry.action === 'source.import.cancelled')?.details).toMatchObject({ sourceId: slowId, code: 'E_CANCELLED' });

    const last = updates.at(-1);
    expect(last?.state).toBe('DONE');
    expect(last?.sources?.map((source) => source.state)).toEqual(['done', 'cancelled', 'done']);
    expect(last?.sources?.[2]).toMatchObject({ format: 'whatsapp-txt', messages: 3, bytesDone: last?.sources?.[2]?.size });
    expect(tasks.cancelSource(id, 1)).toBe(false);
  });

  it('skips a queued source without reading it', async () => {
    const { folder, paths } = threeFiles(['a.txt', 'slow.txt', 'c.txt']);
    const { session, recorded } = fakeSession(folder);
    // While the slow source reads, cancel the one after it, then the slow one.
    const { done } = startImport(session, paths, (task, manager) => task.sources?.[1]?.state === 'reading' && manager.cancelSource(task.id, 2) && manager.cancelSource(task.id, 1));
    const summary = await done;
    expect(summary.sources.map((source) => source.status)).toEqual(['imported', 'cancelled', 'cancelled']);
    expect(summary.sources[2]?.issues[0]?.reason).toBe('this source was cancelled by the user; not imported');
    expect(recorded.detected).toEqual(['a.txt', 'slow.txt']);
    expect(recorded.db.filter((call) => call.method === 'beginSource')).toHaveLength(2);
  });

  it('records nothing for a source cancelled while its format was being sniffed', async () => {
    const { folder, paths } = threeFiles(['a.txt', 'sniff-slow.txt', 'c.txt']);
    const { session, recorded } = fakeSession(folder);
    const { done } = startImport(session, paths, (task, manager) => task.sources?.[1]?.state === 'reading' && manager.cancelSource(task.id, 1));
    const summary = await done;
    expect(summary.sources.map((source) => source.status)).toEqual(['imported', 'cancelled', 'imported']);
    expect(summary.sources[1]?.sourceId).toBeNull();
    expect(recorded.db.filter((call) => call.method === 'beginSource').map((call) => basename(String((call.params['source'] as { path: string }).path)))).toEqual(['a.txt', 'c.txt']);
  });

  it('still cancels the whole import, worded as such', async () => {
    const { folder, paths } = threeFiles(['a.txt', 'slow.txt', 'c.txt']);
    const { session } = fakeSession(folder);
    const { done, updates } = startImport(session, paths, (task, manager) => task.sources?.[1]?.state === 'reading' && manager.cancel(task.id));
    const summary = await done;
    expect(summary.sources.map((source) => source.status)).toEqual(['imported', 'cancelled', 'cancelled']);
    expect(summary.sources[1]?.issues[0]?.reason).toBe('the import was cancelled; nothing of this source was kept');
    expect(updates.at(-1)?.state).toBe('CANCELLED');
  });

  it('records a source stopped by cancelling the whole import as cancelled by the user', async () => {
    const { folder, paths } = threeFiles(['a.txt', 'slow.txt', 'c.txt']);
    const { session, recorded } = fakeSession(folder);
    const { done } = startImport(session, paths, (task, manager) => task.sources?.[1]?.state === 'reading' && manager.cancel(task.id));
    const summary = await done;
    expect(recorded.db.filter((call) => call.method === 'abandonSource').map((call) => call.params)).toEqual([{ sourceId: summary.sources[1]?.sourceId, status: 'cancelled', reason: 'cancelled by the user' }]);
  });

  it('records a source stopped because the case was closed as interrupted, to be retried', async () => {
    const { folder, paths } = threeFiles(['a.txt', 'slow.txt', 'c.txt']);
    const { session, recorded } = fakeSession(folder);
    const { done } = startImport(session, paths, (task, manager) => task.sources?.[1]?.state === 'reading' && manager.cancel(task.id, 'closing'));
    const summary = await done;
    const slowId = summary.sources[1]?.sourceId ?? '';
    expect(recorded.db.filter((call) => call.method === 'abandonSource').map((call) => call.params)).toEqual([{ sourceId: slowId, status: 'interrupted', reason: 'the case was closed during the import' }]);
    expect(summary.sources[1]?.issues[0]?.reason).toBe('the case was closed during the import; nothing of this source was kept ("Retry failed" imports it again)');
    expect(recorded.audit.find((entry) => entry.action === 'source.import.interrupted')?.details).toMatchObject({ sourceId: slowId, code: 'E_CANCELLED' });
  });

  it('keeps a source the user cancelled as cancelled when the case is closed afterwards', async () => {
    const { folder, paths } = threeFiles(['a.txt', 'slow.txt', 'c.txt']);
    const { session, recorded } = fakeSession(folder);
    const { done } = startImport(session, paths, (task, manager) => task.sources?.[1]?.state === 'reading' && manager.cancelSource(task.id, 1) && manager.cancel(task.id, 'closing'));
    await done;
    expect(recorded.db.filter((call) => call.method === 'abandonSource').map((call) => call.params['status'])).toEqual(['cancelled']);
  });

  it('lists files that could not be collected as failed sources first', async () => {
    const { folder, paths } = threeFiles(['a.txt', 'b.txt', 'c.txt']);
    const { session } = fakeSession(folder);
    const { done, updates } = startImport(session, [join(folder, 'missing.txt'), ...paths], () => false);
    await done;
    const sources = updates.at(-1)?.sources ?? [];
    expect(sources.map((source) => source.state)).toEqual(['failed', 'done', 'done', 'done']);
    expect(sources[0]?.error?.code).toBe('E_IMPORT_READ');
  });
});

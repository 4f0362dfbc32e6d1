import { existsSync } from 'node:fs';
import type { Channel, RequestOf, ResponseOf, EventTypes, AppInfo } from '../shared/ipc/contract.ts';
import type { CsvMappingSpec, DateOrder, ImportOptions, ImportSummary } from '../shared/domain/import.ts';
import { parseLanguageList } from '../shared/domain/case.ts';
import type { SourceRecord } from '../shared/domain/source.ts';
import { cancelledSources, declaredCsvMapping, declaredDateOrder, sourcesToRetry } from '../shared/domain/source-retry.ts';
import { normaliseDeviceLabel } from '../shared/domain/device.ts';
import { AppError } from '../shared/errors.ts';
import { APP_NAME, APP_VERSION } from './app-version.ts';
import { CaseSession } from './case/case-session.ts';
import { detectFiles } from './import/detect-files.ts';
import { describeExport, exportCase } from './export/export-case.ts';
import type { ExportOptions, ExportSummary } from './export/export-case.ts';
import { verifyEvidencePackage } from './package/verify-package.ts';
import { chatIndicators, recordDecision, reviewQueuePage } from './markers/review.ts';
import { tagOcrText } from './markers/tag-ocr-text.ts';
import { tagSource } from './markers/tag-source.ts';
import { ocrCase } from './ocr/ocr-case.ts';
import type { OcrCaseSummary } from './ocr/ocr-case.ts';
import { resolveOcrSettings } from './ocr/ocr-options.ts';
import type { OcrSettings } from './ocr/ocr-options.ts';
import { readImageContent } from './ocr/image-content.ts';
import { assertKnownTimeZone, importFiles } from './import/import-files.ts';
import { searchCase } from './search/search-case.ts';
import { TaskManager } from './tasks/task-manager.ts';
import { EventEmitter } from 'node:events';
import { formatCount, formatNumber } from '../shared/text/count-text.ts';
import { decisionsNoLongerFoundText } from '../shared/domain/decisions-no-longer-found-text.ts';

export { APP_NAME, APP_VERSION } from './app-version.ts';

/** "1 of 1 source imported, 300,000 messages, 58 issues" (it said "1 of 1 sources imported, 300000 messages"). */
export function importTaskSummary(imported: number, totals: { sources: number; messages: number; issues: number }): string {
  return `${formatNumber(imported)} of ${formatCount(totals.sources, 'source')} imported, ${formatCount(totals.messages, 'message')}, ${formatCount(totals.issues, 'issue')}`;
}

export type EngineHandlers = { [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

/** What "Look for indicators again" tagged: messages (their text), and messages whose images' OCR text was tagged. */
export interface RetagSummary {
  messages: number;
  ocrMessages: number;
  /**
   * Analysts' latest confirm/dismiss decisions on indicators the packs, run again, no longer find
   * (CoverageReport.noLongerFound): kept, shown apart in the review and marked in a package.
   */
  decisionsNoLongerFound: number;
}

export interface EngineOptions {
  mode: AppInfo['mode'];
  /** Who the audit log names as acting (the OS user unless told otherwise). */
  actor: string;
}

/**
 * The engine behind every front end (Electron main, the CLI, the loopback server): one open
 * case, its tasks, and the operations of the UI contract. Plain Node; never imports electron.
 */
export class Engine extends EventEmitter<{ event: [{ [E in keyof EventTypes]: { name: E; payload: EventTypes[E] } }[keyof EventTypes]] }> {
  readonly tasks = new TaskManager();
  private session: CaseSession | null = null;

  constructor(readonly options: EngineOptions) {
    super();
    this.tasks.on('update', (task) => this.emit('event', { name: 'task.update', payload: task }));
  }

  current(): CaseSession {
    if (this.session === null) throw new AppError('E_CASE_NOT_FOUND', 'No case is open: create or open a case first');
    return this.session;
  }

  async openCase(path: string, create: boolean, timeZone?: string, ocrLanguages?: string[], languages?: string[]): Promise<CaseSession> {
    await this.closeCase();
    const { session } = await CaseSession.open(path, { create, actor: this.options.actor, ...(timeZone === undefined ? {} : { timeZone }), ...(ocrLanguages === undefined ? {} : { ocrLanguages }), ...(languages === undefined ? {} : { languages }) });
    this.session = session;
    this.emit('event', { name: 'case.changed', payload: { reason: 'open' } });
    return session;
  }

  async closeCase(): Promise<void> {
    if (this.session === null) return;
    for (const task of this.tasks.list()) if (task.state === 'RUNNING') this.tasks.cancel(task.id, 'closing');
    await this.tasks.idle();
    const session = this.session;
    this.session = null;
    await session.close();
  }

  /** Starts an import task; the returned promise settles with the summary when it finishes. */
  startImport(paths: string[], options: ImportOptions): { taskId: string; done: Promise<ImportSummary> } {
    const session = this.current();
    const what = paths.length === 1 ? `Import ${paths[0]}` : `Import ${paths.length} items`;
    // The device decides which conversations merge (ADR 0014): the task says which one was declared.
    const device = labelOrNull(options.device);
    const title = device === null ? what : `${what} as device “${device}”`;
    const { id, done } = this.tasks.start('import', title, (task) => importFiles(session, paths, options, task), (summary) => {
      const imported = summary.sources.filter((source) => source.status === 'imported').length;
      return importTaskSummary(imported, summary.totals);
    });
    void done.then(
      () => this.emit('event', { name: 'case.changed', payload: { reason: 'import' } }),
      () => this.emit('event', { name: 'case.changed', payload: { reason: 'import' } }),
    );
    return { taskId: id, done };
  }

  /**
   * What "retry failed" imports again: the readable paths of sources whose latest import failed
   * or was interrupted and whose bytes are not in the case since (never what the user cancelled:
   * shared/domain/source-retry.ts), each with the device its earlier attempt was declared with.
   */
  /** The case's failed and interrupted sources to import again; with `only`, just those of them at these paths. */
  async sourcesToRetry(only?: readonly string[]): Promise<{ paths: string[]; deviceByPath: Record<string, string>; timeZoneByPath: Record<string, string>; dateOrderByPath: Record<string, DateOrder>; csvMappingByPath: Record<string, CsvMappingSpec> }> {
    const { sources } = await this.current().db.client.call('caseSummary', {});
    const wanted = only === undefined ? null : new Set(only);
    const retried = sourcesToRetry(sources).filter((source) => wanted === null || wanted.has(source.path));
    const deviceByPath: Record<string, string> = {};
    const timeZoneByPath: Record<string, string> = {};
    for (const source of retried) if (source.device !== null) deviceByPath[source.path] = source.device;
    // Only a declared zone is kept; one taken from the case setting follows the setting as it is now.
    for (const source of retried) if (source.timeZoneOrigin === 'flag') timeZoneByPath[source.path] = source.timeZone;
    const dateOrderByPath: Record<string, DateOrder> = {};
    for (const source of retried) {
      const dateOrder = declaredDateOrder(source);
      if (dateOrder !== null) dateOrderByPath[source.path] = dateOrder;
    }
    // A CSV source is recognised by its mapping only: retried without it, it failed as "not recognised".
    const csvMappingByPath: Record<string, CsvMappingSpec> = {};
    for (const source of retried) {
      const mapping = declaredCsvMapping(source);
      if (mapping !== null) csvMappingByPath[source.path] = mapping;
    }
    return { paths: readablePaths(retried), deviceByPath, timeZoneByPath, dateOrderByPath, csvMappingByPath };
  }

  /** Paths of sources whose latest import the user cancelled: left out of "retry failed", importable by name. */
  async cancelledSourcePaths(): Promise<string[]> {
    const { sources } = await this.current().db.client.call('caseSummary', {});
    return readablePaths(cancelledSources(sources));
  }

  /** Starts a court-package export task; the promise settles with the summary. */
  startExport(options: Omit<ExportOptions, 'examiner'>): { taskId: string; done: Promise<ExportSummary> } {
    const session = this.current();
    const { id, done } = this.tasks.start('export', `Export to ${options.outDir}`, (task) => exportCase(session, { ...options, examiner: this.options.actor }, task, async (kind) => session.db.client.call('reviewedRowids', { kind })), describeExport);
    void done.then(
      () => this.emit('event', { name: 'case.changed', payload: { reason: 'import' } }),
      () => undefined,
    );
    return { taskId: id, done };
  }

  /**
   * Tags every imported source again (after a rule pack update), then the text read from the
   * case's images; decisions survive.
   */
  startRetag(): { taskId: string; done: Promise<RetagSummary> } {
    const session = this.current();
    const { id, done } = this.tasks.start(
      'tag',
      'Look for indicators again',
      async (task) => {
        const sources = await session.db.client.call('importedSourceIds', {});
        // The text read from images is one more step after the sources.
        const steps = sources.length + 1;
        // Stored tags replace the old ones before the index is written: a stop in between rebuilds it.
        const endDerivedWrites = session.index.beginDerivedWrites();
        const summary: Omit<RetagSummary, 'decisionsNoLongerFound'> = { messages: 0, ocrMessages: 0 };
        let sourcesDone = 0;
        try {
          for (const [index, sourceId] of sources.entries()) {
            const stage = `tagging source ${index + 1} of ${sources.length}`;
            task.progress(stage, index, steps);
            // Messages as they are tagged: a source of hundreds of thousands held the bar still for minutes.
            summary.messages += await tagSource(session, sourceId, task.signal, (tagged) => task.progress(`${stage}: ${formatCount(tagged, 'message')} so far`, index, steps));
            sourcesDone += 1;
          }
          task.progress('tagging the text read from images', sources.length, steps);
          summary.ocrMessages = await tagOcrText(session, task.signal, (tagged) => task.progress(`tagging the text read from images (${tagged} messages)`, sources.length, steps));
        } catch (error) {
          // Indicators replaced before the stop stay replaced (each names its tagger and pack): the
          // custody log says the run stopped and how far it had got, as it says when a run completes.
          session.audit.append(this.options.actor, 'markers.retagged', {
            sources: sources.length,
            sourcesDone,
            ...summary,
            stopped: task.signal.aborted ? 'cancelled' : 'failed',
            ...(task.signal.aborted ? {} : { error: error instanceof Error ? error.message : String(error) }),
          });
          throw error;
        } finally {
          endDerivedWrites();
        }
        await session.index.persist(sources);
        const { noLongerFound } = await session.db.client.call('coverage', {});
        const done: RetagSummary = { ...summary, decisionsNoLongerFound: noLongerFound };
        session.audit.append(this.options.actor, 'markers.retagged', { sources: sources.length, ...done });
        return done;
      },
      (summary) =>
        `${formatCount(summary.messages, 'message')} tagged again, and the text read from the images of ${formatNumber(summary.ocrMessages)}` +
        (summary.decisionsNoLongerFound > 0 ? `; ${decisionsNoLongerFoundText(summary.decisionsNoLongerFound)}` : ''),
    );
    void done.then(() => this.emit('event', { name: 'case.changed', payload: { reason: 'import' } }), () => undefined);
    return { taskId: id, done };
  }

  /**
   * After an import from the UI, the new images are read in the background with the case's OCR
   * languages (the CLI does the same in the foreground). The tasks record their own failures.
   */
  private readImagesAfter(importDone: Promise<ImportSummary>): void {
    void importDone.then(
      (summary) => {
        if (this.session === null || !summary.sources.some((source) => source.status === 'imported')) return;
        this.startOcr(resolveOcrSettings({ lang: this.session.settings.ocrLanguages.join('+') })).done.catch(() => undefined);
      },
      () => undefined,
    );
  }

  /** OCRs the case's images that have no result yet, in the background. */
  startOcr(settings: OcrSettings, retryFailed = false): { taskId: string; done: Promise<OcrCaseSummary> } {
    const session = this.current();
    const { id, done } = this.tasks.start(
      'ocr',
      `Read text in images (${settings.langs.join('+')})`,
      async (task) => {
        if (retryFailed) await session.db.client.call('clearOcrFailures', {});
        return ocrCase(session, settings, task);
      },
      (summary) => `${summary.recognised} of ${summary.images} images read, ${summary.failed} failed, ${summary.skipped} not reachable`,
    );
    void done.then(() => this.emit('event', { name: 'case.changed', payload: { reason: 'import' } }), () => undefined);
    return { taskId: id, done };
  }

  handlers(): EngineHandlers {
    return {
      'app.info': async () => ({ name: APP_NAME, version: APP_VERSION, mode: this.options.mode, workingDirectory: process.cwd() }),
      'case.open': async ({ path, create, timeZone, ocrLanguages, languages }) => (await this.openCase(path, create, timeZone, ocrLanguages, languages === undefined ? undefined : parseLanguageList(languages.join(',')))).info(),
      'case.setLanguages': async ({ languages }) => {
        const session = this.current();
        await session.setLanguages(parseLanguageList(languages.join(',')));
        this.emit('event', { name: 'case.changed', payload: { reason: 'settings' } });
        return session.info();
      },
      'case.current': async () => (this.session === null ? null : this.session.info()),
      'case.close': async () => {
        await this.closeCase();
        this.emit('event', { name: 'case.changed', payload: { reason: 'close' } });
        return null;
      },
      'import.start': async ({ paths, ...options }) => {
        // Refused before a task starts, so the request fails and the UI keeps the files it staged
        // for a corrected zone (inside the task the error only ended the task, and the staging with it).
        assertKnownTimeZone(options.timeZone);
        const { taskId, done } = this.startImport(paths, stripUndefined(options));
        this.readImagesAfter(done);
        return { taskId };
      },
      'import.detect': async ({ paths, csvMapping }) => detectFiles(this.current(), paths, csvMapping),
      'import.retryFailed': async ({ timeZone, paths: only }) => {
        const { paths, deviceByPath, timeZoneByPath, dateOrderByPath, csvMappingByPath } = await this.sourcesToRetry(only);
        if (paths.length === 0) return { taskId: null, paths };
        const { taskId, done } = this.startImport(paths, { ...(timeZone === undefined ? {} : { timeZone }), deviceByPath, timeZoneByPath, dateOrderByPath, csvMappingByPath });
        this.readImagesAfter(done);
        return { taskId, paths };
      },
      'import.cancelSource': async ({ taskId, index }) => ({ cancelled: this.tasks.cancelSource(taskId, index) }),
      'sources.issues': async ({ sourceId }) => this.current().db.client.call('listIssues', { sourceId }),
      'export.start': async (request) => {
        const { taskId, done } = this.startExport(stripUndefined(request));
        done.catch(() => undefined);
        return { taskId };
      },
      'package.verify': async ({ bagDir }) => verifyEvidencePackage(bagDir),
      'markers.risks': async ({ limit }) => this.current().db.client.call('conversationRisks', { limit }),
      'markers.reviewFigures': async ({ chatId }) => this.current().db.client.call('conversationReviewFigures', { chatId }),
      'markers.queue': async (request) => reviewQueuePage(this.current(), request),
      'markers.ofChat': async ({ chatId }) => chatIndicators(this.current(), chatId),
      'markers.coverage': async () => this.current().db.client.call('coverage', {}),
      'markers.retag': async () => {
        const { taskId, done } = this.startRetag();
        done.catch(() => undefined);
        return { taskId };
      },
      'identifiers.shared': async ({ limit }) => this.current().db.client.call('sharedIdentifiers', { limit }),
      'review.decide': async (request) => recordDecision(this.current(), { ...stripUndefined(request), by: this.options.actor }),
      'ocr.start': async ({ langs, retryFailed }) => {
        const settings = resolveOcrSettings({ lang: (langs ?? this.current().settings.ocrLanguages).join('+') });
        const { taskId, done } = this.startOcr(settings, retryFailed === true);
        done.catch(() => undefined);
        return { taskId };
      },
      'images.list': async ({ chatId, limit, offset }) => this.current().db.client.call('listImages', { chatId, limit, offset }),
      'images.content': async ({ attachmentId }) => readImageContent(this.current(), attachmentId),
      'images.ofMessages': async ({ messageIds }) => this.current().db.client.call('imagesOfMessages', { messageIds }),
      'tasks.list': async () => this.tasks.list(),
      'tasks.cancel': async ({ taskId }) => ({ cancelled: this.tasks.cancel(taskId) }),
      'conversations.list': async () => this.current().db.client.call('listConversations', {}),
      'conversations.facts': async ({ chatId }) => this.current().db.client.call('conversationSourceFacts', { chatId }),
      'messages.range': async ({ chatId, offset, limit, order }) => this.current().db.client.call('messagesRange', { chatId, offset, limit, ...(order === undefined ? {} : { order }) }),
      'messages.locate': async ({ messageId }) => {
        const located = await this.current().db.client.call('locateMessage', { messageId });
        if (located === null) throw new AppError('E_NOT_FOUND', `No message ${messageId} in this case`);
        return located;
      },
      'search.run': async ({ query, limit, offset, sort, facets }) =>
        searchCase(this.current(), query, limit, offset, { ...(sort === undefined ? {} : { sort }), ...(facets === undefined ? {} : { facets }) }),
    };
  }

  async dispose(): Promise<void> {
    await this.closeCase();
  }
}

/** The device as it will be recorded; null when none is declared or the name will be refused (importFiles says why). */
function labelOrNull(device: string | undefined): string | null {
  try {
    return normaliseDeviceLabel(device);
  } catch {
    return null;
  }
}

function readablePaths(sources: SourceRecord[]): string[] {
  return [...new Set(sources.map((source) => source.path))].filter((path) => existsSync(path));
}

/** zod gives `undefined` for absent optional fields; exactOptionalPropertyTypes wants them absent. */
function stripUndefined<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

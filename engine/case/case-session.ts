import { mkdirSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import type { DbWorkerApi } from '../../shared/contracts/db-worker.ts';
import { DOC_FLAGS } from '../../shared/contracts/index-worker.ts';
import type { IndexUpdate } from '../../shared/contracts/index-worker.ts';
import type { ImportWorkerApi } from '../../shared/contracts/import-worker.ts';
import type { LanguageWorkerApi } from '../../shared/contracts/language-worker.ts';
import type { TagWorkerApi } from '../../shared/contracts/tag-worker.ts';
import type { CaseInfo, CaseSettings } from '../../shared/domain/case.ts';
import { AppError } from '../../shared/errors.ts';
import { isValidTimeZone } from '../../shared/time/zoned-time.ts';
import type { HostedWorker } from '../workers/worker-host.ts';
import { SearchIndex } from '../search/search-index.ts';
import { spawnWorker } from '../workers/worker-host.ts';
import { WorkerPool } from '../workers/worker-pool.ts';
import { AuditLog } from './audit-log.ts';

export interface OpenCaseOptions {
  create: boolean;
  /** Case default zone, used when the case is created. */
  timeZone?: string;
  /** Case default OCR languages, set when the case is created. */
  ocrLanguages?: string[];
  /** Languages the messages are expected in (ISO 639-3), set when the case is created; empty or absent: any. */
  languages?: string[];
  actor: string;
}

const INDEX_REBUILD_PAGE = 5000;

/**
 * An open case: a folder with the case database (owned by the db worker), the search index
 * (owned by the index worker) and the audit log. Import workers talk to both owners directly
 * over MessageChannels; this host only orchestrates.
 */
export class CaseSession {
  private importWorker: HostedWorker<ImportWorkerApi> | null = null;
  private languageWorkers: WorkerPool<LanguageWorkerApi> | null = null;
  private tagWorkers: WorkerPool<TagWorkerApi> | null = null;

  private constructor(
    readonly path: string,
    readonly createdAt: string,
    private currentSettings: CaseSettings,
    readonly schemaVersion: number,
    readonly db: HostedWorker<DbWorkerApi>,
    readonly index: SearchIndex,
    readonly audit: AuditLog,
    readonly actor: string,
  ) {}

  static async open(casePath: string, options: OpenCaseOptions): Promise<{ session: CaseSession; interruptedSources: string[] }> {
    const path = resolve(casePath);
    const timeZone = options.timeZone ?? 'UTC';
    if (!isValidTimeZone(timeZone)) throw new AppError('E_USAGE', `Unknown time zone "${timeZone}": use an IANA name such as Europe/Bucharest or UTC`);
    assertNotAFile(path);
    if (options.create) createCaseFolder(path);
    const db = spawnWorker<DbWorkerApi>('db');
    let index: SearchIndex | null = null;
    try {
      const opened = await db.client.call('open', { casePath: path, create: options.create, settings: { timeZone, ocrLanguages: options.ocrLanguages ?? ['eng'], languages: options.languages ?? [] } });
      index = await SearchIndex.open(path);
      const audit = new AuditLog(path);
      const session = new CaseSession(path, opened.createdAt, opened.settings, opened.schemaVersion, db, index, audit, options.actor);
      audit.append(options.actor, 'case.opened', { path, schemaVersion: opened.schemaVersion, interruptedSources: opened.interruptedSources });
      for (const sourceId of opened.interruptedSources) audit.append('threadline', 'source.interrupted', { sourceId, reason: 'found unfinished when the case was opened; marked for re-import' });
      if (opened.participantsRemade !== null) audit.append('threadline', 'case.participants.remade', { ...opened.participantsRemade, reason: "the conversations' participants were listed by older rules; listed again by the current ones" });
      await session.reconcileIndex();
      return { session, interruptedSources: opened.interruptedSources };
    } catch (error) {
      await Promise.all([db.terminate(), index?.close()]);
      throw error;
    }
  }

  /** The case's settings as the database holds them. */
  get settings(): CaseSettings {
    return this.currentSettings;
  }

  /**
   * Replaces the case's language list. It applies to sources imported from now on; messages
   * already in the case keep their languages, and each source's provenance names the list it was
   * detected with. The change is written to the audit log.
   */
  async setLanguages(languages: string[]): Promise<CaseSettings> {
    const previous = this.currentSettings.languages;
    this.currentSettings = await this.db.client.call('setCaseLanguages', { languages });
    this.audit.append(this.actor, 'case.languages', { languages: this.currentSettings.languages, previous });
    return this.currentSettings;
  }

  /**
   * Makes the persisted index cover exactly the imported sources. Normally a no-op (reopening a
   * case does not rebuild); after a crash between the database and index commits it adds the
   * missing sources, and if the index names a source the database does not hold it rebuilds.
   */
  async reconcileIndex(): Promise<{ added: string[]; rebuilt: boolean }> {
    const { sources } = await this.db.client.call('caseSummary', {});
    const imported = sources.filter((source) => source.status === 'imported').map((source) => source.id);
    const importedSet = new Set(imported);
    const covered = this.index.coveredSources;
    const stale = covered.some((id) => !importedSet.has(id));
    if (stale) await this.index.clear();
    const coveredSet = new Set(stale ? [] : covered);
    const missing = imported.filter((id) => !coveredSet.has(id));
    if (missing.length === 0 && this.index.loaded) return { added: [], rebuilt: false };
    await this.addSourcesToIndex(missing);
    await this.index.persist(imported);
    if (missing.length > 0) this.audit.append('threadline', 'index.reconciled', { added: missing, rebuilt: stale });
    return { added: missing, rebuilt: stale };
  }

  private async addSourcesToIndex(sourceIds: string[]): Promise<void> {
    let afterRowid = 0;
    for (;;) {
      const documents = await this.db.client.call('indexDocuments', { sourceIds, afterRowid, limit: INDEX_REBUILD_PAGE });
      const last = documents[documents.length - 1];
      if (last === undefined) return;
      await this.index.add(documents);
      await this.index.update(await derivedIndexUpdates(this.db, documents.map((document) => document.rowid)));
      afterRowid = last.rowid;
    }
  }

  /** The import worker, started on first use and wired straight to the db and index workers. */
  async importer(): Promise<HostedWorker<ImportWorkerApi>> {
    if (this.importWorker !== null) return this.importWorker;
    const worker = spawnWorker<ImportWorkerApi>('import');
    const toDb = new MessageChannel();
    await this.db.client.call('attachPort', { port: toDb.port1 }, { transfer: [toDb.port1] });
    const indexPorts = await this.index.portsForWorker();
    await worker.client.call('connect', { dbPort: toDb.port2, indexPorts }, { transfer: [toDb.port2, ...indexPorts] });
    this.importWorker = worker;
    return worker;
  }

  /** The language detection pool, started on first use. */
  languagePool(): WorkerPool<LanguageWorkerApi> {
    this.languageWorkers ??= new WorkerPool<LanguageWorkerApi>('language');
    return this.languageWorkers;
  }

  /** The marker tagging pool, started on first use. */
  tagPool(): WorkerPool<TagWorkerApi> {
    this.tagWorkers ??= new WorkerPool<TagWorkerApi>('tag');
    return this.tagWorkers;
  }

  async info(): Promise<CaseInfo> {
    const summary = await this.db.client.call('caseSummary', {});
    return { path: this.path, name: basename(this.path), createdAt: this.createdAt, settings: this.settings, sources: summary.sources, messageCount: summary.messageCount, unparsedCount: summary.unparsedCount, schemaVersion: this.schemaVersion };
  }

  async close(): Promise<void> {
    try {
      await this.db.client.call('close', {});
    } finally {
      await Promise.all([this.db.terminate(), this.index.close(), this.importWorker?.terminate(), this.languageWorkers?.terminate(), this.tagWorkers?.terminate()]);
    }
  }
}

/** The path's stats; a file named as a folder above it (ENOTDIR) is refused by name as bad usage, not left to crash. */
function statOrNotAFolder(path: string): ReturnType<typeof statSync> {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
    throw new AppError('E_USAGE', `The case folder ${path} lies below a file, not a folder: name a folder for the case (it is created if it does not exist)`);
  }
}

/**
 * Creates the case folder and any missing parent, one level at a time: Node 20's recursive
 * mkdir loops at full CPU where a folder cannot be made (below /proc), where a plain mkdir
 * fails at once. A folder that cannot be made is refused by name.
 */
function createCaseFolder(path: string): void {
  const missing: string[] = [];
  for (let folder = path; statOrNotAFolder(folder) === undefined; folder = dirname(folder)) {
    missing.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new AppError('E_USAGE', `The case folder ${path} cannot be created (${folder}: ${(error as NodeJS.ErrnoException).code ?? String(error)}): name a folder where one can be made`, { cause: error });
    }
  }
}

/** A case is a folder: a file named as one (often a source typed first by mistake) is refused by name, never written into. */
function assertNotAFile(path: string): void {
  const stats = statOrNotAFolder(path);
  if (stats !== undefined && !stats.isDirectory()) throw new AppError('E_USAGE', `The case folder ${path} is a file, not a folder: name a folder for the case (it is created if it does not exist)`);
}

/**
 * What a message's index entry holds beyond its own row, for the messages `rowids`: the text read
 * from its images (searchable, has:ocr) and the markers tagged on it. A rebuilt index got only
 * the rows (indexDocuments), so after a rebuild OCR words and marker: filters found nothing.
 */
async function derivedIndexUpdates(db: HostedWorker<DbWorkerApi>, rowids: number[]): Promise<IndexUpdate[]> {
  const [ocrTexts, tags] = await Promise.all([db.client.call('ocrTextsForRowids', { rowids }), db.client.call('tagsForRowids', { rowids })]);
  const updates: IndexUpdate[] = [];
  // As ocrCase does: an image in which OCR found no text adds neither words nor the flag.
  for (const [rowid, text] of ocrTexts) if (text.trim() !== '') updates.push({ rowid, appendText: text, setFlags: DOC_FLAGS.ocr });
  for (const [rowid, stored] of tags) updates.push({ rowid, markers: [...new Set(stored.map((tag) => tag.marker))] });
  return updates;
}

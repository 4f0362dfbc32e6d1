/**
 * Language identification of loose texts (`threadline lang`) on the language worker, the same
 * worker and call the import uses (detect-languages.ts), so the command line and an import give
 * the same answer for the same text, context and language list: both get fastText lid.176,
 * which only the worker can load.
 *
 * Workers start on demand: one for a handful of lines (a worker with fastText is ready in about
 * 0.1-0.5 s), more only while every started one is busy, up to one per core.
 */
import { availableParallelism } from 'node:os';
import type { LanguageItem, LanguageResult, LanguageWorkerApi } from '../../shared/contracts/language-worker.ts';
import { BugError } from '../../shared/errors.ts';
import type { CallOptions } from '../../shared/worker/client.ts';
import type { HostedWorker } from '../workers/worker-host.ts';
import { spawnWorker } from '../workers/worker-host.ts';

export type LanguageTool = LanguageWorkerApi['detect']['result']['tool'];

export interface TextToDetect {
  text: string;
  /** Neighbouring messages (same conversation, same sender), nearest first. */
  context?: string[];
}

export interface TextLanguagesOptions {
  /** Languages expected (ISO 639-3): narrow the candidates as a case's language list does. */
  caseLanguages?: readonly string[];
  /** Most workers to start; default one per core. */
  maxWorkers?: number;
}

export class TextLanguages {
  private readonly workers: HostedWorker<LanguageWorkerApi>[] = [];
  private readonly maxWorkers: number;
  private readonly caseLanguages: string[] | undefined;
  private warming: Promise<unknown> | undefined;

  constructor(options: TextLanguagesOptions = {}) {
    this.maxWorkers = Math.max(1, options.maxWorkers ?? availableParallelism());
    this.caseLanguages = options.caseLanguages === undefined || options.caseLanguages.length === 0 ? undefined : [...options.caseLanguages];
  }

  /**
   * Starts the first worker and has it load fastText now, while the caller is still reading its
   * input; the first batch then waits only for what is left of that start.
   */
  warmUp(): void {
    if (this.workers.length > 0) return;
    const first = spawnWorker<LanguageWorkerApi>('language');
    this.workers.push(first);
    // An empty batch makes the worker load its classifier; a failure shows on the first real call.
    this.warming = first.client.call('detect', { items: [] }).catch(() => undefined);
  }

  /** Detects a batch; results come back in the order of `texts`, with the tool that made them. */
  async detect(texts: readonly TextToDetect[], options?: CallOptions): Promise<{ results: LanguageResult[]; tool: LanguageTool }> {
    if (this.warming !== undefined) await this.warming;
    const items: LanguageItem[] = texts.map((item, position) => ({ rowid: position, text: item.text, ...(item.context === undefined ? {} : { context: item.context }) }));
    const outcome = await this.pick().client.call('detect', { items, ...(this.caseLanguages === undefined ? {} : { caseLanguages: this.caseLanguages }) }, options);
    outcome.results.forEach((result, position) => {
      if (result.rowid !== position) throw new BugError(`language worker answered item ${result.rowid} in place ${position}`);
    });
    return outcome;
  }

  /** An idle worker, a new one while there is room, else the least busy. */
  private pick(): HostedWorker<LanguageWorkerApi> {
    const idle = this.workers.find((worker) => worker.client.pendingCount() === 0);
    if (idle !== undefined) return idle;
    if (this.workers.length < this.maxWorkers) {
      const started = spawnWorker<LanguageWorkerApi>('language');
      this.workers.push(started);
      return started;
    }
    return this.workers.reduce((best, worker) => (worker.client.pendingCount() < best.client.pendingCount() ? worker : best));
  }

  /** Workers started so far (for tests and progress). */
  get started(): number {
    return this.workers.length;
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

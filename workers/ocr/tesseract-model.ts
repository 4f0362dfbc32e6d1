import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BroadcastChannel, Worker as NodeWorker } from 'node:worker_threads';
import tesseract from 'tesseract.js';
import type { Page, Worker as TesseractWorker } from 'tesseract.js';
import type { OcrTraineddata } from '../../shared/contracts/ocr-worker.ts';
import { AppError } from '../../shared/errors.ts';
import { guardModelLoad } from './load-guard.ts';
import { tesseractFiles } from './local-files.ts';
import { THREAD_FATAL, THREAD_LOG, tesseractThreadUrl } from './tesseract-thread.ts';
import type { LoadedTraineddata } from './traineddata.ts';

/** The LSTM engine only: the models we load (best_int, Debian's fast) carry no legacy part. */
export const OEM_LSTM_ONLY = 1;
/**
 * Page segmentation "a single uniform block of text". A chat screenshot is one column of text
 * lines; on the benchmark this read better and faster than fully automatic layout analysis
 * (PSM 3, the native command's default), which splits bubbles into blocks and misorders them.
 * A page with several columns would be read across them.
 */
export const PSM_SINGLE_BLOCK = 6;
/** Tesseract's `thresholding_method` for Sauvola's adaptive binarisation (0 is global Otsu). */
export const THRESHOLD_SAUVOLA = 2;
/** Generous: a large model on a busy 2-core machine loads in a few seconds. */
const DEFAULT_LOAD_TIMEOUT_MS = 60_000;
/** What the core printed last is what explains a failure; older lines are dropped. */
const LOG_LINES_KEPT = 20;

export interface LoadOptions {
  timeoutMs?: number;
}

/**
 * One tesseract.js worker (one thread running the single-threaded WebAssembly core) with a set
 * of languages loaded, reused across calls. It runs one recognition at a time.
 */
export class TesseractModel {
  private failure: AppError | null = null;
  private failRunning: ((error: AppError) => void) | null = null;

  private constructor(
    private readonly worker: TesseractWorker,
    thread: NodeWorker,
    private readonly stopChannel: string,
    readonly traineddata: OcrTraineddata[],
  ) {
    // tesseract.js listens to neither: without these, a crash of its thread would be an
    // uncaught 'error' event here and take the OCR worker down with it.
    thread.on('error', (error) => this.fail(new AppError('E_INTERNAL', `The Tesseract thread crashed: ${error.message}`, { expected: false })));
    thread.on('exit', (code) => this.fail(new AppError('E_INTERNAL', `The Tesseract thread exited (code ${code})`, { expected: false })));
  }

  get usable(): boolean {
    return this.failure === null;
  }

  static async load(models: readonly LoadedTraineddata[], options: LoadOptions = {}): Promise<TesseractModel> {
    const files = tesseractFiles();
    const langs = models.map((model) => model.info.lang).join('+');
    const stopChannel = `threadline-ocr-${randomUUID()}`;
    const logs: string[] = [];
    let loading = true;
    let rejectLoad: (error: unknown) => void = () => {};
    const failed = new Promise<never>((_resolve, reject) => {
      rejectLoad = (error) => {
        if (loading) reject(error);
      };
    });
    // tesseract.js reads <langPath>/<lang>.traineddata; the folder holds exactly the bytes we
    // validated and hashed, in a private temp folder (never next to the user's files).
    const staging = mkdtempSync(join(tmpdir(), 'threadline-ocr-'));
    let timer: ReturnType<typeof setTimeout> | undefined;
    let creating: Promise<TesseractWorker> | undefined;
    try {
      for (const model of models) writeFileSync(join(staging, `${model.info.lang}.traineddata`), model.data, { mode: 0o600 });
      creating = tesseract.createWorker(langs, OEM_LSTM_ONLY, {
        // tesseract.js hands workerPath straight to `new Worker()`, which accepts a URL.
        workerPath: tesseractThreadUrl(files.workerScript, stopChannel) as unknown as string,
        corePath: files.coreDir,
        langPath: staging,
        cachePath: staging,
        cacheMethod: 'none',
        gzip: false,
        logger: (message) => {
          const { status, message: text } = message as unknown as { status: string; message?: unknown };
          if (status !== THREAD_LOG && status !== THREAD_FATAL) return;
          logs.push(String(text).trim());
          if (logs.length > LOG_LINES_KEPT) logs.shift();
          if (status === THREAD_FATAL) rejectLoad(new Error(String(text)));
        },
        // Without an errorHandler a failed load throws uncaught; with one, createWorker never
        // settles. So the handler fails our side of the race.
        errorHandler: (error: unknown) => rejectLoad(error),
      });
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new AppError('E_INTERNAL', `Loading the traineddata for ${langs} did not finish within ${(options.timeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS) / 1000} s`, { expected: false })), options.timeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS);
      });
      const worker = await guardModelLoad(rejectLoad, () => Promise.race([creating as Promise<TesseractWorker>, failed, timeout]));
      loading = false;
      await worker.setParameters({ tessedit_pageseg_mode: String(PSM_SINGLE_BLOCK) as tesseract.PSM });
      const thread = (worker as unknown as { worker?: unknown }).worker;
      if (!(thread instanceof NodeWorker)) throw new AppError('E_INTERNAL', 'tesseract.js did not expose its worker thread', { expected: false });
      return new TesseractModel(worker, thread, stopChannel, models.map((model) => model.info));
    } catch (error) {
      loading = false;
      stopThread(stopChannel);
      // A load that timed out may still finish later: stop that worker too.
      void creating?.then((late) => late.terminate(), () => {});
      throw loadError(error, models, logs);
    } finally {
      clearTimeout(timer);
      rmSync(staging, { recursive: true, force: true });
    }
  }

  /**
   * Recognises one encoded image; `parameters` are Tesseract variables set for this call only.
   * Cancelling stops the thread (Tesseract cannot be interrupted).
   */
  async recognize(image: Uint8Array, parameters: Record<string, string>, signal: AbortSignal): Promise<Page> {
    if (this.failure !== null) throw this.failure;
    if (signal.aborted) throw new AppError('E_CANCELLED', 'OCR cancelled');
    const failed = new Promise<never>((_resolve, reject) => {
      this.failRunning = reject;
    });
    const onAbort = (): void => this.fail(new AppError('E_CANCELLED', 'OCR cancelled'));
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const job = this.worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), parameters, { text: false, tsv: true });
      const result = await Promise.race([job, failed]);
      return result.data;
    } catch (error) {
      if (error instanceof AppError) throw error;
      // The core may be in any state after a failed recognition: start afresh next time.
      const failure = new AppError('E_INTERNAL', `Tesseract failed to recognise the image: ${String(error)}`, { expected: false });
      this.fail(failure);
      throw failure;
    } finally {
      signal.removeEventListener('abort', onAbort);
      this.failRunning = null;
    }
  }

  terminate(): void {
    this.fail(new AppError('E_INTERNAL', 'The Tesseract worker was stopped', { expected: false }));
  }

  private fail(error: AppError): void {
    const running = this.failRunning;
    this.failRunning = null;
    running?.(error);
    if (this.failure !== null) return;
    this.failure = error;
    void this.worker.terminate();
    stopThread(this.stopChannel);
  }
}

function stopThread(name: string): void {
  const channel = new BroadcastChannel(name);
  channel.postMessage('stop');
  channel.close();
}

/** Names the language and file that failed, using the core's own last words when it gave any. */
function loadError(error: unknown, models: readonly LoadedTraineddata[], logs: readonly string[]): AppError {
  if (error instanceof AppError) return error;
  const said = logs.join('\n');
  const failedLang = /Failed loading language '([^']+)'/.exec(said)?.[1];
  const culprit = models.find((model) => model.info.lang === failedLang) ?? (models.length === 1 ? models[0] : undefined);
  const what = culprit === undefined
    ? `the traineddata for ${models.map((model) => `'${model.info.lang}' (${model.info.file})`).join(', ')}`
    : `the traineddata for '${culprit.info.lang}' (${culprit.info.file})`;
  const reason = error instanceof Error ? error.message : String(error);
  const detail = logs.length === 0 ? '' : `; Tesseract said: ${logs.slice(-4).join(' / ')}`;
  return new AppError('E_IMPORT_FORMAT', `Tesseract could not load ${what}: ${reason}${detail}`, {
    details: { langs: models.map((model) => model.info.lang), files: models.map((model) => model.info.file) },
  });
}

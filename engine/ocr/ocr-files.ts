import { availableParallelism } from 'node:os';
import type { OcrPreprocessOptions, OcrResult, OcrWorkerApi } from '../../shared/contracts/ocr-worker.ts';
import { DEFAULT_OCR_PREPROCESS } from '../../shared/contracts/ocr-worker.ts';
import type { SerializedError } from '../../shared/errors.ts';
import { AppError, isCancellation, serializeError } from '../../shared/errors.ts';
import { WorkerPool } from '../workers/worker-pool.ts';

export interface OcrFilesOptions {
  langs: string[];
  tessdataDirs: string[];
  preprocess?: OcrPreprocessOptions;
  /** OCR workers to run; default one per core (each runs a single-threaded Tesseract). */
  poolSize?: number;
  /** Called once per image as soon as it is done (in completion order). */
  onOutcome?: (outcome: OcrFileOutcome, index: number) => void;
}

export type OcrFileOutcome = { file: string; ok: true; result: OcrResult } | { file: string; ok: false; error: SerializedError };

export interface OcrProgress {
  done: number;
  total: number;
  file: string;
}

/**
 * OCRs images on a pool of OCR workers. A failed image is recorded in its outcome and never
 * stops the run; cancelling stops the images in flight and rejects with E_CANCELLED.
 * Outcomes are returned in the order of `paths`.
 */
export async function ocrFiles(paths: readonly string[], options: OcrFilesOptions, onProgress: (progress: OcrProgress) => void, signal: AbortSignal): Promise<OcrFileOutcome[]> {
  const outcomes: (OcrFileOutcome | undefined)[] = new Array<OcrFileOutcome | undefined>(paths.length).fill(undefined);
  if (paths.length === 0) return [];
  const size = Math.max(1, Math.min(options.poolSize ?? availableParallelism(), paths.length));
  const pool = new WorkerPool<OcrWorkerApi>('ocr', size);
  const preprocess = options.preprocess ?? DEFAULT_OCR_PREPROCESS;
  let next = 0;
  let done = 0;

  // As many calls in flight as workers: queuing everything at once would park every image's
  // request (and, with bytes, its data) on the workers at the same time.
  async function drain(): Promise<void> {
    while (next < paths.length) {
      if (signal.aborted) return;
      const index = next++;
      const file = paths[index] as string;
      let outcome: OcrFileOutcome;
      try {
        const result = await pool.call('recognize', { path: file, langs: options.langs, tessdataDirs: options.tessdataDirs, preprocess }, { signal });
        outcome = { file, ok: true, result };
      } catch (error) {
        if (isCancellation(error) || signal.aborted) return;
        outcome = { file, ok: false, error: serializeError(error) };
      }
      outcomes[index] = outcome;
      done++;
      options.onOutcome?.(outcome, index);
      onProgress({ done, total: paths.length, file });
    }
  }

  try {
    await Promise.all(Array.from({ length: size }, () => drain()));
  } finally {
    await pool.terminate();
  }
  if (signal.aborted) throw new AppError('E_CANCELLED', `OCR cancelled after ${done} of ${paths.length} images`);
  return outcomes.map((outcome, index) => outcome ?? { file: paths[index] as string, ok: false, error: serializeError(new AppError('E_INTERNAL', 'No OCR result', { expected: false })) });
}

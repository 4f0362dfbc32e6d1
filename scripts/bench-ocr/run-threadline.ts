import type { OcrPreprocessOptions, OcrResult, OcrWorkerApi } from '../../shared/contracts/ocr-worker.ts';
import type { WorkerPool } from '../../engine/workers/worker-pool.ts';
import type { BenchImage } from './render-chats.ts';

export interface ThreadlineRun {
  results: OcrResult[];
  /** Wall-clock seconds for the whole list. */
  wallSeconds: number;
  /** Seconds measured inside the worker, summed (read, decode, preprocess, recognise). */
  workerSeconds: number;
  /** CPU seconds of this whole process (all threads: the OCR workers and their Tesseract threads). */
  cpuSeconds: number;
}

/** Runs the images through an existing pool, as many at a time as it has workers. */
export async function runThreadline(pool: WorkerPool<OcrWorkerApi>, images: readonly BenchImage[], tessdataDirs: string[], preprocess: OcrPreprocessOptions): Promise<ThreadlineRun> {
  const results = new Array<OcrResult | undefined>(images.length).fill(undefined);
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  async function drain(): Promise<void> {
    while (next < images.length) {
      const index = next++;
      const image = images[index] as BenchImage;
      results[index] = await pool.call('recognize', { path: image.file, langs: [image.lang], tessdataDirs, preprocess });
    }
  }
  await Promise.all(Array.from({ length: pool.size }, () => drain()));
  const wallSeconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const done = results.filter((result): result is OcrResult => result !== undefined);
  return { results: done, wallSeconds, workerSeconds: done.reduce((sum, result) => sum + result.tookMs, 0) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}
